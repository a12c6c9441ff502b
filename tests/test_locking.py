"""The journal's own OS lock: reentrant in a thread, exclusive across threads and processes,
and the same lock ``filelock`` takes, so a coach and any tool using filelock never both write."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from coach.journal import Journal, JournalError
from coach.journal.locking import LockBusy, OsLock


def test_a_thread_may_take_its_own_lock_again_and_it_is_freed_by_the_outermost_release(
    tmp_path: Path,
) -> None:
    lock = OsLock(tmp_path / "journal.lock", wait=0.2)
    with lock, lock:
        assert lock.is_locked
    assert not lock.is_locked
    other = FileLock(str(tmp_path / "journal.lock"), timeout=0.2)
    other.acquire()  # free for anyone once the outermost hold ended
    other.release()


def test_another_thread_waits_for_it(tmp_path: Path) -> None:
    lock = OsLock(tmp_path / "journal.lock", wait=5)
    order: list[str] = []

    def wait_then_take() -> None:
        with lock:
            order.append("waiter")

    with lock:
        waiter = threading.Thread(target=wait_then_take)
        waiter.start()
        waiter.join(0.2)
        assert waiter.is_alive()
        order.append("holder")
    waiter.join(5)
    assert order == ["holder", "waiter"]
    assert not lock.is_locked


def test_filelock_in_another_process_and_the_coach_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "journal.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock\n"
            f"lock = FileLock({str(path)!r}); lock.acquire(); print('held', flush=True)\n"
            "sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        started = time.monotonic()
        with pytest.raises(LockBusy):
            OsLock(path, wait=0.3).acquire()
        assert time.monotonic() - started >= 0.3
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)
    with OsLock(path, wait=0.3) as ours:  # free again once the other process let go
        assert ours.is_locked
        with pytest.raises(TimeoutError):  # filelock's Timeout is a TimeoutError
            FileLock(str(path), timeout=0.2, thread_local=False).acquire()


def test_a_journal_held_by_another_process_says_so_in_one_line(tmp_path: Path) -> None:
    with Journal(tmp_path / "data") as journal:
        journal._file_lock.wait = 0.2  # not the fifteen seconds a person would wait
        with FileLock(str(journal.layout.lock)), pytest.raises(JournalError) as raised:
            journal.update_settings({"core_values": ["compassion"]})
        assert journal.settings() == {}
    assert "busy: another coach is saving to it" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_lock_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0)
    try:
        with OsLock(tmp_path / "journal.lock"):
            pass
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "journal.lock").stat().st_mode) == 0o600
