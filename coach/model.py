"""The domain of the coach: a reflection and its parts, validated, with a plain-dict form.

The dict form (``Reflection.to_dict`` / ``Reflection.from_dict``) is the shape of a reflection
in the journal file and in the JSON export, so it is a stable interface. Fields this version of
the code does not know are kept in ``extra`` and written back unchanged.

Each record is declared once, as a dataclass: its fields, their types and, where a type cannot
say it, ``meta(...)`` (which scale a score is on, a rule a value must keep). The dict form, its
reading and the checks a constructor makes are derived from that declaration by
``coach.shape``; the scales, the kinds of entry and the steps of a reflection are declared here
once, and the screens, the exports and the content's checks read them.

The rules for the values every reflection carries are declared here and nowhere else; a
reflection that breaks one is refused with a ``ModelError`` naming the field and quoting the
value (escaped and cut short), whether it is read from a file or made in code:

- ``id``: 1 to 128 characters, letters A-Z and a-z, digits, ``-``, ``_``, ``.`` and ``:``,
  starting with a letter or digit. UUIDs pass; a path (``../x``), a space or a NUL does not,
  so an id is always safe in a file name, a message or a URL.
- ``created``: carries a UTC offset from -12:00 to +14:00 in whole minutes (every offset in
  use on Earth; ``+23:59`` is a typing slip, not a place).
- ``date``, and the date of ``created``: from ``EARLIEST_DATE`` (1900-01-01) to
  ``LATEST_DATE`` (2199-12-31). Wider than any working life, narrow enough that no figure
  computed from a date can leave the calendar Python can count in.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from coach.imported import ImportedFrom
from coach.shape import EXTRA, Record, meta
from coach.shape import ModelError as ModelError  # the model's error, raised by its readers
from coach.shape import Scale as Scale
from coach.text import quoted

# --- the scales: every rating the coach asks for, with the content key of its words -------

STRAIN = Scale(0, 10, labels="strain_ends", ends=True)  # how demanding the day felt
# how far the day let me work the way I want to (not a verdict on how well I lived my values)
ALIGNMENT = Scale(0, 10, labels="alignment_ends", ends=True)
APPRAISAL = Scale(0, 4, labels="appraisal")  # the optional quick ratings: not at all to fully
HELPFULNESS = Scale(0, 4, labels="helpfulness")  # how much a coping action helped
# How I am, not only how hard the day was: okay, low, struggling, not coping (the words are the
# content's). Asked by the reflection and the quick check-in alike, and kept as ``feeling``.
FEELING = Scale(0, 3, labels="feeling")
FEELING_STRUGGLING = 2  # from here up ("struggling", "not coping") support is offered
SCALES = (STRAIN, ALIGNMENT, APPRAISAL, HELPFULNESS, FEELING)

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
ID_MAX_LENGTH = 128
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)
_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:-]{{0,{ID_MAX_LENGTH - 1}}}")


def check_id(found: str, name: str = "id") -> None:
    """Refuse an id that breaks the rule in the module docstring."""
    if not isinstance(found, str) or _ID.fullmatch(found) is None:
        raise ModelError(
            name,
            f"must be 1-{ID_MAX_LENGTH} letters, digits, '-', '_', '.' or ':', starting with a "
            f"letter or digit, not {quoted(found)}",
        )


def check_day(day: dt.date, name: str) -> None:
    """Refuse a date outside ``EARLIEST_DATE`` to ``LATEST_DATE``."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ModelError(
            name,
            f"must be a date from {EARLIEST_DATE} to {LATEST_DATE}, not {quoted(day.isoformat())}",
        )


def check_created(created: dt.datetime, name: str = "created") -> None:
    """Refuse a moment (a time of writing, say) without a real-world UTC offset, or outside the
    date range; errors name the field ``name``."""
    offset = created.utcoffset()
    shown = quoted(created.isoformat())
    if offset is None:
        raise ModelError(name, f"must carry a UTC offset, not {shown}")
    if offset % dt.timedelta(minutes=1) or not EARLIEST_OFFSET <= offset <= LATEST_OFFSET:
        raise ModelError(
            name,
            f"must carry a UTC offset from -12:00 to +14:00 in whole minutes, not {shown}",
        )
    check_day(created.date(), name)


class Kind(StrEnum):
    """A full end-of-day reflection, a quick check-in, or an entry brought in from another
    journal (``coach.imported``): never written in the coach, so never begun or drafted."""

    REFLECTION = "reflection"
    CHECK_IN = "check-in"
    IMPORTED = "imported-note"


# The kinds written in the coach: what insights count as reflections (imported notes only
# when the user says so) and what ``coach nudge`` looks for today.
WRITTEN_KINDS = frozenset({Kind.REFLECTION, Kind.CHECK_IN})


# What each kind is called where no catalogue is at hand (the Markdown export). The screens say
# it in the content's own words (``kind.<kind>.title`` and friends in content/prompts.toml).
KIND_TITLES: Mapping[Kind, str] = {
    Kind.REFLECTION: "Reflection",
    Kind.CHECK_IN: "Quick check-in",
    Kind.IMPORTED: "Imported note",
}


