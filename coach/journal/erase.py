"""Erasing a journal: every file the journal keeps in its data folder, and nothing else.

``coach erase`` and the settings screen's "Erase everything" come here; they only ask and
report. What is deleted: ``journal/`` and ``backups/`` with everything in them, the records,
the draft, the index, a change plan, the keys of an encrypted journal and the lock, with any
temporary file or set-aside copy of them (``records.json.damaged-...``), then the data folder
itself if nothing is left in it. The user's own files beside them are never touched, no
symlink is ever followed (a link is removed as a link; what it points to is left), and a
folder that is not a journal's is refused before anything is touched, by the same check
opening a journal makes.

The journal's lock is held while deleting, so a save running in another coach finishes first
and is never cut in half. Deleting is all a program can do: on an SSD, a copy-on-write or
snapshotting file system, or a disk that is backed up, the old bytes may survive it. The
commands say so (``CAVEATS``); passphrase encryption is the real protection.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from coach.journal.errors import JournalError, JournalMissing
from coach.journal.files import fsync_folder
from coach.journal.locking import LockBusy, OsLock
from coach.journal.names import (
    BACKUPS_FOLDER,
    DRAFT_FILE,
    INDEX_FILE,
    JOURNAL_FOLDER,
    KEYS_FILE,
    LOCK_NAME,
    LOCK_TIMEOUT_SECONDS,
    PENDING_FILE,
    RECORDS_FILE,
    YEAR_FILE,
    Layout,
)
from coach.journal.opening import journal_folder

# The word a user types to say yes: anything else erases nothing.
CONFIRM_WORD = "erase"

# What deleting cannot promise, said before the user is asked, in the command and the app.
CAVEATS = (
    "Deleting is all the coach can do. On an SSD, a copy-on-write or snapshotting file system, "
    "or a disk that is backed up (Time Machine, OneDrive, your IT department's backups), copies "
    "of the deleted files may survive for a while. Passphrase encryption ('coach passphrase "
    "set') is the real protection: it keeps every copy unreadable without your passphrase."
)

FOLDERS = (JOURNAL_FOLDER, BACKUPS_FOLDER)
# The journal's files in the data folder; the lock is deleted last, while it is held.
FILES = (RECORDS_FILE, DRAFT_FILE, INDEX_FILE, PENDING_FILE, KEYS_FILE)


def is_confirmed(answer: str) -> bool:
    """Whether what the user typed is the confirmation word (spaces and case aside)."""
    return answer.strip().casefold() == CONFIRM_WORD


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _is_plain_folder(path: Path) -> bool:
    info = _lstat(path)
    return info is not None and stat.S_ISDIR(info.st_mode)


def _is_ours(name: str) -> bool:
    """A file of the journal's in the data folder: one of its own, a temporary file a killed
    writer left (``.records.json.0123456789ab.tmp``) or a copy doctor set aside
    (``records.json.damaged-<time>``)."""
    for own in (*FILES, LOCK_NAME):
        if name == own or name.startswith(f"{own}.") or name.startswith(f".{own}."):
            return True
    return False


@dataclass(frozen=True)
class ErasePlan:
    """What erasing a data folder would delete, found without reading any file's contents
    (so without a passphrase)."""

    data_dir: Path
    paths: tuple[Path, ...]  # the journal's files and folders in the data folder, as found
    years: tuple[int, ...]  # the years with a file of reflections, oldest first

    @property
    def exists(self) -> bool:
        """Whether there is anything of a journal's to delete."""
        return bool(self.paths)


@dataclass(frozen=True)
class Erased:
    """What erasing did."""

    data_dir: Path
    files: int  # files (and links) deleted
    links: tuple[Path, ...]  # symlinks removed as links: what they pointed to was left
    folder_removed: bool  # the data folder itself was deleted (nothing else was in it)
    left: tuple[Path, ...]  # what is still in the data folder: the user's own files


