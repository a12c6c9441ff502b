"""The journal: the only code that touches the journal files."""

from coach.journal.beside import Draft, ImportReport
from coach.journal.encryption import LockedJournal, is_encrypted, unlock
from coach.journal.errors import (
    JournalCorrupt,
    JournalError,
    JournalLocked,
    JournalTooNew,
    ReflectionNotFound,
    WrongPassphrase,
)
from coach.journal.journal import Journal
from coach.journal.location import resolve_data_dir

__all__ = [
    "Draft",
    "ImportReport",
    "Journal",
    "JournalCorrupt",
    "JournalError",
    "JournalLocked",
    "JournalTooNew",
    "LockedJournal",
    "ReflectionNotFound",
    "WrongPassphrase",
    "is_encrypted",
    "resolve_data_dir",
    "unlock",
]
