"""``coach doctor``: every journal file checked without opening the journal; repair from backups."""

from __future__ import annotations

import datetime as dt
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from coach.cli import main
from coach.journal import Journal
from coach.journal.doctor import Trouble, check
from coach.model import Reflection

UTC = dt.UTC
DAY_ONE = dt.date(2026, 11, 20)
DAY_TWO = dt.date(2026, 11, 25)

DAMAGE = {
    "garbage": b"\x00\x17 not json at all \xff",
    "truncated": b'{"reflections": {"1": {"schema": 1, "id": "a", "date": "2026-',
    "empty": b"",
    "wrong shape": b'{"reflections": [1, 2, 3]}',
    "bad entry": b'{"reflections": {"1": {"schema": 1, "id": "a", "date": "someday"}}}',
}


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def reflection(rid: str, day: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    return Reflection(id=rid, date=day, created=created, **parts)  # type: ignore[arg-type]


def journal_with_backup(data: Path) -> Path:
    """Two days of saves, so the 2026 file has a good backup; returns that backup."""
    with Journal(data, today=lambda: DAY_ONE) as journal:
        journal.add(reflection("a", DAY_ONE, strain=5))
        journal.add(reflection("old", dt.date(2025, 3, 3)))
    with Journal(data, today=lambda: DAY_TWO) as journal:
        journal.add(reflection("b", DAY_TWO, strain=6))
    backup = data / "backups" / "2026" / f"{DAY_TWO.isoformat()}.json"
    assert backup.is_file()
    return backup


def doctor(data: Path, *extra: str) -> int:
    return main(["--data-dir", str(data), "doctor", *extra])


def listing(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_sound_journal_is_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal_with_backup(tmp_path / "data")
    assert doctor(tmp_path / "data") == 0
    assert capsys.readouterr().out == "journal OK: 3 reflections\n"


def test_no_journal_yet_is_ok_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert doctor(tmp_path / "none") == 0
    assert capsys.readouterr().out.startswith("journal OK: 0 reflections\n")
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_is_reported_with_the_newest_good_backup_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    data = tmp_path / "data"
    backup = journal_with_backup(data)
    year_file = data / "journal" / "2026.json"
    year_file.write_bytes(DAMAGE[damage])
    before = listing(data)
    assert doctor(data) == 1
    out = capsys.readouterr().out
    problem = next(line for line in out.splitlines() if line.startswith("problem:"))
    assert f"{year_file} is damaged" in problem
    assert f"newest good backup: {backup}" in problem
    assert "coach doctor --restore" in problem
    assert listing(data) == before


def test_one_damaged_file_does_not_stop_the_check_of_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    (data / "journal" / "2026.json").write_bytes(b"")
    (data / "records.json").write_bytes(b"[")
    (data / "draft.json").write_bytes(b'{"draft": {"1": {"saved": 3}}}')
    checkup = check(data)
    damaged = {p.path.name for p in checkup.problems if p.trouble is Trouble.DAMAGED}
    assert damaged == {"2026.json", "records.json", "draft.json"}
    assert checkup.reflections == 1  # the 2025 file is still read
    assert doctor(data) == 1
    out = capsys.readouterr().out
    for name in ("2026.json", "records.json", "draft.json"):
        assert f"{name} is damaged" in out


def test_a_backup_with_the_same_bad_entry_is_not_good(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = journal_with_backup(data)
    also_bad = good.with_name("2026-11-26.json")
    also_bad.write_bytes(DAMAGE["bad entry"])
    also_bad.chmod(0o600)
    (data / "journal" / "2026.json").write_bytes(DAMAGE["bad entry"])
    (problem,) = check(data).problems
    assert problem.backup == good


def test_restore_puts_the_backup_back_and_keeps_the_damaged_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    backup = journal_with_backup(data)
    year_file = data / "journal" / "2026.json"
    year_file.write_bytes(DAMAGE["garbage"])
    assert doctor(data, "--restore", "--yes") == 0
    out = capsys.readouterr().out
    assert f"done: restored {year_file} from {backup}" in out
    assert out.rstrip().endswith("journal OK: 2 reflections")
    (aside,) = (data / "journal").glob("2026.json.damaged-*")
    assert aside.read_bytes() == DAMAGE["garbage"]
    assert year_file.read_bytes() == backup.read_bytes()
    assert stat.S_IMODE(year_file.stat().st_mode) == 0o600
    with Journal(data) as journal:
        assert {r.id for r in journal.iter_newest_first()} == {"a", "old"}


def test_restore_without_a_terminal_or_yes_refuses(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    (data / "journal" / "2026.json").write_bytes(b"")
    before = listing(data)
    result = subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(data), "doctor", "--restore"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "--yes" in result.stderr
    assert "is damaged" in result.stdout
    assert listing(data) == before


def test_damage_without_a_backup_is_explained_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.add(reflection("only", DAY_ONE))
    year_file = data / "journal" / "2026.json"
    year_file.write_bytes(DAMAGE["truncated"])
    assert doctor(data, "--restore", "--yes") == 1
    out = capsys.readouterr().out
    assert "no good backup was found" in out
    assert "nothing here can be repaired" in out
    assert year_file.read_bytes() == DAMAGE["truncated"]
    assert list((data / "journal").glob("*.damaged-*")) == []


def test_a_damaged_draft_is_set_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    draft = data / "draft.json"
    draft.write_bytes(b"{garbage")
    assert doctor(data) == 1
    assert "sets the draft aside" in capsys.readouterr().out
    assert doctor(data, "--restore", "--yes") == 0
    assert not draft.exists()
    (aside,) = data.glob("draft.json.damaged-*")
    assert aside.read_bytes() == b"{garbage"
    with Journal(data) as journal:
        assert journal.load_draft() is None


def test_open_permissions_are_reported_and_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    year_file = data / "journal" / "2025.json"
    year_file.chmod(0o644)
    data.chmod(0o755)
    assert doctor(data) == 1
    out = capsys.readouterr().out
    assert f"file {year_file} can be opened by others (mode 0644" in out
    assert f"folder {data} can be opened by others (mode 0755" in out
    assert doctor(data, "--restore", "--yes") == 0
    assert stat.S_IMODE(year_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_stale_temp_file_is_a_note_and_restore_removes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    temp = data / "journal" / ".2026.json.0123456789ab.tmp"
    temp.write_bytes(b'{"reflections": {')
    temp.chmod(0o600)
    assert doctor(data) == 0
    out = capsys.readouterr().out
    assert f"note: {temp} is a temporary file" in out
    assert "journal OK: 3 reflections" in out
    assert temp.exists()
    assert doctor(data, "--restore", "--yes") == 0
    assert not temp.exists()


def test_a_file_from_a_newer_coach_is_reported_not_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    year_file = data / "journal" / "2025.json"
    tables = orjson.loads(year_file.read_bytes())
    for document in tables["reflections"].values():
        document["schema"] = 99
    year_file.write_bytes(orjson.dumps(tables))
    before = year_file.read_bytes()
    assert doctor(data, "--restore", "--yes") == 1
    out = capsys.readouterr().out
    assert "newer pwp-coach (schema 99" in out
    assert year_file.read_bytes() == before


def test_the_same_reflection_in_two_year_files_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    twin = reflection("a", dt.date(2024, 12, 31))
    document = {"reflections": {"1": {"schema": 1, **twin.to_dict()}}}
    twin_file = data / "journal" / "2024.json"
    twin_file.write_bytes(orjson.dumps(document))
    twin_file.chmod(0o600)
    assert doctor(data) == 1
    out = capsys.readouterr().out
    assert "reflection 'a' is stored 2 times" in out
    assert str(twin_file) in out


def test_a_data_dir_that_is_a_file_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_bytes(b"hello")
    assert doctor(not_a_folder) == 1
    assert f"{not_a_folder} is not a folder" in capsys.readouterr().out
    assert not_a_folder.read_bytes() == b"hello"


def run_on_a_terminal(data: Path, answer: bytes, tmp_path: Path) -> tuple[int, str]:
    """``coach doctor --restore`` with a terminal on stdin that types ``answer``."""
    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer)
        result = subprocess.run(
            [sys.executable, "-m", "coach", "--data-dir", str(data), "doctor", "--restore"],
            stdin=terminal,
            capture_output=True,
            text=True,
            env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")},
            timeout=60,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return result.returncode, result.stdout


@pytest.mark.parametrize(("answer", "restored"), [(b"n\n", False), (b"y\n", True)])
def test_restore_asks_on_the_terminal_first(tmp_path: Path, answer: bytes, restored: bool) -> None:
    data = tmp_path / "data"
    backup = journal_with_backup(data)
    year_file = data / "journal" / "2026.json"
    year_file.write_bytes(b"")
    code, out = run_on_a_terminal(data, answer, tmp_path)
    assert "Put right 1 of these now? [y/N]" in out
    if restored:
        assert code == 0
        assert year_file.read_bytes() == backup.read_bytes()
        assert len(list((data / "journal").glob("2026.json.damaged-*"))) == 1
    else:
        assert code == 1
        assert "nothing was changed" in out
        assert year_file.read_bytes() == b""
        assert list((data / "journal").glob("2026.json.damaged-*")) == []


# --- doctor tells the truth ----------------------------------------------------------------


def test_a_folder_where_a_journal_file_should_be_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    (data / "journal" / "2024.json").mkdir()
    (data / "records.json").mkdir()
    assert doctor(data) == 1
    out = capsys.readouterr().out
    assert f"{data / 'journal' / '2024.json'} should be a journal file but is a folder" in out
    assert f"{data / 'records.json'} should be a journal file but is a folder" in out
    assert "journal OK" not in out


def test_a_save_under_way_in_another_process_is_waited_for_not_called_damage(
    tmp_path: Path,
) -> None:
    import threading

    from filelock import FileLock

    data = tmp_path / "data"
    journal_with_backup(data)
    lock = FileLock(str(data / "journal.lock"), thread_local=False)  # released by the timer
    lock.acquire()
    live = data / "journal" / ".2026.json.0123456789ab.tmp"  # the other process's save
    live.write_bytes(b'{"reflections": {"1": ')

    def finish_the_save() -> None:
        live.unlink()
        lock.release()

    later = threading.Timer(0.5, finish_the_save)
    later.start()
    try:
        checkup = check(data)  # waits for the lock rather than reading a file mid-save
    finally:
        later.join()
    assert checkup.problems == ()


def test_a_journal_held_busy_says_so_and_changes_nothing(tmp_path: Path) -> None:
    from filelock import FileLock

    from coach.journal import JournalError

    data = tmp_path / "data"
    journal_with_backup(data)
    lock = FileLock(str(data / "journal.lock"))
    lock.acquire()
    try:
        with pytest.raises(JournalError, match="is busy: another coach is saving to it"):
            check(data, wait=0.2)
    finally:
        lock.release()


def cut_off_move(data: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Reflection, Reflection]:
    """A journal whose last change (a move from 2025 to 2026) was committed, then cut off
    before either file was renamed into place: what a kill leaves."""
    with Journal(data) as journal:
        mover = reflection("mover", dt.date(2025, 6, 1))
        journal.add(mover)
        journal.add(reflection("stays", dt.date(2026, 6, 1)))
        moved = mover.with_changes(date=dt.date(2026, 7, 1))
        real_replace, calls = os.replace, []

        def replace(source: object, target: object) -> None:
            calls.append(target)
            if len(calls) == 2:  # the first rename after the plan was written: killed here
                raise KeyboardInterrupt
            real_replace(source, target)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(KeyboardInterrupt):
            journal.save(moved)
        monkeypatch.setattr(os, "replace", real_replace)
    return mover, moved


def test_a_cut_off_change_is_a_note_and_restore_finishes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _mover, moved = cut_off_move(data, monkeypatch)
    assert (data / "pending.json").exists()
    assert doctor(data) == 0  # readers already see it finished: the journal is sound
    out = capsys.readouterr().out
    assert "note: a change to 2 files was cut off after it was made whole" in out
    assert "journal OK: 2 reflections" in out
    assert "temporary file" not in out  # the files it is waiting to rename are not litter
    assert doctor(data, "--restore", "--yes") == 0
    assert "done: finished the change to 2 files" in capsys.readouterr().out
    assert not (data / "pending.json").exists()
    with Journal(data) as journal:
        assert journal.get(moved.id) == moved


def test_restore_keeps_the_copy_readers_show_and_sets_the_other_file_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal_with_backup(data)
    older = reflection("a", dt.date(2024, 12, 31))
    twin_file = data / "journal" / "2024.json"
    twin_file.write_bytes(orjson.dumps({"reflections": {"1": {"schema": 1, **older.to_dict()}}}))
    twin_file.chmod(0o600)
    before = twin_file.read_bytes()
    with Journal(data) as journal:
        shown = journal.get("a")
        assert shown is not None
        assert shown.year == 2026
    assert doctor(data, "--restore", "--yes") == 0
    out = capsys.readouterr().out
    assert "kept reflection 'a' in" in out
    asides = list((data / "journal").glob("2024.json.duplicates-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == before
    with Journal(data) as journal:
        assert journal.get("a") == shown
        assert journal.count() == 3  # a, b and old: each once
    assert doctor(data) == 0


def test_one_reflection_is_said_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(tmp_path / "data") as journal:
        journal.add(Reflection.new(dt.date(2026, 11, 26), narrative="one"))
    assert doctor(tmp_path / "data") == 0
    assert capsys.readouterr().out == "journal OK: 1 reflection\n"
