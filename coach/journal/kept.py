"""Records of kinds this version does not know, kept as an import gave them.

An export from a newer coach may carry an array this version has no model for (``"contacts"``,
say). It is not dropped: each such array is kept in ``records.json``, in a table of its own
named ``kept:<array name>`` (the prefix keeps it apart from the journal's own tables), each item
stored as ``{"schema": N, "record": <the item as it was>}`` (so no field of it, not even one
named ``schema``, is taken for the journal's own), in the order it arrived; the next export
writes it back as it was.

An item is merged by its ``id`` when it has one (text or a whole number): a new id is added, a
known one replaced in place when it differs. An item without one is added unless an equal one
is kept already. Equal means the same JSON, whatever the order of an object's keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from coach.journal.schema import CURRENT_SCHEMA, replace_with

if TYPE_CHECKING:
    from tinydb import TinyDB

    from coach.journal.transaction import Transaction

KEPT_PREFIX = "kept:"
_RECORD = "record"


def kept_id(item: Any) -> str | None:
    """The id a kept record is merged by (its ``id``, text or a whole number, as JSON), or None
    when it has none (then it is merged by being equal)."""
    found = item.get("id") if isinstance(item, Mapping) else None
    if isinstance(found, bool) or not isinstance(found, str | int) or found == "":
        return None
    return orjson.dumps(found).decode()


def _same(item: Any) -> bytes:
    return orjson.dumps(item, option=orjson.OPT_SORT_KEYS)


def _document(item: Any) -> dict[str, Any]:
    return {"schema": CURRENT_SCHEMA, _RECORD: item}


def kept_arrays(db: TinyDB, damaged: Callable[[str], Exception]) -> dict[str, list[Any]]:
    """Every kept array in ``db`` (``records.json``), by name (sorted), items in the order kept."""
    found: dict[str, list[Any]] = {}
    for table in sorted(name for name in db.tables() if name.startswith(KEPT_PREFIX)):
        items = []
        for document in db.table(table).all():
            if _RECORD not in document:
                raise damaged(f"kept record {document.doc_id} of {table!r} has no record")
            items.append(document[_RECORD])
        found[table.removeprefix(KEPT_PREFIX)] = items
    return found


def merge_kept(
    change: Transaction, path: Path, name: str, items: Iterable[Any]
) -> tuple[int, int, int]:
    """Merge one kept array into ``path``'s table for it: (added, updated, unchanged). An
    empty array is kept too, as an empty table, so it is exported back as it came."""
    tables = change.tables(path)
    if KEPT_PREFIX + name not in tables:
        change.replace(path, {**tables, KEPT_PREFIX + name: {}})
    table = change.db(path).table(KEPT_PREFIX + name)
    by_id: dict[str, int] = {}
    equal: set[bytes] = set()
    stored: dict[int, bytes] = {}
    for document in table.all():
        item = document.get(_RECORD)
        stored[document.doc_id] = _same(item)
        equal.add(stored[document.doc_id])
        if (record_id := kept_id(item)) is not None:
            by_id[record_id] = document.doc_id
    added = updated = unchanged = 0
    for item in items:
        record_id, same = kept_id(item), _same(item)
        if record_id is not None and record_id in by_id:
            doc_id = by_id[record_id]
            if stored[doc_id] == same:
                unchanged += 1
                continue
            table.update(replace_with(_document(item)), doc_ids=[doc_id])
            stored[doc_id] = same
            updated += 1
            continue
        if record_id is None and same in equal:
            unchanged += 1
            continue
        doc_id = table.insert(_document(item))
        stored[doc_id] = same
        equal.add(same)
        if record_id is not None:
            by_id[record_id] = doc_id
        added += 1
    return added, updated, unchanged
