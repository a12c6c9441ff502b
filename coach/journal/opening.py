"""What opening a journal does to its folder, before any reflection is read.

Opening checks that the folder is a journal's (so a mistyped ``--data-dir`` never has the
user's own files made private, nor a journal created where only reading was asked for), tidies
what killed writers left, makes every file private, and finds the files to migrate, refusing
any written by a newer coach. ``Journal`` runs these under its lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from coach.journal.errors import JournalError, JournalMissing, JournalTooNew
from coach.journal.files import (
    ensure_private_folder,
    folder_files,
    make_private,
    private_folders,
    remove_stale_temps,
)
from coach.journal.names import JOURNAL_MARKS, Layout
from coach.journal.schema import CURRENT_SCHEMA, schema_of
from coach.journal.storage import Tables


def journal_folder(folder: Path, *, create: bool) -> Path:
    """``folder`` if it is a journal's (or, when ``create``, new or empty); else a clear error.

    Opening makes the folder 0700 and its files 0600, so pointing ``--data-dir`` at a folder
    of the user's own files (their home, say) must stop before anything is touched; and a
    command that only reads must not create a journal where the user mistyped a path.
    """
    if folder.exists() and not folder.is_dir():
        raise JournalError(f"{folder} is a file, not a folder; give a folder for the journal")
    marked = folder.is_dir() and any((folder / mark).exists() for mark in JOURNAL_MARKS)
    if marked:
        return folder
    if folder.is_dir() and next(folder.iterdir(), None) is not None:
        raise JournalError(
            f"{folder} already holds other files and no pwp-coach journal; give an empty "
            "folder or a journal folder with --data-dir or COACH_DATA_DIR"
        )
    if not create:
        raise JournalMissing(folder)
    return folder


def tidy(layout: Layout) -> None:
    """Remove what killed writers left, and make every folder 0700 and every file 0600 (in the
    data folder itself only the journal's own files: the user may keep others beside them)."""
    own = {p.name for p in (layout.records, layout.draft, layout.lock, layout.index, layout.keys)}
    own.add(layout.pending.name)
    for folder in private_folders(layout.data_dir):
        ensure_private_folder(folder)
        remove_stale_temps(folder)
        for path in folder_files(folder):
            if folder != layout.data_dir or path.name in own:
                make_private(path)


def schema_range(tables: Tables | None) -> tuple[int, int]:
    """The oldest and newest schema among a file's documents ((current, current) when none)."""
    numbers = [schema_of(d) for table in (tables or {}).values() for d in table.values()]
    return (min(numbers), max(numbers)) if numbers else (CURRENT_SCHEMA, CURRENT_SCHEMA)


def older_files(ranges: Mapping[Path, tuple[int, int]]) -> list[Path]:
    """The files holding documents of an older schema, given each file's schema range; raises
    ``JournalTooNew`` for a file from a newer coach, so nothing is migrated beside it."""
    old = []
    for path, (oldest, newest) in ranges.items():
        if newest > CURRENT_SCHEMA:
            raise JournalTooNew(path, newest, CURRENT_SCHEMA)
        if oldest < CURRENT_SCHEMA:
            old.append(path)
    return old
