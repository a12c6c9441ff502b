"""A TinyDB storage that never tears a file, never trusts a stale copy, and never eats damage.

TinyDB's stock ``JSONStorage`` truncates and rewrites the file in place; this one serialises
with orjson and replaces the file atomically (see ``files.write_atomic``). It reads by path and
never holds the file open. Parsed files are cached by their stat signature, so a file another
process changed is read again; a storage made with ``fresh=True`` (used inside the lock, for a
read-modify-write) always reads the disk first.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from coach.journal.backups import DEFAULT_KEEP_DAYS, keep_previous_version
from coach.journal.files import write_atomic

Tables = dict[str, dict[str, Any]]
Signature = tuple[int, int, int, int]


class ShapeError(ValueError):
    """The bytes are not a journal file: the message says what is wrong."""


def parse_tables(raw: bytes) -> Tables:
    """Parse and check the shape of a TinyDB file: ``{table: {"<int>": {document}}}``."""
    if not raw.strip():
        raise ShapeError("the file is empty")
    try:
        tables = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ShapeError(f"not valid JSON: {error}") from None
    if not isinstance(tables, dict):
        raise ShapeError(f"expected an object of tables, found {type(tables).__name__}")
    for table_name, table in tables.items():
        if not isinstance(table, dict):
            raise ShapeError(f"table {table_name!r} is not an object")
        for doc_id, document in table.items():
            if not doc_id.isdigit():
                raise ShapeError(f"table {table_name!r} has a non-numeric id {doc_id!r}")
            if not isinstance(document, dict):
                raise ShapeError(f"table {table_name!r} entry {doc_id} is not an object")
    return tables


def is_journal_file(raw: bytes) -> bool:
    """Whether ``raw`` parses as a journal file."""
    try:
        parse_tables(raw)
    except ShapeError:
        return False
    return True


def signature_of(path: Path) -> Signature | None:
    """What identifies one version of a file on disk, or None if it does not exist."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass
class FileCache:
    """Parsed journal files shared by the storages of one ``Journal``, keyed by path."""

    entries: dict[Path, tuple[Signature, Tables]] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def get(self, path: Path, signature: Signature) -> Tables | None:
        """The cached tables if they are of this version of the file."""
        with self.lock:
            entry = self.entries.get(path)
        if entry is not None and entry[0] == signature:
            return entry[1]
        return None

    def put(self, path: Path, signature: Signature, tables: Tables) -> None:
        """Remember the tables of one version of the file."""
        with self.lock:
            self.entries[path] = (signature, tables)

    def forget(self, path: Path) -> None:
        """Drop what is known of a file."""
        with self.lock:
            self.entries.pop(path, None)


# What a storage does when the file on disk does not parse: raise the journal's own error.
OnDamage = Callable[[Path, str], BaseException]


class AtomicStorage(Storage):
    """TinyDB storage over one file: orjson, atomic replace, backups, stat-checked cache."""

    def __init__(
        self,
        path: Path,
        *,
        cache: FileCache,
        on_damage: OnDamage,
        backups: Path | None = None,
        keep_days: int = DEFAULT_KEEP_DAYS,
        fresh: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.path = path
        self._cache = cache
        self._on_damage = on_damage
        self._backups = backups
        self._keep_days = keep_days
        self._fresh = fresh
        self._today = today
        self._loaded: Tables | None = None

    def read(self) -> Tables | None:
        """The whole file as TinyDB tables; None when the file does not exist yet."""
        if self._fresh and self._loaded is not None:
            return self._loaded
        signature = signature_of(self.path)
        if signature is None:
            self._loaded = {} if self._fresh else None
            return self._loaded
        if not self._fresh:
            cached = self._cache.get(self.path, signature)
            if cached is not None:
                return cached
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            tables = parse_tables(raw)
        except ShapeError as error:
            raise self._on_damage(self.path, str(error)) from None
        after = signature_of(self.path)
        if after == signature:
            self._cache.put(self.path, signature, tables)
        self._loaded = tables
        return tables

    def write(self, data: Tables) -> None:
        """Replace the file with ``data``, keeping today's backup of the version it replaces."""
        payload = orjson.dumps(data)
        try:
            if self._backups is not None:
                keep_previous_version(self._backups, self.path, self._today(), self._keep_days)
            write_atomic(self.path, payload)
        except BaseException:
            self._cache.forget(self.path)
            self._loaded = None
            raise
        signature = signature_of(self.path)
        if signature is not None:
            self._cache.put(self.path, signature, data)
        self._loaded = data

    def close(self) -> None:
        """Nothing to close: the file is never held open."""
