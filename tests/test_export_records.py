"""Export version 3: leave, breaks and closings travel with the reflections, and a kind of record
this version does not know travels too, kept as it was.

Every test goes through real files: a journal in ``tmp_path``, ``coach export`` to a file and
``coach import`` of it, and what the journal holds afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach.cli import main
from coach.exports import (
    EXPORT_VERSION,
    ExportFormatError,
    export_json,
    parse_export_contents,
    read_export_contents,
    record_arrays,
    write_json_export,
)
from coach.journal import Journal
from coach.model import Reflection
from coach.record_kinds import RECORD_KINDS
from coach.time_away import Break, Closing, Leave
from tests.helpers.controls import NASTY

UTC = dt.UTC
EXPORTED = dt.datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def at(day: str, hour: int = 12, offset: int = 0) -> dt.datetime:
    zone = dt.timezone(dt.timedelta(hours=offset))
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), zone)


def reflection(rid: str, day: str, **parts: Any) -> Reflection:
    return Reflection(id=rid, date=dt.date.fromisoformat(day), created=at(day, 18), **parts)


REFLECTIONS = [reflection("r-1", "2026-11-27", strain=6), reflection("r-0", "2025-02-03")]
LEAVE = [
    Leave("l-xmas", dt.date(2026, 12, 21), dt.date(2027, 1, 2), "Christmas, home; \\ & away"),
    Leave("l-one", dt.date(2026, 8, 7), dt.date(2026, 8, 7), NASTY, extra={"colour": "teal"}),
]
BREAKS = [
    Break("b-late", at("2026-11-30", 11, offset=1), planned=10, lasted=4),
    Break("b-old", at("2025-03-02", 15), planned=5, lasted=5, extra={"later": [1, {"x": None}]}),
]
CLOSINGS = [
    Closing("c-1", dt.date(2026, 11, 27), at("2026-11-27", 17), first_task="Ring the GP back",
            hand_over=NASTY, done_what_i_can=True),
    Closing("c-0", dt.date(2024, 12, 31), at("2024-12-31", 16)),
]  # fmt: skip
RECORDS: dict[str, list[Any]] = {"leave": LEAVE, "breaks": BREAKS, "closings": CLOSINGS}


def fill(folder: Path) -> None:
    with Journal(folder) as journal:
        journal.import_reflections(REFLECTIONS)
        for records in RECORDS.values():
            for record in records:
                journal.save_record(record)


def run(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def export_to(folder: Path, target: Path) -> dict[str, Any]:
    assert run(folder, "export", "-o", str(target)) == 0
    return json.loads(target.read_bytes())  # type: ignore[no-any-return]


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported"}


def holdings(folder: Path) -> dict[str, Any]:
    """Everything the journal holds, in an order of its own (not the order of writing)."""
    with Journal(folder, create=False) as journal:
        found: dict[str, Any] = {"reflections": sorted(journal.iter_newest_first(), key=str)}
        for name, cls in RECORD_KINDS.items():
            found[name] = sorted(journal.records(cls), key=str)
        found["kept"] = journal.kept_records()
    return found


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "backups" not in p.parts
    }


# --- the shape --------------------------------------------------------------------------


def test_a_version_6_document_has_an_array_for_every_kind_oldest_first(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    document = export_to(tmp_path / "data", tmp_path / "out.json")
    assert document["version"] == EXPORT_VERSION == 6
    assert list(document) == [
        "format",
        "version",
        "exported",
        "settings",
        "reflections",
        *RECORD_KINDS,
    ]
    assert document["leave"] == [LEAVE[1].to_dict(), LEAVE[0].to_dict()]
    assert document["leave"][0] == {
        "id": "l-one", "start": "2026-08-07", "end": "2026-08-07", "note": NASTY, "colour": "teal",
    }  # fmt: skip
    assert [b["id"] for b in document["breaks"]] == ["b-old", "b-late"]
    assert [c["id"] for c in document["closings"]] == ["c-0", "c-1"]
    assert all("schema" not in record for name in RECORD_KINDS for record in document[name])


@pytest.mark.parametrize("kept", [{}, {"mentors": [{"id": "p1"}, "text", [1, [2]]], "z": []}])
def test_the_streamed_export_with_records_is_byte_for_byte_the_export(
    kept: dict[str, list[Any]],
) -> None:
    written = io.BytesIO()
    arrays = record_arrays(RECORDS, kept)
    write_json_export(
        [r.to_dict() for r in REFLECTIONS], written.write, EXPORTED, arrays=lambda: arrays
    )
    assert written.getvalue().decode() == export_json(
        REFLECTIONS, EXPORTED, records=RECORDS, kept=kept
    )
    contents = read_export_contents(written.getvalue())
    assert contents.reflections == REFLECTIONS
    assert {name: sorted(found, key=str) for name, found in contents.records.items()} == {
        name: sorted(RECORDS.get(name, []), key=str) for name in RECORD_KINDS
    }
    assert contents.kept == kept


# --- round trips ------------------------------------------------------------------------


def test_round_trip_into_an_empty_folder_reproduces_the_journal_exactly(tmp_path: Path) -> None:
    fill(tmp_path / "source")
    first = export_to(tmp_path / "source", tmp_path / "first.json")
    assert run(tmp_path / "copy", "import", str(tmp_path / "first.json")) == 0
    assert holdings(tmp_path / "copy") == holdings(tmp_path / "source")
    again = export_to(tmp_path / "copy", tmp_path / "again.json")
    assert without_time(again) == without_time(first)


def test_round_trip_into_an_existing_folder_merges_and_twice_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "source")
    export_to(tmp_path / "source", tmp_path / "export.json")
    target = tmp_path / "target"
    mine = Leave("l-mine", dt.date(2027, 4, 6), dt.date(2027, 4, 10), "Easter")
    with Journal(target) as journal:
        journal.import_reflections([REFLECTIONS[0]])
        journal.save_record(mine)
        # the same break, but cut short differently: the export's version replaces it
        journal.save_record(Break("b-late", at("2026-11-30", 11, offset=1), 10, lasted=10))
    capsys.readouterr()
    assert run(target, "import", str(tmp_path / "export.json")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "reflections: added 1, updated 0, unchanged 1",
        "leave: added 2, updated 0, unchanged 0",
        "breaks: added 1, updated 1, unchanged 0",
        "closings: added 2, updated 0, unchanged 0",
    ]
    expected = holdings(tmp_path / "source")
    expected["leave"] = sorted([*expected["leave"], mine], key=str)
    assert holdings(target) == expected
    before = files_under(target)
    assert run(target, "import", str(tmp_path / "export.json")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "reflections: added 0, updated 0, unchanged 2",
        "leave: added 0, updated 0, unchanged 2",
        "breaks: added 0, updated 0, unchanged 2",
        "closings: added 0, updated 0, unchanged 2",
    ]
    assert files_under(target) == before


def test_a_moved_break_moves_to_its_years_file_on_import(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    document = export_to(tmp_path / "data", tmp_path / "export.json")
    document["breaks"][1]["started"] = "2023-06-01T10:00:00+00:00"  # b-late, from 2026
    (tmp_path / "export.json").write_text(json.dumps(document), encoding="utf-8")
    assert run(tmp_path / "data", "import", str(tmp_path / "export.json")) == 0
    with Journal(tmp_path / "data") as journal:
        moved = [b for b in journal.records(Break) if b.id == "b-late"]
        assert [b.started.year for b in moved] == [2023]
    year_2026 = orjson.loads((tmp_path / "data" / "journal" / "2026.json").read_bytes())
    assert "b-late" not in json.dumps(year_2026.get("breaks", {}))


# --- older versions ---------------------------------------------------------------------


def old_document(version: int) -> dict[str, Any]:
    record = reflection("old-1", "2024-05-06", notes="from long ago").to_dict()
    if version == 1:
        for name in ("feeling", "weighed_most", "served", "mine_to_influence"):
            record.pop(name, None)
    return {
        "format": "pwp-coach",
        "version": version,
        "exported": "2024-05-06T20:00:00+00:00",
        "reflections": [record],
    }


@pytest.mark.parametrize("version", [1, 2])
def test_older_versions_still_import_with_no_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    source = tmp_path / "old.json"
    source.write_text(json.dumps(old_document(version)), encoding="utf-8")
    assert run(tmp_path / "data", "import", str(source)) == 0
    assert capsys.readouterr().out == "reflections: added 1, updated 0, unchanged 0\n"
    found = holdings(tmp_path / "data")
    assert [r.id for r in found["reflections"]] == ["old-1"]
    assert found["leave"] == found["breaks"] == found["closings"] == []
    assert found["kept"] == {}


def test_a_version_2_document_has_no_record_arrays_whatever_it_holds() -> None:
    """Version 2 wrote no leave: an array by that name there is not pwp-coach's, and not read
    (neither refused for its shape nor kept as an unknown kind)."""
    document = {**old_document(2), "leave": [{"from": "2026-12-24"}]}
    contents = parse_export_contents(document)
    assert contents.records == {name: [] for name in RECORD_KINDS}
    assert contents.kept == {}


# --- a bad record of each kind ----------------------------------------------------------


def _set(name: str, index: int, field: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        document[name][index][field] = value

    return change


BAD = {
    "leave ends before it starts": (
        _set("leave", 1, "end", "2026-12-08"),
        "leave[1] (id 'l-xmas'): end: must not be before the start (2026-12-21)",
    ),
    "leave with no start": (
        lambda d: d["leave"][0].pop("start"),
        "leave[0] (id 'l-one'): start: is missing",
    ),
    "a break too long": (
        _set("breaks", 0, "planned", 300),
        "breaks[0] (id 'b-old'): planned: must be from 0 to 240 minutes",
    ),
    "a break lasting less than nothing": (
        _set("breaks", 1, "lasted", -1),
        "breaks[1] (id 'b-late'): lasted: must be from 0 to 240 minutes",
    ),
    "a closing not sure it did what it could": (
        _set("closings", 1, "done_what_i_can", "yes"),
        "closings[1] (id 'c-1'): done_what_i_can: must be true or false",
    ),
    "a closing that is not an object": (
        lambda d: d["closings"].append("closed"),
        "closings[2] (no readable id): must be an object, not str",
    ),
    "a leave id twice": (
        lambda d: d["leave"].append(dict(d["leave"][0])),
        "leave[2] (id 'l-one'): id: the same as leave[0]'s; ids must be unique",
    ),
    "breaks not a list": (lambda d: d.update(breaks={"b": 1}), "breaks must be a list"),
    "a closing nested too deep": (
        _set("closings", 0, "later", json.loads("[" * 101 + "]" * 101)),
        "closings[0] (id 'c-0'): field 'later' is nested deeper than 100 levels",
    ),
    "a kept record nested too deep": (
        lambda d: d.update(mentors=[{"id": "p"}, json.loads("[" * 102 + "]" * 102)]),
        "mentors[1] (no readable id): it is nested deeper than 100 levels",
    ),
    "a kept id twice": (
        lambda d: d.update(mentors=[{"id": 7}, {"id": 7, "name": "again"}]),
        "mentors[1] (id 7): id: the same as mentors[0]'s; ids must be unique",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_record_of_any_kind_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    change, expected = BAD[case]
    fill(tmp_path / "source")
    document = export_to(tmp_path / "source", tmp_path / "export.json")
    change(document)
    (tmp_path / "export.json").write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target"
    with Journal(target) as journal:
        journal.save_record(Leave("l-mine", dt.date(2027, 4, 6), dt.date(2027, 4, 10)))
    before = {p: p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}
    capsys.readouterr()
    assert run(target, "import", str(tmp_path / "export.json")) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert f": {expected}; nothing was imported" in captured.err
    assert {p: p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()} == before


def test_a_bad_record_is_refused_by_the_parser_in_one_line() -> None:
    document = json.loads(export_json([], EXPORTED, records={"leave": LEAVE}))
    document["leave"][0]["note"] = 5
    with pytest.raises(ExportFormatError) as refused:
        parse_export_contents(document)
    assert str(refused.value) == "leave[0] (id 'l-one'): note: must be text, not int"


# --- a kind this version does not know --------------------------------------------------

MENTORS = [
    {"id": "p-1", "name": "Sam, my peer", "schema": 99, "nested": {"b": 1, "a": [1.5, None]}},
    {"no_id_here": True},
    "just some text",
    {"id": 42, "name": "a numeric id"},
]


def with_unknown(folder: Path, target: Path, **arrays: list[Any]) -> dict[str, Any]:
    target.unlink(missing_ok=True)
    document = export_to(folder, target)
    document.update(arrays)
    target.write_text(json.dumps(document), encoding="utf-8")
    return document


def test_an_unknown_array_is_kept_and_exported_back_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "source")
    incoming = with_unknown(
        tmp_path / "source", tmp_path / "newer.json", mentors=MENTORS, rehearsals=[]
    )
    assert run(tmp_path / "copy", "import", str(tmp_path / "newer.json")) == 0
    assert "mentors: added 4, updated 0, unchanged 0 (kept: a kind this version does not know)" in (
        capsys.readouterr().out.splitlines()
    )
    # a record's own "schema" field is its own: the journal still opens and is not "too new"
    assert holdings(tmp_path / "copy")["kept"] == {"mentors": MENTORS, "rehearsals": []}
    exported = export_to(tmp_path / "copy", tmp_path / "back.json")
    assert exported["mentors"] == MENTORS
    assert without_time(exported) == without_time(incoming)
    assert list(exported)[-2:] == ["mentors", "rehearsals"]
    # the journal's own settings are untouched by an unknown array's name
    with Journal(tmp_path / "copy") as journal:
        assert journal.settings() == {}


def test_a_kept_array_merges_by_id_else_by_equality(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "source")
    source = tmp_path / "newer.json"
    with_unknown(tmp_path / "source", source, mentors=MENTORS)
    target = tmp_path / "target"
    assert run(target, "import", str(source)) == 0
    capsys.readouterr()
    before = files_under(target)
    assert run(target, "import", str(source)) == 0
    assert "mentors: added 0, updated 0, unchanged 4" in capsys.readouterr().out
    assert files_under(target) == before

    changed = [
        {"id": "p-1", "name": "Sam, moved team"},  # replaces p-1 in its place
        {"no_id_here": True},  # equal to one kept: nothing new
        {"nested": {"a": [1.5, None], "b": 1}, "other": 1},  # no id, new
        {"id": 42, "name": "a numeric id"},  # unchanged
    ]
    with_unknown(tmp_path / "source", source, mentors=changed)
    assert run(target, "import", str(source)) == 0
    assert "mentors: added 1, updated 1, unchanged 2" in capsys.readouterr().out
    with Journal(target) as journal:
        assert journal.kept_records()["mentors"] == [
            changed[0], MENTORS[1], MENTORS[2], MENTORS[3], changed[2]
        ]  # fmt: skip
    stored = orjson.loads((target / "records.json").read_bytes())
    assert "kept:mentors" in stored
    assert "mentors" not in stored


def test_an_unknown_value_that_is_not_an_array_is_not_a_record() -> None:
    document = json.loads(export_json([], EXPORTED))
    document["device"] = {"name": "laptop"}
    document["note"] = "hello"
    assert parse_export_contents(document).kept == {}


def test_an_unknown_array_with_an_odd_name_is_kept_under_that_name(tmp_path: Path) -> None:
    fill(tmp_path / "source")
    odd = 'odd "name"\u202e\n'
    incoming = with_unknown(tmp_path / "source", tmp_path / "newer.json", **{odd: [1, 2]})
    assert run(tmp_path / "copy", "import", str(tmp_path / "newer.json")) == 0
    exported = export_to(tmp_path / "copy", tmp_path / "back.json")
    assert exported[odd] == [1, 2]
    assert without_time(exported) == without_time(incoming)
    raw = (tmp_path / "back.json").read_bytes()
    assert "\u202e".encode() not in raw  # escaped in the JSON, like every other text


def test_a_damaged_break_stops_an_export_to_a_file_and_leaves_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Breaks are read with their year's reflections (one parse, never the whole journal held);
    a damaged one is named, and the file is never made."""
    fill(tmp_path / "data")
    oldest = tmp_path / "data" / "journal" / "2025.json"
    tables = orjson.loads(oldest.read_bytes())
    next(iter(tables["breaks"].values()))["lasted"] = 999
    oldest.write_bytes(orjson.dumps(tables))
    target = tmp_path / "export.json"
    capsys.readouterr()
    assert run(tmp_path / "data", "export", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2025.json is damaged" in err
    assert "breaks record b-old: lasted: must be from 0 to 240 minutes" in err
    assert not target.exists()
