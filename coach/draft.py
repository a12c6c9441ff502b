"""A reflection in progress: what the steps have gathered so far, before it is saved.

``ReflectionDraft`` is mutable while the user works; ``to_reflection`` makes the validated,
immutable ``Reflection``; ``to_state`` / ``from_state`` give the JSON-safe form kept as the
journal's draft, so a crash loses at most the last few seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    ModelError,
    Reflection,
    Value,
    new_id,
    now,
)

STEPS = ("challenges", "values", "coping", "summary")
MAX_ACTIONS = 3


@dataclass
class ReflectionDraft:
    """The parts of a reflection gathered so far; every part may still be empty."""

    kind: Kind = Kind.REFLECTION
    day: dt.date = field(default_factory=lambda: now().date())
    step: str = STEPS[0]
    editing_id: str | None = None
    created: dt.datetime | None = None
    # The id the reflection will be saved under, fixed from the start, so saving twice (or
    # saving a resumed draft of something already saved) replaces rather than duplicates.
    reflection_id: str = field(default_factory=new_id)
    strain: int | None = None
    alignment: int | None = None
    challenges: list[Challenge] = field(default_factory=list)
    narrative: str = ""
    values: list[Value] = field(default_factory=list)
    meaning: str = ""
    comprehensible: int | None = None
    manageable: int | None = None
    meaningful: int | None = None
    actions: list[CopingAction] = field(default_factory=list)
    notes: str = ""
    checkin_state: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def appraisal(self) -> Appraisal | None:
        """The appraisal, once all three questions have an answer."""
        parts = (self.comprehensible, self.manageable, self.meaningful)
        if any(part is None for part in parts):
            return None
        return Appraisal(*parts)  # type: ignore[arg-type]

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
        """The finished reflection; an edited one keeps its id and when it was created."""
        return Reflection(
            id=self.editing_id or self.reflection_id,
            date=self.day,
            created=self.created or created or now(),
            kind=self.kind,
            strain=self.strain,
            alignment=self.alignment,
            challenges=tuple(self.challenges),
            narrative=self.narrative,
            values=tuple(self.values),
            meaning=self.meaning,
            appraisal=self.appraisal,
            actions=tuple(self.actions),  # the limit of three is for choosing, not for saving
            notes=self.notes,
            extra=dict(self.extra),
        )

    @classmethod
    def from_reflection(cls, reflection: Reflection) -> ReflectionDraft:
        """A draft for editing a saved reflection in place."""
        appraisal = reflection.appraisal
        return cls(
            kind=reflection.kind,
            day=reflection.date,
            editing_id=reflection.id,
            created=reflection.created,
            reflection_id=reflection.id,
            strain=reflection.strain,
            alignment=reflection.alignment,
            challenges=list(reflection.challenges),
            narrative=reflection.narrative,
            values=list(reflection.values),
            meaning=reflection.meaning,
            comprehensible=appraisal.comprehensible if appraisal else None,
            manageable=appraisal.manageable if appraisal else None,
            meaningful=appraisal.meaningful if appraisal else None,
            actions=list(reflection.actions),
            notes=reflection.notes,
            extra=dict(reflection.extra),
        )

    def to_state(self) -> dict[str, Any]:
        """The JSON-safe form kept as the journal's draft."""
        return {
            "kind": self.kind.value,
            "day": self.day.isoformat(),
            "step": self.step,
            "editing_id": self.editing_id,
            "reflection_id": self.reflection_id,
            "created": self.created.isoformat() if self.created else None,
            "strain": self.strain,
            "alignment": self.alignment,
            "challenges": [c.to_dict() for c in self.challenges],
            "narrative": self.narrative,
            "values": [v.to_dict() for v in self.values],
            "meaning": self.meaning,
            "comprehensible": self.comprehensible,
            "manageable": self.manageable,
            "meaningful": self.meaningful,
            "actions": [a.to_dict() for a in self.actions],
            "notes": self.notes,
            "checkin_state": self.checkin_state,
            "extra": self.extra,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ReflectionDraft:
        """Read a saved draft back; raises ``ModelError`` if it cannot be trusted."""
        try:
            probe = Reflection.from_dict(
                {
                    "id": state.get("editing_id") or "draft",
                    "date": state["day"],
                    "created": state.get("created") or now().isoformat(),
                    "kind": state.get("kind", Kind.REFLECTION.value),
                    "strain": state.get("strain"),
                    "alignment": state.get("alignment"),
                    "challenges": state.get("challenges", []),
                    "narrative": state.get("narrative", ""),
                    "values": state.get("values", []),
                    "meaning": state.get("meaning", ""),
                    "actions": state.get("actions", []),
                    "notes": state.get("notes", ""),
                }
            )
        except KeyError as missing:
            raise ModelError(str(missing), "is missing from the draft") from None
        scores = {}
        for name in ("comprehensible", "manageable", "meaningful", "checkin_state"):
            found = state.get(name)
            if found is not None and (not isinstance(found, int) or not 0 <= found <= 4):
                raise ModelError(name, "must be 0-4 or null")
            scores[name] = found
        step = state.get("step")
        extra = state.get("extra")
        reflection_id = state.get("reflection_id")
        if not isinstance(reflection_id, str) or not reflection_id:
            reflection_id = state.get("editing_id") or new_id()
        return cls(
            kind=probe.kind,
            day=probe.date,
            step=step if step in STEPS else STEPS[0],
            editing_id=state.get("editing_id"),
            created=probe.created if state.get("created") else None,
            strain=probe.strain,
            alignment=probe.alignment,
            challenges=list(probe.challenges),
            narrative=probe.narrative,
            values=list(probe.values),
            meaning=probe.meaning,
            actions=list(probe.actions),
            notes=probe.notes,
            extra=dict(extra) if isinstance(extra, dict) else {},
            reflection_id=reflection_id,
            **scores,
        )


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
