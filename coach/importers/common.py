"""What every importer shares: reading a field of an entry, reading dates and times into a
tz-aware ``created``, making the imported note, and the one-line error that names the entry.

An error names the entry by its place in the file, counted from 1 as a person counts ("entry 3"
is the third), with its date where the date can be read, and the field, so the user can find it
in the other tool; it never quotes the entry's text (only dates, times and field names, escaped
and cut short by ``coach.text.quoted``), so a private sentence never lands in a terminal's
scrollback or a bug report.

Text is kept exactly as the source wrote it (markup, emoji, control characters and all): the
model and the journal keep any text byte for byte, and every screen and message shows it
through ``coach.text.visible``.

Times without a zone (jrnl, Daylio, Mini Diary) are the wall-clock time of the machine importing
them, in its local zone for that moment (``zone=None``); a test, or a caller who knows better,
passes a zone. An offset the model cannot hold (a 1900s local mean time of +00:19:32) is rounded
to the whole minute, keeping the wall-clock time the source showed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from coach.imported import ImportedFrom, ImportSource, imported_id
from coach.model import (
    EARLIEST_OFFSET,
    LATEST_OFFSET,
    Kind,
    ModelError,
    Reflection,
    check_day,
)
from coach.text import quoted


class ForeignFormatError(ValueError):
    """A file that cannot be imported from another journal; one line naming the entry (by its
    place in the file, and its date where it has one) and the field, never the entry's text."""


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TYPE_NAMES = {bool: "true or false", int: "a number", float: "a number", str: "text"}


def entry_name(index: int, day: object = None) -> str:
    """How an error names the entry at ``index`` (from 0) of the file: ``entry 3`` (the third),
    with its date where one was read (``entry 3 (2024-01-05)``)."""
    if isinstance(day, dt.date):
        return f"entry {index + 1} ({day.isoformat()})"
    if isinstance(day, str) and day.strip():
        return f"entry {index + 1} ({quoted(day, 30)})"
    return f"entry {index + 1}"


def problem(where: str, name: str, what: str) -> ForeignFormatError:
    """The one-line error for field ``name`` of the entry called ``where``."""
    return ForeignFormatError(f"{where}: field {quoted(name)} {what}")


def kind_of(found: object) -> str:
    """What a JSON value is, in words, for an error that must not quote it."""
    if found is None:
        return "null"
    if isinstance(found, Mapping):
        return "an object"
    if isinstance(found, list):
        return "a list"
    return _TYPE_NAMES.get(type(found), type(found).__name__)


