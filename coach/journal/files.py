"""Private, atomic file primitives: every folder 0700, every file 0600, no torn writes, and no
symlink ever followed inside the data folder.

The same code runs on Linux, macOS and Windows. Two POSIX calls have no Windows counterpart, and
each is used only where the system has it, checked at the call (so a test can take it away):

- ``os.fchmod`` (absent on Windows before Python 3.13): a file is created 0600 by ``os.open``
  anyway; ``fchmod`` only makes that hold whatever the umask. On Windows a file's privacy is
  its folder's: the user profile's, which only its owner (and administrators) can open.
- fsyncing a folder (it needs ``os.O_DIRECTORY``): it makes a rename survive a power cut on
  POSIX file systems. Windows cannot open a folder to flush it, and NTFS journals the rename
  that ``os.replace`` makes atomically, so the step is skipped there.

Every file is opened with ``O_BINARY`` where it exists (Windows), so no newline is ever
translated and the bytes on disk are exactly the bytes written.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from coach.journal.names import BACKUPS_FOLDER, JOURNAL_FOLDER

FOLDER_MODE = 0o700
FILE_MODE = 0o600
# Or'd into every os.open: Windows' low-level files are text files (newlines translated) unless
# opened binary; elsewhere there is no such flag, and no such translation.
OPEN_BINARY: int = getattr(os, "O_BINARY", 0)
# Whether a file's mode bits say who may open it (POSIX), so the doctor checks them; on Windows
# they only say read-only or not, and privacy is the user profile folder's.
MODES_MEAN_PRIVACY = sys.platform != "win32"
TEMP_SUFFIX = ".tmp"
# Exactly the names temp_path_for makes: nothing else in a folder is ever taken for ours.
_OUR_TEMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def is_our_temp(path: Path) -> bool:
    """Whether ``path`` is a temporary file this module made (and a killed writer left)."""
    return _OUR_TEMP.match(path.name) is not None and _is_plain_file(path)


def _is_plain_file(path: Path) -> bool:
    """A regular file, not reached through a symlink."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_plain_folder(path: Path) -> bool:
    """A folder, not reached through a symlink."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def ensure_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) if needed and make it 0700.

    A symlink in its place is left alone: making it private would change the permissions of
    whatever it points to, which may be anywhere.
    """
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if not folder.is_symlink() and folder.stat().st_mode & 0o777 != FOLDER_MODE:
        folder.chmod(FOLDER_MODE)
    return folder


def private_folders(data_dir: Path) -> Iterator[Path]:
    """Every folder of a journal: the data folder, ``journal/`` and ``backups/`` and the folders
    below it, never through a symlink (one planted in ``backups/`` could point anywhere)."""
    if not data_dir.is_dir():
        return
    yield data_dir
    for name in (JOURNAL_FOLDER, BACKUPS_FOLDER):
        top = data_dir / name
        if not _is_plain_folder(top):
            continue
        yield top
        for root, folders, _files in os.walk(top, followlinks=False):
            for folder in sorted(folders):
                path = Path(root) / folder
                if _is_plain_folder(path):
                    yield path


def folder_files(folder: Path) -> Iterator[Path]:
    """The regular files directly in ``folder``, symlinks left out."""
    with contextlib.suppress(FileNotFoundError):
        for path in sorted(folder.iterdir()):
            if _is_plain_file(path):
                yield path


def make_open_file_private(descriptor: int) -> None:
    """Make the open file 0600 whatever the umask, where the system can (see the module)."""
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, FILE_MODE)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a power cut; skipped where a
    folder cannot be opened to flush it (Windows: see the module)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside ``target``, recognisable as ours by its prefix and suffix."""
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")


def create_file(path: Path, payload: bytes, *, sync: bool = True) -> None:
    """Create ``path`` (it must not exist, not even as a symlink) holding ``payload``: 0600
    whatever the umask, every byte written and (unless ``sync`` is False) flushed to disk.
    Nothing is left behind if the write fails (a full disk, say)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_BINARY, FILE_MODE)
    try:
        try:
            make_open_file_private(descriptor)
            view = memoryview(payload)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            if sync:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def write_temp(target: Path, payload: bytes, *, sync: bool = True) -> Path:
    """Write ``payload`` to a new 0600 temporary file beside ``target``, flushed to disk."""
    temp = temp_path_for(target)
    create_file(temp, payload, sync=sync)
    return temp


def write_atomic(target: Path, payload: bytes, *, durable: bool = True) -> None:
    """Replace ``target`` with ``payload`` so a reader or a crash sees the old file or the new.

    Writes a 0600 temporary file in the same folder, fsyncs it, ``os.replace``s it over the
    target and fsyncs the folder. ``durable=False`` skips waiting for the disk, for a cache
    that can always be made again (a power cut may lose it, never tear it into a reader's view).
    """
    temp = write_temp(target, payload, sync=durable)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        fsync_folder(target.parent)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files a killed writer left behind; call only while holding the lock."""
    removed: list[Path] = []
    for candidate in stale_temps(folder):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def stale_temps(folder: Path) -> list[Path]:
    """Temporary files a killed writer left behind, without touching them."""
    return [path for path in folder_files(folder) if is_our_temp(path)]


def make_private(path: Path) -> None:
    """Make an existing file 0600; a symlink is never followed."""
    info = os.lstat(path)
    if stat.S_ISREG(info.st_mode) and info.st_mode & 0o777 != FILE_MODE:
        path.chmod(FILE_MODE)
