"""``coach export -o FILE [--force]``: never an existing file without --force, never the journal."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.commands.export import NOT_ENCRYPTED
from coach.journal import Journal
from coach.model import Reflection
from tests.helpers.run import as_text, run_coach

UTC = dt.UTC


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A journal holding one reflection."""
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.add(
            Reflection(
                id="r-2026",
                date=dt.date(2026, 11, 26),
                created=dt.datetime(2026, 11, 26, 18, 0, tzinfo=UTC),
                narrative="Long day.",
            )
        )
    return folder


def coach(tmp_path: Path, data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m coach --data-dir DATA ...`` in a child process, as a script runs it."""
    return as_text(run_coach("--data-dir", str(data), *argv, env_data=tmp_path / "env-data"))


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: the same before and after means untouched."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def refused_in_one_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    for text in expected:
        assert text in result.stderr


def test_an_existing_file_is_refused_and_left_as_it_was(tmp_path: Path, data: Path) -> None:
    mine = tmp_path / "notes.md"
    mine.write_bytes(b"my unrelated notes")
    mine.chmod(0o644)
    result = coach(tmp_path, data, "export", "--format", "md", "-o", str(mine))
    refused_in_one_line(
        result, f"{mine} already exists; give a new name, or add --force to replace it"
    )
    assert mine.read_bytes() == b"my unrelated notes"
    assert stat.S_IMODE(mine.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "notes.md"]


def test_force_replaces_an_existing_file(tmp_path: Path, data: Path) -> None:
    old = tmp_path / "export.json"
    old.write_bytes(b"last week's export")
    result = coach(tmp_path, data, "export", "-o", str(old), "--force")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"{NOT_ENCRYPTED}\n"
    assert [r["id"] for r in json.loads(old.read_bytes())["reflections"]] == ["r-2026"]
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


def test_a_new_file_needs_no_force(tmp_path: Path, data: Path) -> None:
    result = coach(tmp_path, data, "export", "-o", str(tmp_path / "new.json"))
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "new.json").read_bytes())["format"] == "pwp-coach"


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize(
    "where",
    [
        "data/journal/2026.json",  # the year file: an export over it would 'damage' the journal
        "data/records.json",
        "data/export.json",
        "data/journal/export.json",
        "out/../data/journal/2026.json",
        "to-data/export.json",  # a symlink to the data folder
        "to-year.json",  # a symlink to the year file
    ],
)
def test_nothing_is_written_inside_the_data_folder_even_with_force(
    tmp_path: Path, data: Path, where: str, force: list[str]
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "to-data").symlink_to(data)
    (tmp_path / "to-year.json").symlink_to(data / "journal" / "2026.json")
    before = files_under(data)
    result = coach(tmp_path, data, "export", "-o", str(tmp_path / where), *force)
    refused_in_one_line(result, f"is inside the journal's folder {data}; choose a place outside")
    assert files_under(data) == before
    with Journal(data) as journal:
        assert journal.count() == 1


def test_the_data_folder_from_the_environment_is_protected_too(tmp_path: Path) -> None:
    data = tmp_path / "env-data"
    with Journal(data):
        pass
    before = files_under(data)
    result = subprocess.run(
        [sys.executable, "-m", "coach", "export", "-o", str(data / "journal" / "x.json")],
        capture_output=True,
        text=True,
        env={**os.environ, "COACH_DATA_DIR": str(data)},
        timeout=60,
        check=False,
    )
    refused_in_one_line(result, "inside the journal's folder")
    assert files_under(data) == before


def test_a_missing_folder_is_one_line_and_not_created(tmp_path: Path, data: Path) -> None:
    result = coach(tmp_path, data, "export", "-o", str(tmp_path / "nowhere" / "x.json"))
    refused_in_one_line(result, "nowhere does not exist")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("form", ["json", "md"])
@pytest.mark.parametrize("to_file", [True, False], ids=["to-a-file", "to-stdout"])
def test_every_export_says_on_stderr_that_it_is_not_encrypted(
    tmp_path: Path, data: Path, form: str, to_file: bool
) -> None:
    target = tmp_path / f"out.{form}"
    where = ["-o", str(target)] if to_file else []
    result = coach(tmp_path, data, "export", "--format", form, *where)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "This export is not encrypted: keep it somewhere private, and delete it when you are "
        "done.\n"
    )
    written = target.read_text(encoding="utf-8") if to_file else result.stdout
    assert "Long day." in written  # the warning never reaches the data
    assert "not encrypted" not in written
    if to_file:
        assert result.stdout == ""
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_refused_export_says_only_why(tmp_path: Path, data: Path) -> None:
    mine = tmp_path / "notes.md"
    mine.write_bytes(b"my unrelated notes")
    result = coach(tmp_path, data, "export", "-o", str(mine))
    refused_in_one_line(result, "already exists")
    assert "not encrypted" not in result.stderr
