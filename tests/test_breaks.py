"""The break timer's rules, on their own: time left, when it is over, what "lasted" is."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.breaks import BreakTimer, clock_face, minutes_problem

START = dt.datetime(2026, 11, 30, 12, 30, tzinfo=dt.UTC)


def at(**later: float) -> dt.datetime:
    return START + dt.timedelta(**later)


def test_time_left_counts_down_and_stops_at_none() -> None:
    timer = BreakTimer(started=START, planned=10)
    assert timer.remaining(START) == dt.timedelta(minutes=10)
    assert timer.remaining(at(minutes=3, seconds=20)) == dt.timedelta(minutes=6, seconds=40)
    assert not timer.over(at(minutes=9, seconds=59))
    assert timer.over(at(minutes=10))
    assert timer.remaining(at(hours=5)) == dt.timedelta(0)  # woken from sleep: over, not less


def test_a_clock_that_steps_back_never_adds_time() -> None:
    timer = BreakTimer(started=START, planned=5)
    assert timer.remaining(at(minutes=-3)) == dt.timedelta(minutes=5)
    assert timer.lasted(at(minutes=-3)) == 0


@pytest.mark.parametrize(
    ("later", "lasted"),
    [
        (dt.timedelta(0), 0),
        (dt.timedelta(seconds=59), 0),
        (dt.timedelta(minutes=4, seconds=59), 4),  # whole minutes passed, never rounded up
        (dt.timedelta(minutes=14, seconds=59, microseconds=999_999), 14),
        (dt.timedelta(minutes=15), 15),
        (dt.timedelta(hours=3), 15),  # never more than planned
    ],
)
def test_lasted_is_the_whole_minutes_away_up_to_the_plan(later: dt.timedelta, lasted: int) -> None:
    timer = BreakTimer(started=START, planned=15)
    assert timer.lasted(START + later) == lasted
    noted = timer.record(START + later)
    assert (noted.started, noted.planned, noted.lasted) == (START, 15, lasted)
    assert noted.whole == (lasted == 15)


@pytest.mark.parametrize("planned", [0, -5, 241])
def test_a_break_is_from_one_to_240_minutes(planned: int) -> None:
    with pytest.raises(ValueError, match="from 1 to 240"):
        BreakTimer(started=START, planned=planned)


@pytest.mark.parametrize(
    ("left", "face"),
    [
        (dt.timedelta(minutes=10), "10:00"),
        (dt.timedelta(minutes=6, seconds=40), "06:40"),
        (dt.timedelta(seconds=0.2), "00:01"),  # 00:00 only once it is over
        (dt.timedelta(0), "00:00"),
        (dt.timedelta(seconds=-3), "00:00"),
        (dt.timedelta(minutes=240), "240:00"),
    ],
)
def test_the_clock_face(left: dt.timedelta, face: str) -> None:
    assert clock_face(left) == face


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("20", None),
        (" 1 ", None),
        ("240", None),
        ("", "empty"),
        ("   ", "empty"),
        ("0", "out_of_range"),
        ("241", "out_of_range"),
        ("9999", "out_of_range"),
        ("-5", "not_a_number"),
        ("2.5", "not_a_number"),
        ("ten", "not_a_number"),
        ("١٠", "not_a_number"),  # Arabic-Indic digits: isdigit, but not what int() should see
        ("[bold]5", "not_a_number"),
    ],
)
def test_minutes_of_ones_own(typed: str, problem: str | None) -> None:
    assert minutes_problem(typed) == problem
