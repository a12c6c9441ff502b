"""Supervision, as the journal keeps it: the sessions I have had, and what I prepared for one.

- ``SupervisionSession``: a session on a day, its type, how long it was and a note;
- ``Agenda``: a preparation for supervision over a period: which of its themes, reflections
  and reflections' notes I ticked to bring, and what I want to bring in my own words. Nothing
  goes into a supervision export unless it was ticked here: the journal stays private, and the
  practitioner shares what they choose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from coach.model import ModelError, check_created, check_day, check_id, new_id, now
from coach.shape import Record, meta
from coach.vocabulary import SupervisionType

LONGEST_SESSION_MINUTES = 480


def _check_minutes(minutes: int) -> None:
    if not 0 <= minutes <= LONGEST_SESSION_MINUTES:
        raise ModelError("minutes", f"must be from 0 to {LONGEST_SESSION_MINUTES}, not {minutes}")


@dataclass(frozen=True, slots=True)
class SupervisionSession(Record):
    """A supervision session I had: the day, its type, its length in minutes and a note."""

    KIND: ClassVar[str] = "supervision_sessions"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    date: dt.date = field(metadata=meta(check=lambda day: check_day(day, "date")))
    type: SupervisionType = field(metadata=meta(required=True))
    minutes: int = field(metadata=meta(check=_check_minutes))
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(
        cls, day: dt.date, type: SupervisionType, minutes: int, note: str = ""
    ) -> SupervisionSession:
        """A session with a fresh id."""
        return cls(id=new_id(), date=day, type=type, minutes=minutes, note=note)


@dataclass(frozen=True, slots=True)
class Agenda(Record):
    """What I prepared to bring to supervision, over the days ``since`` to ``until``."""

    KIND: ClassVar[str] = "supervision_agendas"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    created: dt.datetime = field(metadata=meta(check=check_created))
    since: dt.date = field(metadata=meta(check=lambda day: check_day(day, "since")))
    until: dt.date = field(metadata=meta(check=lambda day: check_day(day, "until")))
    themes: tuple[str, ...] = ()  # the keys of the period's themes ticked to bring
    reflections: tuple[str, ...] = ()  # ids of reflections ticked to bring
    notes: tuple[str, ...] = ()  # ids of reflections whose own notes were ticked to bring
    bring: str = ""  # what I want to bring, in my own words
    extra: Mapping[str, Any] = field(default_factory=dict)

    def check_whole(self) -> None:
        """The period does not end before it starts."""
        if self.until < self.since:
            raise ModelError("until", f"must not be before since ({self.since.isoformat()})")

    @classmethod
    def new(cls, since: dt.date, until: dt.date, **parts: Any) -> Agenda:
        """An agenda prepared now, with a fresh id."""
        return cls(id=new_id(), created=now(), since=since, until=until, **parts)
