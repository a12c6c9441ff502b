"""Until when a deleted entry stays in the rolling backups: the pure date the delete question
gives (``rolled_over_by``), and a real journal in ``tmp_path`` showing it is the earliest day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coach.journal import Journal
from coach.journal.backups import DEFAULT_KEEP_DAYS, rolled_over_by
from coach.model import Reflection

UTC = dt.UTC


def test_the_date_is_today_plus_the_days_kept() -> None:
    today = dt.date(2026, 11, 26)
    assert DEFAULT_KEEP_DAYS == 14
    assert rolled_over_by(today) == dt.date(2026, 12, 10)
    assert rolled_over_by(today, 3) == dt.date(2026, 11, 29)
    assert rolled_over_by(dt.date(2026, 12, 25), 14) == dt.date(2027, 1, 8)  # across a year
    assert rolled_over_by(today, 0) is None  # no backups kept: nothing stays behind


def reflection(rid: str, day: dt.date) -> Reflection:
    return Reflection(
        id=rid,
        date=day,
        created=dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC),
        narrative=f"marker-{rid}",
    )


def in_backups(journal: Journal, marker: str) -> bool:
    return any(marker.encode() in p.read_bytes() for p in journal.backups_dir.rglob("*.json"))


def test_a_deleted_entry_leaves_the_backups_on_that_day_when_the_year_changes_daily(
    tmp_path: Path,
) -> None:
    deleted_on = dt.date(2026, 11, 26)
    clock = {"today": deleted_on}
    keep = 3
    with Journal(tmp_path / "data", keep_days=keep, today=lambda: clock["today"]) as journal:
        journal.add(reflection("gone", dt.date(2026, 11, 20)))
        journal.add(reflection("stays", dt.date(2026, 11, 21)))
        journal.delete("gone")
        assert journal.get("gone") is None
        assert in_backups(journal, "marker-gone")  # deleted, and still in today's backup

        until = rolled_over_by(deleted_on, keep)
        assert until is not None
        day = deleted_on
        while day < until:  # the year's file changes every day: the quickest it can roll over
            day += dt.timedelta(days=1)
            clock["today"] = day
            journal.add(reflection(f"on-{day.isoformat()}", day))
            assert in_backups(journal, "marker-gone") is (day < until), day
        assert not in_backups(journal, "marker-gone")
        assert in_backups(journal, "marker-stays")
