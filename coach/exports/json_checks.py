"""The checks an export document's parts pass before any of it is imported: each record (and
each setting) storable as JSON and not nested past ``MAX_NESTING``, the settings fitting what
this version knows of them, and where a part is, for a one-line error that never quotes the
entry's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson

from coach.journal.kept import kept_id
from coach.settings import Settings
from coach.text import quoted

# Fields a stored document carries that are not part of a record's shape.
STORAGE_FIELDS = ("schema",)

# How deep a value in a record may nest (a field's own list or object is level 1). Far beyond
# any real record, and well inside the 255 levels orjson can write with the journal's own
# levels around a record.
MAX_NESTING = 100


class ExportFormatError(ValueError):
    """An export document that cannot be imported; the message is one line naming the problem."""


def record_name(index: int, record: Any) -> str:
    found = record.get("id") if isinstance(record, Mapping) else None
    if isinstance(found, str) and found.strip():
        return f"record {index} (id {quoted(found)})"
    return f"record {index} (no readable id)"


def too_deep(record: Mapping[str, Any]) -> str | None:
    """The first field of ``record`` holding a value nested deeper than ``MAX_NESTING``, if any.

    Walks with a stack, not recursion, so no depth of nesting can exhaust Python's own limit.
    """
    for name, found in record.items():
        stack: list[tuple[Any, int]] = [(found, 1)]
        while stack:
            value, depth = stack.pop()
            if isinstance(value, Mapping | list):
                if depth > MAX_NESTING:
                    return str(name)
                inner = value.values() if isinstance(value, Mapping) else value
                stack.extend((item, depth + 1) for item in inner)
    return None


def check_writable(name: str, record: Any) -> None:
    """Refuse a record the journal could not write, before any record is written (a kept
    record need not be an object: it is checked as if it were an object's one field)."""
    deep = too_deep(record if isinstance(record, Mapping) else {"": record})
    if deep is not None:
        where = f"field {quoted(deep)} is" if isinstance(record, Mapping) else "it is"
        raise ExportFormatError(f"{name}: {where} nested deeper than {MAX_NESTING} levels")
    try:
        orjson.dumps(record)
    except TypeError as error:  # orjson.JSONEncodeError: a lone surrogate, a huge number
        raise ExportFormatError(f"{name}: cannot be stored as JSON ({error})") from None


_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]{1,40}")


def array_name(name: str) -> str:
    """An array's name as an error shows it: as it is when plain, else quoted on one line."""
    return name if _PLAIN_NAME.fullmatch(name) else quoted(name)


def item_name(array: str, index: int, item: Any) -> str:
    """``leave[0] (id 'abc')``: where an item is, for a one-line error."""
    found = item.get("id") if isinstance(item, Mapping) else None
    readable = kept_id(item) is not None and (not isinstance(found, str) or found.strip())
    return (
        f"{array_name(array)}[{index}] ({f'id {quoted(found)}' if readable else 'no readable id'})"
    )


def kept_items(name: str, items: list[Any]) -> list[Any]:
    """An array of a kind this version does not know, checked only as the journal must check
    it to keep it: each item storable, and ids (where items have them) unique."""
    first_seen: dict[str, int] = {}
    for index, item in enumerate(items):
        where = item_name(name, index, item)
        check_writable(where, item)
        record_id = kept_id(item)
        if record_id is None:
            continue
        if record_id in first_seen:
            raise ExportFormatError(
                f"{where}: id: the same as {array_name(name)}[{first_seen[record_id]}]'s; "
                "ids must be unique"
            )
        first_seen[record_id] = index
    return items


def settings_of(found: Any) -> dict[str, Any]:
    """The settings a document carries, refused whole (one line naming the setting) when one
    this version knows does not fit, or one cannot be stored; a key it does not know (a newer
    coach's) is kept as it is."""
    if not isinstance(found, Mapping):
        raise ExportFormatError(f"settings must be an object, not {type(found).__name__}")
    settings = {str(k): v for k, v in found.items() if k not in STORAGE_FIELDS}
    for name, value in settings.items():
        check_writable(f"settings: {array_name(name)}", value)
    problems = Settings.from_dict(settings).problems
    if problems:
        raise ExportFormatError(f"settings: {problems[0]}")
    return settings
