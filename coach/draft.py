"""A reflection in progress: what the steps have gathered so far, before it is saved.

``ReflectionDraft`` is mutable while the user works; ``to_reflection`` makes the validated,
immutable ``Reflection``; ``to_state`` / ``from_state`` give the JSON-safe form kept as the
journal's draft, so a crash loses at most the last few seconds.

The draft holds the reflection's own fields under the same names (``SHARED``), so the
conversions both ways, and the reading of a saved draft, walk the reflection's declaration
rather than listing its fields again; a field added to ``Reflection`` and to the draft is
carried by all four. What the draft keeps in its own way is said once each: the day, the ids,
the time of writing, the appraisal's parts one by one (answered one at a time) and the step it is
on. Drafts saved before ``feeling`` was kept in the reflection held a check-in's answer as
``checkin_state`` (the same four points); it is read as ``feeling``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, get_type_hints

from coach.model import (
    APPRAISAL,
    APPRAISAL_PARTS,
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    CpdWriteUp,
    Dimension,
    Kind,
    ModelError,
    Reflection,
    Step,
    Value,
    new_id,
    now,
)
from coach.shape import EXTRA, Writer, meta, writer

STEPS: tuple[Step, ...] = tuple(Step)
# The reflection's fields its steps never ask (a CPD write-up is made from history): saving
# the reflection keeps them as the journal holds them at that moment (``as_stored_now``), so
# a write-up made while an edit of the same reflection was open is not undone by the edit.
NOT_ASKED: tuple[str, ...] = ("cpd",)
MAX_ACTIONS = 3


@dataclass
class ReflectionDraft:
    """The parts of a reflection gathered so far; every part may still be empty."""

    kind: Kind = Kind.REFLECTION
    day: dt.date = field(default_factory=lambda: now().date())
    step: Step = STEPS[0]
    editing_id: str | None = None
    created: dt.datetime | None = None
    # The id the reflection will be saved under, fixed from the start, so saving twice (or
    # saving a resumed draft of something already saved) replaces rather than duplicates.
    reflection_id: str = field(default_factory=new_id)
    strain: int | None = None
    alignment: int | None = None
    feeling: int | None = None
    challenges: list[Challenge] = field(default_factory=list)
    narrative: str = ""
    values: list[Value] = field(default_factory=list)
    meaning: str = ""
    weighed_most: str = ""
    served: Value | None = None
    mine_to_influence: str = ""
    with_the_service: str = ""
    to_a_colleague: str = ""
    # The appraisal's parts (``APPRAISAL_PARTS``), each kept as soon as it is answered.
    comprehensible: int | None = field(default=None, metadata=meta(scale=APPRAISAL))
    manageable: int | None = field(default=None, metadata=meta(scale=APPRAISAL))
    meaningful: int | None = field(default=None, metadata=meta(scale=APPRAISAL))
    actions: list[CopingAction] = field(default_factory=list)
    notes: str = ""
    cpd: CpdWriteUp | None = None  # not asked by the steps, but an edit keeps it
    extra: dict[str, Any] = field(default_factory=dict)
    # Fields of the appraisal a later version wrote, kept through an edit.
    appraisal_extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = Kind(self.kind)
        self.step = Step(self.step)

    @property
    def appraisal(self) -> Appraisal | None:
        """The appraisal, once all its questions have an answer."""
        parts = {name: getattr(self, name) for name in APPRAISAL_PARTS}
        if any(part is None for part in parts.values()):
            return None
        return Appraisal(**parts, extra=dict(self.appraisal_extra))

    @property
    def is_empty(self) -> bool:
        """Whether nothing has been entered yet (an empty draft is not worth keeping)."""
        blank = ReflectionDraft(
            kind=self.kind, day=self.day, step=self.step, reflection_id=self.reflection_id
        )
        return self == blank

    def challenge_keys(self) -> list[str]:
        """The keys of the challenges chosen so far."""
        return [challenge.key for challenge in self.challenges]

    def to_reflection(self, created: dt.datetime | None = None) -> Reflection:
        """The finished reflection; an edited one keeps its id and when it was created.

        Every action is kept: the limit of three is for choosing, not for saving.
        """
        return Reflection(
            id=self.editing_id or self.reflection_id,
            date=self.day,
            created=self.created or created or now(),
            appraisal=self.appraisal,
            extra=dict(self.extra),
            **{name: _copied(getattr(self, name)) for name in SHARED},
        )

    @classmethod
    def from_reflection(cls, reflection: Reflection) -> ReflectionDraft:
        """A draft for editing a saved reflection in place."""
        appraisal = reflection.appraisal
        parts: dict[str, Any] = {name: getattr(appraisal, name, None) for name in APPRAISAL_PARTS}
        return cls(
            day=reflection.date,
            editing_id=reflection.id,
            created=reflection.created,
            reflection_id=reflection.id,
            **parts,
            appraisal_extra=dict(appraisal.extra) if appraisal else {},
            extra=dict(reflection.extra),
            **{name: _copied(getattr(reflection, name)) for name in SHARED},
        )

    def to_state(self) -> dict[str, Any]:
        """The JSON-safe form kept as the journal's draft: every field, by its declared type."""
        state = {}
        for name, write in _state_writers():
            found = getattr(self, name)
            state[name] = found if write is None else write(found)
        return state

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> ReflectionDraft:
        """Read a saved draft back; raises ``ModelError`` if it cannot be trusted.

        The reflection's fields are read and checked as a reflection's (an error names them
        as a reflection would: a bad ``day`` is ``date``); the draft's own are forgiving where
        a fallback is safe (an unknown step starts at the first, a lost id gets a new one).
        Reads every draft this version and the ones before it saved.
        """
        if "day" not in state:
            raise ModelError("day", "is missing from the draft")
        if "checkin_state" in state and "feeling" not in state:  # drafts before ``feeling``
            state = {**state, "feeling": state["checkin_state"]}
        editing_id = state.get("editing_id")
        probe = Reflection.from_dict(
            {
                "kind": Kind.REFLECTION.value,  # drafts saved before kinds were kept
                **{name: state[name] for name in SHARED if name in state},
                "id": editing_id or "draft",
                "date": state["day"],
                "created": state.get("created") or now().isoformat(),
            }
        )
        scored = {
            spec.name: spec.metadata["scale"].read(spec.name, state.get(spec.name))
            for spec in fields(cls)
            if "scale" in spec.metadata
        }
        step = state.get("step")
        reflection_id = state.get("reflection_id")
        if not isinstance(reflection_id, str) or not reflection_id:
            reflection_id = editing_id or new_id()
        return cls(
            day=probe.date,
            step=Step(step) if step in STEPS else STEPS[0],
            editing_id=editing_id,
            created=probe.created if state.get("created") else None,
            reflection_id=reflection_id,
            extra=_dict_or_empty(state.get(EXTRA)),
            appraisal_extra=_dict_or_empty(state.get("appraisal_extra")),
            **scored,
            **{name: _copied(getattr(probe, name)) for name in SHARED},
        )


