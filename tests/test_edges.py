"""Edge values: the rules for ids, offsets and dates; ``--as-of``; figures never overflow."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.insights import journal_insights, journal_stats
from coach.journal import Journal
from coach.model import EARLIEST_DATE, LATEST_DATE, ModelError, Reflection
from coach.nudges import working_days

UTC = dt.UTC


def record(**changes: Any) -> dict[str, Any]:
    """A valid reflection's dict form, with some fields changed."""
    return {
        "id": "3f0c7a52-7d1e-4f7e-9a53-2b8e1f0f6a11",
        "date": "2026-11-26",
        "created": "2026-11-26T17:45:03+01:00",
        "kind": "reflection",
        **changes,
    }


def refused(source: dict[str, Any]) -> ModelError:
    with pytest.raises(ModelError) as caught:
        Reflection.from_dict(source)
    assert "\n" not in str(caught.value)
    return caught.value


# --- ids ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rid",
    [
        str(uuid.uuid4()),
        f"t3-00012-{uuid.uuid4()}",
        "r-2026",
        "a",
        "9",
        "own:mine_2.v1",
        "A" * 128,
    ],
)
def test_realistic_ids_pass(rid: str) -> None:
    assert Reflection.from_dict(record(id=rid)).id == rid


@pytest.mark.parametrize(
    ("rid", "shown"),
    [
        ("../x", "'../x'"),
        ("a/b", "'a/b'"),
        ("x\x00y", "'x␀y'"),
        ("has space", "'has space'"),
        (" lead", "' lead'"),
        ("-starts-with-dash", "'-starts-with-dash'"),
        (".hidden", "'.hidden'"),
        ("ok\n", "'ok\\n'"),
        ("café", "'café'"),
        ("١٢٣", "'١٢٣'"),  # digits, but not the ASCII ones
        ("A" * 129, "'" + "A" * 59 + "…'"),
        ("\x1b[2J" + "x" * 100, "'␛[2J" + "x" * 55 + "…'"),
    ],
)
def test_other_ids_are_refused_naming_the_field_and_quoting_the_value(rid: str, shown: str) -> None:
    error = refused(record(id=rid))
    assert error.field == "id"
    assert error.problem.endswith(f"not {shown}")
    assert "letters, digits" in error.problem
    assert "\x1b" not in str(error)


def test_an_empty_id_is_refused() -> None:
    assert refused(record(id="")).field == "id"


def test_the_constructor_keeps_the_same_rules() -> None:
    created = dt.datetime(2026, 11, 26, 18, tzinfo=UTC)
    with pytest.raises(ModelError, match=r"^id: "):
        Reflection(id="../x", date=dt.date(2026, 11, 26), created=created)
    with pytest.raises(ModelError, match=r"^date: "):
        Reflection(id="ok", date=dt.date(1, 1, 1), created=created)
    with pytest.raises(ModelError, match=r"^created: .*whole minutes"):
        Reflection(
            id="ok",
            date=dt.date(2026, 11, 26),
            created=created.replace(tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59))),
        )


# --- offsets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "offset", ["-12:00", "+14:00", "+00:00", "Z", "+05:30", "+05:45", "-09:30"]
)
def test_offsets_in_use_on_earth_pass(offset: str) -> None:
    created = f"2026-11-26T17:45:03{offset}"
    assert Reflection.from_dict(record(created=created)).created.utcoffset() is not None


@pytest.mark.parametrize("offset", ["+23:59", "-23:59", "+14:01", "-12:01", "+05:30:15"])
def test_other_offsets_are_refused(offset: str) -> None:
    created = f"2026-11-26T17:45:03{offset}"
    error = refused(record(created=created))
    assert error.field == "created"
    assert "from -12:00 to +14:00 in whole minutes" in error.problem


def test_a_time_without_an_offset_is_still_refused() -> None:
    error = refused(record(created="2026-11-26T17:45:03"))
    assert (error.field, error.problem) == (
        "created",
        "must carry a UTC offset, not '2026-11-26T17:45:03'",
    )


# --- dates -------------------------------------------------------------------------------


def test_the_range_is_1900_to_2199() -> None:
    assert (dt.date(1900, 1, 1), dt.date(2199, 12, 31)) == (EARLIEST_DATE, LATEST_DATE)


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31", "2026-02-28"])
def test_dates_in_the_range_pass(day: str) -> None:
    assert Reflection.from_dict(record(date=day)).date.isoformat() == day


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_dates_outside_the_range_are_refused(day: str) -> None:
    error = refused(record(date=day))
    assert (error.field, error.problem) == (
        "date",
        f"must be a date from 1900-01-01 to 2199-12-31, not '{day}'",
    )


@pytest.mark.parametrize("created", ["0001-01-01T10:00:00+00:00", "2200-01-01T00:30:00+14:00"])
def test_the_date_of_created_is_in_the_range_too(created: str) -> None:
    error = refused(record(created=created))
    assert error.field == "created"
    assert "from 1900-01-01 to 2199-12-31" in error.problem


# --- coach stats --as-of -----------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_as_of_outside_the_range_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "stats", "--as-of", day]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"coach: --as-of must be a date from 1900-01-01 to 2199-12-31, not '{day}'\n"
    )


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_as_of_at_either_end_of_the_range_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    Journal(tmp_path / "data").close()
    assert main(["--data-dir", str(tmp_path / "data"), "stats", "--json", "--as-of", day]) == 0
    assert f'"as_of": "{day}"' in capsys.readouterr().out


def test_as_of_0001_01_01_through_the_real_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coach", "stats", "--as-of", "0001-01-01"],
        capture_output=True,
        text=True,
        env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "data")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "unexpected error" not in result.stderr
    assert result.stderr == (
        "coach: --as-of must be a date from 1900-01-01 to 2199-12-31, not '0001-01-01'\n"
    )


# --- figures never step off the calendar -------------------------------------------------


@pytest.mark.parametrize("as_of", [dt.date.min, dt.date(1, 1, 2), dt.date.max])
def test_no_date_makes_the_figures_overflow(as_of: dt.date) -> None:
    stats = journal_stats([], as_of)
    assert stats.as_of == as_of
    assert stats.strain_mean_30d is None
    for days in (30, 90, 365):
        figures = journal_insights([], as_of, days)
        assert figures.strain.end == as_of
        assert figures.strain.start >= dt.date.min


def test_working_days_stop_where_the_calendar_starts() -> None:
    assert working_days(dt.date(1, 1, 3), 7) == (
        dt.date(1, 1, 1),
        dt.date(1, 1, 2),
        dt.date(1, 1, 3),
    )
