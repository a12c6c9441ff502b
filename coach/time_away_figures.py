"""Figures about time away, for insights: pure functions with the day they are worked out on.

Three figures, from the journal's records (any order) and a date (``today``), so the same
journal and date always give the same answer:

- ``weeks_since_leave``: whole weeks since the last leave ended; 0 while on leave; None when
  no leave has begun yet (leave still to come is not counted);
- ``breaks_by_week``: breaks taken with the timer in each of the last weeks (Monday to Sunday,
  this week last), beside the mean strain the reflections of that week gave;
- ``closings_count``: days closed with the end-of-work ritual, lately and in all.

They describe; they never score. Breaks and leave are things a service makes room for, and
the screen words them that way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.model import Reflection
from coach.time_away import Break, Closing, Leave

BREAK_WEEKS = 4  # weeks of breaks shown, this one included
CLOSINGS_DAYS = 30  # "lately", for closings


def weeks_since_leave(leave: Iterable[Leave], today: dt.date) -> int | None:
    """Whole weeks since the last leave begun by ``today`` ended (0 during leave, and in the
    week after it); None when no leave has begun yet. Overlapping periods count as one."""
    begun = [period for period in leave if period.start <= today]
    if not begun:
        return None
    if any(period.end >= today for period in begun):
        return 0
    last_day = max(period.end for period in begun)
    return (today - last_day).days // 7


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (never before the calendar's first day)."""
    return day - dt.timedelta(days=min(day.weekday(), day.toordinal() - 1))


@dataclass(frozen=True)
class BreakWeek:
    """One week: its Monday, the breaks taken, the minutes they lasted, and how demanding
    the week's reflections said it felt (None when none gave a strain)."""

    start: dt.date
    breaks: int
    minutes: int
    strain_mean: float | None
    strain_ratings: int


def breaks_by_week(
    breaks: Iterable[Break],
    reflections: Iterable[Reflection],
    today: dt.date,
    weeks: int = BREAK_WEEKS,
) -> tuple[BreakWeek, ...]:
    """The last ``weeks`` weeks (Monday to Sunday, oldest first, this week last and only up
    to ``today``): breaks taken and mean strain. Breaks and reflections after ``today`` are
    left out; weeks before the calendar's start are not made up."""
    this_monday = week_start(today)
    mondays: list[dt.date] = []
    for back in range(weeks):
        try:
            monday = this_monday - dt.timedelta(weeks=back)
        except OverflowError:
            break
        mondays.append(week_start(monday))
    mondays = sorted(set(mondays))
    counted: dict[dt.date, list[int]] = {monday: [] for monday in mondays}
    strains: dict[dt.date, list[int]] = {monday: [] for monday in mondays}
    for taken in breaks:
        if taken.date <= today and (monday := week_start(taken.date)) in counted:
            counted[monday].append(taken.lasted)
    for reflection in reflections:
        day = reflection.date
        if reflection.strain is not None and day <= today:
            monday = week_start(day)
            if monday in strains:
                strains[monday].append(reflection.strain)
    return tuple(
        BreakWeek(
            start=monday,
            breaks=len(counted[monday]),
            minutes=sum(counted[monday]),
            strain_mean=round(sum(strains[monday]) / len(strains[monday]), 1)
            if strains[monday]
            else None,
            strain_ratings=len(strains[monday]),
        )
        for monday in mondays
    )


@dataclass(frozen=True)
class ClosingsCount:
    """Days closed with the ritual: in the last ``days`` days (to today) and in all."""

    recent: int
    total: int
    days: int


def closings_count(
    closings: Iterable[Closing], today: dt.date, days: int = CLOSINGS_DAYS
) -> ClosingsCount:
    """Closings on the last ``days`` days up to ``today``, and every one up to ``today``;
    one day closed twice (the ritual redone) counts once."""
    done = {closing.date for closing in closings if closing.date <= today}
    recent = {day for day in done if (today - day).days < days}
    return ClosingsCount(recent=len(recent), total=len(done), days=days)


@dataclass(frozen=True)
class TimeAway:
    """Every time-away figure for the insights screen."""

    as_of: dt.date
    weeks_since_leave: int | None
    on_leave: bool
    breaks: tuple[BreakWeek, ...]
    closings: ClosingsCount


def time_away(
    leave: Iterable[Leave],
    breaks: Iterable[Break],
    closings: Iterable[Closing],
    reflections: Iterable[Reflection],
    today: dt.date,
    weeks: int = BREAK_WEEKS,
) -> TimeAway:
    """The figures for ``today``."""
    leave = list(leave)
    return TimeAway(
        as_of=today,
        weeks_since_leave=weeks_since_leave(leave, today),
        on_leave=any(period.start <= today <= period.end for period in leave),
        breaks=breaks_by_week(breaks, reflections, today, weeks),
        closings=closings_count(closings, today),
    )
