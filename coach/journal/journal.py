"""The ``Journal`` facade: the only way the rest of the coach reads or writes the journal.

On disk (all under the data folder, 0700; every file 0600)::

    journal/2026.json   reflections of one calendar year (TinyDB, table "reflections")
    records.json        settings and other small records (TinyDB, one table each)
    draft.json          the reflection being written, saved every few seconds
    backups/<stem>/<date>.json   the last good version of a file for each day it changed
    journal.lock        the OS lock held around every read-modify-write

A save rewrites only its year's file, so it costs the same in year ten as in week one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Document as TinyDocument

from coach.journal.backups import DEFAULT_KEEP_DAYS
from coach.journal.errors import JournalCorrupt, JournalError, JournalTooNew, ReflectionNotFound
from coach.journal.files import ensure_private_folder, make_private, remove_stale_temps
from coach.journal.names import (
    DRAFT_TABLE,
    LOCK_NAME,
    LOCK_TIMEOUT_SECONDS,
    REFLECTIONS_TABLE,
    SETTINGS_TABLE,
    YEAR_FILE,
)
from coach.journal.reading import YearReader, damage_report, year_file
from coach.journal.schema import (
    CURRENT_SCHEMA,
    document_to_reflection,
    migrate,
    migrate_in_place,
    reflection_to_document,
    replace_with,
    schema_of,
)
from coach.journal.storage import AtomicStorage, FileCache
from coach.model import ModelError, Reflection

_BY_ID = Query()


@dataclass(frozen=True)
class Draft:
    """A reflection in progress: what the screens had, and when it was saved."""

    saved: dt.datetime
    state: dict[str, Any]


@dataclass(frozen=True)
class ImportReport:
    """What an import did, record by record."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


# What marks a folder as a journal's: any one of these in it.
_JOURNAL_MARKS = ("journal", "records.json", "draft.json", LOCK_NAME, "backups")


def _journal_folder(folder: Path) -> Path:
    """``folder`` if it is new, empty or a journal's; a folder of other files is refused.

    Opening makes the folder 0700 and its files 0600, so pointing ``--data-dir`` at a folder
    of the user's own files (their home, say) must stop before anything is touched.
    """
    if folder.is_dir() and not any((folder / mark).exists() for mark in _JOURNAL_MARKS):
        if next(folder.iterdir(), None) is not None:
            raise JournalError(
                f"{folder} already holds other files and no pwp-coach journal; give an empty "
                "folder or a journal folder with --data-dir or COACH_DATA_DIR"
            )
    elif folder.exists() and not folder.is_dir():
        raise JournalError(f"{folder} is a file, not a folder; give a folder for the journal")
    return folder


