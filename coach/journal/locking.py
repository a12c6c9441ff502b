"""The journal's OS lock: the one way the journal and ``coach doctor`` take it.

Every change holds it (``Journal``), and so does doctor while it looks or repairs, so no save in
another process is ever mistaken for damage. A journal on a read-only disk cannot be locked,
and needs no lock: nobody can be changing it.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from coach.journal.errors import JournalError
from coach.journal.files import FILE_MODE
from coach.journal.names import LOCK_TIMEOUT_SECONDS, Layout

# What an OS says when a journal can be read but not changed.
READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)


def journal_lock(layout: Layout, wait: float = LOCK_TIMEOUT_SECONDS) -> FileLock:
    """The lock object for a journal (reentrant within one thread)."""
    return FileLock(str(layout.lock), mode=FILE_MODE, timeout=wait)


@contextlib.contextmanager
def held(
    lock: FileLock, data_dir: Path, *, purpose: str = "is saving to it"
) -> Iterator[str | None]:
    """Hold ``lock`` for the block, yielding None; on a read-only journal hold nothing and yield
    why it cannot be changed (the system's words, such as "Read-only file system").

    Raises ``JournalError`` with one clear line when another coach holds it past the wait.
    """
    try:
        lock.acquire()
    except Timeout:
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
