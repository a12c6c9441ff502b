"""Private, atomic file primitives: every folder 0700, every file 0600, no torn writes."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
# Exactly the names temp_path_for makes: nothing else in a folder is ever taken for ours.
_OUR_TEMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def is_our_temp(path: Path) -> bool:
    """Whether ``path`` is a temporary file this module made (and a killed writer left)."""
    return _OUR_TEMP.match(path.name) is not None and path.is_file() and not path.is_symlink()


def ensure_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) if needed and make it 0700."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o777 != FOLDER_MODE:
        folder.chmod(FOLDER_MODE)
    return folder


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside ``target``, recognisable as ours by its prefix and suffix."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_atomic(target: Path, payload: bytes) -> None:
    """Replace ``target`` with ``payload`` so a reader or a crash sees the old file or the new.

    Writes a 0600 temporary file in the same folder, fsyncs it, ``os.replace``s it over the
    target and fsyncs the folder.
    """
    temp = temp_path_for(target)
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(descriptor, FILE_MODE)
            view = memoryview(payload)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(target.parent)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files a killed writer left behind; call only while holding the lock."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for candidate in folder.iterdir():
        if is_our_temp(candidate):
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def stale_temps(folder: Path) -> list[Path]:
    """Temporary files a killed writer left behind, without touching them."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_our_temp(p))


def make_private(path: Path) -> None:
    """Make an existing file 0600."""
    if path.stat().st_mode & 0o777 != FILE_MODE:
        path.chmod(FILE_MODE)
