"""What a good version of a journal file is: the one test the journal's error messages and
``coach doctor`` both use to name "the newest good backup"."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from coach.journal.backups import newest_good_backup
from coach.journal.errors import JournalCorrupt, JournalTooNew
from coach.journal.names import DRAFT_FILE, DRAFT_TABLE, REFLECTIONS_TABLE, YEAR_FILE, Layout
from coach.journal.records import record_problem
from coach.journal.schema import CURRENT_SCHEMA, document_to_reflection, migrate, schema_of
from coach.journal.sealing import Sealing
from coach.journal.storage import ShapeError, Signature, Tables, stored_tables
from coach.model import ModelError
from coach.text import quoted


def newest_schema(tables: Tables) -> int:
    """The highest schema number of any document in a file (0 for an empty file)."""
    return max(
        (schema_of(document) for table in tables.values() for document in table.values()),
        default=0,
    )


def _reflection_problem(tables: Tables) -> str | None:
    """Why a year file's reflections are not all readable, or None when they are."""
    for doc_id, document in tables.get(REFLECTIONS_TABLE, {}).items():
        if schema_of(document) > CURRENT_SCHEMA:
            continue
        try:
            document_to_reflection(migrate(dict(document)))
        except ModelError as error:
            name = document.get("id")
            shown = quoted(name) if isinstance(name, str) else f"number {doc_id}"
            return f"entry {shown}: {error}"
    return None


def _draft_problem(tables: Tables) -> str | None:
    """Why a draft file does not hold a readable draft, or None when it does."""
    for document in tables.get(DRAFT_TABLE, {}).values():
        saved, state = document.get("saved"), document.get("state")
        if not isinstance(saved, str) or not isinstance(state, dict):
            return "the draft has the wrong shape"
        try:
            dt.datetime.fromisoformat(saved)
        except ValueError:
            return "the draft's time of saving is not a date and time"
    return None


def content_problem(path: Path, tables: Tables) -> str | None:
    """Why parsed ``tables`` are not a good version of the journal file ``path``, or None.

    The one test of "damaged" beyond the file's shape: readers refuse what it refuses, and so
    does every write, so damage is never written over or copied into a backup.
    """
    if YEAR_FILE.match(path.name):
        return _reflection_problem(tables) or record_problem(tables)
    if path.name == DRAFT_FILE:
        return _draft_problem(tables)
    return record_problem(tables)


def file_problem(path: Path, stored: bytes, sealing: Sealing) -> str | None:
    """Why ``stored`` (bytes on disk) is not a good version of the journal file ``path``, or
    None when it is."""
    try:
        tables = stored_tables(stored, sealing)
    except ShapeError as error:
        return str(error)
    return content_problem(path, tables)


def good_version_test(path: Path, sealing: Sealing) -> Callable[[bytes], bool]:
    """A test of whether some bytes (a backup, say) would be a good version of ``path``."""

    def is_good(stored: bytes) -> bool:
        return file_problem(path, stored, sealing) is None

    return is_good


def damage_report(layout: Layout, path: Path, problem: str) -> JournalCorrupt:
    """The error for a damaged file, naming its newest good backup."""
    is_good = good_version_test(path, layout.sealing)
    return JournalCorrupt(path, problem, newest_good_backup(layout.backups_dir, path, is_good))


class WriteGuard:
    """Refuses to write into a file that readers would call damaged or too new.

    A file is checked as readers check it (``content_problem``) before any change to it; a
    version already checked, or written by this process, is remembered by its signature, so
    saving again to the same year costs nothing more.
    """

    def __init__(self, layout: Layout) -> None:
        self._layout = layout
        self._good: dict[Path, Signature] = {}
        self._lock = threading.Lock()

    def damaged(self, path: Path, problem: str) -> JournalCorrupt:
        """The journal's error for ``path``, naming its newest good backup."""
        return damage_report(self._layout, path, problem)

    def check(self, path: Path, signature: Signature | None, tables: Tables) -> None:
        """Raise ``JournalTooNew`` or ``JournalCorrupt`` unless ``tables`` may be written over."""
        with self._lock:
            if signature is not None and self._good.get(path) == signature:
                return
        newest = newest_schema(tables)
        if newest > CURRENT_SCHEMA:
            raise JournalTooNew(path, newest, CURRENT_SCHEMA)
        problem = content_problem(path, tables)
        if problem is not None:
            raise self.damaged(path, problem)
        self.vouch(path, signature)

    def vouch(self, path: Path, signature: Signature | None) -> None:
        """Remember that this version of ``path`` is good (checked, or just written by us)."""
        if signature is not None:
            with self._lock:
                self._good[path] = signature

    def is_good_version(self, path: Path) -> Callable[[bytes], bool]:
        """The test of a good backup of ``path``."""
        return good_version_test(path, self._layout.sealing)
