"""Where the journal keeps records other than reflections, and how they are read and merged.

A record kind (``coach.record_kinds.RECORD_KINDS``: leave, breaks, closings; later issues add
more) is kept in a table named after it:

- a dated record (one with a ``date``: a break, a closing) in the file of its date's year,
  beside that year's reflections, so saving one costs the same in year ten as in week one and
  is read in the same parse as the year's reflections;
- any other (a period of leave) in ``records.json``, with the settings.

Each document is a record's dict form and its ``schema`` number. A stored document the model
rejects is damage (``JournalCorrupt``, naming the file and the record), never skipped; a table
this version does not know is never touched, so a newer coach's records survive a save here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import Query

from coach.journal.schema import CURRENT_SCHEMA, replace_with
from coach.model import ModelError
from coach.shape import Record

if TYPE_CHECKING:
    from coach.journal.transaction import Transaction

R = TypeVar("R", bound=Record)

_BY_ID = Query()


def kind_of(cls: type[Record]) -> str:
    """The table (and export array) a record class is kept in: its ``KIND``, read from the class
    so that no other kind's module is imported for it (``coach.record_kinds`` lists them all)."""
    name = getattr(cls, "KIND", None)
    if not isinstance(name, str):
        raise TypeError(f"{cls.__name__} is not a kind of record the journal keeps")
    return name


def is_dated(cls: type[Record]) -> bool:
    """Whether a kind is kept in its year's file (it has a date) rather than ``records.json``."""
    return hasattr(cls, "date")


def date_of(record: Record) -> dt.date:
    """The date a dated record is filed under."""
    found = getattr(record, "date", None)
    if not isinstance(found, dt.date):
        raise TypeError(f"{type(record).__name__} has no date")
    return found


def to_document(record: Record) -> dict[str, Any]:
    """A record as stored: its dict form and the schema number."""
    return {**record.to_dict(), "schema": CURRENT_SCHEMA}


def record_problem(tables: Mapping[str, Mapping[str, Any]]) -> str | None:
    """Why a file's tables of records are not all readable, or None when they are (a table
    of a kind this version does not know is not looked at)."""
    from coach.record_kinds import RECORD_KINDS  # every kind, only when a file is checked

    for name, cls in RECORD_KINDS.items():
        for document in tables.get(name, {}).values():
            try:
                cls.from_dict({k: v for k, v in document.items() if k != "schema"})
            except ModelError as error:
                return f"{name} record {document.get('id', '?')!s}: {error}"
    return None


def from_documents(
    cls: type[R],
    documents: Iterable[Mapping[str, Any]],
    damaged: Callable[[str], Exception],
) -> list[R]:
    """The records of stored documents; the first the model rejects is damage, named."""
    found: list[R] = []
    for document in documents:
        try:
            found.append(cls.from_dict({k: v for k, v in document.items() if k != "schema"}))
        except ModelError as error:
            name = document.get("id", "?")
            raise damaged(f"{kind_of(cls)} record {name!s}: {error}") from None
    return found


def upsert(change: Transaction, path: Path, record: Record) -> bool:
    """Store ``record`` in its kind's table of ``path``, replacing one with the same id; True
    when one was replaced."""
    table = change.db(path).table(kind_of(type(record)))
    document = to_document(record)
    existing = table.get(_BY_ID.id == id_of(record))
    if existing is None:
        table.insert(document)
        return False
    table.update(replace_with(document), doc_ids=[existing.doc_id])
    return True


def id_of(record: Record) -> str:
    """A record's id (every kind the journal keeps has one)."""
    return str(getattr(record, "id"))  # noqa: B009 (Record declares no fields of its own)


def merge(
    change: Transaction,
    records: Iterable[Record],
    *,
    home_of: Callable[[Record], Path],
    homes_of: Callable[[type[Record]], list[Path]],
) -> tuple[int, int, int]:
    """Merge ``records`` by id into ``change``: (added, updated, unchanged). Where each kind
    already keeps each id is found once, not once a record."""
    where: dict[type[Record], dict[str, list[Path]]] = {}
    added = updated = unchanged = 0
    for record in records:
        cls, record_id = type(record), id_of(record)
        if cls not in where:
            where[cls] = {}
            for path in homes_of(cls):
                for document in change.tables(path).get(kind_of(cls), {}).values():
                    where[cls].setdefault(str(document.get("id")), []).append(path)
        home, copies = home_of(record), where[cls].get(record_id, [])
        if copies == [home]:
            table = change.tables(home)[kind_of(cls)]
            if to_document(record) in table.values():
                unchanged += 1
                continue
        for path in copies:
            remove(change, path, cls, record_id)
        upsert(change, home, record)
        where[cls][record_id] = [home]
        added, updated = (added, updated + 1) if copies else (added + 1, updated)
    return added, updated, unchanged


def remove(change: Transaction, path: Path, cls: type[Record], record_id: str) -> bool:
    """Remove the record with this id from ``path``'s table of its kind; True if it was there."""
    return bool(change.db(path).table(kind_of(cls)).remove(_BY_ID.id == record_id))