def as_stored_now(reflection: Reflection, stored: Reflection | None) -> Reflection:
    """``reflection`` as the steps made it, with the fields they never ask (``NOT_ASKED``) as
    ``stored`` (the journal's copy of it now, if any) holds them."""
    if stored is None:
        return reflection
    return reflection.with_changes(**{name: getattr(stored, name) for name in NOT_ASKED})


def _shared() -> tuple[str, ...]:
    """The reflection's fields the draft holds under the same name and meaning.

    ``created`` shares the name but not the meaning (a draft's is unset until an edit), and
    each side's ``extra`` holds its own unknown fields, so both are carried by hand.
    """
    own = {spec.name for spec in fields(ReflectionDraft)}
    carried_by_hand = {"created", EXTRA}
    return tuple(
        spec.name
        for spec in fields(Reflection)
        if spec.name in own and spec.name not in carried_by_hand
    )


SHARED = _shared()


@cache
def _state_writers() -> tuple[tuple[str, Writer | None], ...]:
    kinds = get_type_hints(ReflectionDraft)
    return tuple((spec.name, writer(kinds[spec.name])) for spec in fields(ReflectionDraft))


def _copied(found: Any) -> Any:
    """A value moved between a draft and a reflection: lists for the draft to change, tuples
    for the reflection to keep, and a copy of unknown fields, so neither changes the other."""
    if isinstance(found, tuple):
        return list(found)
    if isinstance(found, list):
        return tuple(found)
    if isinstance(found, Mapping):
        return dict(found)
    return found


def _dict_or_empty(found: Any) -> dict[str, Any]:
    return dict(found) if isinstance(found, dict) else {}


def own_key(label: str) -> str:
    """A key for a challenge, value or action the user wrote in their own words."""
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in label.casefold()).split())
    return f"own:{slug[:40] or 'item'}"


def own_challenge(label: str, dimension: Dimension, note: str = "") -> Challenge:
    """A challenge in the user's own words."""
    return Challenge(key=own_key(label), label=label.strip(), dimension=dimension, note=note)


def own_action(label: str, category: Category, when: str = "") -> CopingAction:
    """A coping action in the user's own words."""
    return CopingAction(key=own_key(label), label=label.strip(), category=category, when=when)