def plan_erase(data_dir: Path) -> ErasePlan:
    """What ``erase`` would delete in ``data_dir``; raises ``JournalError`` (one plain line)
    for a folder that is not a journal's, or ``JournalMissing`` where there is none."""
    try:
        folder = journal_folder(Path(data_dir), create=False)
    except JournalMissing:
        raise
    except JournalError:
        raise JournalError(
            f"{data_dir} does not hold a pwp-coach journal, so nothing in it was deleted; check "
            "--data-dir or COACH_DATA_DIR"
        ) from None
    paths: list[Path] = [folder / name for name in FOLDERS if _lstat(folder / name) is not None]
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        paths += sorted(p for p in folder.iterdir() if _is_ours(p.name))
    years: list[int] = []
    journal_dir = Layout(folder).journal_dir
    if _is_plain_folder(journal_dir):
        years = sorted(
            int(found.group(1))
            for path in journal_dir.iterdir()
            if (found := YEAR_FILE.match(path.name)) and stat.S_ISREG(os.lstat(path).st_mode)
        )
    return ErasePlan(folder, tuple(paths), tuple(years))


def _remove_tree(top: Path, links: list[Path]) -> int:
    """Delete ``top`` and everything in it, never following a symlink; returns how many files
    (and links) were deleted. A symlink, ``top`` itself included, is removed as a link."""
    info = _lstat(top)
    if info is None:
        return 0
    if not stat.S_ISDIR(info.st_mode):
        if stat.S_ISLNK(info.st_mode):
            links.append(top)
        top.unlink()
        return 1
    count = 0
    for root, folders, files in os.walk(top, topdown=False, followlinks=False):
        here = Path(root)
        for name in files:
            path = here / name
            if stat.S_ISLNK(os.lstat(path).st_mode):
                links.append(path)
            path.unlink()
            count += 1
        for name in folders:
            path = here / name
            if stat.S_ISLNK(os.lstat(path).st_mode):  # a link to a folder: never walked into
                links.append(path)
                path.unlink()
                count += 1
            else:
                path.rmdir()
    top.rmdir()
    return count


def _remove_file(path: Path, links: list[Path]) -> int:
    """Delete one of the journal's files in the data folder (a link as a link); a folder that
    happens to bear its name is not the journal's and is left."""
    info = _lstat(path)
    if info is None or stat.S_ISDIR(info.st_mode):
        return 0
    if stat.S_ISLNK(info.st_mode):
        links.append(path)
    path.unlink()
    return 1


def erase(data_dir: Path, *, wait: float = LOCK_TIMEOUT_SECONDS) -> Erased:
    """Delete the journal in ``data_dir`` (see the module's docstring) and say what was done.

    Refuses, touching nothing, a folder that is not a journal's. Waits up to ``wait`` seconds
    for a save in another coach to finish; raises ``JournalError`` if it does not.
    """
    plan = plan_erase(data_dir)
    folder = plan.data_dir
    lock = OsLock(Layout(folder).lock, wait)
    try:
        lock.acquire()
    except LockBusy:
        raise JournalError(
            f"the journal in {folder} is busy: another coach is saving to it; close it, wait a "
            "moment and try again (nothing was deleted)"
        ) from None
    links: list[Path] = []
    count = 0
    try:
        for name in FOLDERS:
            count += _remove_tree(folder / name, links)
        for path in sorted(folder.iterdir()):
            if _is_ours(path.name) and path.name != LOCK_NAME:
                count += _remove_file(path, links)
        if sys.platform != "win32":  # a locked file can be deleted here while held
            count += _remove_file(folder / LOCK_NAME, links)
    finally:
        lock.release()
    if sys.platform == "win32":  # pragma: no cover - the CI machines are POSIX
        with contextlib.suppress(OSError):
            count += _remove_file(folder / LOCK_NAME, links)
    left = tuple(sorted(folder.iterdir()))
    removed = False
    if not left and _is_plain_folder(folder):
        folder.rmdir()
        removed = True
        with contextlib.suppress(OSError):
            fsync_folder(folder.parent)
    elif _is_plain_folder(folder):
        with contextlib.suppress(OSError):
            fsync_folder(folder)
    return Erased(folder, count, tuple(links), removed, left)
