"""The user's settings, typed: the only place that knows what the journal's settings hold.

The journal keeps settings as one plain JSON object (``Journal.settings`` and
``Journal.update_settings``); screens read and write them through ``Settings`` and never name a
key themselves.

Reading (``Settings.from_dict``):

- A key this version does not know is kept in ``extra`` and given back by ``to_dict`` exactly as
  found: a newer coach may have written it.
- A known setting whose stored value does not fit reads as its default, and ``problems`` gets one
  line naming it ("theme must be text"); the app shows each once at start and the settings screen
  lists them. It is not refused: refusing would take every other setting down with it, and a
  stored value this version cannot read may be a newer coach's, so it is also never written over
  until the user changes that setting (see ``changes``).
- A journal file that cannot be read at all is the journal's business (``JournalCorrupt``).

Writing: ``dataclasses.replace`` what changed, then merge ``changes()`` into the journal with one
``update_settings`` call (``change_settings`` does both). Only the settings that differ from what
was read are written, so unknown keys, unreadable values and another process's change to a
different setting all survive. Building a ``Settings`` directly checks every value and raises
``SettingProblem`` for one that does not fit.

A later tool's setting is one line here: a name, a type, a default and how to read it, e.g.::

    leave_horizon_weeks: int = setting(8, whole_number(1, 52))
    worry_time: str | None = setting(None, optional(clock_time))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields
from types import MappingProxyType
from typing import Any, Protocol, Self, TypeVar

from coach.model import CpdModel
from coach.text import FORBIDDEN

T = TypeVar("T")

# The user's own support (support now, F2): its fields, in the order the screen shows them.
MY_SUPPORT_FIELDS = ("occupational_health", "employee_assistance", "colleague", "other")

_NOTHING: Mapping[str, Any] = MappingProxyType({})
_CLOCK_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class SettingProblem(ValueError):
    """Why a value does not fit a setting ("must be text"); ``from_dict`` adds which one."""


def setting(default: T, read: Callable[[object], T]) -> T:
    """Declare a setting: its default, and how a stored value is read (checked and made
    immutable). ``read`` raises ``SettingProblem`` for a value that does not fit, and must accept
    what it returns, since a ``Settings`` built directly is read the same way."""
    return field(default_factory=lambda: default, metadata={"read": read})


# --- how stored values are read --------------------------------------------------------------


def _text(found: object, what: str = "must be text") -> str:
    if not isinstance(found, str):
        raise SettingProblem(what)
    return found


def _name(found: object) -> str:
    """Non-empty text that holds no control characters: a name the coach acts on."""
    name = _text(found)
    if not name.strip() or FORBIDDEN.search(name):
        raise SettingProblem("must be a name without control characters")
    return name


def optional(read: Callable[[object], T]) -> Callable[[object], T | None]:
    """``read``, or nothing at all (stored as null)."""

    def read_optional(found: object) -> T | None:
        return None if found is None else read(found)

    return read_optional


def text_list(found: object) -> tuple[str, ...]:
    """A list of non-empty text, such as the keys of the user's core values."""
    if not isinstance(found, list | tuple) or not all(
        isinstance(item, str) and item.strip() for item in found
    ):
        raise SettingProblem("must be a list of text")
    return tuple(found)


def support_lines(found: object) -> Mapping[str, str]:
    """The user's own support: text under each of ``MY_SUPPORT_FIELDS`` (empty if not given),
    and any other text a newer coach kept there, so it is written back."""
    if not isinstance(found, Mapping) or not all(
        isinstance(name, str) and isinstance(text, str) for name, text in found.items()
    ):
        raise SettingProblem("must be a table of text")
    return MappingProxyType({**dict.fromkeys(MY_SUPPORT_FIELDS, ""), **found})


def key_overrides(found: object) -> Mapping[str, str]:
    """Binding id to key(s), such as ``{"home.reflect": "ctrl+r,r"}``."""
    if not isinstance(found, Mapping):
        raise SettingProblem("must be a table of binding ids and keys")
    for binding, keys in found.items():
        if not isinstance(binding, str) or not isinstance(keys, str):
            raise SettingProblem("must be a table of binding ids and keys")
        if not _is_word(binding) or not all(_is_word(key.strip()) for key in keys.split(",")):
            raise SettingProblem("must map binding ids to keys such as ctrl+r, without spaces")
    return MappingProxyType(dict(found))


def _is_word(text: str) -> bool:
    return bool(text) and not any(c.isspace() for c in text) and not FORBIDDEN.search(text)


def whole_number(low: int, high: int) -> Callable[[object], int]:
    """A whole number from ``low`` to ``high``."""

    def read_number(found: object) -> int:
        if isinstance(found, bool) or not isinstance(found, int) or not low <= found <= high:
            raise SettingProblem(f"must be a whole number from {low} to {high}")
        return found

    return read_number


def clock_time(found: object) -> str:
    """A time of day as HH:MM on the 24-hour clock."""
    if not _CLOCK_TIME.match(_text(found, "must be a time such as 17:30")):
        raise SettingProblem("must be a time such as 17:30")
    return str(found)


def yes_or_no(found: object) -> bool:
    """True or false."""
    if not isinstance(found, bool):
        raise SettingProblem("must be true or false")
    return found


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Monday first, as date.weekday()
WORKING_DAYS = WEEKDAYS[:5]


def weekdays(found: object) -> tuple[str, ...]:
    """Days of the week by their first three letters (``WEEKDAYS``), each once, kept in week
    order however they were given."""
    days = text_list(found)  # none at all is allowed: the nudge switched off
    if not all(day in WEEKDAYS for day in days) or len(set(days)) != len(days):
        raise SettingProblem(f"must be days of the week, each once, from {', '.join(WEEKDAYS)}")
    return tuple(day for day in WEEKDAYS if day in days)


