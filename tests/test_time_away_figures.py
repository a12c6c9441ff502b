"""Time away in figures, at the dates where they are easiest to get wrong: leave today, leave
just over, overlapping periods, leave across New Year, no leave; breaks by week beside strain;
closings lately and in all."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.model import Reflection
from coach.time_away import Break, Closing, Leave
from coach.time_away_figures import (
    BreakWeek,
    ClosingsCount,
    breaks_by_week,
    closings_count,
    time_away,
    week_start,
    weeks_since_leave,
)

D = dt.date.fromisoformat


def leave(start: str, end: str) -> Leave:
    return Leave.new(D(start), D(end))


def taken(day: str, planned: int = 10, lasted: int = 10) -> Break:
    started = dt.datetime.combine(D(day), dt.time(12, 30), dt.UTC)
    return Break.new(started, planned, lasted)


def reflected(day: str, strain: int | None) -> Reflection:
    created = dt.datetime.combine(D(day), dt.time(18), dt.UTC)
    return Reflection(id=f"r-{day}-{strain}", date=D(day), created=created, strain=strain)


def closed(day: str, rid: str = "") -> Closing:
    created = dt.datetime.combine(D(day), dt.time(17), dt.UTC)
    return Closing(id=rid or f"c-{day}", date=D(day), created=created, done_what_i_can=True)


# --- weeks since the last leave -------------------------------------------------------------

CHRISTMAS = leave("2026-12-21", "2027-01-02")  # across New Year


@pytest.mark.parametrize(
    ("today", "weeks"),
    [
        ("2026-12-20", None),  # planned, not begun: nothing in the past yet
        ("2026-12-21", 0),  # its first day: on leave
        ("2026-12-31", 0),
        ("2027-01-01", 0),  # New Year, still on leave
        ("2027-01-02", 0),  # its last day
        ("2027-01-03", 0),  # over yesterday: not yet a week
        ("2027-01-08", 0),
        ("2027-01-09", 1),  # a week after the last day
        ("2027-01-16", 2),
        ("2027-12-31", 51),
    ],
)
def test_weeks_since_leave_across_new_year(today: str, weeks: int | None) -> None:
    assert weeks_since_leave([CHRISTMAS], D(today)) == weeks


def test_no_leave_is_none_and_only_leave_to_come_is_none_too() -> None:
    assert weeks_since_leave([], D("2026-11-30")) is None
    assert weeks_since_leave([leave("2027-02-01", "2027-02-05")], D("2026-11-30")) is None


def test_leave_of_one_day_today() -> None:
    assert weeks_since_leave([leave("2026-11-30", "2026-11-30")], D("2026-11-30")) == 0
    assert weeks_since_leave([leave("2026-11-30", "2026-11-30")], D("2026-12-07")) == 1


def test_the_last_leave_to_end_counts_whatever_the_order_and_overlaps() -> None:
    summer = leave("2026-08-03", "2026-08-14")
    long_weekend = leave("2026-08-10", "2026-08-17")  # overlaps summer, ends later
    spring = leave("2026-04-06", "2026-04-10")
    coming = leave("2026-12-21", "2026-12-24")  # not begun: never "the last"
    for order in ([summer, long_weekend, spring, coming], [coming, spring, long_weekend, summer]):
        assert weeks_since_leave(order, D("2026-08-31")) == 2  # 14 days after the 17th
    # Inside the overlap, and inside the longer one only: on leave either way.
    assert weeks_since_leave([summer, long_weekend], D("2026-08-12")) == 0
    assert weeks_since_leave([summer, long_weekend], D("2026-08-16")) == 0
    # A short leave inside an older long one does not hide that the long one ended later.
    inside = leave("2026-08-05", "2026-08-06")
    assert weeks_since_leave([summer, inside], D("2026-08-28")) == 2


# --- breaks by week, beside strain ----------------------------------------------------------

TODAY = D("2026-11-26")  # a Thursday


def test_week_start_is_the_monday() -> None:
    assert week_start(D("2026-11-26")) == D("2026-11-23")
    assert week_start(D("2026-11-23")) == D("2026-11-23")
    assert week_start(D("2026-11-29")) == D("2026-11-23")  # Sunday
    assert week_start(D("2027-01-01")) == D("2026-12-28")  # a week across New Year
    assert week_start(dt.date.min) == dt.date.min  # a Monday, as it happens


def test_breaks_by_week_beside_the_mean_strain_of_that_week() -> None:
    breaks = [
        taken("2026-11-26", 10, 10),
        taken("2026-11-23", 15, 6),  # ended early: counted, minutes as they were
        taken("2026-11-13"),  # two weeks back
        taken("2026-10-30"),  # before the four weeks: left out
        taken("2026-11-27"),  # tomorrow: left out
    ]
    reflections = [
        reflected("2026-11-24", 8),
        reflected("2026-11-25", 5),
        reflected("2026-11-26", None),  # no strain given: not a zero
        reflected("2026-11-16", 3),
        reflected("2026-11-28", 9),  # after today: left out
    ]
    weeks = breaks_by_week(breaks, reflections, TODAY, weeks=4)
    assert weeks == (
        BreakWeek(D("2026-11-02"), 0, 0, None, 0),
        BreakWeek(D("2026-11-09"), 1, 10, None, 0),
        BreakWeek(D("2026-11-16"), 0, 0, 3.0, 1),
        BreakWeek(D("2026-11-23"), 2, 16, 6.5, 2),
    )


def test_breaks_by_week_across_new_year_and_with_nothing() -> None:
    weeks = breaks_by_week(
        [taken("2026-12-31"), taken("2027-01-03")], [reflected("2027-01-01", 7)], D("2027-01-04")
    )
    mondays = ("2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04")
    assert [w.start for w in weeks] == [D(monday) for monday in mondays]
    assert weeks[2] == BreakWeek(D("2026-12-28"), 2, 20, 7.0, 1)
    assert weeks[3].breaks == 0
    empty = breaks_by_week([], [], TODAY)
    assert [(w.breaks, w.strain_mean) for w in empty] == [(0, None)] * 4


def test_no_week_before_the_calendar_starts_is_made_up() -> None:
    weeks = breaks_by_week([], [], dt.date.min + dt.timedelta(days=8), weeks=4)
    assert [w.start for w in weeks] == [dt.date.min, dt.date.min + dt.timedelta(days=7)]


# --- closings -------------------------------------------------------------------------------


def test_closings_lately_and_in_all() -> None:
    closings = [
        closed("2026-11-26"),
        closed("2026-11-26", "again"),  # the same day closed twice: one day
        closed("2026-10-28"),  # 29 days back: inside the 30
        closed("2026-10-27"),  # 30 days back: outside
        closed("2025-06-01"),
        closed("2026-11-27"),  # tomorrow: not yet
    ]
    assert closings_count(closings, TODAY) == ClosingsCount(recent=2, total=4, days=30)
    assert closings_count([], TODAY) == ClosingsCount(0, 0, 30)


def test_time_away_gathers_them_for_a_day() -> None:
    figures = time_away([CHRISTMAS], [taken("2026-12-22")], [], [], D("2026-12-23"))
    assert figures.on_leave
    assert figures.weeks_since_leave == 0
    assert figures.breaks[-1].breaks == 1
    assert figures.closings.total == 0
    after = time_away([CHRISTMAS], [], [], [], D("2027-01-20"))
    assert not after.on_leave
    assert after.weeks_since_leave == 2
