"""How each field of a record is read from its dict form, and the error that names a bad one.

``coach.shape`` chooses one of these readers for each declared field, from its type (the module
says which type reads how); they are apart only to keep that module to its one job, deriving a
record's methods from its declaration. Each reader takes the whole dict form and gives back the
field's value, or raises a one-line ``ModelError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from coach.text import quoted

Reader = Callable[[Mapping[str, Any]], Any]


class Part(Protocol):
    """A record inside a record (``coach.shape.Record``, named here without importing it)."""

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Any: ...


Check = Callable[[Any], None]


class ModelError(ValueError):
    """A value that does not fit the model; ``field`` names where (``actions[0].status``)."""

    def __init__(self, field_path: str, problem: str) -> None:
        super().__init__(f"{field_path}: {problem}")
        self.field = field_path
        self.problem = problem

    def within(self, prefix: str) -> ModelError:
        """The same error, with its field path placed under ``prefix``."""
        return ModelError(f"{prefix}.{self.field}" if self.field else prefix, self.problem)


@dataclass(frozen=True, slots=True)
class Scale:
    """A rating from ``low`` to ``high``, declared once for the model, the screens and the files.

    ``labels`` names its words in the content's ``[scales]`` table: one label for each point
    (``label_count`` of them), or, when ``ends`` is set, two words for its two ends.
    """

    low: int
    high: int
    labels: str
    ends: bool = False

    @property
    def label_count(self) -> int:
        """How many labels the content must give this scale."""
        return 2 if self.ends else self.high - self.low + 1

    @property
    def span(self) -> str:
        """The range as the coach writes it: ``0-10``."""
        return f"{self.low}-{self.high}"

    def read(self, name: str, found: Any) -> int | None:
        """``found`` if it is a whole number on the scale or None; else a ``ModelError``."""
        if found is None:
            return None
        if isinstance(found, bool) or not isinstance(found, int):
            raise ModelError(name, f"must be a whole number {self.span} or null")
        if not self.low <= found <= self.high:
            raise ModelError(name, f"must be {self.span}, not {found}")
        return found


def text_reader(name: str, required: bool) -> Reader:
    def read(source: Mapping[str, Any]) -> str:
        found = source.get(name)
        if found is None:
            if required:
                raise ModelError(name, "is missing")
            return ""
        if not isinstance(found, str):
            raise ModelError(name, f"must be text, not {type(found).__name__}")
        if required and not found.strip():
            raise ModelError(name, "must not be empty")
        return found

    return read


def iso_reader(name: str, parse: Callable[[str], Any], expected: str) -> Reader:
    text = text_reader(name, required=True)

    def read(source: Mapping[str, Any]) -> Any:
        found = text(source)
        try:
            return parse(found)
        except ValueError:
            raise ModelError(name, f"must be {expected}, not {quoted(found)}") from None

    return read


def choice_reader(name: str, enum: type[Enum], default: Any) -> Reader:
    members = enum._value2member_map_
    allowed = " | ".join(member.value for member in enum)

    def read(source: Mapping[str, Any]) -> Enum:
        found = source.get(name, default)
        member = members.get(found) if isinstance(found, str) else None
        if member is None:
            raise ModelError(name, f"must be one of {allowed}, not {found!r}")
        return member

    return read


def score_reader(name: str, scale: Scale, required: bool) -> Reader:
    def read(source: Mapping[str, Any]) -> int | None:
        found = scale.read(name, source.get(name))
        if found is None and required:
            raise ModelError(name, "is missing")
        return found

    return read


def flag_reader(name: str, required: bool) -> Reader:
    def read(source: Mapping[str, Any]) -> bool:
        found = source.get(name)
        if found is None and not required:
            return False
        if not isinstance(found, bool):
            raise ModelError(name, "is missing" if found is None else "must be true or false")
        return found

    return read


def whole_reader(name: str) -> Reader:
    def read(source: Mapping[str, Any]) -> int:
        found = source.get(name)
        if found is None:
            raise ModelError(name, "is missing")
        if not isinstance(found, int) or isinstance(found, bool):
            raise ModelError(name, "must be a whole number")
        return found

    return read


def number_reader(name: str) -> Reader:
    def read(source: Mapping[str, Any]) -> float | None:
        found = source.get(name)
        if found is None:
            return None
        if isinstance(found, bool) or not isinstance(found, int | float):
            raise ModelError(name, "must be a number or null")
        return found

    return read


def texts_reader(name: str) -> Reader:
    def read(source: Mapping[str, Any]) -> tuple[str, ...]:
        found = source.get(name)
        if found is None:
            return ()
        if not isinstance(found, list):
            raise ModelError(name, "must be a list")
        for index, item in enumerate(found):
            if not isinstance(item, str):
                raise ModelError(f"{name}[{index}]", f"must be text, not {type(item).__name__}")
        return tuple(found)

    return read


def object_reader(name: str) -> Reader:
    def read(source: Mapping[str, Any]) -> Mapping[str, Any]:
        found = source.get(name)
        if found is None:
            return {}
        if not isinstance(found, Mapping) or not all(isinstance(key, str) for key in found):
            raise ModelError(name, "must be an object")
        return dict(found)

    return read


def records_reader(name: str, part: type[Part]) -> Reader:
    def read(source: Mapping[str, Any]) -> tuple[Any, ...]:
        found = source.get(name)
        if found is None:
            return ()
        if not isinstance(found, list):
            raise ModelError(name, "must be a list")
        for index, item in enumerate(found):
            if not isinstance(item, Mapping):
                raise ModelError(f"{name}[{index}]", "must be an object")
        parts = []
        for index, item in enumerate(found):
            try:
                parts.append(part.from_dict(item))
            except ModelError as error:
                raise error.within(f"{name}[{index}]") from None
        return tuple(parts)

    return read


def record_reader(name: str, part: type[Part]) -> Reader:
    def read(source: Mapping[str, Any]) -> Any:
        found = source.get(name)
        if found is None:
            return None
        if not isinstance(found, Mapping):
            raise ModelError(name, "must be an object or null")
        try:
            return part.from_dict(found)
        except ModelError as error:
            raise error.within(name) from None

    return read


def checked_reader(read: Reader, check: Check) -> Reader:
    def checked(source: Mapping[str, Any]) -> Any:
        found = read(source)
        check(found)
        return found

    return checked