def load_json(raw: bytes, what: str) -> Any:
    """The JSON document in ``raw``; ``what`` names the export in the error (``a jrnl JSON
    export``)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ForeignFormatError(f"not {what}: not valid JSON ({error})") from None


def entries_of(document: Any, what: str) -> list[Any]:
    """The ``entries`` list of a JSON export (jrnl's and Day One's have the same top),
    or an error saying the file is not ``what``."""
    if not isinstance(document, Mapping):
        raise ForeignFormatError(f"not {what}: expected a JSON object, not {kind_of(document)}")
    entries = document.get("entries")
    if not isinstance(entries, list):
        found = "no 'entries'" if entries is None else f"'entries' is {kind_of(entries)}"
        raise ForeignFormatError(f"not {what}: expected a list of 'entries', found {found}")
    return entries


def text_of(entry: Mapping[str, Any], name: str, where: str, *, required: bool = False) -> str:
    """Field ``name`` of ``entry`` as text, exactly as written ("" when it is missing or null,
    unless ``required``)."""
    found = entry.get(name)
    if found is None and not required:
        return ""
    if not isinstance(found, str):
        what = "is missing" if name not in entry else f"must be text, not {kind_of(found)}"
        raise problem(where, name, what)
    return found


def tags_of(entry: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    """Field ``name`` of ``entry`` as tags: a list of text (none when missing or null)."""
    found = entry.get(name)
    if found is None:
        return ()
    if not isinstance(found, list) or not all(isinstance(tag, str) for tag in found):
        raise problem(where, name, "must be a list of text")
    return tuple(found)


def flag_of(entry: Mapping[str, Any], name: str, where: str) -> bool:
    """Field ``name`` of ``entry`` as true or false (false when missing or null)."""
    found = entry.get(name)
    if found is None:
        return False
    if not isinstance(found, bool):
        raise problem(where, name, f"must be true or false, not {kind_of(found)}")
    return found


def iso_day(found: str, where: str, name: str) -> dt.date:
    """``YYYY-MM-DD`` as a date the journal can hold (1900-01-01 to 2199-12-31), or an error
    naming the field: "2024-02-30" is not a date, "0000-01-01" and "2300-01-01" are out of
    range."""
    if _ISO_DAY.fullmatch(found) is None:
        raise problem(where, name, f"must be a date as YYYY-MM-DD, not {quoted(found, 30)}")
    try:
        day = dt.date.fromisoformat(found)
    except ValueError:
        raise problem(where, name, f"is not a date on the calendar: {quoted(found, 30)}") from None
    return in_range(day, where, name)


def in_range(day: dt.date, where: str, name: str) -> dt.date:
    """``day`` if the journal can hold it, else an error naming the field."""
    try:
        check_day(day, name)
    except ModelError as error:
        raise problem(where, name, error.problem) from None
    return day


def whole_minutes(moment: dt.datetime) -> dt.datetime:
    """``moment`` with an offset the model accepts: the same wall-clock time, its offset rounded
    to the whole minute and kept within -12:00 to +14:00 (only a local mean time from before a
    country adopted standard time needs it)."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minute = dt.timedelta(minutes=1)
    rounded = min(max(round(offset / minute) * minute, EARLIEST_OFFSET), LATEST_OFFSET)
    if rounded == offset:
        return moment
    return moment.replace(tzinfo=dt.timezone(rounded))


def wall_clock(day: dt.date, time: dt.time, zone: dt.tzinfo | None) -> dt.datetime:
    """The moment ``day`` at ``time`` on the clock of ``zone`` (``None``: this machine's local
    zone for that moment, or UTC where the system cannot say)."""
    naive = dt.datetime.combine(day, time)
    if zone is not None:
        return whole_minutes(naive.replace(tzinfo=zone))
    try:
        return whole_minutes(naive.astimezone())
    except (OverflowError, OSError, ValueError):
        return naive.replace(tzinfo=dt.UTC)


def stable_key(*parts: str) -> str:
    """One text made from ``parts`` that no other parts give (a JSON list, so a newline inside a
    title cannot make two entries' keys meet)."""
    return json.dumps(parts, ensure_ascii=False)


def imported_note(
    source: ImportSource,
    key: str,
    where: str,
    *,
    day: dt.date,
    created: dt.datetime,
    text: str,
    title: str = "",
    tags: Iterable[str] = (),
    mood: str = "",
    starred: bool = False,
) -> Reflection:
    """The imported note for one entry, checked by the model; an error names the entry and the
    field the model refused."""
    try:
        return Reflection(
            id=imported_id(source, key),
            date=day,
            created=created,
            kind=Kind.IMPORTED,
            narrative=text,
            imported=ImportedFrom(
                source=source, title=title, tags=tuple(tags), mood=mood, starred=starred
            ),
        )
    except ModelError as error:
        raise problem(where, error.field or "entry", error.problem) from None


def unique(notes: Iterable[Reflection]) -> list[Reflection]:
    """``notes`` with each id once, the first kept: two entries the same in every part the id
    is made from are one note, so a file that repeats an entry imports it once."""
    seen: dict[str, Reflection] = {}
    for note in notes:
        seen.setdefault(note.id, note)
    return list(seen.values())


__all__ = [
    "ForeignFormatError",
    "entries_of",
    "entry_name",
    "flag_of",
    "imported_note",
    "in_range",
    "iso_day",
    "kind_of",
    "load_json",
    "problem",
    "stable_key",
    "tags_of",
    "text_of",
    "unique",
    "wall_clock",
    "whole_minutes",
]
