"""Erasing a journal (``coach.journal.erase`` and ``coach erase``): exactly the journal's files,
never the user's own beside them, never through a symlink, never a folder that is not a
journal's, and nothing at all without the word. Real files in ``tmp_path``; the command runs in
a child process, as a user or a script runs it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from filelock import FileLock

from coach.journal import Journal, JournalError
from coach.journal.erase import CONFIRM_WORD, erase, is_confirmed, plan_erase
from coach.journal.errors import JournalMissing
from coach.journal.names import KEYS_FILE
from coach.model import Reflection
from coach.settings import change_settings
from tests.helpers.run import as_text, run_coach

UTC = dt.UTC
# What the journal keeps in the data folder once it has reflections in two years, backups,
# settings and a draft (checked by the first test, so the others can rely on it).
JOURNAL_FILES = {
    "journal/2025.json",
    "journal/2026.json",
    "backups/2026/2026-11-30.json",
    "backups/records/2026-11-30.json",
    "records.json",
    "draft.json",
    "index.json",
    "journal.lock",
}


def reflection(number: int, day: dt.date) -> Reflection:
    return Reflection(
        id=f"r-{number}",
        date=day,
        created=dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC),
        narrative="A private line about a hard day.",
    )


def fill(folder: Path) -> Path:
    """A journal with every kind of file: two years, backups of a year and of the records,
    settings and a draft."""
    with Journal(folder, today=lambda: dt.date(2026, 11, 30)) as journal:
        for number, day in enumerate(
            (dt.date(2025, 3, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 2))
        ):
            journal.add(reflection(number, day))
        change_settings(journal, lambda now: replace(now, core_values=("compassion",)))
        change_settings(journal, lambda now: replace(now, core_values=("fairness",)))
        journal.save_draft({"kind": "reflection"})
    return folder


def everything_under(folder: Path) -> dict[str, bytes | str]:
    """Every file and link under ``folder`` (a link as where it points): the same before and
    after means untouched."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def files(folder: Path) -> set[str]:
    return set(everything_under(folder))


def run_argv(data: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "coach", "--data-dir", str(data), *argv]


