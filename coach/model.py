"""The domain of the coach: a reflection and its parts, validated, with a plain-dict form.

The dict form (``Reflection.to_dict`` / ``Reflection.from_dict``) is the shape of a reflection
in the journal file and in the JSON export, so it is a stable interface. Fields this version of
the code does not know are kept in ``extra`` and written back unchanged.

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeVar

from coach.text import quoted

E = TypeVar("E", bound="StrEnum")
T = TypeVar("T")

STRAIN_RANGE = (0, 10)
ALIGNMENT_RANGE = (0, 10)
APPRAISAL_RANGE = (0, 4)
HELPFULNESS_RANGE = (0, 4)

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
ID_MAX_LENGTH = 128
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)
_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:-]{{0,{ID_MAX_LENGTH - 1}}}")


class ModelError(ValueError):
    """A value that does not fit the model; ``field`` names where (``actions[0].status``)."""

    def __init__(self, field_path: str, problem: str) -> None:
        super().__init__(f"{field_path}: {problem}")
        self.field = field_path
        self.problem = problem

    def within(self, prefix: str) -> ModelError:
        """The same error, with its field path placed under ``prefix``."""
        return ModelError(f"{prefix}.{self.field}" if self.field else prefix, self.problem)


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


def check_created(created: dt.datetime) -> None:
    """Refuse a time of writing without a real-world UTC offset, or outside the date range."""
    offset = created.utcoffset()
    shown = quoted(created.isoformat())
    if offset is None:
        raise ModelError("created", f"must carry a UTC offset, not {shown}")
    if offset % dt.timedelta(minutes=1) or not EARLIEST_OFFSET <= offset <= LATEST_OFFSET:
        raise ModelError(
            "created",
            f"must carry a UTC offset from -12:00 to +14:00 in whole minutes, not {shown}",
        )
    check_day(created.date(), "created")


class Kind(StrEnum):
    """A full end-of-day reflection or a quick check-in."""

    REFLECTION = "reflection"
    CHECK_IN = "check-in"


class Dimension(StrEnum):
    """The side of the resilience model a challenge sits on."""

    INDIVIDUAL = "individual"
    SYSTEMIC = "systemic"


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


# --- small readers that name the field that is wrong -------------------------------------


def _text(source: Mapping[str, Any], name: str, *, required: bool = False) -> str:
    if name not in source or source[name] is None:
        if required:
            raise ModelError(name, "is missing")
        return ""
    found = source[name]
    if not isinstance(found, str):
        raise ModelError(name, f"must be text, not {type(found).__name__}")
    if required and not found.strip():
        raise ModelError(name, "must not be empty")
    return found


def _score(source: Mapping[str, Any], name: str, bounds: tuple[int, int]) -> int | None:
    found = source.get(name)
    if found is None:
        return None
    low, high = bounds
    if isinstance(found, bool) or not isinstance(found, int):
        raise ModelError(name, f"must be a whole number {low}-{high} or null")
    if not low <= found <= high:
        raise ModelError(name, f"must be {low}-{high}, not {found}")
    return found


def _choice(source: Mapping[str, Any], name: str, enum: type[E]) -> E:
    found = source.get(name)
    member = enum._value2member_map_.get(found) if isinstance(found, str) else None
    if member is None:
        allowed = " | ".join(m.value for m in enum)
        raise ModelError(name, f"must be one of {allowed}, not {found!r}")
    return member  # type: ignore[return-value]


def _unknown(source: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The fields of ``source`` this version does not know, kept to be written back."""
    return {name: found for name, found in source.items() if name not in known}


