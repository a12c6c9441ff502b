"""Rolling backups: the last good version of each journal file, one per day it changed.

Old backups are pruned to ``keep_days``, but the newest good one is never pruned, however old:
if the versions kept were all damaged (copied before damage was refused, or harmed on disk
since), the good one behind them is what ``coach doctor --restore`` needs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from coach.journal.files import FILE_MODE, ensure_private_folder, write_atomic

DEFAULT_KEEP_DAYS = 14

IsGood = Callable[[bytes], bool]


def rolled_over_by(today: dt.date, keep_days: int = DEFAULT_KEEP_DAYS) -> dt.date | None:
    """The earliest day a version kept ``today`` can have left the rolling backups, or None
    when no backups are kept (``keep_days`` 0).

    A change today keeps the file as it was (one backup a day it changes), and a backup is
    pruned once ``keep_days`` newer ones are kept: so what was deleted today is still in the
    backups until the file has changed on ``keep_days`` more days, ``today + keep_days`` if it
    changes every day, later if it changes less often. Deleting an entry says so.
    """
    if keep_days <= 0:
        return None
    return today + dt.timedelta(days=keep_days)


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


def _good(candidate: Path, is_good: IsGood) -> bool:
    try:
        return is_good(candidate.read_bytes())
    except OSError:
        return False


def keep_previous_version(
    backups_root: Path,
    target: Path,
    today: dt.date,
    keep_days: int = DEFAULT_KEEP_DAYS,
    is_good: IsGood | None = None,
) -> Path | None:
    """Before ``target`` changes for the first time today, keep its current version.

    The caller has just read and checked ``target`` under the lock, so the version kept is a
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
    _prune(backups_of(backups_root, target), keep_days, is_good)
    return kept


def _prune(newest_first: list[Path], keep_days: int, is_good: IsGood | None) -> None:
    """Delete all but the newest ``keep_days`` backups, sparing the newest good one."""
    doomed = newest_first[keep_days:]
    if not doomed:
        return
    if is_good is not None and not any(_good(p, is_good) for p in newest_first[:keep_days]):
        spared = next((p for p in doomed if _good(p, is_good)), None)
        doomed = [p for p in doomed if p != spared]
    for old in doomed:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()


def newest_good_backup(backups_root: Path, target: Path, is_good: IsGood) -> Path | None:
    """The newest backup of ``target`` whose bytes pass ``is_good``, or None."""
    return next((p for p in backups_of(backups_root, target) if _good(p, is_good)), None)
