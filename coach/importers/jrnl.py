"""jrnl's JSON export (``jrnl --export json``) as imported notes.

jrnl writes ``{"tags": {...}, "entries": [...]}``; each entry has ``date`` (``YYYY-MM-DD``),
``time`` (``HH:MM``, the wall-clock time jrnl showed, with no zone), ``title`` (the entry's
first sentence or line), ``body`` (the rest), ``tags`` (``["@work"]``, with jrnl's tag symbol)
and ``starred``. The title goes to the note's title, the body to its text, both exactly as jrnl
wrote them; an entry without a ``time`` is at midnight. jrnl has no id of its own, so a note's
id is made from the date, time, title and body: importing the same export again adds nothing,
and an entry edited in jrnl comes in as a new note beside the old one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from coach.imported import ImportSource
from coach.importers.common import (
    ForeignFormatError,
    entries_of,
    entry_name,
    flag_of,
    imported_note,
    iso_day,
    kind_of,
    load_json,
    problem,
    stable_key,
    tags_of,
    text_of,
    unique,
    wall_clock,
)
from coach.model import Reflection
from coach.text import quoted

WHAT = "a jrnl JSON export ('jrnl --export json')"
_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2}))?")


def clock_time(found: str, where: str, name: str) -> dt.time:
    """``HH:MM`` (or ``HH:MM:SS``) on a 24-hour clock, or an error naming the field."""
    matched = _TIME.fullmatch(found)
    if matched is None:
        raise problem(where, name, f"must be a time as HH:MM, not {quoted(found, 30)}")
    hour, minute, second = (int(part or 0) for part in matched.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise problem(where, name, f"is not a time on the clock: {quoted(found, 30)}")
    return dt.time(hour, minute, second)


def _note(index: int, entry: Any, zone: dt.tzinfo | None) -> Reflection:
    if not isinstance(entry, Mapping):
        raise ForeignFormatError(f"{entry_name(index)}: must be an object, not {kind_of(entry)}")
    written = entry.get("date")
    where = entry_name(index, written)
    date_text = text_of(entry, "date", where, required=True)
    day = iso_day(date_text, where, "date")
    where = entry_name(index, day)
    time_text = text_of(entry, "time", where)
    time = clock_time(time_text, where, "time") if time_text else dt.time(0, 0)
    title = text_of(entry, "title", where)
    body = text_of(entry, "body", where)
    return imported_note(
        ImportSource.JRNL,
        stable_key(date_text, time_text, title, body),
        where,
        day=day,
        created=wall_clock(day, time, zone),
        text=body,
        title=title,
        tags=tags_of(entry, "tags", where),
        starred=flag_of(entry, "starred", where),
    )


def import_jrnl(raw: bytes, *, zone: dt.tzinfo | None = None) -> list[Reflection]:
    """Every entry of a jrnl JSON export as an imported note, all read before any is
    returned; its times are on ``zone``'s clock (``None``: this machine's)."""
    entries = entries_of(load_json(raw, WHAT), WHAT)
    return unique(_note(index, entry, zone) for index, entry in enumerate(entries))


__all__ = ["clock_time", "import_jrnl"]
