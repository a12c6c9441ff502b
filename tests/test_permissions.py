"""Privacy on disk: every folder the journal makes is 0700 and every file 0600, whatever the umask,
and a journal someone loosened is made private again when it is opened."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.commands.common import write_output
from coach.journal import Journal, JournalError
from coach.journal.files import write_atomic
from coach.model import Reflection, new_id


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A umask that hides nothing, so only the coach's own care keeps files private."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make(day: str) -> Reflection:
    date = dt.date.fromisoformat(day)
    return Reflection(
        id=new_id(), date=date, created=dt.datetime.combine(date, dt.time(18), dt.UTC)
    )


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def fill(data_dir: Path) -> None:
    """A journal with every kind of file: years, records, draft, lock and backups."""
    clock = Clock(dt.date(2026, 3, 1))
    with Journal(data_dir, today=clock) as journal:
        for day in ("2025-06-01", "2026-01-01", "2026-01-02"):
            journal.add(make(day))
        journal.update_settings({"reminder": "18:00"})
        clock.day = dt.date(2026, 3, 2)
        journal.add(make("2026-01-03"))
        journal.update_settings({"reminder": "18:30"})
        journal.save_draft({"step": "values", "narrative": "private words"})


def everything(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """Every folder (the data folder included) and every file under ``data_dir``."""
    found = sorted(data_dir.rglob("*"))
    return [data_dir, *(p for p in found if p.is_dir())], [p for p in found if p.is_file()]


EXPECTED_FILES = {
    "journal/2025.json",
    "journal/2026.json",
    "records.json",
    "draft.json",
    "journal.lock",
    "index.json",
    "backups/2026/2026-03-01.json",
    "backups/2026/2026-03-02.json",
    "backups/records/2026-03-02.json",
}


def test_every_folder_is_0700_and_every_file_0600(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir)
    folders, files = everything(data_dir)
    assert {str(p.relative_to(data_dir)) for p in files} == EXPECTED_FILES
    assert {p.name for p in folders} == {"data", "journal", "backups", "2026", "records"}
    assert {str(p.relative_to(tmp_path)): mode(p) for p in folders} == {
        str(p.relative_to(tmp_path)): 0o700 for p in folders
    }
    assert {str(p.relative_to(data_dir)): mode(p) for p in files} == {
        str(p.relative_to(data_dir)): 0o600 for p in files
    }


def test_a_journal_someone_loosened_is_made_private_on_open(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir)
    folders, files = everything(data_dir)
    for path in files:
        path.chmod(0o666)
    for folder in folders:
        folder.chmod(0o777)
    with Journal(data_dir) as journal:
        assert journal.count() == 4
    assert {p: mode(p) for p in folders} == dict.fromkeys(folders, 0o700)
    assert {p: mode(p) for p in files} == dict.fromkeys(files, 0o600)


def test_an_existing_data_folder_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    Journal(data_dir).close()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "journal") == 0o700


def test_atomic_writes_make_0600_files_even_over_a_loose_one(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_export_written_to_a_file_is_0600(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir)
    exported = tmp_path / "export.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "coach",
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "json",
            "-o",
            str(exported),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert exported.stat().st_size > 0
    assert mode(exported) == 0o600
    markdown = tmp_path / "journal.md"
    write_output("# My journal\n", str(markdown), data_dir=data_dir)
    assert mode(markdown) == 0o600


def test_a_folder_of_the_users_own_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    own = tmp_path / "home"
    own.mkdir(mode=0o755)
    script = own / "backup.sh"
    script.write_text("echo hi\n")
    script.chmod(0o755)
    swap = own / ".notes.swp.tmp"
    swap.write_text("editor state")
    with pytest.raises(JournalError, match="already holds other files"):
        Journal(own)
    assert script.stat().st_mode & 0o777 == 0o755
    assert own.stat().st_mode & 0o777 == 0o755
    assert swap.exists()
    assert sorted(p.name for p in own.iterdir()) == [".notes.swp.tmp", "backup.sh"]


def test_only_the_journals_own_files_are_tidied_in_its_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Journal(data):
        pass
    stranger = data / ".someone-elses.tmp"
    stranger.write_text("not ours")
    readme = data / "README.txt"
    readme.write_text("my notes about this folder")
    readme.chmod(0o644)
    ours = data / ".records.json.0123456789ab.tmp"
    ours.write_text("{")
    with Journal(data):
        pass
    assert stranger.exists()
    assert readme.stat().st_mode & 0o777 == 0o644
    assert not ours.exists()