class Dimension(StrEnum):
    """The side of the resilience model a challenge sits on."""

    INDIVIDUAL = "individual"
    SYSTEMIC = "systemic"


def mostly_systemic(dimensions: Iterable[Dimension]) -> bool:
    """Whether more than half of these challenges sat with the service rather than the person.

    The one rule for "mostly service pressures": the ranking meets such a day with relational
    strategies, and insights say so of a month.
    """
    found = list(dimensions)
    return 2 * sum(1 for d in found if d is Dimension.SYSTEMIC) > len(found)


class Category(StrEnum):
    """The three kinds of proactive coping (phase 3 of the model)."""

    INDIVIDUAL = "individual"
    BOUNDARIES = "boundaries"
    RELATIONAL = "relational"


class Status(StrEnum):
    """What became of a planned coping action."""

    PLANNED = "planned"
    DONE = "done"
    PARTLY = "partly"
    SKIPPED = "skipped"


class Step(StrEnum):
    """The steps of writing a reflection, in order: the three phases of the model, then the
    summary. The draft keeps the one it is on; the screens show them, in the content's words
    (``step.<step>`` in content/prompts.toml)."""

    CHALLENGES = "challenges"
    VALUES = "values"
    COPING = "coping"
    SUMMARY = "summary"


# --- the parts of a reflection -----------------------------------------------------------
# Each part keeps the fields this version does not know in ``extra`` and writes them back,
# so a journal written by a later version loses nothing when this one saves it.


@dataclass(frozen=True, slots=True)
class Item(Record):
    """Something chosen from the catalogue (its key and label), or in the user's own words."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Challenge(Item):
    """Something that made the day hard (phase 1)."""

    dimension: Dimension
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Value(Item):
    """A personal value at stake in the day (phase 2)."""

    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Appraisal(Record):
    """The day seen in the light of one's values: each part on the ``APPRAISAL`` scale."""

    comprehensible: int = field(metadata=meta(scale=APPRAISAL))
    manageable: int = field(metadata=meta(scale=APPRAISAL))
    meaningful: int = field(metadata=meta(scale=APPRAISAL))
    extra: Mapping[str, Any] = field(default_factory=dict)


# The appraisal's questions answered in words, in order (each asked by ``phase2.<name>``).
APPRAISAL_IN_WORDS: tuple[str, ...] = ("mine_to_influence", "with_the_service", "to_a_colleague")

# The appraisal's questions, in order: every field of ``Appraisal`` but ``extra``.
APPRAISAL_PARTS: tuple[str, ...] = tuple(f.name for f in fields(Appraisal) if f.name != EXTRA)


@dataclass(frozen=True, slots=True)
class CopingAction(Item):
    """A proactive coping action chosen for tomorrow (phase 3), and how it went."""

    category: Category
    when: str = ""
    status: Status = Status.PLANNED
    helpfulness: int | None = field(default=None, metadata=meta(scale=HELPFULNESS))
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def followed_up(self) -> bool:
        """Whether the user has said what became of it."""
        return self.status is not Status.PLANNED

    def followed(self, status: Status, helpfulness: int | None) -> CopingAction:
        """The same action with what became of it."""
        return replace(self, status=status, helpfulness=helpfulness)


# --- a reflection written up for CPD ------------------------------------------------------


class CpdModel(StrEnum):
    """A reflective model a CPD write-up follows (the user chooses one in settings)."""

    WHAT_SO_WHAT = "what-so-what"  # What? / So what? / Now what?
    GIBBS = "gibbs"  # Gibbs' six stages


# Each model's stages, in order: the write-up's fields, each asked by ``cpd.<stage>``.
CPD_STAGES: Mapping[CpdModel, tuple[str, ...]] = {
    CpdModel.WHAT_SO_WHAT: ("what", "so_what", "now_what"),
    CpdModel.GIBBS: (
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action_plan",
    ),
}
MOST_CPD_HOURS = 100.0  # one entry's hours; more is a typing slip


def _check_hours(hours: float | None) -> None:
    if hours is not None and not 0 <= hours <= MOST_CPD_HOURS:
        raise ModelError("hours", f"must be from 0 to {MOST_CPD_HOURS:g}, not {hours!r}")


@dataclass(frozen=True, slots=True)
class CpdWriteUp(Record):
    """A reflection written up as a CPD entry, in one reflective model; having one is what
    marks the reflection as CPD. Its dict form has the model, that model's stages and the
    hours (``{"model": "what-so-what", "what", "so_what", "now_what", "hours"}``)."""

    model: CpdModel = field(default=CpdModel.WHAT_SO_WHAT, metadata=meta(required=True))
    what: str = ""
    so_what: str = ""
    now_what: str = ""
    description: str = ""
    feelings: str = ""
    evaluation: str = ""
    analysis: str = ""
    conclusion: str = ""
    action_plan: str = ""
    hours: float | None = field(default=None, metadata=meta(check=_check_hours))
    extra: Mapping[str, Any] = field(default_factory=dict)

    def left_out(self) -> tuple[str, ...]:
        """The stages of the other models: not this write-up's, so not in its dict form."""
        return tuple(
            stage
            for model, stages in CPD_STAGES.items()
            if model is not self.model
            for stage in stages
        )

    def check_whole(self) -> None:
        """Only the chosen model's stages hold text."""
        for stage in self.left_out():
            if getattr(self, stage):
                raise ModelError(stage, f"is not a stage of the {self.model.value} model")

    @property
    def stages(self) -> tuple[tuple[str, str], ...]:
        """Each stage of its model and what was written there, in order."""
        return tuple((stage, getattr(self, stage)) for stage in CPD_STAGES[self.model])


