"""The names of the journal's files, tables and lock, declared once: the journal, its reader,
its transactions and doctor all find their files through ``Layout``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coach.journal.sealing import PLAIN, Sealing

REFLECTIONS_TABLE = "reflections"
SETTINGS_TABLE = "settings"
DRAFT_TABLE = "draft"

JOURNAL_FOLDER = "journal"
BACKUPS_FOLDER = "backups"
RECORDS_FILE = "records.json"
DRAFT_FILE = "draft.json"
PENDING_FILE = "pending.json"
INDEX_FILE = "index.json"
KEYS_FILE = "keys.json"
LOCK_NAME = "journal.lock"
# The wrapped keys of an encrypted journal (passphrase, recovery key): without it, nothing opens.
KEYS_FILE = "keys.json"

LOCK_TIMEOUT_SECONDS = 15.0
YEAR_FILE = re.compile(r"^(\d{4})\.json$")

# What marks a folder as a journal's: any one of these in it.
JOURNAL_MARKS = (
    *(JOURNAL_FOLDER, RECORDS_FILE, DRAFT_FILE, LOCK_NAME, BACKUPS_FOLDER, PENDING_FILE),
    *(INDEX_FILE, KEYS_FILE),
)


def year_file_name(year: int) -> str:
    """The name of the file holding one calendar year's reflections: ``2026.json``."""
    return f"{year:04d}.json"


@dataclass(frozen=True)
class Layout:
    """Where each of the journal's files lives in one data folder, and how their bytes are
    kept (``sealing``: as they are, or encrypted with the journal's key)."""

    data_dir: Path
    sealing: Sealing = field(default=PLAIN, compare=False)

    @property
    def journal_dir(self) -> Path:
        """The folder of year files."""
        return self.data_dir / JOURNAL_FOLDER

    @property
    def backups_dir(self) -> Path:
        """The folder of rolling backups, one subfolder per journal file."""
        return self.data_dir / BACKUPS_FOLDER

    @property
    def records(self) -> Path:
        """Settings and other small records."""
        return self.data_dir / RECORDS_FILE

    @property
    def draft(self) -> Path:
        """The reflection being written."""
        return self.data_dir / DRAFT_FILE

    @property
    def pending(self) -> Path:
        """The plan of a change to several files that has been committed but not yet applied."""
        return self.data_dir / PENDING_FILE

    @property
    def index(self) -> Path:
        """What each year's file holds, known without parsing it (a cache: see ``index.py``)."""
        return self.data_dir / INDEX_FILE

    @property
    def keys(self) -> Path:
        """The master key, wrapped once per way of unlocking (only in an encrypted journal)."""
        return self.data_dir / KEYS_FILE

    @property
    def lock(self) -> Path:
        """The file the OS lock is taken on."""
        return self.data_dir / LOCK_NAME

    def year(self, year: int) -> Path:
        """The file holding one calendar year's reflections."""
        return self.journal_dir / year_file_name(year)

    def year_of(self, path: Path) -> int | None:
        """The year a path names, if it is a year file of this journal."""
        found = YEAR_FILE.match(path.name)
        return int(found.group(1)) if found and path.parent == self.journal_dir else None

    def is_journal_file(self, path: Path) -> bool:
        """Whether ``path`` is one of the files the journal writes (year, records or draft)."""
        return path in (self.records, self.draft) or self.year_of(path) is not None

    def is_kept_file(self, path: Path) -> bool:
        """Whether ``path`` is a file the journal keeps content in, sealed when it is
        encrypted: a journal file, the index, anything in ``journal/`` (a copy set aside by
        doctor, say), a backup, or a copy set aside beside the records or the draft."""
        if self.is_journal_file(path) or path in (self.index, self.keys):
            return True
        if path.parent == self.journal_dir:
            return True
        if path.parent.parent == self.backups_dir:
            return True
        return path.parent == self.data_dir and any(
            path.name.startswith(f"{own.name}.") for own in (self.records, self.draft)
        )
