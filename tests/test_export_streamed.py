"""The JSON export streamed a year at a time is the export: the same bytes, whole or absent."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import orjson
import pytest

from coach.cli import main
from coach.exports import export_json, newest_first, read_export, write_json_export
from coach.journal import Journal
from coach.model import Challenge, Dimension, Reflection
from tests.helpers.controls import NASTY

UTC = dt.UTC
EXPORTED = dt.datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def made(day: str, number: int, **parts: object) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(17, number), UTC)
    return Reflection(id=f"r-{day}-{number}", date=date, created=created, **parts)  # type: ignore[arg-type]


SETS = {
    "none": [],
    "one, every control and bidi override": [
        made("2026-01-01", 1, narrative=NASTY, notes="é ✓ 😀",
             challenges=(Challenge("own:x", NASTY, Dimension.SYSTEMIC, "\u202e"),),
             extra={"later_field": {"nested": [1, 2.5, None, True]}})
    ],
    "several years": [made(f"{2020 + n % 3}-0{1 + n % 9}-01", n) for n in range(20)],
}  # fmt: skip


@pytest.mark.parametrize("name", list(SETS))
def test_streamed_export_is_byte_for_byte_the_export(name: str) -> None:
    reflections = newest_first(SETS[name])
    written = io.BytesIO()
    write_json_export([r.to_dict() for r in reflections], written.write, EXPORTED)
    assert written.getvalue().decode("utf-8") == export_json(reflections, EXPORTED)
    assert read_export(written.getvalue()) == reflections


def test_coach_export_streams_what_the_journal_holds(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    reflections = SETS["several years"]
    with Journal(tmp_path / "data") as journal:
        journal.import_reflections(reflections)
    assert main(["--data-dir", str(tmp_path / "data"), "export"]) == 0
    out = capsysbinary.readouterr().out
    document = orjson.loads(out)
    assert [r["id"] for r in document["reflections"]] == [r.id for r in newest_first(reflections)]
    assert read_export(out) == newest_first(reflections)


def test_an_export_to_a_file_cut_short_by_damage_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.import_reflections(SETS["several years"])
    oldest = data / "journal" / "2020.json"
    tables = orjson.loads(oldest.read_bytes())
    next(iter(tables["reflections"].values()))["strain"] = 99  # read last: damaged
    oldest.write_bytes(orjson.dumps(tables))
    target = tmp_path / "export.json"
    assert main(["--data-dir", str(data), "export", "-o", str(target)]) == 1
    assert "2020.json is damaged" in capsys.readouterr().err
    assert not target.exists()
    assert list(tmp_path.glob(".export.json*")) == []  # no temporary file left either
