"""Leave, breaks and closings in the journal: kept where they belong (a dated record in its
year's file, leave with the settings), read back exactly, merged by id, damage refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from coach.journal import Journal, JournalCorrupt
from coach.model import ModelError, Reflection
from coach.time_away import Break, Closing, Leave

UTC = dt.UTC


def at(day: str, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_each_kind_is_kept_where_it_belongs_and_read_back_exactly(folder: Path) -> None:
    leave = Leave.new(dt.date(2026, 12, 21), dt.date(2027, 1, 2), "Christmas [bold]at home[/]")
    late = Break.new(at("2026-11-30"), planned=10, lasted=4)
    old = Break.new(at("2025-03-02"), planned=5, lasted=5)
    closing = Closing(
        id="c1", date=dt.date(2026, 11, 30), created=at("2026-11-30", 17),
        first_task="Ring the GP back \x1b[2J", hand_over="", done_what_i_can=True,
    )  # fmt: skip
    with Journal(folder) as journal:
        for record in (leave, late, old, closing):
            journal.save_record(record)
    stored = orjson.loads((folder / "journal" / "2026.json").read_bytes())
    assert set(stored) == {"breaks", "closings"}
    assert "breaks" in orjson.loads((folder / "journal" / "2025.json").read_bytes())
    assert "leave" in orjson.loads((folder / "records.json").read_bytes())
    with Journal(folder) as journal:
        assert journal.records(Leave) == [leave]
        assert sorted(journal.records(Break), key=lambda b: b.started) == [old, late]
        assert journal.records(Break, since=dt.date(2026, 1, 1)) == [late]
        assert journal.records(Closing) == [closing]
        assert journal.count() == 0  # none of them is a reflection


def test_saving_again_replaces_and_deleting_removes(folder: Path) -> None:
    leave = Leave.new(dt.date(2026, 12, 21), dt.date(2026, 12, 24))
    with Journal(folder) as journal:
        journal.save_record(leave)
        longer = Leave(id=leave.id, start=leave.start, end=dt.date(2026, 12, 31), note="longer")
        journal.save_record(longer)
        assert journal.records(Leave) == [longer]
        assert journal.delete_record(Leave, leave.id)
        assert not journal.delete_record(Leave, leave.id)
        assert journal.records(Leave) == []


def test_import_merges_by_id_so_twice_adds_nothing_and_a_moved_date_moves_file(
    folder: Path,
) -> None:
    first = Break.new(at("2026-06-01"), 15, 15)
    with Journal(folder) as journal:
        report = journal.import_records(
            [first, Leave.new(dt.date(2026, 8, 3), dt.date(2026, 8, 7))]
        )
        assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
        again = journal.import_records([first])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
        moved = Break(id=first.id, started=at("2025-12-31"), planned=15, lasted=15)
        report = journal.import_records([moved])
        assert (report.added, report.updated) == (0, 1)
        assert journal.records(Break) == [moved]
    assert (
        "breaks"
        not in orjson.loads((folder / "journal" / "2026.json").read_bytes()).get("breaks", {})
        or orjson.loads((folder / "journal" / "2026.json").read_bytes())["breaks"] == {}
    )


def test_a_stored_record_the_model_rejects_is_damage_named_and_never_written_over(
    folder: Path,
) -> None:
    with Journal(folder) as journal:
        journal.save_record(Leave.new(dt.date(2026, 12, 21), dt.date(2026, 12, 24)))
    path = folder / "records.json"
    tables = orjson.loads(path.read_bytes())
    next(iter(tables["leave"].values()))["end"] = "2026-12-01"
    path.write_bytes(orjson.dumps(tables))
    damaged = path.read_bytes()
    with Journal(folder) as journal:
        with pytest.raises(JournalCorrupt, match=r"leave record .*end: must not be before"):
            journal.records(Leave)
        with pytest.raises(JournalCorrupt):
            journal.save_record(Leave.new(dt.date(2027, 1, 1), dt.date(2027, 1, 2)))
    assert path.read_bytes() == damaged


def test_the_model_refuses_a_leave_ending_before_it_starts_and_a_break_too_long() -> None:
    with pytest.raises(ModelError, match="end: must not be before the start"):
        Leave.new(dt.date(2026, 12, 8), dt.date(2026, 12, 1))
    with pytest.raises(ModelError, match="planned: must be from 0 to 240"):
        Break.new(at("2026-11-30"), planned=300, lasted=5)
    with pytest.raises(ModelError, match="done_what_i_can: must be true or false"):
        Closing.from_dict({"id": "c", "date": "2026-11-30", "created": "2026-11-30T17:00:00+00:00",
                           "done_what_i_can": "yes"})  # fmt: skip


def test_each_kind_names_its_own_table_and_a_class_the_journal_keeps_not_is_refused(
    folder: Path,
) -> None:
    from coach.journal.records import kind_of
    from coach.record_kinds import RECORD_KINDS

    # The journal names a table from the class alone (so reading leave imports no other kind):
    # every listed kind names itself as the list does, and each name is one kind's.
    assert {kind_of(cls): cls for cls in RECORD_KINDS.values()} == dict(RECORD_KINDS)
    with Journal(folder) as journal, pytest.raises(TypeError, match="Reflection is not a kind"):
        journal.records(Reflection)  # a record of the model, but not one kept beside
