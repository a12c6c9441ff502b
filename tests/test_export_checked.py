"""An export checks every reflection, once per version of its year file.

A year file the model has checked whole (every document current and stored exactly as the model
writes it) is exported as stored, with nothing built; the index remembers the check beside the
file's signature and the model's fingerprint, so a file changed in any way, or a changed model,
is checked again. These tests count the reflections built and compare the bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach.cli import main
from coach.exports import read_export
from coach.journal import Journal, reading
from coach.model import Challenge, Dimension, Reflection
from tests.helpers.controls import NASTY
from tests.helpers.counting import count_builds

UTC = dt.UTC


def made(day: str, number: int, **parts: Any) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(
        date, dt.time(17, number), dt.timezone(dt.timedelta(hours=number % 3))
    )
    return Reflection(id=f"r-{day}-{number}", date=date, created=created, **parts)


REFLECTIONS = [
    made(f"{2019 + n % 4}-0{1 + n % 9}-01", n, narrative=f"day {n}", strain=n % 11)
    for n in range(24)
] + [
    made("2022-03-03", 30, narrative=NASTY, extra={"later": {"nested": [1, 2.5, None]}},
         challenges=(Challenge("own:x", NASTY, Dimension.SYSTEMIC, "\u202e"),)),
]  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.import_reflections(REFLECTIONS)
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stored reflections built from now on."""
    return count_builds(monkeypatch)


def export(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    """``coach export``'s output, checked by reading it back as ``coach import`` does."""
    capsysbinary.readouterr()
    assert main(["--data-dir", str(data_dir), "export"]) == 0
    out = capsysbinary.readouterr().out
    read_export(out)
    return out


def reflections_of(out: bytes) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = orjson.loads(out)["reflections"]
    return found


def test_a_second_export_builds_nothing_and_is_the_same_bytes(
    data_dir: Path, builds: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    first = export(data_dir, capsysbinary)
    assert sorted(builds) == sorted(r.id for r in REFLECTIONS)  # the first checks every one
    builds.clear()
    second = export(data_dir, capsysbinary)
    assert builds == []
    assert second[second.index(b'"reflections"') :] == first[first.index(b'"reflections"') :]
    assert reflections_of(second) == [
        r.to_dict() for r in sorted(REFLECTIONS, key=lambda r: r.sort_key, reverse=True)
    ]


def test_only_the_year_written_since_is_checked_again(
    data_dir: Path, builds: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    export(data_dir, capsysbinary)
    with Journal(data_dir) as journal:
        journal.add(made("2021-12-12", 40))
    builds.clear()
    export(data_dir, capsysbinary)
    assert builds
    assert {b[2:6] for b in builds} == {"2021"}


def test_a_file_changed_by_hand_is_checked_again_and_damage_is_found(
    data_dir: Path,
    builds: list[str],
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    export(data_dir, capsysbinary)
    year = data_dir / "journal" / "2020.json"
    tables = orjson.loads(year.read_bytes())
    next(iter(tables["reflections"].values()))["strain"] = 99
    year.write_bytes(orjson.dumps(tables))
    assert main(["--data-dir", str(data_dir), "export"]) == 1
    assert "2020.json is damaged" in capsysbinary.readouterr().err.decode()


def test_a_changed_model_checks_every_year_again(
    data_dir: Path,
    builds: list[str],
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export(data_dir, capsysbinary)
    builds.clear()
    monkeypatch.setattr(reading, "model_fingerprint", lambda: "another model")
    export(data_dir, capsysbinary)
    assert sorted(builds) == sorted(r.id for r in REFLECTIONS)


def test_documents_not_stored_as_the_model_writes_them_are_never_passed_as_stored(
    data_dir: Path, builds: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Documents written another way (fields in another order, as an older coach or a hand
    might) are exported in the model's form every time, never remembered as checked."""
    export(data_dir, capsysbinary)
    year = data_dir / "journal" / "2019.json"
    tables = orjson.loads(year.read_bytes())
    for key, document in tables["reflections"].items():
        tables["reflections"][key] = dict(reversed(document.items()))
    year.write_bytes(orjson.dumps(tables))
    expected = [r.to_dict() for r in REFLECTIONS if r.date.year == 2019]
    for _ in range(2):
        builds.clear()
        out = export(data_dir, capsysbinary)
        assert {b[2:6] for b in builds} == {"2019"}
        exported = [r for r in reflections_of(out) if r["date"].startswith("2019")]
        assert sorted(exported, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
        assert [list(r) for r in exported] == [list(expected[0])] * len(exported)  # key order
