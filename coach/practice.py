"""Self-practice, as the journal keeps it: each exercise practised, and the SP/SR programme.

Self-practice / self-reflection (SP/SR) is how CBT practitioners learn a technique from the
inside: practise it on a real personal problem that is challenging but not severe, then
reflect in writing on the personal self (what it was like) and the practitioner self (what it
teaches about guiding a patient through it).

- ``Practice``: one exercise practised (``coach.exercises`` declares each): which, the steps
  taken in order, the answers by step and field, the two reflections, and how much the target
  problem troubles me afterwards. Saved as it goes (``finished`` false until the end), so an
  exercise left half way is resumed, never lost; it may be written up for CPD like a
  reflection.
- ``Programme``: the programme's target problem in my own words and how much it troubles me at
  the start, my safeguard (who I would talk to if practice stirs things up, and where support
  is), and the closing review across the programme.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from coach.model import CpdWriteUp, check_created, check_day, check_id, new_id, now
from coach.shape import Record, meta
from coach.vocabulary import TARGET


@dataclass(frozen=True, slots=True)
class Practice(Record):
    """One exercise practised on myself, and what I made of it."""

    KIND: ClassVar[str] = "practice"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    date: dt.date = field(metadata=meta(check=lambda day: check_day(day, "date")))
    created: dt.datetime = field(metadata=meta(check=check_created))
    exercise: str = field(metadata=meta(check=lambda found: check_id(found, "exercise")))
    title: str  # the exercise's title when practised, so it reads the same if content changes
    taken: tuple[str, ...] = ()  # the step ids, in the order they were taken
    answers: Mapping[str, Any] = field(default_factory=dict)  # step id -> field id -> answer
    finished: bool = False
    personal: str = ""  # the personal self: what it was like to do this on myself
    practitioner: str = ""  # the practitioner self: what it teaches me for my patients
    target_after: int | None = field(default=None, metadata=meta(scale=TARGET))
    programme: str = ""  # the programme's id, when practised as part of one
    cpd: CpdWriteUp | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, exercise: str, title: str, programme: str = "") -> Practice:
        """An exercise begun now, with a fresh id."""
        created = now()
        return cls(
            id=new_id(),
            date=created.date(),
            created=created,
            exercise=exercise,
            title=title,
            programme=programme,
        )


@dataclass(frozen=True, slots=True)
class Programme(Record):
    """An SP/SR programme: a target problem, a safeguard, and a closing review."""

    KIND: ClassVar[str] = "programmes"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    created: dt.datetime = field(metadata=meta(check=check_created))
    target: str = ""  # the personal target problem, in my own words
    target_start: int | None = field(default=None, metadata=meta(scale=TARGET))
    share_target: bool = False  # ticked: the practice export may name the target problem
    safeguard_who: str = ""  # who I would talk to if practice stirs things up
    safeguard_where: str = ""  # where support is (F2 shows support now too)
    review_changed: str = ""  # the closing review: what changed
    review_patients: str = ""  # what I will do differently with patients
    closed: bool = False  # the closing review is done
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, **parts: Any) -> Programme:
        """A programme begun now, with a fresh id."""
        return cls(id=new_id(), created=now(), **parts)


# --- a programme over time ------------------------------------------------------------------


def target_ratings(programme: Programme, practices: Iterable[Practice]) -> list[tuple[str, int]]:
    """The programme's target ratings in time order: the start, then after each exercise
    practised within it (title and rating)."""
    found: list[tuple[str, int]] = []
    if programme.target_start is not None:
        found.append(("", programme.target_start))
    within = sorted(
        (p for p in practices if p.programme == programme.id and p.target_after is not None),
        key=lambda p: p.created,
    )
    found += [(p.title, p.target_after) for p in within if p.target_after is not None]
    return found


def open_programme(programmes: Iterable[Programme]) -> Programme | None:
    """The programme under way (the newest not closed), if any."""
    open_ones = sorted((p for p in programmes if not p.closed), key=lambda p: p.created)
    return open_ones[-1] if open_ones else None
