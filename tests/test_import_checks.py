"""An import is checked for everything that could stop a record being written, before any is.

A record nested too deep, or holding text JSON cannot carry, used to pass the checks and fail
half-way through writing ("Recursion limit reached", five of six records written).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coach.exports import MAX_NESTING, ExportFormatError, parse_export
from coach.journal import Journal
from coach.model import Reflection

UTC = dt.UTC


def record(rid: str, day: int = 1, **extra: Any) -> dict[str, Any]:
    made = Reflection(
        id=rid,
        date=dt.date(2026, 3, day),
        created=dt.datetime(2026, 3, day, 18, 0, tzinfo=UTC),
    )
    return {**made.to_dict(), **extra}


def nested(levels: int) -> Any:
    """A value ``levels`` deep: lists within lists, with an object in the middle for variety."""
    value: Any = "bottom"
    for level in range(levels):
        value = {"inner": value} if level == levels // 2 else [value]
    return value


def document(*records: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "pwp-coach",
        "version": 1,
        "exported": "2026-11-26T18:00:00+00:00",
        "reflections": list(records),
    }


def six_with_one_bad(bad: dict[str, Any]) -> dict[str, Any]:
    """Five good records and a bad one last, as in the issue."""
    return document(*(record(f"good-{n}", n + 1) for n in range(5)), bad)


@pytest.mark.parametrize("levels", [MAX_NESTING + 1, 255, 5000])
def test_a_value_nested_too_deep_is_refused_naming_the_record(levels: int) -> None:
    bad = record("deep-one", 9, later_field=nested(levels))
    with pytest.raises(ExportFormatError) as refused:
        parse_export(six_with_one_bad(bad))
    assert str(refused.value) == (
        "record 5 (id 'deep-one'): field 'later_field' is nested deeper than 100 levels"
    )


def test_a_deep_value_inside_a_known_part_is_refused_too() -> None:
    bad = record("deep-two", 9)
    bad["challenges"] = [
        {"key": "k", "label": "L", "dimension": "systemic", "mine": nested(MAX_NESTING)}
    ]
    with pytest.raises(ExportFormatError, match=r"record 5 \(id 'deep-two'\): field 'challenges'"):
        parse_export(six_with_one_bad(bad))


def test_100_levels_are_accepted_and_kept(tmp_path: Path) -> None:
    kept = record("deep-enough", 9, later_field=nested(MAX_NESTING))
    (parsed,) = parse_export(document(kept))
    assert parsed.to_dict()["later_field"] == nested(MAX_NESTING)
    with Journal(tmp_path / "data") as journal:  # and the journal can really write it
        journal.import_reflections([parsed])
    with Journal(tmp_path / "data") as journal:
        again = journal.get("deep-enough")
        assert again is not None
        assert again.extra["later_field"] == nested(MAX_NESTING)


@pytest.mark.parametrize("where", ["narrative", "later_field"])
def test_a_lone_surrogate_is_refused_naming_the_record(where: str) -> None:
    # json.loads lets "\ud800" through (orjson does not), so a document can hold one.
    bad = json.loads(json.dumps(record("lonely", 9, **{where: "half a pair: \ud800"})))
    with pytest.raises(ExportFormatError) as refused:
        parse_export(six_with_one_bad(bad))
    message = str(refused.value)
    assert message.startswith("record 5 (id 'lonely'): cannot be stored as JSON (")
    assert "surrogates not allowed" in message
    assert "\n" not in message


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def coach_import(tmp_path: Path, data: Path, source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(data), "import", str(source)],
        capture_output=True,
        text=True,
        env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            json.dumps(six_with_one_bad(record("deep-one", 9, later_field=nested(255)))),
            "record 5 (id 'deep-one'): field 'later_field' is nested deeper than 100 levels",
        ),
        (
            json.dumps(six_with_one_bad(record("deep-one", 9, later_field=nested(101)))),
            "record 5 (id 'deep-one'): field 'later_field' is nested deeper than 100 levels",
        ),
        (
            json.dumps(six_with_one_bad(record("lonely", 9, notes="\ud800"))),
            "not valid JSON",  # orjson reads the file, and refuses the surrogate itself
        ),
    ],
    ids=["255-deep", "101-deep", "lone-surrogate"],
)
def test_coach_import_of_such_a_file_writes_nothing(
    tmp_path: Path, payload: str, expected: str
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.add(Reflection.from_dict(record("already-here", 20)))
    source = tmp_path / "import.json"
    source.write_text(payload, encoding="utf-8")
    before = files_under(data)
    result = coach_import(tmp_path, data, source)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert expected in result.stderr
    assert "nothing was imported" in result.stderr
    assert result.stdout == ""
    assert files_under(data) == before
    with Journal(data) as journal:
        assert [r.id for r in journal.iter_newest_first()] == ["already-here"]
