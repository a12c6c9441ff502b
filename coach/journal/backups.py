"""Rolling backups: the last good version of each journal file, one per day it changed."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from coach.journal.files import FILE_MODE, ensure_private_folder, write_atomic

DEFAULT_KEEP_DAYS = 14


def backup_folder(backups_root: Path, target: Path) -> Path:
    """Where the backups of one journal file live: ``backups/<file stem>/``."""
    return backups_root / target.stem


def backups_of(backups_root: Path, target: Path) -> list[Path]:
    """Backups of ``target``, newest first."""
    folder = backup_folder(backups_root, target)
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")),
        reverse=True,
    )


def keep_previous_version(
    backups_root: Path, target: Path, today: dt.date, keep_days: int = DEFAULT_KEEP_DAYS
) -> Path | None:
    """Before ``target`` changes for the first time today, keep its current version.

    The caller has just read and validated ``target`` under the lock, so the version kept is a
    good one. A hard link costs nothing; where links are not possible the bytes are copied.
    Returns the backup made, or None when today's already exists or there is nothing to keep.
    """
    if keep_days <= 0 or not target.exists():
        return None
    ensure_private_folder(backups_root)
    folder = ensure_private_folder(backup_folder(backups_root, target))
    kept = folder / f"{today.isoformat()}.json"
    if kept.exists():
        return None
    try:
        os.link(target, kept)
    except OSError:
        write_atomic(kept, target.read_bytes())
    if kept.stat().st_mode & 0o777 != FILE_MODE:
        kept.chmod(FILE_MODE)
    for old in backups_of(backups_root, target)[keep_days:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return kept


def newest_good_backup(
    backups_root: Path, target: Path, is_good: Callable[[bytes], bool]
) -> Path | None:
    """The newest backup of ``target`` whose bytes pass ``is_good``, or None."""
    for candidate in backups_of(backups_root, target):
        try:
            if is_good(candidate.read_bytes()):
                return candidate
        except OSError:
            continue
    return None
