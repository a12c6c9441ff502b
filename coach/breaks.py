"""The break timer's rules: how long is left, when it is over, and how long a break lasted.

Kept out of the screens so they are tested on their own. Time comes from a clock the caller
reads (the app's ``clock``, so a test moves it by hand): a break never sleeps, it is asked
"how long is left now?". A clock that steps back never makes time run backwards past the
start, and one that jumps far ahead (a laptop woken from sleep) finds the break over.

A break ended early is fine, and is kept as it was: the whole minutes it lasted, never
rounded up to look like the break planned.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from coach.time_away import LONGEST_BREAK_MINUTES, Break

BREAK_CHOICES = (5, 10, 15)  # the minutes offered with one key
SHORTEST_BREAK_MINUTES = 1


def minutes_problem(typed: str) -> str | None:
    """Why ``typed`` is not a number of minutes a break can be planned for, or None if it is.

    The reasons are short and plain; the screen puts them beside the box, in place.
    """
    text = typed.strip()
    if not text:
        return "empty"
    if not text.isascii() or not text.isdigit():
        return "not_a_number"
    if not SHORTEST_BREAK_MINUTES <= int(text) <= LONGEST_BREAK_MINUTES:
        return "out_of_range"
    return None


@dataclass(frozen=True, slots=True)
class BreakTimer:
    """A break under way: when it began (by the app's clock) and the minutes planned."""

    started: dt.datetime
    planned: int

    def __post_init__(self) -> None:
        if not SHORTEST_BREAK_MINUTES <= self.planned <= LONGEST_BREAK_MINUTES:
            raise ValueError(
                f"a break is from {SHORTEST_BREAK_MINUTES} to {LONGEST_BREAK_MINUTES} minutes"
            )

    @property
    def length(self) -> dt.timedelta:
        """The whole break, as planned."""
        return dt.timedelta(minutes=self.planned)

    def elapsed(self, now: dt.datetime) -> dt.timedelta:
        """Time away so far, from none (a clock that stepped back) to the whole break."""
        return min(max(now - self.started, dt.timedelta(0)), self.length)

    def remaining(self, now: dt.datetime) -> dt.timedelta:
        """Time still to go, never below none."""
        return self.length - self.elapsed(now)

    def over(self, now: dt.datetime) -> bool:
        """Whether the planned time has passed."""
        return self.remaining(now) <= dt.timedelta(0)

    def lasted(self, now: dt.datetime) -> int:
        """The whole minutes the break lasted: all of them once over, else those fully passed."""
        return math.floor(self.elapsed(now) / dt.timedelta(minutes=1))

    def record(self, now: dt.datetime) -> Break:
        """The break as the journal keeps it, ended ``now`` (or at its planned end)."""
        return Break.new(started=self.started, planned=self.planned, lasted=self.lasted(now))


def clock_face(remaining: dt.timedelta) -> str:
    """``mm:ss`` to show, counting whole seconds up, so a break shows its full length at the
    start and 00:00 only once it is over (240 minutes shows as 240:00)."""
    seconds = max(0, math.ceil(remaining.total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes:02d}:{seconds:02d}"