# --- the reflection ----------------------------------------------------------------------


def new_id() -> str:
    """A fresh reflection id: a UUID4 string."""
    return str(uuid.uuid4())


def now() -> dt.datetime:
    """The current local time, with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _check_date(day: dt.date) -> None:
    check_day(day, "date")


@dataclass(frozen=True, slots=True)
class Reflection(Record):
    """One end-of-day reflection or quick check-in."""

    id: str = field(metadata=meta(check=check_id))
    date: dt.date = field(metadata=meta(check=_check_date))
    created: dt.datetime = field(metadata=meta(check=check_created))
    kind: Kind = field(default=Kind.REFLECTION, metadata=meta(required=True))
    strain: int | None = field(default=None, metadata=meta(scale=STRAIN))
    alignment: int | None = field(default=None, metadata=meta(scale=ALIGNMENT))
    feeling: int | None = field(default=None, metadata=meta(scale=FEELING))
    challenges: tuple[Challenge, ...] = ()
    narrative: str = ""
    values: tuple[Value, ...] = ()
    meaning: str = ""
    # The appraisal in words (phase 2, the core): the challenge that weighed most (its key, one
    # of ``challenges``), what it was in the service of, what in it was mine to influence and
    # what sat with the service or team, and what I'd say to a colleague who had this day.
    weighed_most: str = ""
    served: Value | None = None
    mine_to_influence: str = ""
    with_the_service: str = ""
    to_a_colleague: str = ""
    appraisal: Appraisal | None = None
    actions: tuple[CopingAction, ...] = ()
    notes: str = ""
    cpd: CpdWriteUp | None = None  # written up as a CPD entry (phase 3's reflective practice)
    imported: ImportedFrom | None = None  # an imported note's source, title, tags and mood
    extra: Mapping[str, Any] = field(default_factory=dict, compare=True)

    def left_out(self) -> tuple[str, ...]:
        """``imported`` is written only for an imported note, so every other entry's dict form
        is as it was before notes could be imported."""
        return () if self.imported is not None else ("imported",)

    def check_whole(self) -> None:
        """An imported note, and only an imported note, says where it came from."""
        if (self.kind is Kind.IMPORTED) != (self.imported is not None):
            needs = "is needed by" if self.imported is None else "belongs only to"
            raise ModelError("imported", f"{needs} an entry of kind {Kind.IMPORTED.value}")

    @classmethod
    def new(cls, day: dt.date | None = None, **parts: Any) -> Reflection:
        """A reflection with a fresh id, created now, for ``day`` (default today)."""
        created = now()
        return cls(id=new_id(), date=day or created.date(), created=created, **parts)

    @property
    def year(self) -> int:
        """The calendar year the reflection belongs to (its journal file)."""
        return self.date.year

    @property
    def sort_key(self) -> tuple[dt.date, dt.datetime, str]:
        """Orders reflections oldest first; reverse it for newest first."""
        return (self.date, self.created, self.id)

    def with_changes(self, **changes: Any) -> Reflection:
        """A copy with some fields changed (reflections are immutable)."""
        return replace(self, **changes)

    def search_text(self) -> str:
        """Every piece of text a search looks in, case-folded, in one string."""
        pieces = [self.narrative, self.meaning, self.notes]
        pieces += [self.mine_to_influence, self.with_the_service, self.to_a_colleague]
        pieces += [self.served.label] if self.served is not None else []
        pieces += [c.label for c in self.challenges] + [c.note for c in self.challenges]
        pieces += [v.label for v in self.values]
        pieces += [a.label for a in self.actions] + [a.when for a in self.actions]
        pieces += [text for _, text in self.cpd.stages] if self.cpd is not None else []
        pieces += self.imported.search_pieces() if self.imported is not None else ()
        return "\n".join(pieces).casefold()

    @property
    def weighed_most_challenge(self) -> Challenge | None:
        """The challenge the user said weighed most, if it is still among the day's."""
        return next((c for c in self.challenges if c.key == self.weighed_most), None)

    @property
    def struggling(self) -> bool:
        """Whether the user said they were struggling or not coping."""
        return self.feeling is not None and self.feeling >= FEELING_STRUGGLING

    @property
    def pending_actions(self) -> tuple[CopingAction, ...]:
        """The planned actions not yet followed up."""
        return tuple(action for action in self.actions if not action.followed_up)
