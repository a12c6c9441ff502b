"""The coach's words and catalogues: ``content/*.toml`` read with tomli into a typed ``Catalog``.

The shipped content is read first; ``load_catalog(overlay)`` lays a folder of a service's or a
user's own on top (the same key replaces an entry, a new key adds one; prompts, scales and
support text replace one by one). Every file is validated the same way, and any problem is a
``ContentError`` naming the file, the entry and the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from coach.content_schema import (
    CONTENT_FILES,
    ContentError,
    KeepMissingFields,
    Layer,
    Located,
    read_folder,
)
from coach.content_words import (
    KIND_FORMS,
    REQUIRED_PROMPTS,
    REQUIRED_SCALES,
    REQUIRED_SUPPORT_TEXT,
    KindForm,
)
from coach.model import Category, Dimension, Kind, Step

if TYPE_CHECKING:
    from coach.exercises import Exercise

__all__ = [
    "CONTENT_FILES",
    "KIND_FORMS",
    "REQUIRED_PROMPTS",
    "REQUIRED_SCALES",
    "Catalog",
    "ChallengeOption",
    "ContentError",
    "CopingOption",
    "ReconnectPrompt",
    "SupportLine",
    "ValueOption",
    "load_catalog",
    "shipped_content_dir",
]


@dataclass(frozen=True)
class ChallengeOption:
    """A challenge the user can pick in phase 1."""

    key: str
    label: str
    dimension: Dimension
    line: str
    phase: int
    risk: bool = False  # about patient risk: its note asks for my reactions, not patient details


@dataclass(frozen=True)
class ValueOption:
    """A value the user can hold (phase 2)."""

    key: str
    label: str
    line: str
    phase: int
    dimension: Dimension


@dataclass(frozen=True)
class ReconnectPrompt:
    """A prompt that helps the user reconnect with why the work matters (phase 2)."""

    key: str
    text: str
    phase: int
    dimension: Dimension


@dataclass(frozen=True)
class CopingOption:
    """A proactive coping strategy (phase 3), the challenges it fits, the values it serves
    (phase 2 shaping phase 3), and its tiny version."""

    key: str
    label: str
    category: Category
    line: str
    fits: tuple[str, ...]
    tiny: str
    phase: int
    dimension: Dimension
    serves: tuple[str, ...] = ()


@dataclass(frozen=True)
class SupportLine:
    """A place to turn to when a day has been too much (the support screen)."""

    key: str
    name: str
    contact: str
    when: str
    line: str
    phase: int
    dimension: Dimension


def _plain(found: Any) -> Any:
    """The JSON-ready form of a catalogue field."""
    if isinstance(found, Enum):
        return found.value
    if isinstance(found, tuple):
        return [_plain(item) for item in found]
    return found


def _entry_dict(entry: Any) -> dict[str, Any]:
    return {part.name: _plain(getattr(entry, part.name)) for part in fields(entry)}


@dataclass(frozen=True)
class Catalog:
    """Everything the screens offer and say, validated and merged."""

    challenges: tuple[ChallengeOption, ...]
    values: tuple[ValueOption, ...]
    reconnect: tuple[ReconnectPrompt, ...]
    coping: tuple[CopingOption, ...]
    prompts: Mapping[str, str]
    scales: Mapping[str, tuple[str, ...]]
    support: tuple[SupportLine, ...]
    support_text: Mapping[str, str]
    _challenge_by_key: Mapping[str, ChallengeOption] = field(init=False, repr=False, compare=False)
    _value_by_key: Mapping[str, ValueOption] = field(init=False, repr=False, compare=False)
    _coping_by_key: Mapping[str, CopingOption] = field(init=False, repr=False, compare=False)
    # Where the exercises are read from on first use: the base folder, and the overlay.
    folders: tuple[Path | None, Path | None] = field(default=(None, None), compare=False)
    _exercises: list[Mapping[str, Exercise]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_challenge_by_key", {c.key: c for c in self.challenges})
        object.__setattr__(self, "_value_by_key", {v.key: v for v in self.values})
        object.__setattr__(self, "_coping_by_key", {c.key: c for c in self.coping})

    def challenge(self, key: str) -> ChallengeOption | None:
        """The catalogue challenge with this key, or None (for one in the user's own words)."""
        return self._challenge_by_key.get(key)

    def value(self, key: str) -> ValueOption | None:
        """The catalogue value with this key, or None."""
        return self._value_by_key.get(key)

    def values_core_first(self, core: Sequence[str]) -> list[ValueOption]:
        """Every value, the user's core values first (in their order), then the rest in the
        catalogue's: the few that matter most are not lost among thirty."""
        first = [found for key in core if (found := self.value(key)) is not None]
        chosen = {value.key for value in first}
        return first + [value for value in self.values if value.key not in chosen]

    def coping_option(self, key: str) -> CopingOption | None:
        """The catalogue coping strategy with this key, or None."""
        return self._coping_by_key.get(key)

    def exercises(self) -> Mapping[str, Exercise]:
        """The self-practice exercises by id, in order (``coach.exercise_files``): read and
        checked on first use, so start-up never pays for them; raises ``ExerciseError``."""
        if not self._exercises:
            from coach.exercise_files import load_exercises  # not on the start-up path

            base, overlay = self.folders
            self._exercises.append(load_exercises(base or shipped_content_dir(), overlay))
        return self._exercises[0]

    def prompt(self, key: str, **fields: object) -> str:
        """The words for ``key`` with its ``{placeholders}`` filled; raises KeyError if unknown.

        A placeholder not given in ``fields`` is left as written rather than failing.
        """
        return self.prompts[key].format_map(KeepMissingFields(fields))

    def scale(self, key: str) -> tuple[str, ...]:
        """The labels of a scale, lowest first; raises KeyError if unknown."""
        return self.scales[key]

    def kind_word(self, kind: Kind, form: KindForm = "title") -> str:
        """What the coach calls ``kind``: its ``title`` (a heading), its ``noun`` (as a
        sentence names it) or its ``short`` word (a narrow column)."""
        return self.prompt(f"kind.{kind.value}.{form}")

    def step_title(self, step: Step) -> str:
        """The name of a step of the reflection, as the line of steps shows it."""
        return self.prompt(f"step.{step.value}")

    def to_dict(self) -> dict[str, Any]:
        """The whole catalogue as plain JSON-ready data (``coach content show --json``)."""
        return {
            "challenges": [_entry_dict(entry) for entry in self.challenges],
            "values": [_entry_dict(entry) for entry in self.values],
            "reconnect": [_entry_dict(entry) for entry in self.reconnect],
            "coping": [_entry_dict(entry) for entry in self.coping],
            "prompts": dict(self.prompts),
            "scales": {name: list(labels) for name, labels in self.scales.items()},
            "support": [_entry_dict(entry) for entry in self.support],
            "support_text": dict(self.support_text),
        }


def shipped_content_dir() -> Path:
    """The content shipped with the coach: the wheel's copy, else the checkout's ``content/``."""
    package = Path(__file__).resolve().parent
    packaged = package / "content_files"
    if packaged.is_dir():
        return packaged
    return package.parent / "content"


def _merge(base: Layer, overlay: Layer | None) -> Layer:
    """``base`` with ``overlay`` laid on top: same key replaces in place, new key adds."""
    if overlay is None:
        return base
    merged = Layer(folder=overlay.folder)
    for table in set(base.entries) | set(overlay.entries):
        merged.entries[table] = {**base.entries.get(table, {}), **overlay.entries.get(table, {})}
    for table in set(base.maps) | set(overlay.maps):
        merged.maps[table] = {**base.maps.get(table, {}), **overlay.maps.get(table, {})}
    return merged


def _check_merged(merged: Layer, base_folder: Path) -> None:
    """Checks that need the whole catalogue: references between files and required words."""
    references = (("fits", "challenge"), ("serves", "value"))
    for located in merged.entries.get("coping", {}).values():
        for name, table in references:
            known = merged.entries.get(table, {})
            for key in located.found[name]:
                if key not in known:
                    raise ContentError(
                        located.file,
                        located.entry,
                        name,
                        f"names {table} {key!r}, which is not in the catalogue",
                    )
    needs = (
        ("prompts", "prompts.toml", REQUIRED_PROMPTS),
        ("scales", "prompts.toml", tuple(REQUIRED_SCALES)),
        ("support", "support.toml", REQUIRED_SUPPORT_TEXT),
    )
    for table, file_name, required in needs:
        have = merged.maps.get(table, {})
        for name in required:
            if name not in have:
                raise ContentError(
                    base_folder / file_name, f"[{table}]", name, "is missing (the screens need it)"
                )


def _entries(merged: Layer, table: str) -> list[dict[str, Any]]:
    located: dict[str, Located] = merged.entries.get(table, {})
    return [dict(item.found) for item in located.values()]


def _map(merged: Layer, table: str) -> dict[str, Any]:
    return {name: item.found for name, item in merged.maps.get(table, {}).items()}


def load_catalog(overlay: Path | None = None, *, base: Path | None = None) -> Catalog:
    """Read, validate and merge the content: ``base`` (default: shipped), then ``overlay``.

    Raises ``ContentError`` naming the file, the entry and the field of the first problem.
    """
    base_folder = base if base is not None else shipped_content_dir()
    base_layer = read_folder(base_folder, complete=True)
    overlay_layer = read_folder(overlay, complete=False) if overlay is not None else None
    merged = _merge(base_layer, overlay_layer)
    _check_merged(merged, base_folder)
    scales = {name: tuple(labels) for name, labels in _map(merged, "scales").items()}
    return Catalog(
        challenges=tuple(ChallengeOption(**entry) for entry in _entries(merged, "challenge")),
        values=tuple(ValueOption(**entry) for entry in _entries(merged, "value")),
        reconnect=tuple(ReconnectPrompt(**entry) for entry in _entries(merged, "reconnect")),
        coping=tuple(CopingOption(**entry) for entry in _entries(merged, "coping")),
        prompts=MappingProxyType(_map(merged, "prompts")),
        scales=MappingProxyType(scales),
        support=tuple(SupportLine(**entry) for entry in _entries(merged, "line")),
        support_text=MappingProxyType(_map(merged, "support")),
        folders=(base_folder, overlay),
    )
