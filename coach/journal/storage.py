"""Reading journal files: parsed with orjson, checked for shape, cached by their stat signature.

TinyDB's stock ``JSONStorage`` truncates and rewrites a file in place; the journal never does.
Writes go through ``coach.journal.transaction``; this module only reads. A file is read by path
and never held open, and its parsed tables are cached by its signature (inode, size, times), so
a file another process changed is read again. While a change to several files is being applied,
a file is read from where its new version waits (``PendingView``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from coach.journal.pending import PendingView, Signature, signature_of
from coach.journal.sealing import PLAIN, SealBroken, Sealing

Tables = dict[str, dict[str, Any]]

__all__ = [
    "NOT_A_FILE",
    "FileCache",
    "OnDamage",
    "ReadStorage",
    "ShapeError",
    "Signature",
    "Tables",
    "is_journal_file",
    "parse_tables",
    "read_tables",
    "signature_of",
    "stored_tables",
]


# What a journal file that is a folder is called in messages.
NOT_A_FILE = "it is a folder, not a file"


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


def stored_tables(stored: bytes, sealing: Sealing) -> Tables:
    """Unseal (an encrypted journal's file) and parse the bytes a journal file holds on disk;
    raises ``ShapeError`` saying what is wrong, whether the seal or the shape."""
    try:
        raw = sealing.unseal(stored)
    except SealBroken as error:
        raise ShapeError(str(error)) from None
    return parse_tables(raw)


def is_journal_file(stored: bytes, sealing: Sealing = PLAIN) -> bool:
    """Whether ``stored`` is a journal file's bytes on disk that unseal and parse."""
    try:
        stored_tables(stored, sealing)
    except ShapeError:
        return False
    return True


@dataclass
class FileCache:
    """Parsed journal files shared by the readers of one ``Journal``, keyed by the path read.

    Readers never change what they are given; writers (transactions) parse their own copy.
    """

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

    def clear(self) -> None:
        """Forget every file."""
        with self.lock:
            self.entries.clear()


# What a reader does when the file on disk does not parse: raise the journal's own error.
OnDamage = Callable[[Path, str], BaseException]


def read_tables(
    path: Path,
    *,
    cache: FileCache | None,
    pending: PendingView,
    on_damage: OnDamage,
    sealing: Sealing,
) -> tuple[Signature | None, Tables | None]:
    """A journal file's current version and its tables; ``(None, None)`` when it does not exist.

    The signature is of the file actually read (a waiting new version, while a change is being
    applied), so a cache keyed by it is never stale. Without a ``cache`` the caller keeps what
    it needs (the year reader keeps its own entry per year).
    """
    for _attempt in range(3):
        source = pending.source_of(path)
        signature = signature_of(source)
        if signature is None:
            if source != path:
                continue  # renamed into place a moment ago: look again
            return None, None
        cached = cache.get(source, signature) if cache is not None else None
        if cached is not None:
            return signature, cached
        try:
            raw = source.read_bytes()
        except FileNotFoundError:
            continue
        except IsADirectoryError:
            raise on_damage(path, NOT_A_FILE) from None
        try:
            tables = stored_tables(raw, sealing)
        except ShapeError as error:
            raise on_damage(path, str(error)) from None
        if cache is not None and signature_of(source) == signature:
            cache.put(source, signature, tables)
        return signature, tables
    return None, None


class ReadStorage(Storage):
    """A read-only TinyDB storage over one journal file (for TinyDB's queries on small files)."""

    def __init__(
        self,
        path: Path,
        *,
        cache: FileCache,
        pending: PendingView,
        on_damage: OnDamage,
        sealing: Sealing,
    ) -> None:
        self.path = path
        self._cache = cache
        self._pending = pending
        self._on_damage = on_damage
        self._sealing = sealing

    def read(self) -> Tables | None:
        """The whole file as TinyDB tables; None when the file does not exist yet."""
        return read_tables(
            self.path,
            cache=self._cache,
            pending=self._pending,
            on_damage=self._on_damage,
            sealing=self._sealing,
        )[1]

    def write(self, data: Tables) -> None:
        """Readers never write: every change goes through a transaction."""
        raise PermissionError(f"{self.path} was opened for reading only")

    def close(self) -> None:
        """Nothing to close: the file is never held open."""
