"""Mini Diary's JSON export as imported notes.

Mini Diary keeps one entry a day and exports ``{"metadata": {"application": "Mini Diary",
"version": ...}, "entries": {"YYYY-MM-DD": {"dateUpdated", "title", "text"}}}``: the key is the
entry's date, ``title`` and ``text`` (Markdown in later versions) are kept exactly, and
``dateUpdated`` is when it was last saved, as JavaScript writes a date (``Sun Feb 15 2026
15:15:14 GMT+0100 (Central European Standard Time)``).

Mini Diary keeps no time of writing, so the note's ``created`` is ``dateUpdated`` where it can
be read, and otherwise the start of the entry's own day on this machine's clock: an unreadable
``dateUpdated`` is not an error, since nothing else depends on it. Mini Diary has no id of its
own, so a note's id is made from its date, title and text: importing again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from coach.imported import ImportSource
from coach.importers.common import (
    ForeignFormatError,
    entry_name,
    imported_note,
    iso_day,
    kind_of,
    load_json,
    stable_key,
    text_of,
    unique,
    wall_clock,
    whole_minutes,
)
from coach.model import EARLIEST_DATE, LATEST_DATE, Reflection

WHAT = "a Mini Diary JSON export"
# JavaScript's Date.toString(): "Sun Feb 15 2026 15:15:14 GMT+0100 (zone name)"
_JS_DATE = re.compile(
    r"[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _updated(found: object) -> dt.datetime | None:
    """``dateUpdated`` as a moment, or ``None`` where it cannot be read or kept."""
    if not isinstance(found, str):
        return None
    matched = _JS_DATE.match(found.strip())
    try:
        if matched is None:
            moment = dt.datetime.fromisoformat(found.strip())
        else:
            month, day, year, hour, minute, second, sign, off_h, off_m = matched.groups()
            offset = dt.timedelta(hours=int(off_h), minutes=int(off_m))
            moment = dt.datetime(
                int(year),
                _MONTHS.index(month.lower()) + 1,
                int(day),
                int(hour),
                int(minute),
                int(second),
                tzinfo=dt.timezone(-offset if sign == "-" else offset),
            )
    except ValueError:  # not on the calendar, an unknown month, an offset past a day
        return None
    if moment.tzinfo is None or not EARLIEST_DATE <= moment.date() <= LATEST_DATE:
        return None
    return whole_minutes(moment.replace(microsecond=0))


def _note(index: int, key: str, entry: Any, zone: dt.tzinfo | None) -> Reflection:
    where = entry_name(index, key)
    day = iso_day(key, where, "date")
    where = entry_name(index, day)
    if not isinstance(entry, Mapping):
        raise ForeignFormatError(f"{where}: must be an object, not {kind_of(entry)}")
    title = text_of(entry, "title", where)
    text = text_of(entry, "text", where)
    created = _updated(entry.get("dateUpdated")) or wall_clock(day, dt.time(0, 0), zone)
    return imported_note(
        ImportSource.MINIDIARY,
        stable_key(key, title, text),
        where,
        day=day,
        created=created,
        text=text,
        title=title,
    )


def import_minidiary(raw: bytes, *, zone: dt.tzinfo | None = None) -> list[Reflection]:
    """Every entry of a Mini Diary JSON export as an imported note, all read before any is
    returned; an entry without a readable ``dateUpdated`` is dated on ``zone``'s clock
    (``None``: this machine's)."""
    document = load_json(raw, WHAT)
    if not isinstance(document, Mapping):
        raise ForeignFormatError(f"not {WHAT}: expected a JSON object, not {kind_of(document)}")
    entries = document.get("entries")
    if not isinstance(entries, Mapping):
        found = "none" if entries is None else kind_of(entries)
        raise ForeignFormatError(
            f"not {WHAT}: expected 'entries' as an object keyed by date, found {found}"
        )
    return unique(
        _note(index, str(key), entry, zone) for index, (key, entry) in enumerate(entries.items())
    )


__all__ = ["import_minidiary"]