class Journal:
    """A private journal of reflections in one data folder; use as a context manager."""

    def __init__(
        self,
        data_dir: Path,
        *,
        keep_days: int = DEFAULT_KEEP_DAYS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.data_dir = ensure_private_folder(_journal_folder(Path(data_dir)))
        self.journal_dir = ensure_private_folder(self.data_dir / "journal")
        self.backups_dir = self.data_dir / "backups"
        self.records_path = self.data_dir / "records.json"
        self.draft_path = self.data_dir / "draft.json"
        self.keep_days = keep_days
        self._today = today
        self._files = FileCache()
        self._thread_lock = threading.RLock()  # guards the read caches, held briefly
        self._write_lock = threading.RLock()  # one writer at a time in this process
        self._file_lock = FileLock(
            str(self.data_dir / LOCK_NAME), mode=0o600, timeout=LOCK_TIMEOUT_SECONDS
        )
        self._reader = YearReader(
            journal_dir=self.journal_dir,
            backups_dir=self.backups_dir,
            cache=self._files,
            table=REFLECTIONS_TABLE,
            lock=self._thread_lock,
        )
        self._open()

    # --- opening and closing ------------------------------------------------------------

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Forget what is cached; the files are never held open, so nothing else to do."""
        with self._thread_lock:
            self._files.entries.clear()
            self._reader.forget()

    def _open(self) -> None:
        """Tidy after a killed writer, make every file private, and migrate old documents.

        Every file is read and checked before any is migrated, so a file from a newer coach or
        a damaged one stops the open with nothing written.
        """
        with self._locked():
            for folder in self._private_folders():
                remove_stale_temps(folder)
            for path in self._all_files():
                make_private(path)
            old = [
                path
                for path in [*map(self.year_path, self.years()), self.records_path]
                if self._needs_migration(path)
            ]
            for path in old:
                self._migrate_file(path)

    def _private_folders(self) -> Iterator[Path]:
        """Every folder of the journal, each made 0700 on the way."""
        yield self.data_dir
        yield self.journal_dir
        if self.backups_dir.is_dir():
            yield ensure_private_folder(self.backups_dir)
            for folder in self.backups_dir.iterdir():
                if folder.is_dir() and not folder.is_symlink():
                    yield ensure_private_folder(folder)

    def _all_files(self) -> Iterator[Path]:
        """The journal's own files: in the data folder only those it names, below it all."""
        own = {self.records_path.name, self.draft_path.name, LOCK_NAME}
        for folder in self._private_folders():
            for path in folder.iterdir():
                ours = folder != self.data_dir or path.name in own
                if ours and path.is_file() and not path.is_symlink():
                    yield path

    def _needs_migration(self, path: Path) -> bool:
        """Whether ``path`` holds documents of an older schema; raises if it is damaged or newer.

        Documents about to be migrated are checked against the model first: a file that would
        be called damaged when read is not rewritten by a migration either.
        """
        tables = self._db(path, fresh=False).storage.read() or {}
        numbers = {schema_of(document) for table in tables.values() for document in table.values()}
        if numbers and max(numbers) > CURRENT_SCHEMA:
            raise JournalTooNew(path, max(numbers), CURRENT_SCHEMA)
        if not numbers or min(numbers) >= CURRENT_SCHEMA:
            return False
        holds_reflections = path != self.records_path
        for document in tables.get(REFLECTIONS_TABLE, {}).values() if holds_reflections else ():
            if schema_of(document) < CURRENT_SCHEMA:
                try:
                    document_to_reflection(migrate(dict(document)))
                except ModelError as error:
                    problem = f"entry {document.get('id', '?')!s}: {error}"
                    raise self._damaged(path, problem) from None
        return True

    def _migrate_file(self, path: Path) -> None:
        """Bring the old documents of ``path`` up to date: one write for each table that has any."""
        db = self._db(path, fresh=True)
        for name, table in list((db.storage.read() or {}).items()):
            if any(schema_of(document) < CURRENT_SCHEMA for document in table.values()):
                db.table(name).update(migrate_in_place, lambda d: schema_of(d) < CURRENT_SCHEMA)

    # --- files, locks and TinyDB ---------------------------------------------------------

    def year_path(self, year: int) -> Path:
        """The file holding one calendar year's reflections."""
        return year_file(self.journal_dir, year)

    def years(self) -> list[int]:
        """The years that have a journal file, newest first."""
        found = (YEAR_FILE.match(p.name) for p in self.journal_dir.iterdir())
        return sorted((int(m.group(1)) for m in found if m), reverse=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # Writers queue on their own lock, not the readers' cache lock: a reader on the UI
        # thread must never wait behind another process holding the file lock.
        with self._write_lock:
            try:
                self._file_lock.acquire()
            except Timeout:
                raise JournalError(
                    f"the journal in {self.data_dir} is busy: another coach has held its lock "
                    f"for {LOCK_TIMEOUT_SECONDS:.0f} s; try again"
                ) from None
            try:
                yield
            except BaseException:
                # TinyDB changes the parsed tables in place before writing them; if a change
                # stopped part-way, forget every parsed file so the next read goes to the disk.
                self._files.entries.clear()
                self._reader.forget()
                raise
            finally:
                self._file_lock.release()

    def _damaged(self, path: Path, problem: str) -> JournalCorrupt:
        return damage_report(self.backups_dir, path, problem)

    def _db(self, path: Path, *, fresh: bool) -> TinyDB:
        """A short-lived TinyDB over one file: no next-id or query cache outlives the call."""
        return TinyDB(
            path=path,
            storage=AtomicStorage,
            cache=self._files,
            on_damage=self._damaged,
            backups=None if path == self.draft_path else self.backups_dir,
            keep_days=self.keep_days,
            fresh=fresh,
            today=self._today,
        )

    # --- reading reflections -------------------------------------------------------------

    def _year(self, year: int) -> tuple[Reflection, ...]:
        """One year's reflections, newest first, read again only when the file changed."""
        return self._reader.reflections(year)

    def count(self) -> int:
        """How many reflections the journal holds (counted without reading each one)."""
        return sum(len(self._reader.documents(year)) for year in self.years())

    def iter_newest_first(self) -> Iterator[Reflection]:
        """Every reflection, newest first, reading one year's file at a time as needed."""
        for year in self.years():
            yield from self._year(year)

    def page(self, offset: int, limit: int) -> list[Reflection]:
        """One page of history, newest first."""
        return list(islice(self.iter_newest_first(), offset, offset + limit))

    def latest(self) -> Reflection | None:
        """The newest reflection, or None for an empty journal."""
        return next(self.iter_newest_first(), None)

    def get(self, reflection_id: str) -> Reflection | None:
        """The reflection with this id, or None; only that one reflection is built."""
        for year in self.years():
            for document in self._reader.documents(year):
                if document.get("id") == reflection_id:
                    return self._reader.build(year, document)
        return None

    def on_date(self, day: dt.date) -> list[Reflection]:
        """The reflections of one day, newest first."""
        if day.year not in self.years():
            return []
        return [r for r in self._year(day.year) if r.date == day]

    def warm_up(self) -> None:
        """Read every year now (newest first), so history and search are quick later.

        The app calls this in a background worker after start-up; nothing else needs it.
        """
        for year in self.years():
            self._reader.warm(year)

    def search(self, text: str) -> Iterator[Reflection]:
        """Reflections whose text contains ``text``, ignoring case, newest first.

        A year not read yet is first searched in its stored JSON text, and only the reflections
        that may match are built, so a first search does not read every reflection.
        """
        needle = text.casefold().strip()
        for year in self.years():
            yield from self._reader.search(year, needle)

    # --- writing reflections -------------------------------------------------------------

    def add(self, reflection: Reflection) -> None:
        """Store a new reflection; only its year's file is read and written."""
        with self._locked():
            table = self._db(self.year_path(reflection.year), fresh=True).table(REFLECTIONS_TABLE)
            if table.contains(_BY_ID.id == reflection.id):
                raise JournalError(f"a reflection with id {reflection.id} is already saved")
            table.insert(reflection_to_document(reflection))

    def save(self, reflection: Reflection) -> None:
        """Add the reflection, or replace the stored one with the same id (even across years)."""
        with self._locked():
            self._put(reflection, must_exist=False)

    def update(self, reflection: Reflection) -> None:
        """Replace a stored reflection; raises ``ReflectionNotFound`` if it is not there."""
        with self._locked():
            self._put(reflection, must_exist=True)

    def _put(self, reflection: Reflection, *, must_exist: bool) -> None:
        document = reflection_to_document(reflection)
        target = self._db(self.year_path(reflection.year), fresh=True).table(REFLECTIONS_TABLE)
        # Look before updating: TinyDB's update writes the file even when nothing matches.
        elsewhere = [
            year
            for year in self.years()
            if year != reflection.year and self._holds(year, reflection.id)
        ]
        if target.contains(_BY_ID.id == reflection.id):
            target.update(replace_with(document), _BY_ID.id == reflection.id)
        else:
            if must_exist and not elsewhere:
                raise ReflectionNotFound(reflection.id)
            # Insert first, then remove: a crash between leaves two copies, never none.
            target.insert(document)
        # Removing every other copy also tidies one left by a move that a crash cut short.
        for year in elsewhere:
            self._db(self.year_path(year), fresh=True).table(REFLECTIONS_TABLE).remove(
                _BY_ID.id == reflection.id
            )

    def _holds(self, year: int, reflection_id: str) -> bool:
        """Whether a year's file holds this id; looks at the stored documents, not the model."""
        return any(d.get("id") == reflection_id for d in self._reader.documents(year))

    def delete(self, reflection_id: str) -> bool:
        """Remove a reflection; True if it was there."""
        with self._locked():
            removed = False
            for year in self.years():
                if self._holds(year, reflection_id):
                    table = self._db(self.year_path(year), fresh=True).table(REFLECTIONS_TABLE)
                    removed |= bool(table.remove(_BY_ID.id == reflection_id))
            return removed

    def import_reflections(self, reflections: Iterable[Reflection]) -> ImportReport:
        """Merge reflections by id: new ones are added, changed ones replaced, equal ones left."""
        incoming = {r.id: r for r in reflections}
        with self._locked():
            stored = {r.id: r for year in self.years() for r in self._year(year)}
            new = [r for r in incoming.values() if r.id not in stored]
            changed = [
                r
                for r in incoming.values()
                if r.id in stored
                and reflection_to_document(stored[r.id]) != reflection_to_document(r)
            ]
            for year in sorted({r.year for r in [*new, *changed]}):
                table = self._db(self.year_path(year), fresh=True).table(REFLECTIONS_TABLE)
                in_place = {r.id: r for r in changed if r.year == year == stored[r.id].year}
                if in_place:
                    table.update_multiple(
                        [
                            (replace_with(reflection_to_document(r)), _BY_ID.id == rid)
                            for rid, r in in_place.items()
                        ]
                    )
                arriving = [r for r in [*new, *changed] if r.year == year and r.id not in in_place]
                if arriving:
                    table.insert_multiple(reflection_to_document(r) for r in arriving)
            for reflection in changed:  # moved to another year: inserted above, removed here
                if stored[reflection.id].year != reflection.year:
                    table = self._db(self.year_path(stored[reflection.id].year), fresh=True)
                    table.table(REFLECTIONS_TABLE).remove(_BY_ID.id == reflection.id)
        unchanged = len(incoming) - len(new) - len(changed)
        return ImportReport(added=len(new), updated=len(changed), unchanged=unchanged)

    # --- settings ------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The user's settings (core values and the like) as a plain dict."""
        table = self._db(self.records_path, fresh=False).table(SETTINGS_TABLE)
        found = table.all()
        return {k: v for k, v in found[0].items() if k != "schema"} if found else {}

    def update_settings(self, changes: Mapping[str, Any]) -> None:
        """Change some settings, keeping the rest."""
        with self._locked():
            table = self._db(self.records_path, fresh=True).table(SETTINGS_TABLE)
            current = table.all()
            merged = {**(dict(current[0]) if current else {}), **changes, "schema": CURRENT_SCHEMA}
            if current:
                table.update(replace_with(merged), doc_ids=[current[0].doc_id])
            else:
                table.insert(merged)

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, state: Mapping[str, Any]) -> None:
        """Keep the reflection in progress; cheap enough to call every few seconds."""
        document = {"schema": CURRENT_SCHEMA, "saved": _now().isoformat(), "state": dict(state)}
        with self._locked():
            table = self._db(self.draft_path, fresh=True).table(DRAFT_TABLE)
            # One write: replace document 1, or insert it. (TinyDB's upsert would write twice
            # when it is missing: its update writes even when no document matches.)
            if table.contains(doc_id=1):
                table.update(replace_with(document), doc_ids=[1])
            else:
                table.insert(TinyDocument(document, doc_id=1))

    def load_draft(self) -> Draft | None:
        """The reflection in progress left by an earlier run, if any."""
        found = self._db(self.draft_path, fresh=False).table(DRAFT_TABLE).all()
        if not found:
            return None
        document = found[0]
        try:
            return Draft(
                saved=dt.datetime.fromisoformat(document["saved"]), state=dict(document["state"])
            )
        except (KeyError, TypeError, ValueError):
            raise self._damaged(self.draft_path, "the draft has the wrong shape") from None

    def discard_draft(self) -> None:
        """Forget the reflection in progress (it was saved or the user let it go)."""
        with self._locked():
            if self.draft_path.exists():
                table = self._db(self.draft_path, fresh=True).table(DRAFT_TABLE)
                if len(table):
                    table.truncate()


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)