def _with_extra(known: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The known fields, then any unknown ones kept from the file (never overriding a known one)."""
    if not extra:
        return known
    return {**known, **{name: found for name, found in extra.items() if name not in known}}


_CHALLENGE_FIELDS = frozenset({"key", "label", "dimension", "note"})
_VALUE_FIELDS = frozenset({"key", "label"})
_APPRAISAL_PARTS = ("comprehensible", "manageable", "meaningful")
_APPRAISAL_FIELDS = frozenset(_APPRAISAL_PARTS)
_ACTION_FIELDS = frozenset({"key", "label", "category", "when", "status", "helpfulness"})


def _items(source: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    found = source.get(name)
    if found is None:
        return []
    if not isinstance(found, list):
        raise ModelError(name, "must be a list")
    for index, item in enumerate(found):
        if not isinstance(item, Mapping):
            raise ModelError(f"{name}[{index}]", "must be an object")
    return found


def _parts(
    source: Mapping[str, Any], name: str, build: Callable[[Mapping[str, Any]], T]
) -> list[T]:
    parts: list[T] = []
    for index, item in enumerate(_items(source, name)):
        try:
            parts.append(build(item))
        except ModelError as error:
            raise error.within(f"{name}[{index}]") from None
    return parts


def _check_score(name: str, found: int | None, bounds: tuple[int, int]) -> None:
    if found is not None:
        _score({name: found}, name, bounds)


# --- the parts of a reflection -----------------------------------------------------------
# Each part keeps the fields this version does not know in ``extra`` and writes them back,
# so a journal written by a later version loses nothing when this one saves it.


@dataclass(frozen=True, slots=True)
class Challenge:
    """Something that made the day hard (phase 1), from the catalogue or in the user's words."""

    key: str
    label: str
    dimension: Dimension
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.dimension, Dimension):
            object.__setattr__(self, "dimension", Dimension(self.dimension))

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Challenge:
        """Read and validate one challenge."""
        return cls(
            key=_text(source, "key", required=True),
            label=_text(source, "label", required=True),
            dimension=_choice(source, "dimension", Dimension),
            note=_text(source, "note"),
            extra=_unknown(source, _CHALLENGE_FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, unknown fields included."""
        known = {
            "key": self.key,
            "label": self.label,
            "dimension": self.dimension.value,
            "note": self.note,
        }
        return _with_extra(known, self.extra)


@dataclass(frozen=True, slots=True)
class Value:
    """A personal value at stake in the day (phase 2)."""

    key: str
    label: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Value:
        """Read and validate one value."""
        return cls(
            key=_text(source, "key", required=True),
            label=_text(source, "label", required=True),
            extra=_unknown(source, _VALUE_FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, unknown fields included."""
        known = {"key": self.key, "label": self.label}
        return _with_extra(known, self.extra)


@dataclass(frozen=True, slots=True)
class Appraisal:
    """The day seen in the light of one's values: each part 0 (not at all) to 4 (fully)."""

    comprehensible: int
    manageable: int
    meaningful: int
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in _APPRAISAL_PARTS:
            found = getattr(self, name)
            if found is None:
                raise ModelError(name, "is missing")
            _check_score(name, found, APPRAISAL_RANGE)

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Appraisal:
        """Read and validate an appraisal."""
        scores = {}
        for name in _APPRAISAL_PARTS:
            found = _score(source, name, APPRAISAL_RANGE)
            if found is None:
                raise ModelError(name, "is missing")
            scores[name] = found
        return cls(**scores, extra=_unknown(source, _APPRAISAL_FIELDS))

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, unknown fields included."""
        known = {
            "comprehensible": self.comprehensible,
            "manageable": self.manageable,
            "meaningful": self.meaningful,
        }
        return _with_extra(known, self.extra)


@dataclass(frozen=True, slots=True)
class CopingAction:
    """A proactive coping action chosen for tomorrow (phase 3), and how it went."""

    key: str
    label: str
    category: Category
    when: str = ""
    status: Status = Status.PLANNED
    helpfulness: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.category, Category):
            object.__setattr__(self, "category", Category(self.category))
        if not isinstance(self.status, Status):
            object.__setattr__(self, "status", Status(self.status))
        _check_score("helpfulness", self.helpfulness, HELPFULNESS_RANGE)

    @property
    def followed_up(self) -> bool:
        """Whether the user has said what became of it."""
        return self.status is not Status.PLANNED

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> CopingAction:
        """Read and validate one action."""
        return cls(
            key=_text(source, "key", required=True),
            label=_text(source, "label", required=True),
            category=_choice(source, "category", Category),
            when=_text(source, "when"),
            status=_choice({"status": source.get("status", "planned")}, "status", Status),
            helpfulness=_score(source, "helpfulness", HELPFULNESS_RANGE),
            extra=_unknown(source, _ACTION_FIELDS),
        )

    def followed(self, status: Status, helpfulness: int | None) -> CopingAction:
        """The same action with what became of it."""
        return replace(self, status=status, helpfulness=helpfulness)

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, unknown fields included."""
        known = {
            "key": self.key,
            "label": self.label,
            "category": self.category.value,
            "when": self.when,
            "status": self.status.value,
            "helpfulness": self.helpfulness,
        }
        return _with_extra(known, self.extra)


# --- the reflection ----------------------------------------------------------------------

_KNOWN_FIELDS = frozenset(
    {
        "id",
        "date",
        "created",
        "kind",
        "strain",
        "alignment",
        "challenges",
        "narrative",
        "values",
        "meaning",
        "appraisal",
        "actions",
        "notes",
    }
)


def new_id() -> str:
    """A fresh reflection id: a UUID4 string."""
    return str(uuid.uuid4())


def now() -> dt.datetime:
    """The current local time, with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Reflection:
    """One end-of-day reflection or quick check-in."""

    id: str
    date: dt.date
    created: dt.datetime
    kind: Kind = Kind.REFLECTION
    strain: int | None = None
    alignment: int | None = None
    challenges: tuple[Challenge, ...] = ()
    narrative: str = ""
    values: tuple[Value, ...] = ()
    meaning: str = ""
    appraisal: Appraisal | None = None
    actions: tuple[CopingAction, ...] = ()
    notes: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=True)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            object.__setattr__(self, "kind", Kind(self.kind))
        for name in ("challenges", "values", "actions"):
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(getattr(self, name)))
        _check_score("strain", self.strain, STRAIN_RANGE)
        _check_score("alignment", self.alignment, ALIGNMENT_RANGE)
        check_id(self.id)
        check_day(self.date, "date")
        check_created(self.created)

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

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Reflection:
        """Read and validate a reflection; raises ``ModelError`` naming the bad field."""
        if not isinstance(source, Mapping):
            raise ModelError("", "a reflection must be an object")
        rid = _text(source, "id", required=True)
        check_id(rid)
        day_text = _text(source, "date", required=True)
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            raise ModelError(
                "date", f"must be a date like 2026-11-26, not {quoted(day_text)}"
            ) from None
        check_day(day, "date")
        created_text = _text(source, "created", required=True)
        try:
            created = dt.datetime.fromisoformat(created_text)
        except ValueError:
            raise ModelError(
                "created", f"must be an ISO date and time, not {quoted(created_text)}"
            ) from None
        check_created(created)
        appraisal_source = source.get("appraisal")
        appraisal = None
        if appraisal_source is not None:
            if not isinstance(appraisal_source, Mapping):
                raise ModelError("appraisal", "must be an object or null")
            try:
                appraisal = Appraisal.from_dict(appraisal_source)
            except ModelError as error:
                raise error.within("appraisal") from None
        return cls(
            id=rid,
            date=day,
            created=created,
            kind=_choice(source, "kind", Kind),
            strain=_score(source, "strain", STRAIN_RANGE),
            alignment=_score(source, "alignment", ALIGNMENT_RANGE),
            challenges=tuple(_parts(source, "challenges", Challenge.from_dict)),
            narrative=_text(source, "narrative"),
            values=tuple(_parts(source, "values", Value.from_dict)),
            meaning=_text(source, "meaning"),
            appraisal=appraisal,
            actions=tuple(_parts(source, "actions", CopingAction.from_dict)),
            notes=_text(source, "notes"),
            extra=_unknown(source, _KNOWN_FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form: every field, unknown ones included, in a stable order."""
        known: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "created": self.created.isoformat(),
            "kind": self.kind.value,
            "strain": self.strain,
            "alignment": self.alignment,
            "challenges": [challenge.to_dict() for challenge in self.challenges],
            "narrative": self.narrative,
            "values": [value.to_dict() for value in self.values],
            "meaning": self.meaning,
            "appraisal": self.appraisal.to_dict() if self.appraisal else None,
            "actions": [action.to_dict() for action in self.actions],
            "notes": self.notes,
        }
        return _with_extra(known, self.extra)

    def search_text(self) -> str:
        """Every piece of text a search looks in, case-folded, in one string."""
        pieces = [self.narrative, self.meaning, self.notes]
        pieces += [c.label for c in self.challenges] + [c.note for c in self.challenges]
        pieces += [v.label for v in self.values]
        pieces += [a.label for a in self.actions] + [a.when for a in self.actions]
        return "\n".join(pieces).casefold()

    @property
    def pending_actions(self) -> tuple[CopingAction, ...]:
        """The planned actions not yet followed up."""
        return tuple(action for action in self.actions if not action.followed_up)
