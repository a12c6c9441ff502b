"""The journal: the only code that touches the journal files."""

from coach.journal.errors import JournalCorrupt, JournalError, JournalTooNew, ReflectionNotFound
from coach.journal.journal import Draft, ImportReport, Journal
from coach.journal.location import resolve_data_dir

__all__ = [
    "Draft",
    "ImportReport",
    "Journal",
    "JournalCorrupt",
    "JournalError",
    "JournalTooNew",
    "ReflectionNotFound",
    "resolve_data_dir",
]
