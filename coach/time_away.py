"""Time away from work, as the journal keeps it: leave, breaks and closing the day.

Phase 3 of the model, proactive coping, in three small records, each declared once here (its
dict form is the journal's and the JSON export's, ``coach.shape``):

- ``Leave``: a period of annual leave, first and last day (both taken), and a note;
- ``Break``: a break started with the timer, how long was planned, and how long it lasted
  (shorter when it was ended early);
- ``Closing``: the end-of-work ritual of a day: tomorrow's first task, anything to hand over
  or raise with duty, and "I've done what I can today".

``TIME_AWAY_KINDS`` names each kind as the export's arrays and the journal's tables name it
(``coach.record_kinds`` gathers every kind the journal keeps).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from coach.model import ModelError, check_created, check_day, check_id, new_id, now
from coach.shape import Record, meta

LONGEST_BREAK_MINUTES = 240


def _check_day(day: dt.date) -> None:
    check_day(day, "date")


def _minutes(name: str) -> Callable[[int], None]:
    def check(minutes: int) -> None:
        if not 0 <= minutes <= LONGEST_BREAK_MINUTES:
            raise ModelError(name, f"must be from 0 to {LONGEST_BREAK_MINUTES} minutes")

    return check


@dataclass(frozen=True, slots=True)
class Leave(Record):
    """A period of leave: its first and last day (both days off), and a note of one's own."""

    KIND: ClassVar[str] = "leave"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    start: dt.date = field(metadata=meta(check=lambda day: check_day(day, "start")))
    end: dt.date = field(metadata=meta(check=lambda day: check_day(day, "end")))
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def check_whole(self) -> None:
        """The last day is not before the first."""
        if self.end < self.start:
            raise ModelError("end", f"must not be before the start ({self.start.isoformat()})")

    @classmethod
    def new(cls, start: dt.date, end: dt.date, note: str = "") -> Leave:
        """A new period with a fresh id."""
        return cls(id=new_id(), start=start, end=end, note=note)

    @property
    def days(self) -> int:
        """How many calendar days it spans."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Break(Record):
    """A break taken with the timer: when it began, the minutes planned and the minutes it
    lasted (fewer when ended early)."""

    KIND: ClassVar[str] = "breaks"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    started: dt.datetime = field(metadata=meta(check=lambda at: check_created(at, "started")))
    planned: int = field(metadata=meta(check=_minutes("planned")))
    lasted: int = field(metadata=meta(check=_minutes("lasted")))
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, started: dt.datetime, planned: int, lasted: int) -> Break:
        """A break with a fresh id."""
        return cls(id=new_id(), started=started, planned=planned, lasted=lasted)

    @property
    def date(self) -> dt.date:
        """The day it was taken (its year's file keeps it)."""
        return self.started.date()

    @property
    def whole(self) -> bool:
        """Whether it lasted as long as planned."""
        return self.lasted >= self.planned


@dataclass(frozen=True, slots=True)
class Closing(Record):
    """Closing the day: the boundary between work and home, marked."""

    KIND: ClassVar[str] = "closings"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    date: dt.date = field(metadata=meta(check=_check_day))
    created: dt.datetime = field(metadata=meta(check=check_created))
    first_task: str = ""  # tomorrow's first task, so it need not be carried home
    hand_over: str = ""  # anything to hand over, or to raise with duty
    done_what_i_can: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, **parts: Any) -> Closing:
        """Today's closing, made now."""
        created = now()
        return cls(id=new_id(), date=created.date(), created=created, **parts)


# Each kind's name in the export's arrays and the journal's tables, and its record class
# (added in export version 3).
TIME_AWAY_KINDS: Mapping[str, type[Record]] = {kind.KIND: kind for kind in (Leave, Break, Closing)}

# The tool each coping suggestion leads to (its content key -> the tool), offered when chosen.
COPING_TOOLS: Mapping[str, str] = {
    "something-to-look-forward-to": "leave",
    "proper-break": "break",
    "close-the-day": "closing",
}