def coach(
    tmp_path: Path, data: Path, *argv: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``python -m coach --data-dir DATA ...`` in a child process, ``stdin`` as its input
    (``COACH_DATA_DIR`` set elsewhere, as ``tests.helpers.run`` does, so no real journal)."""
    done = subprocess.run(
        run_argv(data, *argv),
        input=stdin.encode("utf-8"),
        capture_output=True,
        env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")},
        timeout=60,
        check=False,
    )
    return as_text(done)


def refused_in_one_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    for text in expected:
        assert text in result.stderr


# --- the journal layer ---------------------------------------------------------------------


def test_erase_deletes_exactly_the_journals_files_and_leaves_mine_beside_them(
    tmp_path: Path,
) -> None:
    data = fill(tmp_path / "data")
    assert files(data) == JOURNAL_FILES
    # What the encryption work and killed writers and doctor leave, all the journal's own:
    (data / KEYS_FILE).write_bytes(b"wrapped keys")
    (data / "pending.json").write_bytes(b"{}")
    (data / ".records.json.0123456789ab.tmp").write_bytes(b"half a save")
    (data / "records.json.damaged-20261130T180000").write_bytes(b"set aside by doctor")
    (data / "journal" / "notes-left-in-journal.txt").write_bytes(b"in the journal's folder")
    # ... and the user's own, beside them.
    (data / "mine.txt").write_bytes(b"my own notes")
    (data / "photos").mkdir()
    (data / "photos" / "cat.jpg").write_bytes(b"a cat")
    (data / "records.json.txt.d").mkdir()  # a folder is never one of the journal's files

    assert plan_erase(data).years == (2025, 2026)
    done = erase(data)

    assert sorted(p.name for p in data.iterdir()) == ["mine.txt", "photos", "records.json.txt.d"]
    assert (data / "mine.txt").read_bytes() == b"my own notes"
    assert (data / "photos" / "cat.jpg").read_bytes() == b"a cat"
    assert not done.folder_removed
    assert done.links == ()
    assert done.files == len(JOURNAL_FILES) + 5
    assert [p.name for p in done.left] == ["mine.txt", "photos", "records.json.txt.d"]


def test_a_folder_left_empty_is_deleted_too(tmp_path: Path) -> None:
    data = fill(tmp_path / "data")
    done = erase(data)
    assert done.folder_removed
    assert not data.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_folder_that_is_not_a_journals_is_refused_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "essay.md").write_bytes(b"my essay")
    (home / "journal.txt").write_bytes(b"not the coach's")
    before = everything_under(home)
    with pytest.raises(JournalError, match="does not hold a pwp-coach journal, so nothing"):
        erase(home)
    assert everything_under(home) == before
    with pytest.raises(JournalMissing):
        erase(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_symlink_is_removed_as_a_link_and_what_it_points_to_survives(tmp_path: Path) -> None:
    data = fill(tmp_path / "data")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_bytes(b"not the journal's")
    (outside / "folder").mkdir()
    (outside / "folder" / "inside.txt").write_bytes(b"nor this")
    (data / "backups" / "2026" / "2026-11-29.json").symlink_to(outside / "precious.txt")
    (data / "backups" / "elsewhere").symlink_to(outside / "folder")
    (data / "journal" / "2024.json").symlink_to(outside / "precious.txt")
    before = everything_under(outside)

    done = erase(data)

    assert everything_under(outside) == before
    assert sorted(p.name for p in done.links) == ["2024.json", "2026-11-29.json", "elsewhere"]
    assert not data.exists()


def test_a_data_folder_that_is_a_link_keeps_the_link_and_its_folder(tmp_path: Path) -> None:
    real = fill(tmp_path / "real")
    (tmp_path / "link").symlink_to(real)
    done = erase(tmp_path / "link")
    assert not done.folder_removed
    assert (tmp_path / "link").is_symlink()
    assert real.is_dir()
    assert list(real.iterdir()) == []


def test_erase_waits_for_a_save_in_another_coach_and_deletes_nothing_while_it_runs(
    tmp_path: Path,
) -> None:
    data = fill(tmp_path / "data")
    before = everything_under(data)
    with (
        FileLock(str(data / "journal.lock")),
        pytest.raises(JournalError, match="busy: another coach is saving to it"),
    ):
        erase(data, wait=0.2)
    assert everything_under(data) == before


def test_only_the_word_confirms() -> None:
    assert CONFIRM_WORD == "erase"
    assert is_confirmed("erase\n")
    assert is_confirmed("  Erase ")
    for answer in ("", "\n", "y", "yes", "erase it", "delete", "eras"):
        assert not is_confirmed(answer)


# --- the command -----------------------------------------------------------------------------


def test_coach_erase_says_what_goes_and_what_it_cannot_promise_then_erases(
    tmp_path: Path,
) -> None:
    data = fill(tmp_path / "data")
    (data / "mine.txt").write_bytes(b"my own notes")
    result = coach(tmp_path, data, "erase", "--confirm-stdin", stdin="erase\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"This will delete your journal in {data}" in result.stdout
    assert "your reflections from 2025 to 2026, their rolling backups" in result.stdout
    for caveat in ("SSD", "copy-on-write", "backed up", "Time Machine", "OneDrive"):
        assert caveat in result.stdout
    assert "Passphrase encryption ('coach passphrase set') is the real protection" in result.stdout
    assert "Your own files in" in result.stdout
    assert sorted(p.name for p in data.iterdir()) == ["mine.txt"]


@pytest.mark.parametrize("answer", ["", "yes\n", "erase everything\n", "delete\n"])
def test_anything_but_the_word_deletes_nothing(tmp_path: Path, answer: str) -> None:
    data = fill(tmp_path / "data")
    before = everything_under(data)
    result = coach(tmp_path, data, "erase", "--confirm-stdin", stdin=answer)
    refused_in_one_line(result, "nothing was deleted", "type 'erase'")
    assert everything_under(data) == before


def test_without_a_terminal_or_confirm_stdin_nothing_is_deleted(tmp_path: Path) -> None:
    data = fill(tmp_path / "data")
    before = everything_under(data)
    result = coach(tmp_path, data, "erase", stdin="erase\n")  # stdin is a pipe: not the word
    refused_in_one_line(result, "no terminal to ask on", "--confirm-stdin", "nothing was deleted")
    assert everything_under(data) == before


def test_coach_erase_refuses_a_folder_that_is_not_a_journals(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "essay.md").write_bytes(b"my essay")
    before = everything_under(home)
    result = coach(tmp_path, home, "erase", "--confirm-stdin", stdin="erase\n")
    refused_in_one_line(result, "does not hold a pwp-coach journal, so nothing in it was deleted")
    assert result.stdout == ""
    assert everything_under(home) == before
    missing = coach(tmp_path, tmp_path / "nowhere", "erase", "--confirm-stdin", stdin="erase\n")
    refused_in_one_line(missing, "there is no journal at", "nothing was deleted")
    assert not (tmp_path / "nowhere").exists()


def test_erase_help_names_the_word_and_confirm_stdin(tmp_path: Path) -> None:
    result = as_text(run_coach("erase", "--help", env_data=tmp_path / "env-data"))
    assert result.returncode == 0
    assert "--confirm-stdin" in result.stdout
    assert "type 'erase' first" in " ".join(result.stdout.split())


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
@pytest.mark.parametrize(("typed", "erased"), [(b"erase\n", True), (b"no thanks\n", False)])
def test_on_a_terminal_the_word_is_asked_for(tmp_path: Path, typed: bytes, erased: bool) -> None:
    import pty

    data = tmp_path / "data"
    Journal(data).close()
    before = everything_under(data)
    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")}
    pid, terminal = pty.fork()
    if pid == 0:  # the child: coach erase, its stdin and stdout the pseudo-terminal
        os.execve(sys.executable, run_argv(data, "erase"), env)
    said = b""
    while b"type erase and press enter: " not in said:
        said += os.read(terminal, 4096)
    os.write(terminal, typed)
    with contextlib.suppress(OSError):  # the terminal closes when the child ends
        while chunk := os.read(terminal, 4096):
            said += chunk
    _, status = os.waitpid(pid, 0)
    text = said.decode("utf-8")
    assert "it holds no reflections yet, but any rolling backups" in text
    assert "Passphrase encryption" in text
    if erased:
        assert os.waitstatus_to_exitcode(status) == 0
        assert "Your journal has been deleted, and its folder" in text
        assert not data.exists()
    else:
        assert os.waitstatus_to_exitcode(status) == 1
        assert "nothing was deleted" in text
        assert everything_under(data) == before
