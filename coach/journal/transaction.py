"""One change to the journal, applied whole or not at all, however many files it touches.

Every change runs under the journal's lock as a ``Transaction``. Each file it touches is read
fresh from disk and checked (a damaged file, or one from a newer coach, is refused: damage is
never written over or copied into a backup), changed in memory, and only then written:

- nothing is written until every changed file has been serialised, so a value that cannot be
  stored stops the change with nothing on disk touched;
- one changed file is replaced atomically (``write_atomic``);
- several are each written to a temporary file beside their target and flushed, then the plan
  of renames is written to ``pending.json`` (that write commits the change), the renames are
  made and the plan removed (``coach.journal.pending``).

A failure or a kill before the commit leaves only temporary files, removed at the next open:
the journal is exactly as it was. After the commit, whoever next takes the lock completes it,
and readers meanwhile read the new versions, so nobody ever sees a reflection in two years.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from coach.journal.backups import keep_previous_version
from coach.journal.checks import WriteGuard
from coach.journal.errors import JournalError
from coach.journal.files import ensure_private_folder, fsync_folder, write_atomic, write_temp
from coach.journal.names import Layout
from coach.journal.pending import PendingPlan, finish_plan, signature_of
from coach.journal.sealing import SealBroken
from coach.journal.storage import NOT_A_FILE, ShapeError, Tables, parse_tables


@dataclass(frozen=True)
class BackupPolicy:
    """How many days of backups to keep, and what today is (an injected clock)."""

    keep_days: int
    today: Callable[[], dt.date]


class Transaction:
    """The files one change reads and writes, held in memory until ``commit``."""

    def __init__(self, layout: Layout, *, guard: WriteGuard, backups: BackupPolicy) -> None:
        self._layout = layout
        self._guard = guard
        self._backups = backups
        self._tables: dict[Path, Tables] = {}
        self._raw: dict[Path, bytes] = {}
        self._changed: set[Path] = set()

    def tables(self, path: Path) -> Tables:
        """The file's tables as this change has them; read and checked the first time."""
        if path not in self._tables:
            signature = signature_of(path)
            raw: bytes | None = None
            tables: Tables = {}
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                pass
            except IsADirectoryError:
                raise self._guard.damaged(path, NOT_A_FILE) from None
            if raw is not None:
                try:
                    raw = self._layout.sealing.unseal(raw)
                    tables = parse_tables(raw)
                except (ShapeError, SealBroken) as error:
                    raise self._guard.damaged(path, str(error)) from None
                self._guard.check(path, signature, tables)
            self._tables[path] = tables
            self._raw[path] = raw or b""  # what it means, unsealed: a change is told by it
        return self._tables[path]

    def replace(self, path: Path, tables: Tables) -> None:
        """Set the file's new tables (written at ``commit``)."""
        self.tables(path)  # a file is always checked before it is written
        self._tables[path] = tables
        self._changed.add(path)

    def db(self, path: Path) -> TinyDB:
        """A short-lived TinyDB over one file of this change (no cache outlives the change)."""
        return TinyDB(storage=_TransactionStorage, transaction=self, path=path)

    def commit(self) -> list[tuple[Path, Tables]]:
        """Write every changed file, all or none; returns what was written."""
        payloads: dict[Path, bytes] = {}
        for path in sorted(self._changed):
            try:
                payload = orjson.dumps(self._tables[path])
            except orjson.JSONEncodeError as error:
                raise JournalError(
                    f"nothing was saved: {path.name} could not be written ({error})"
                ) from None
            if payload != self._raw[path]:
                payloads[path] = self._layout.sealing.seal(payload)
        if not payloads:
            return []
        staged: list[tuple[Path, Path]] = []
        plan: PendingPlan | None = None
        try:
            for path, payload in payloads.items():
                ensure_private_folder(path.parent)
                staged.append((write_temp(path, payload), path))
            self._keep_backups(payloads)
            if len(staged) == 1:
                [(temp, path)] = staged
                os.replace(temp, path)
                fsync_folder(path.parent)
            else:
                for folder in sorted({path.parent for path in payloads}):
                    fsync_folder(folder)  # every new version is on disk before the plan names it
                plan = PendingPlan(tuple(staged))
                write_atomic(self._layout.pending, plan.to_bytes(self._layout))
        except BaseException:
            for temp, _target in staged:
                temp.unlink(missing_ok=True)
            raise
        if plan is not None:
            finish_plan(self._layout, plan)
        written = [(path, self._tables[path]) for path in payloads]
        for path, _tables in written:
            self._guard.vouch(path, signature_of(path))
        return written

    def _keep_backups(self, payloads: dict[Path, bytes]) -> None:
        """Keep today's backup of each file about to change (drafts have none): only once
        every new version is safely staged, so a change that fails leaves no trace."""
        for path in payloads:
            if path != self._layout.draft:
                keep_previous_version(
                    self._layout.backups_dir,
                    path,
                    self._backups.today(),
                    self._backups.keep_days,
                    self._guard.is_good_version(path),
                )


class _TransactionStorage(Storage):
    """TinyDB's view of one file of a transaction: reads and writes stay in memory."""

    def __init__(self, path: Path, *, transaction: Transaction) -> None:
        self._path = path
        self._transaction = transaction

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._transaction.tables(self._path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._transaction.replace(self._path, data)

    def close(self) -> None:
        """Nothing is held open."""
