"""A process reads only the year files it needs: the index of what each year holds.

``index.json`` is a cache: each year's ids and schema numbers, trusted only while the year
file's signature is the one recorded. These tests count which year files are actually read,
and check that a stale, damaged or missing index is never believed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach.journal import Journal, JournalError
from coach.journal.index import INDEX_SCHEMA
from coach.model import Reflection, new_id
from tests.helpers.counting import count_builds

UTC = dt.UTC
YEARS = range(2007, 2027)  # twenty years


def make(day: str, **parts: Any) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(17, 0), UTC)
    return Reflection(id=parts.pop("id", new_id()), date=date, created=created, **parts)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Twenty years of a few reflections each, written (and indexed) by one process."""
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.import_reflections(
            make(f"{year}-0{month}-01", id=f"r-{year}-{month}")
            for year in YEARS
            for month in (1, 5)
        )
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the year files read from now on (every read of a file is ``read_bytes``)."""
    seen: list[str] = []
    real = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.parent.name == "journal":
            seen.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return seen


def test_opening_and_counting_read_no_year_file(data_dir: Path, reads: list[str]) -> None:
    with Journal(data_dir) as journal:
        assert journal.count() == 40
        assert journal.get("r-2015-5") is not None
    assert reads == ["2015.json"]  # only the year holding the one reflection built


def test_a_save_reads_only_its_own_year(data_dir: Path, reads: list[str]) -> None:
    with Journal(data_dir) as journal:
        journal.save(make("2026-11-30"))
        journal.save(make("2026-11-30", id="r-2026-5", notes="changed"))
    assert set(reads) == {"2026.json"}


def test_a_move_reads_only_the_two_years_it_changes(data_dir: Path, reads: list[str]) -> None:
    with Journal(data_dir) as journal:
        journal.save(make("2011-02-02", id="r-2019-1"))
        assert journal.count() == 40
    assert set(reads) == {"2019.json", "2011.json"}


def test_an_import_of_one_record_reads_only_its_year(data_dir: Path, reads: list[str]) -> None:
    with Journal(data_dir) as journal:
        report = journal.import_reflections([make("2013-07-07")])
    assert report.added == 1
    assert reads == ["2013.json"]


def test_an_import_builds_only_the_stored_copies_of_its_ids(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new id builds nothing stored; a known one builds only its stored copy, to compare."""
    builds = count_builds(monkeypatch)
    with Journal(data_dir) as journal:
        assert journal.import_reflections([make("2013-07-07")]).added == 1
        assert builds == []
        changed = make("2015-05-01", id="r-2015-5", notes="changed elsewhere")
        journal.import_reflections([changed])
        assert builds == ["r-2015-5"]


def test_home_reads_the_last_days_without_building_the_year(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home shows the newest reflection and today's: the days since are built (and the one
    before them, which says where to stop), not the year."""
    with Journal(data_dir) as journal:
        journal.import_reflections(
            make(f"2026-01-{day:02}", id=f"jan-{day}") for day in range(1, 31)
        )
    builds = count_builds(monkeypatch)
    with Journal(data_dir) as journal:
        assert journal.latest() is not None
        assert [r.id for r in journal.on_date(dt.date(2026, 5, 1))] == ["r-2026-5"]
    assert builds == ["r-2026-5", "jan-30"]


def test_a_year_changed_by_another_process_is_read_again(data_dir: Path) -> None:
    with Journal(data_dir) as first, Journal(data_dir) as second:
        first.count()
        second.add(make("2010-03-03", id="from-the-other"))
        assert first.get("from-the-other") is not None
        with pytest.raises(JournalError, match="already saved"):
            first.add(make("2010-04-04", id="from-the-other"))


def test_a_year_file_changed_by_hand_is_never_taken_from_the_index(data_dir: Path) -> None:
    year_file = data_dir / "journal" / "2012.json"
    tables = orjson.loads(year_file.read_bytes())
    tables["reflections"]["99"] = {"schema": 1, **make("2012-09-09", id="by-hand").to_dict()}
    year_file.write_bytes(orjson.dumps(tables))
    with Journal(data_dir) as journal:
        assert journal.count() == 41
        with pytest.raises(JournalError, match="already saved"):
            journal.add(make("2012-10-10", id="by-hand"))


@pytest.mark.parametrize(
    "damage",
    [b"", b"not json", b"[]", b'{"schema": 1, "years": {}}', b'{"schema": 2, "years": {"x": 1}}'],
)
def test_a_damaged_or_missing_index_is_made_again_and_never_believed(
    data_dir: Path, damage: bytes
) -> None:
    (data_dir / "index.json").write_bytes(damage)
    with Journal(data_dir) as journal:
        assert journal.count() == 40
        journal.add(make("2026-12-01"))
    (data_dir / "index.json").unlink()
    with Journal(data_dir) as journal:
        assert journal.count() == 41
    assert orjson.loads((data_dir / "index.json").read_bytes())["schema"] == INDEX_SCHEMA


def test_an_index_naming_ids_a_file_no_longer_holds_is_not_trusted(data_dir: Path) -> None:
    """An index from another copy of the journal (restored from a backup, say)."""
    index = orjson.loads((data_dir / "index.json").read_bytes())
    index["years"]["2020"]["ids"] = ["ghost"]
    year_file = data_dir / "journal" / "2020.json"
    year_file.write_bytes(year_file.read_bytes())  # same bytes, a new version on disk
    (data_dir / "index.json").write_bytes(orjson.dumps(index))
    with Journal(data_dir) as journal:
        assert journal.get("ghost") is None
        assert journal.get("r-2020-1") is not None


# --- held in memory whole: what a screen may read in place --------------------------------


def test_a_journal_is_warm_once_read_ahead_and_until_a_year_changes(data_dir: Path) -> None:
    """``is_warm``: every year held read whole with its search text, and unchanged on disk. A
    save (this process's or another's) changes a year: that year is read again first."""
    with Journal(data_dir) as journal:
        assert not journal.is_warm()  # opened: nothing read yet
        assert journal.count() == 2 * len(YEARS)
        assert not journal.is_warm()  # counted from the index, nothing built
        journal.warm_up()
        assert journal.is_warm()
        journal.add(make("2016-07-01"))
        assert not journal.is_warm()  # the year just written is not held read whole
        journal.warm_up()
        assert journal.is_warm()
        with Journal(data_dir) as elsewhere:  # another process saves
            elsewhere.add(make("2009-07-01"))
        assert not journal.is_warm()
        journal.warm_up()
        assert journal.is_warm()
        assert [r.id for r in journal.search("")][:1] == ["r-2026-5"]


def test_an_empty_journal_is_warm(tmp_path: Path) -> None:
    with Journal(tmp_path / "empty") as journal:
        assert journal.is_warm()  # nothing to read: nothing is ever parsed for it
