"""The ``Journal`` facade: the only way the rest of the coach reads or writes the journal.

On disk (all under the data folder, 0700; every file 0600)::

    journal/2026.json   reflections of one calendar year (TinyDB, table "reflections")
    records.json        settings and other small records (TinyDB, one table each)
    draft.json          the reflection being written, saved every few seconds
    pending.json        only while a change to several files is being applied
    backups/<stem>/<date>.json   the last good version of a file for each day it changed
    journal.lock        the OS lock held around every change

A save rewrites only the files it changes, so it costs the same in year ten as in week one, and
every change is a ``Transaction``: applied whole or not at all, however many files it touches.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from tinydb import Query, TinyDB

from coach.journal.backups import DEFAULT_KEEP_DAYS
from coach.journal.checks import WriteGuard, damage_report
from coach.journal.errors import (
    EncryptionChanged,
    JournalCorrupt,
    JournalLocked,
    JournalReadOnly,
)
from coach.journal.files import (
    ensure_private_folder,
)
from coach.journal.index import YearIndex
from coach.journal.locking import held, journal_lock, read_only_reason
from coach.journal.names import (
    YEAR_FILE,
    Layout,
)
from coach.journal.opening import journal_folder, older_files, schema_range, tidy
from coach.journal.pending import PendingView, PlanDamaged, finish_plan, read_plan
from coach.journal.reading import YearReader
from coach.journal.schema import (
    CURRENT_SCHEMA,
    migrate_in_place,
    schema_of,
)
from coach.journal.sealing import PLAIN, Sealing
from coach.journal.storage import FileCache, ReadStorage, Signature, read_tables, signature_of
from coach.journal.transaction import BackupPolicy, Transaction
from coach.journal.writing import ReflectionWrites
from coach.shape import Record

R = TypeVar("R", bound=Record)

_BY_ID = Query()


class Journal(ReflectionWrites):
    """A private journal of reflections in one data folder; use as a context manager.

    ``create=False`` is for commands that only read: a folder with no journal is an error, and
    nothing is created. A journal that cannot be changed (a read-only disk or copy) opens
    read-only: ``read_only`` says why, reading works, and every change raises
    ``JournalReadOnly``. An encrypted journal opens only with its ``sealing`` (from
    ``coach.journal.encryption.unlock``); without it, ``JournalLocked``.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        keep_days: int = DEFAULT_KEEP_DAYS,
        today: Callable[[], dt.date] = dt.date.today,
        create: bool = True,
        sealing: Sealing = PLAIN,
        damaged_ok: bool = False,
    ) -> None:
        self.layout = Layout(journal_folder(Path(data_dir), create=create), sealing)
        self.data_dir = self.layout.data_dir
        self.journal_dir = self.layout.journal_dir
        self.backups_dir = self.layout.backups_dir
        self.records_path = self.layout.records
        self.draft_path = self.layout.draft
        self.keep_days = keep_days
        self._read_only: str | None = None  # why it cannot be changed, if it cannot
        self._today = today
        self._files = FileCache()
        self._pending = PendingView(self.layout)
        self._guard = WriteGuard(self.layout)
        self._keys_seen: Signature | None = None  # the key file as this journal last saw it
        self._keys_checked = False  # until the open has checked the key file
        self._thread_lock = threading.RLock()  # guards the read caches, held briefly
        self._write_lock = threading.RLock()  # one writer at a time in this process
        self._file_lock = journal_lock(self.layout)
        self._index = YearIndex(self.layout)
        self._reader = YearReader(
            layout=self.layout, pending=self._pending, index=self._index, lock=self._thread_lock
        )
        self._left_out: tuple[Path, ...] = ()  # damaged year files a damaged_ok open skips
        self._open(create=create, damaged_ok=damaged_ok)

    # --- opening and closing ------------------------------------------------------------

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Forget what is cached; the files are never held open, so nothing else to do."""
        with self._thread_lock:
            self._files.clear()
            self._reader.forget()

    def _open(self, *, create: bool, damaged_ok: bool) -> None:
        """Finish a change a kill cut short, tidy, make every file private, migrate old files.

        Every file is read and checked before any is migrated, so a file from a newer coach or
        a damaged one stops the open with nothing written. A journal that cannot be written
        is opened read-only, after the same checks. With ``damaged_ok`` (the app) a damaged
        year file does not stop it: see ``_leave_out_damaged``.
        """
        try:
            self._open_checked(create=create)
        except JournalCorrupt as error:
            if not damaged_ok:
                raise
            self._leave_out_damaged(error)

    def _leave_out_damaged(self, error: JournalCorrupt) -> None:
        """Open read-only without each damaged year file, so the rest can still be read (and
        support reached) while ``coach doctor`` is run; ``damaged`` names them. Nothing is
        written: not the damaged file, and no other, until the journal is whole again. A
        damaged file that is not a year's (the records, the keys) still stops the open."""
        while self.layout.year_of(error.path) is not None and error.path not in self._left_out:
            self._left_out += (error.path,)
            try:
                self._old_files()
            except JournalCorrupt as again:
                error = again
                continue
            names = ", ".join(str(path) for path in self._left_out)
            self._read_only = f"damaged: {names}; run 'coach doctor' for how to repair it"
            return
        raise error

    @property
    def damaged(self) -> tuple[Path, ...]:
        """The damaged year files this open left out (none unless opened ``damaged_ok``)."""
        return self._left_out

    def _open_checked(self, *, create: bool) -> None:
        """``_open``'s checks and repairs; raises ``JournalCorrupt`` at a damaged file."""
        try:
            if create:
                ensure_private_folder(self.data_dir)
                ensure_private_folder(self.journal_dir)
            with self._locked():
                tidy(self.layout)
                self._check_keys(opening=True)
                self._migrate()
                self._index.save(self.years())
        except JournalReadOnly as error:
            self._read_only = error.reason
        except OSError as error:  # a disk or a copy we may read but not change
            self._read_only = read_only_reason(error)
            if self._read_only is None:
                raise
        if self._read_only is not None:
            self._check_keys(opening=True)
            self._old_files()  # still refuse a file from a newer coach, or a damaged one

    @property
    def encrypted(self) -> bool:
        """Whether the journal's files are encrypted (it was opened with its key)."""
        return self.layout.sealing.encrypted

    def _check_keys(self, *, opening: bool = False) -> None:
        """Open only with the journal's own key (or none, for a plain journal); remember the
        key file seen, so a passphrase set or removed elsewhere stops every later change."""
        key_id = ""
        if self.layout.keys.exists():  # only an encrypted journal pays for reading keys
            from coach.journal.keys import read_key_file

            keys = read_key_file(self.layout.keys)
            key_id = keys.key_id if keys is not None else ""
        if key_id != self.layout.sealing.key_id:
            if opening and key_id:
                raise JournalLocked(self.data_dir)
            raise EncryptionChanged(self.data_dir)
        self._keys_seen = signature_of(self.layout.keys)
        self._keys_checked = True

    @property
    def read_only(self) -> str | None:
        """Why the journal can be read but not changed (one line), or None when it can."""
        if self._read_only is None:
            return None
        return str(JournalReadOnly(self.data_dir, self._read_only))

    def _old_files(self) -> list[Path]:
        """The files holding documents of an older schema; raises if one is newer or damaged."""
        ranges = {self.year_path(year): self._reader.schemas(year) for year in self.years()}
        _signature, records = read_tables(
            self.records_path,
            cache=self._files,
            pending=self._pending,
            on_damage=self._damaged,
            sealing=self.layout.sealing,
        )
        ranges[self.records_path] = schema_range(records)
        return older_files(ranges)

    def _migrate(self) -> None:
        """Bring old documents up to date, every old file in one change (all or none)."""
        old = self._old_files()
        if not old:
            return
        with self._changing() as change:
            for path in old:
                db = change.db(path)
                for name, table in list(change.tables(path).items()):
                    if any(schema_of(document) < CURRENT_SCHEMA for document in table.values()):
                        db.table(name).update(
                            migrate_in_place, lambda d: schema_of(d) < CURRENT_SCHEMA
                        )

    # --- files, locks and changes --------------------------------------------------------

    def year_path(self, year: int) -> Path:
        """The file holding one calendar year's reflections."""
        return self.layout.year(year)

    def years(self) -> list[int]:
        """The years that have a journal file (or one on its way in), newest first."""
        found: set[int] = set()
        if self.journal_dir.is_dir():
            found = {
                int(m.group(1))
                for p in self.journal_dir.iterdir()
                if (m := YEAR_FILE.match(p.name))
            }
        plan = self._pending.plan()
        for _temp, target in plan.renames if plan is not None else ():
            year = self.layout.year_of(target)
            if year is not None:
                found.add(year)
        found -= {self.layout.year_of(path) for path in self._left_out}
        return sorted(found, reverse=True)

    @contextlib.contextmanager
    def _file_locked(self) -> Iterator[None]:
        """Hold the OS lock, finishing first any change a killed process committed."""
        if self._read_only is not None:
            raise JournalReadOnly(self.data_dir, self._read_only)
        with held(self._file_lock, self.data_dir, purpose="is saving to it") as read_only:
            if read_only is not None:
                raise JournalReadOnly(self.data_dir, read_only)
            self._finish_pending()
            if self._keys_checked and signature_of(self.layout.keys) != self._keys_seen:
                self._check_keys()  # a new passphrase is fine; a new key, or none, is not
            yield

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # Writers queue on their own lock, not the readers' cache lock: a reader on the UI
        # thread must never wait behind another process holding the file lock.
        with self._write_lock, self._file_locked():
            yield

    def _finish_pending(self) -> None:
        try:
            plan = read_plan(self.layout)
        except PlanDamaged as error:
            raise JournalCorrupt(self.layout.pending, str(error), None) from None
        if plan is not None:
            finish_plan(self.layout, plan)

    @contextlib.contextmanager
    def _changing(self) -> Iterator[Transaction]:
        """A change under the lock: written whole when the block ends, or not at all."""
        with self._locked():
            change = Transaction(
                self.layout,
                guard=self._guard,
                backups=BackupPolicy(keep_days=self.keep_days, today=self._today),
            )
            yield change
            for path, tables in change.commit():
                signature = signature_of(path)
                year = self.layout.year_of(path)
                if year is not None:
                    self._reader.remember(year, signature, tables)
                elif signature is not None:
                    self._files.put(path, signature, tables)
            self._index.save(self.years())

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Hold every writer still while the block reads (an export): one consistent journal.

        Only the OS lock is taken, never this process's writers' lock, so a reader is not
        queued behind a writer of its own that is waiting for another process. What the block
        learnt of each year file (that it was checked whole) is kept in the index after it.
        """
        if self.read_only is not None:
            yield  # nobody can be changing it
            return
        with self._file_locked():
            yield
            with contextlib.suppress(OSError):  # only a cache: the export is whole without it
                self._index.save(self.years())

    def _damaged(self, path: Path, problem: str) -> JournalCorrupt:
        return damage_report(self.layout, path, problem)

    def _reading(self, path: Path) -> TinyDB:
        """A short-lived, read-only TinyDB over one small file (settings, draft)."""
        return TinyDB(
            path=path,
            storage=ReadStorage,
            cache=self._files,
            pending=self._pending,
            on_damage=self._damaged,
            sealing=self.layout.sealing,
        )
