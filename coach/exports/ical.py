"""Planned leave as an iCalendar file (RFC 5545) a calendar app imports.

One all-day ``VEVENT`` per period of leave: ``DTSTART;VALUE=DATE`` its first day, ``DTEND`` the
day after its last (the end of an all-day event is exclusive), ``UID`` made from the leave's id
(so importing the file again updates the events rather than adding copies), ``DTSTAMP`` the
time of export in UTC (from an injected clock), ``SUMMARY`` and the note as ``DESCRIPTION``.

Text is escaped as RFC 5545 says (backslash, semicolon, comma; a newline is ``\\n``); a control
character other than newline, and a bidi override, is removed (a tab becomes a space), so the
file holds nothing a calendar or a terminal showing it would act on. Every line ends CRLF and is
folded at 75 octets, never inside a UTF-8 character nor inside an escape; a continuation line
starts with one space.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import coach
from coach.text import FORBIDDEN
from coach.time_away import Leave

PRODID = f"-//pwp-coach//pwp-coach {coach.__version__}//EN"
SUMMARY = "Annual leave"
UID_DOMAIN = "pwp-coach"
LINE_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF
CRLF = "\r\n"

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
# What folding never splits: an escape (a backslash and the character after it), or a character.
_UNITS = re.compile(r"\\.|.", re.DOTALL)


def escape_text(text: str) -> str:
    """``text`` as an RFC 5545 TEXT value: controls and bidi overrides gone (a tab a space),
    line breaks as ``\\n``, and ``\\``, ``;`` and ``,`` escaped."""
    lines = _LINE_BREAKS.split(text.replace("\t", " "))
    kept = (FORBIDDEN.sub("", line) for line in lines)
    return "\\n".join(
        line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in kept
    )


def fold(line: str) -> str:
    """One content line, folded so no line is longer than 75 octets (UTF-8), each ended CRLF."""
    folded: list[str] = []
    current, size = "", 0
    for unit in _UNITS.findall(line):
        octets = len(unit.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            folded.append(current)
            current, size = " ", 1
        current += unit
        size += octets
    folded.append(current)
    return CRLF.join(folded) + CRLF


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _event(leave: Leave, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(leave.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(leave.start)}",
        f"DTEND;VALUE=DATE:{_date(leave.end + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(SUMMARY)}",
    ]
    if leave.note.strip():
        lines.append(f"DESCRIPTION:{escape_text(leave.note)}")
    return [*lines, "END:VEVENT"]


def export_ical(leave: Iterable[Leave], stamp: dt.datetime | None = None) -> str:
    """The planned leave as an iCalendar file, periods in order of their first day.

    ``stamp`` (the time of export, any offset) is written in UTC as every event's ``DTSTAMP``;
    by default, now. No leave gives a calendar with no events.
    """
    moment = stamp or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    utc = moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for period in sorted(leave, key=lambda p: (p.start, p.end, p.id)):
        lines += _event(period, utc)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
