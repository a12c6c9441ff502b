"""Dates in words, the same on every system and in every locale: the one formatter.

``strftime``'s ``%-d`` exists only in glibc (Windows raises ValueError), and ``%A``/``%B`` follow
the process locale; these never do either.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def long_date(day: dt.date) -> str:
    """``Thursday 26 November 2026``."""
    return f"{day_and_month(day)} {day.year}"


def day_and_month(day: dt.date) -> str:
    """``Thursday 26 November``."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def short_date(day: dt.date) -> str:
    """``26 Nov``."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def dated_weekday(day: dt.date) -> str:
    """``Thu 2026-11-26``: a sortable date with its weekday."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.isoformat()}"


def clock_time(moment: dt.datetime) -> str:
    """``17:45``."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def weekday_date(day: dt.date) -> str:
    """``Tue 8 Dec``: a day soon, named as a calendar shows it."""
    return f"{WEEKDAYS[day.weekday()][:3]} {short_date(day)}"
