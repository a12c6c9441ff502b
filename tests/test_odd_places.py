"""A journal in odd places: a read-only disk, symlinks inside the data folder, a mistyped path.

The read-only disk is real: a bind mount made read-only inside a private mount namespace
(``unshare -rm``), which needs no privileges where user namespaces are allowed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.journal import Journal, JournalError
from coach.journal.errors import JournalMissing
from coach.model import Reflection, new_id

HELPERS = Path(__file__).parent / "helpers"
UTC = dt.UTC


def make(day: str, **parts: Any) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(17, 0), UTC)
    return Reflection(id=new_id(), date=date, created=created, **parts)


# --- a read-only disk --------------------------------------------------------------------


def _can_mount_read_only(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir(exist_ok=True)
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount --bind '{probe}' '{probe}' && "
         f"mount -o remount,bind,ro '{probe}' '{probe}' && ! touch '{probe}/x' 2>/dev/null"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    return done.returncode == 0


def read_only(tmp_path: Path, data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with ``data_dir`` mounted read-only where it is."""
    if not _can_mount_read_only(tmp_path):
        pytest.skip("this machine allows no private read-only mount (unshare -rm)")
    script = (
        f"mount --bind '{data_dir}' '{data_dir}' && "
        f"mount -o remount,bind,ro '{data_dir}' '{data_dir}' && exec \"$@\""
    )
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def folder_state(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file()}  # fmt: skip


@pytest.fixture
def journal_on_disk(tmp_path: Path) -> tuple[Path, list[Reflection]]:
    data_dir = tmp_path / "data"
    with Journal(data_dir) as journal:
        saved = [make("2025-03-03", narrative="moved later"), make("2026-04-04")]
        for reflection in saved:
            journal.add(reflection)
    return data_dir, saved


def test_a_journal_on_a_read_only_disk_can_be_read_exported_and_counted(
    tmp_path: Path, journal_on_disk: tuple[Path, list[Reflection]]
) -> None:
    data_dir, saved = journal_on_disk
    before = folder_state(data_dir)
    coach = [sys.executable, "-m", "coach", "--data-dir", str(data_dir)]
    exported = read_only(tmp_path, data_dir, *coach, "export")
    assert exported.returncode == 0, exported.stderr
    assert {r["id"] for r in json.loads(exported.stdout)["reflections"]} == {r.id for r in saved}
    stats = read_only(tmp_path, data_dir, *coach, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["reflections"] == 2
    doctor = read_only(tmp_path, data_dir, *coach, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "is read-only; it was checked as it is" in doctor.stdout
    imported = read_only(tmp_path, data_dir, *coach, "import", str(tmp_path / "x.json"))
    assert imported.returncode == 1
    export_file = tmp_path / "export.json"
    export_file.write_text(exported.stdout, encoding="utf-8")
    imported = read_only(tmp_path, data_dir, *coach, "import", str(export_file))
    assert imported.returncode == 1
    assert imported.stderr.count("\n") == 1
    assert "is read-only" in imported.stderr
    assert "Traceback" not in imported.stderr
    assert folder_state(data_dir) == before


def test_the_app_and_the_journal_say_read_only_and_save_nothing(
    tmp_path: Path, journal_on_disk: tuple[Path, list[Reflection]]
) -> None:
    data_dir, saved = journal_on_disk
    before = folder_state(data_dir)
    probe = read_only(tmp_path, data_dir, sys.executable, str(HELPERS / "read_only_probe.py"),
                      str(data_dir))  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    facts = json.loads(probe.stdout.strip().splitlines()[-1])
    assert "read-only" in facts["read_only"]
    assert sorted(facts["ids"]) == sorted(r.id for r in saved)
    assert facts["count"] == 2
    assert facts["search"] == [saved[0].id]
    assert "nothing can be saved" in facts["save"]
    notices = facts["notices"]
    assert any("can only be read here" in n and "read-only" in n for n in notices)
    assert not any(n.startswith("Draft not saved") for n in notices)
    assert folder_state(data_dir) == before


# --- symlinks inside the data folder -----------------------------------------------------


def test_a_symlink_in_backups_is_never_followed_to_make_files_private(
    tmp_path: Path, journal_on_disk: tuple[Path, list[Reflection]]
) -> None:
    data_dir, _saved = journal_on_disk
    outside = tmp_path / "someone-elses"
    outside.mkdir(mode=0o755)
    (outside / "file.txt").write_text("theirs")
    (outside / "file.txt").chmod(0o644)
    (data_dir / "backups").mkdir(exist_ok=True)
    (data_dir / "backups" / "evil").symlink_to(outside)
    (data_dir / "backups" / "evil.json").symlink_to(outside / "file.txt")
    (data_dir / "journal" / "2026.json").chmod(0o644)  # something for a repair to do
    with Journal(data_dir):
        pass
    assert main(["--data-dir", str(data_dir), "doctor", "--restore", "--yes"]) == 0
    assert (outside.stat().st_mode & 0o777) == 0o755
    assert ((outside / "file.txt").stat().st_mode & 0o777) == 0o644
    assert ((data_dir / "journal" / "2026.json").stat().st_mode & 0o777) == 0o600


# --- a mistyped path ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["export"],
                                     ["export", "--format", "md"]])  # fmt: skip
@pytest.mark.parametrize("exists", [False, True])
def test_reading_commands_on_a_folder_with_no_journal_say_so_and_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], exists: bool
) -> None:
    typo = tmp_path / "jorunal"
    if exists:
        typo.mkdir()
    assert main(["--data-dir", str(typo), *command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"coach: no journal at {typo}; check --data-dir or COACH_DATA_DIR " \
        "(nothing was created)\n"  # fmt: skip
    assert typo.exists() == exists
    assert not exists or list(typo.iterdir()) == []


def test_the_journal_refuses_to_open_for_reading_where_there_is_none(tmp_path: Path) -> None:
    with pytest.raises(JournalMissing):
        Journal(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_import_still_starts_a_journal(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    with Journal(tmp_path / "first") as journal:
        journal.add(make("2026-01-01"))
    assert main(["--data-dir", str(tmp_path / "first"), "export", "-o", str(export)]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "import", str(export)]) == 0
    with Journal(tmp_path / "new", create=False) as journal:
        assert journal.count() == 1


def test_a_folder_in_place_of_a_year_file_is_a_clear_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Journal(data_dir) as journal:
        journal.add(make("2026-01-01"))
    (data_dir / "journal" / "2025.json").mkdir()
    with pytest.raises(JournalError, match=r"2025.json is damaged \(it is a folder"):
        Journal(data_dir)
    assert os.path.isdir(data_dir / "journal" / "2025.json")
