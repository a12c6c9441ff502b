"""The journal's OS lock: the one way the journal and ``coach doctor`` take it.

Every change holds it (``Journal``), and so does doctor while it looks or repairs, so no save in
another process is ever mistaken for damage. A journal on a read-only disk cannot be locked,
and needs no lock: nobody can be changing it.

It is the OS's own advisory lock on ``journal.lock`` (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), the same lock ``filelock`` takes, so either excludes the other (a test proves it).
It is written here rather than imported because ``filelock`` 4 brings asyncio, sqlite, logging
and inspect with it: ~20 ms of every command's start (issue 10) for features the coach never
uses. What the coach needs is small: reentrant within a thread, a wait with a deadline.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from coach.journal.errors import JournalError
from coach.journal.files import FILE_MODE
from coach.journal.names import LOCK_TIMEOUT_SECONDS, Layout

# What an OS says when a journal can be read but not changed.
READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)
# How often a waiting process tries the lock again.
POLL_SECONDS = 0.002

if sys.platform == "win32":  # pragma: no cover - the CI machines are POSIX
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockBusy(Exception):
    """Another process held the lock for the whole wait."""


class OsLock:
    """An exclusive OS lock on one file, reentrant within the thread that holds it.

    Other threads of this process wait for it as other processes do, so it also keeps this
    process's writers one at a time.
    """

    def __init__(self, path: Path, wait: float = LOCK_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.wait = wait
        self._guard = threading.RLock()  # this process's threads, one at a time
        self._fd: int | None = None
        self._depth = 0

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, waiting up to ``wait`` seconds; ``LockBusy`` if it stayed taken,
        ``OSError`` if the lock file cannot be opened (a read-only disk, say)."""
        deadline = time.monotonic() + self.wait
        if not self._guard.acquire(timeout=max(self.wait, 0.0)):
            raise LockBusy(self.path)
        if self._depth:
            self._depth += 1
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                while not _try_lock(fd):
                    if time.monotonic() >= deadline:
                        raise LockBusy(self.path)
                    time.sleep(POLL_SECONDS)
            except BaseException:
                os.close(fd)
                raise
        except BaseException:
            self._guard.release()
            raise
        self._fd, self._depth = fd, 1

    def release(self) -> None:
        """Give the lock back (the OS lock only when the outermost hold ends)."""
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                _unlock(fd)
            finally:
                os.close(fd)
        self._guard.release()

    def __enter__(self) -> OsLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def journal_lock(layout: Layout, wait: float = LOCK_TIMEOUT_SECONDS) -> OsLock:
    """The lock object for a journal (reentrant within one thread)."""
    return OsLock(layout.lock, wait)


@contextlib.contextmanager
def held(lock: OsLock, data_dir: Path, *, purpose: str = "is saving to it") -> Iterator[str | None]:
    """Hold ``lock`` for the block, yielding None; on a read-only journal hold nothing and yield
    why it cannot be changed (the system's words, such as "Read-only file system").

    Raises ``JournalError`` with one clear line when another coach holds it past the wait.
    """
    try:
        lock.acquire()
    except LockBusy:
        raise JournalError(
            f"the journal in {data_dir} is busy: another coach {purpose}; wait a moment, or "
            "close it, and try again"
        ) from None
    except OSError as error:
        reason = read_only_reason(error)
        if reason is None:
            raise
        yield reason
        return
    try:
        yield None
    finally:
        lock.release()


def read_only_reason(error: OSError) -> str | None:
    """Why ``error`` means the journal can be read but not changed, or None if it does not."""
    if error.errno in READ_ONLY_ERRORS:
        return error.strerror or str(error)
    return None
