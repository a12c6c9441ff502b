"""A damaged year file no longer keeps the app from starting: the journal opens read-only
without it (``Journal(..., damaged_ok=True)``), the rest readable, nothing written; the data
commands still refuse, so an export never silently leaves a year out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli import main
from coach.journal import Journal, JournalCorrupt
from coach.journal.errors import JournalReadOnly
from coach.model import Reflection

THIS_YEAR = Reflection.new(day=dt.date(2026, 3, 2), narrative="kept")
LAST_YEAR = Reflection.new(day=dt.date(2025, 3, 2), narrative="in the damaged file")
EARLIER = Reflection.new(day=dt.date(2024, 3, 2), narrative="also damaged")


def journal_with_damage(data: Path, *years: int) -> dict[Path, bytes]:
    """A journal of three years with the given years' files damaged; each file's bytes."""
    with Journal(data) as journal:
        for reflection in (THIS_YEAR, LAST_YEAR, EARLIER):
            journal.save(reflection)
    for year in years:
        (data / "journal" / f"{year}.json").write_bytes(b'{"reflections": {"x": ')
    return {path: path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}


def test_the_app_opens_the_rest_read_only_and_names_each_damaged_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    before = journal_with_damage(data, 2025, 2024)
    with pytest.raises(JournalCorrupt):
        Journal(data)  # the commands' open: refused, as before
    with Journal(data, damaged_ok=True) as journal:
        assert set(journal.damaged) == {
            data / "journal" / "2025.json",
            data / "journal" / "2024.json",
        }
        assert journal.years() == [2026]
        assert [r.id for r in journal.iter_newest_first()] == [THIS_YEAR.id]
        assert journal.read_only is not None
        assert "coach doctor" in journal.read_only
        with pytest.raises(JournalReadOnly):
            journal.save(Reflection.new(narrative="new"))
    after = {path: path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}
    assert after == before  # nothing written, the damaged files least of all


def test_a_whole_journal_opens_as_ever(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal_with_damage(data)
    with Journal(data, damaged_ok=True) as journal:
        assert journal.damaged == ()
        assert journal.read_only is None
        assert journal.years() == [2026, 2025, 2024]


def test_damaged_records_still_stop_the_open(tmp_path: Path) -> None:
    """Settings and every record live in records.json: there is no reading around it."""
    data = tmp_path / "data"
    journal_with_damage(data)
    (data / "records.json").write_bytes(b"[")
    with pytest.raises(JournalCorrupt):
        Journal(data, damaged_ok=True)


def test_an_export_still_refuses_a_damaged_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_damage(data, 2025)
    assert main(["--data-dir", str(data), "export"]) == 1
    assert "2025.json is damaged" in capsys.readouterr().err
