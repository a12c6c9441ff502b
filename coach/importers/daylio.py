"""Daylio's CSV export as imported notes.

Daylio's export has changed over the years; its columns are found by their header names, in any
order, never by position:

- today's: ``full_date,date,weekday,time,mood,activities,note_title,note``;
- older ones: ``year,date,weekday,time,mood,activities,note`` (no title; ``date`` is "18 May",
  its year in ``year``), and some with ``date`` itself as ``YYYY-MM-DD``;
- a UTF-8 byte-order mark before the header, extra columns of a newer Daylio (``scales``), and
  blank lines are all fine.

``time`` is on Daylio's 12-hour clock ("9:30 pm") or a 24-hour one ("21:30"), the wall-clock
time of the phone, with no zone: it is read on this machine's clock. ``mood`` is kept as its own
word ("rad", "meh", a mood the user named), never mapped onto the coach's scales;
``activities`` ("work | walk | good meal") become the note's tags; ``note_title`` its title and
``note`` its text, exactly as Daylio wrote them (newer versions write a little HTML). Daylio
has no id of its own, so a note's id is made from the date, time, mood, title and note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping

from coach.imported import ImportSource
from coach.importers.common import (
    ForeignFormatError,
    entry_name,
    imported_note,
    in_range,
    iso_day,
    problem,
    stable_key,
    unique,
    wall_clock,
)
from coach.model import Reflection
from coach.text import quoted

WHAT = "a Daylio CSV export"
ACTIVITY_SEPARATOR = " | "
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?|([^\W\d_]+)\.?\s+(\d{1,2})")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _text(raw: bytes) -> str:
    """The file as text: UTF-8, with or without a byte-order mark."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ForeignFormatError(f"not {WHAT}: not UTF-8 text (line {line})") from None


def _clock(found: str, where: str) -> dt.time:
    """``time`` on a 12-hour ("9:30 pm") or 24-hour ("21:30") clock."""
    matched = _TIME.fullmatch(found.strip())
    if matched is None:
        raise problem(where, "time", f"must be a time like 21:30 or 9:30 pm, not {quoted(found)}")
    hour, minute, second = (int(part or 0) for part in matched.groups()[:3])
    half = (matched.group(4) or "").lower()
    if half and not 1 <= hour <= 12:
        raise problem(where, "time", f"is not a time on a 12-hour clock: {quoted(found)}")
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise problem(where, "time", f"is not a time on the clock: {quoted(found)}")
    return dt.time(hour, minute, second)


def _month(name: str) -> int | None:
    found = name.lower()
    matches = [
        n for n, month in enumerate(_MONTHS, 1) if len(found) >= 3 and month.startswith(found)
    ]
    return matches[0] if len(matches) == 1 else None


def _older_day(row: Mapping[str, str], where: str) -> dt.date:
    """An older export's date: ``year`` with ``date`` as "18 May" (or "May 18")."""
    year_text, written = row["year"].strip(), row["date"].strip()
    if _ISO_DAY.fullmatch(written):  # some older exports wrote the whole date here
        return iso_day(written, where, "date")
    if not year_text.isdigit() or len(year_text) != 4:
        raise problem(where, "year", f"must be a year like 2021, not {quoted(year_text)}")
    matched = _DAY_MONTH.fullmatch(written)
    month = _month(matched.group(2) or matched.group(3)) if matched else None
    if matched is None or month is None:
        raise problem(where, "date", f"must be a day and month like 18 May, not {quoted(written)}")
    try:
        day = dt.date(int(year_text), month, int(matched.group(1) or matched.group(4)))
    except ValueError:
        shown = quoted(f"{written} {year_text}")
        raise problem(where, "date", f"is not a date on the calendar: {shown}") from None
    return in_range(day, where, "date")


def _day(row: Mapping[str, str], index: int) -> tuple[dt.date, str]:
    """The entry's date, and the name its errors go by from then on."""
    if "full_date" in row:
        found, field = row["full_date"].strip(), "full_date"
    elif "year" in row:
        where = entry_name(index, f"{row['date']} {row['year']}")
        day = _older_day(row, where)
        return day, entry_name(index, day)
    else:
        found, field = row["date"].strip(), "date"
    day = iso_day(found, entry_name(index, found), field)
    return day, entry_name(index, day)


def _note(index: int, row: Mapping[str, str], zone: dt.tzinfo | None) -> Reflection:
    day, where = _day(row, index)
    time_text = row["time"].strip()
    mood = row["mood"].strip()
    title, note = row.get("note_title", ""), row.get("note", "")
    activities = row.get("activities", "").strip()
    tags = [tag.strip() for tag in activities.split(ACTIVITY_SEPARATOR)] if activities else []
    return imported_note(
        ImportSource.DAYLIO,
        stable_key(day.isoformat(), time_text, mood, title, note),
        where,
        day=day,
        created=wall_clock(day, _clock(time_text, where), zone),
        text=note,
        title=title,
        tags=[tag for tag in tags if tag],
        mood=mood,
    )


def _header(names: list[str]) -> list[str]:
    """The header's names, tidied, once checked for the columns every export has."""
    header = [name.strip().lower() for name in names]
    missing = [name for name in ("time", "mood") if name not in header]
    if "full_date" not in header and "date" not in header:
        missing.insert(0, "full_date")
    if missing:
        columns = ", ".join(quoted(name) for name in missing)
        raise ForeignFormatError(f"not {WHAT}: the header has no {columns} column")
    if len(set(header)) != len(header):
        raise ForeignFormatError(f"not {WHAT}: the header names a column twice")
    return header


def import_daylio(raw: bytes, *, zone: dt.tzinfo | None = None) -> list[Reflection]:
    """Every entry of a Daylio CSV export as an imported note, all read before any is
    returned; its times are on ``zone``'s clock (``None``: this machine's)."""
    rows = csv.reader(io.StringIO(_text(raw), newline=""), strict=True)
    notes: list[Reflection] = []
    header: list[str] | None = None
    index = 0
    try:
        for fields in rows:
            if not any(field.strip() for field in fields):
                continue  # a blank line
            if header is None:
                header = _header(fields)
                continue
            if len(fields) != len(header):
                raise ForeignFormatError(
                    f"{entry_name(index)}: has {len(fields)} fields where the header has "
                    f"{len(header)}"
                )
            notes.append(_note(index, dict(zip(header, fields, strict=True)), zone))
            index += 1
    except csv.Error as error:
        raise ForeignFormatError(f"{entry_name(index)}: not readable as CSV ({error})") from None
    if header is None:
        raise ForeignFormatError(f"not {WHAT}: the file is empty")
    return unique(notes)


__all__ = ["ACTIVITY_SEPARATOR", "import_daylio"]