def one_of(*choices: str) -> Callable[[object], str]:
    """One of a few names."""

    def read_choice(found: object) -> str:
        if found not in choices:
            raise SettingProblem(f"must be one of {', '.join(choices)}")
        return str(found)

    return read_choice


# --- the settings ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Every setting the coach knows, typed, with its default; see the module for the rules."""

    core_values: tuple[str, ...] = setting((), text_list)
    my_support: Mapping[str, str] = setting(support_lines({}), support_lines)
    theme: str | None = setting(None, optional(_name))  # a Textual theme, if the user chose one
    keys: Mapping[str, str] = setting(_NOTHING, key_overrides)  # binding id -> key(s)
    lock_after_minutes: int = setting(10, whole_number(1, 240))  # an encrypted journal, idle
    leave_horizon_weeks: int = setting(8, whole_number(1, 52))  # nudge: no leave in this long
    reach_out_nudge_days: int = setting(14, whole_number(1, 365))  # nudge: no reach-out this long
    supervision_per_month: int | None = setting(None, optional(whole_number(1, 31)))  # a target
    cpd_model: str = setting(CpdModel.WHAT_SO_WHAT.value, one_of(*CpdModel))  # for write-ups
    cpd_entries_per_year: int | None = setting(None, optional(whole_number(1, 366)))  # a target
    cpd_hours_per_year: int | None = setting(None, optional(whole_number(1, 2000)))  # a target
    worry_time: str | None = setting(None, optional(clock_time))  # "17:30": parked worries' slot
    nudge_after: str = setting("17:00", clock_time)  # coach nudge: no reflection yet, after this
    nudge_days: tuple[str, ...] = setting(WORKING_DAYS, weekdays)  # coach nudge: on these days
    imported_notes_in_insights: bool = setting(False, yes_or_no)  # count them as reflections

    extra: Mapping[str, Any] = field(default_factory=lambda: _NOTHING)
    """Stored keys this version does not know, kept as found and written back."""
    problems: tuple[str, ...] = field(default=(), compare=False)
    """One line for each stored setting that could not be read and so reads as its default."""
    _found: Mapping[str, Any] = field(default_factory=lambda: _NOTHING, repr=False, compare=False)
    """The stored form of each known setting as read: what ``changes`` compares against."""

    def __post_init__(self) -> None:
        for each in _declared(type(self)):
            object.__setattr__(self, each.name, each.metadata["read"](getattr(self, each.name)))
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    @classmethod
    def from_dict(cls, found: Mapping[str, Any]) -> Self:
        """The settings in ``found`` (as ``Journal.settings`` gives them): a value that does not
        fit reads as the default and is named in ``problems``; unknown keys go to ``extra``."""
        declared = _declared(cls)
        names = {each.name for each in declared}
        values: dict[str, Any] = {}
        problems: list[str] = []
        for each in declared:
            if each.name not in found:
                continue
            try:
                values[each.name] = each.metadata["read"](found[each.name])
            except SettingProblem as problem:
                problems.append(f"{each.name} {problem}")
        return cls(
            **values,
            extra={key: value for key, value in found.items() if key not in names},
            problems=tuple(problems),
            _found=MappingProxyType({key: found[key] for key in names if key in found}),
        )

    def changes(self) -> dict[str, Any]:
        """The stored form of every setting that differs from what was read: what to merge into
        the journal. A setting that read as its default because its stored value did not fit
        is only written once it is set to something other than that default."""
        was = type(self).from_dict(self._found)
        return {
            each.name: _stored(getattr(self, each.name))
            for each in _declared(type(self))
            if getattr(self, each.name) != getattr(was, each.name)
        }

    def to_dict(self) -> dict[str, Any]:
        """Exactly what the journal holds once ``changes`` are merged into what was read."""
        return {**self.extra, **self._found, **self.changes()}


def _declared(cls: type[Settings]) -> list[Field[Any]]:
    """The settings themselves: the fields declared with ``setting``."""
    return [each for each in fields(cls) if "read" in each.metadata]


def _stored(value: object) -> object:
    """The JSON form of a setting's value: tuples become lists, mappings plain dicts."""
    if isinstance(value, tuple):
        return [_stored(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _stored(item) for key, item in value.items()}
    return value


# --- reading and writing them ----------------------------------------------------------------


class SettingsStore(Protocol):
    """Where settings are kept: ``coach.journal.Journal`` (named here without importing it)."""

    def settings(self) -> dict[str, Any]: ...

    def update_settings(self, changes: Mapping[str, Any]) -> None: ...


def read_settings(store: SettingsStore) -> Settings:
    """The settings as stored now."""
    return Settings.from_dict(store.settings())


def change_settings(store: SettingsStore, change: Callable[[Settings], Settings]) -> Settings:
    """Read the settings, ``change`` them (``lambda now: replace(now, theme="nord")``) and merge
    what changed into the store in one write; gives back the settings as now stored."""
    after = change(read_settings(store))
    changes = after.changes()
    if changes:
        store.update_settings(changes)
    return Settings.from_dict(after.to_dict())


__all__ = [
    "MY_SUPPORT_FIELDS",
    "WEEKDAYS",
    "WORKING_DAYS",
    "SettingProblem",
    "Settings",
    "SettingsStore",
    "change_settings",
    "clock_time",
    "key_overrides",
    "one_of",
    "optional",
    "read_settings",
    "setting",
    "support_lines",
    "text_list",
    "weekdays",
    "whole_number",
    "yes_or_no",
]
