"""What home says about leave, at the edges: leave today, leave just over, periods that overlap
or meet, leave across New Year, nothing planned, and the nudge's horizon."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.dates import weekday_date
from coach.leave_plan import LeaveOutlook, last_leave_end, leave_outlook, stretch_end
from coach.time_away import Leave


def leave(start: str, end: str) -> Leave:
    return Leave.new(dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


CHRISTMAS = leave("2026-12-21", "2027-01-02")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-11-30", LeaveOutlook(next_start=day("2026-12-21"), days_until=21)),
        ("2026-12-20", LeaveOutlook(next_start=day("2026-12-21"), days_until=1)),
        ("2026-12-21", LeaveOutlook(on_leave_until=day("2027-01-02"))),  # the first day
        ("2027-01-01", LeaveOutlook(on_leave_until=day("2027-01-02"))),  # across New Year
        ("2027-01-02", LeaveOutlook(on_leave_until=day("2027-01-02"))),  # the last day
        ("2027-01-03", LeaveOutlook(nudge=True)),  # over, and nothing after it
    ],
)
def test_the_outlook_through_a_leave_across_new_year(today: str, expected: LeaveOutlook) -> None:
    assert leave_outlook([CHRISTMAS], day(today)) == expected


def test_overlapping_and_back_to_back_periods_read_as_one_stretch() -> None:
    periods = [
        leave("2026-08-03", "2026-08-07"),
        leave("2026-08-06", "2026-08-10"),  # overlaps
        leave("2026-08-11", "2026-08-14"),  # meets it
        leave("2026-08-20", "2026-08-21"),  # a gap: not part of the stretch
    ]
    assert stretch_end(periods, day("2026-08-04")) == day("2026-08-14")
    assert leave_outlook(periods, day("2026-08-12")).on_leave_until == day("2026-08-14")
    after = leave_outlook(periods, day("2026-08-15"))
    assert (after.next_start, after.days_until, after.nudge) == (day("2026-08-20"), 5, False)


def test_the_nudge_comes_only_when_nothing_starts_within_the_horizon() -> None:
    far = [leave("2027-03-01", "2027-03-05")]
    today = day("2026-11-30")
    assert leave_outlook(far, today, horizon_weeks=8).nudge  # 13 weeks away
    assert not leave_outlook(far, today, horizon_weeks=14).nudge
    assert leave_outlook([], today).nudge
    assert not leave_outlook([CHRISTMAS], day("2026-12-25")).nudge  # never while on leave


def test_the_last_leave_that_ended() -> None:
    periods = [leave("2026-05-25", "2026-05-29"), CHRISTMAS]
    assert last_leave_end(periods, day("2026-11-30")) == day("2026-05-29")
    assert last_leave_end(periods, day("2027-01-03")) == day("2027-01-02")
    assert last_leave_end(periods, day("2026-05-01")) is None


def test_a_day_soon_is_named_as_a_calendar_shows_it() -> None:
    assert weekday_date(day("2026-12-08")) == "Tue 8 Dec"
