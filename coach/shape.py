"""How the model's records are read, checked and written: derived once from their declarations.

A record (a reflection, and each of its parts) is a frozen dataclass that subclasses
``Record``. Its fields and their types are the one statement of its shape; from them come its
dict form (``to_dict``, the shape of the journal file and of the JSON export), the reading of that
form (``from_dict``, which raises a one-line ``ModelError`` naming the field path, such as
``actions[0].status``) and the checks its constructor makes. Adding a field is one line.

How each type is read from the dict form (the readers are in ``coach.shape_readers``), and
written back:

- ``str``: text. A field without a default must be there and not blank ("is missing", "must
  not be empty"); one with a default reads absent or null as "".
- a ``StrEnum``: one of its values ("must be one of a | b, not ..."). A field with a default
  reads the default when the field is absent, unless ``meta(required=True)`` says the dict form
  must name it.
- ``int`` or ``int | None``, with ``meta(scale=...)``: a whole number on that ``Scale``
  (``int``: it must be there, "is missing"; ``int | None``: null when not rated); ``int``
  without a scale: a whole number (a ``check`` says its range).
- ``bool``: true or false; absent reads as false, unless the field has no default.
- ``float | None``: a number (whole or not), or null (a ``check`` says its range).
- ``tuple[str, ...]``: a list of text (ids a record refers to); absent reads as empty.
- ``Mapping[str, Any]`` (a field not named ``extra``): a JSON object kept as it is (an
  exercise's answers, whose shape is the content's); absent reads as empty.
- ``dt.date`` and ``dt.datetime``: ISO text.
- ``tuple[Part, ...]``: a list of records, each error placed under ``name[index]``;
  ``Part | None``: one record, or null.
- a field named ``extra``: the fields this version does not know, kept as they were read and
  written back after the known ones, never overriding one; so a journal written by a later
  version loses nothing when this one saves it.

``meta(check=...)`` adds a rule run on the value read and when the record is made in code (the
id, date and time-of-writing rules of ``coach.model``); a method ``check_whole`` on the record,
a rule across its fields (a leave's end not before its start), runs after them. A method
``left_out`` names fields its dict form leaves out (a CPD write-up in one reflective model
does not write the other model's stages). The
constructor also turns enum values given as text into members, lists into tuples, and checks
every scale.

Why no library: the standard library's dataclasses already hold the declaration, and what is
derived from it here is small. pydantic would add tens of milliseconds to every start of the
data commands and the app (and is ruled out for that); attrs with cattrs, or msgspec, would be a
second way of declaring a record and a new dependency, for speed the journal does not need
(reading and writing ten years of reflections costs the same with this code as with the
hand-written methods it replaced), and neither gives the one-line errors naming the field path
(``actions[0].status: must be one of ...``) that the journal, the import and their tests rely
on without a layer of translation of its own.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, fields
from enum import Enum
from operator import attrgetter, methodcaller
from typing import Any, Self, Union, get_args, get_origin, get_type_hints

from coach.shape_readers import (
    Check,
    Reader,
    checked_reader,
    choice_reader,
    flag_reader,
    iso_reader,
    number_reader,
    object_reader,
    record_reader,
    records_reader,
    score_reader,
    text_reader,
    texts_reader,
    whole_reader,
)
from coach.shape_readers import ModelError as ModelError
from coach.shape_readers import Scale as Scale

Writer = Callable[[Any], Any]

EXTRA = "extra"  # the field that keeps what this version does not know


def meta(
    *, scale: Scale | None = None, required: bool = False, check: Check | None = None
) -> dict[str, Any]:
    """What a field's type cannot say, for ``field(metadata=meta(...))``."""
    found: dict[str, Any] = {}
    if scale is not None:
        found["scale"] = scale
    if required:
        found["required"] = True
    if check is not None:
        found["check"] = check
    return found


# --- the parts of a type -----------------------------------------------------------------


def _unwrap(kind: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None``, else ``(kind, False)``."""
    if get_origin(kind) in (Union, types.UnionType):
        inner = [arg for arg in get_args(kind) if arg is not type(None)]
        if len(inner) == 1:
            return inner[0], True
    return kind, False


def _is(kind: Any, base: type) -> bool:
    return isinstance(kind, type) and issubclass(kind, base)


def _sequence_of(kind: Any) -> Any:
    """``Part`` for ``tuple[Part, ...]`` or ``list[Part]``, else None."""
    if get_origin(kind) in (tuple, list):
        return get_args(kind)[0]
    return None


def _write_texts(found: Any) -> list[str]:
    return list(found)


def _write_records(found: Any) -> list[dict[str, Any]]:
    return [part.to_dict() for part in found]


_write_value: Writer = attrgetter("_value_")  # an enum member's value, without a Python call
_write_iso: Writer = methodcaller("isoformat")
_write_record: Writer = methodcaller("to_dict")


def writer(kind: Any) -> Writer | None:
    """How a value of ``kind`` goes into a plain JSON-ready dict; None: it goes in as it is.

    Used for a record's dict form, and for any other dataclass that holds the model's values
    (the draft of a reflection in progress).
    """
    base, optional = _unwrap(kind)
    write: Writer | None = None
    if _is(base, Enum):
        write = _write_value
    elif _is(base, dt.date):  # a datetime is a date too
        write = _write_iso
    elif _is(base, Record):
        write = _write_record
    elif _is(_sequence_of(base), Record):
        write = _write_records
    elif _sequence_of(base) is str:
        write = _write_texts
    elif get_origin(base) is Mapping:
        write = dict
    if write is None or not optional:
        return write
    inner = write
    return lambda found: None if found is None else inner(found)


def _reader(spec: Field[Any], kind: Any) -> Reader:
    name = spec.name
    base, optional = _unwrap(kind)
    has_default = spec.default is not MISSING or spec.default_factory is not MISSING
    required = not has_default or bool(spec.metadata.get("required"))
    scale: Scale | None = spec.metadata.get("scale")
    read: Reader
    if scale is not None:
        read = score_reader(name, scale, required=not optional)
    elif base is str:
        read = text_reader(name, required)
    elif base is bool:
        read = flag_reader(name, required)
    elif base is int and not optional:
        read = whole_reader(name)
    elif base is float and optional:
        read = number_reader(name)
    elif _is(base, Enum):
        default = None if required else spec.default.value
        read = choice_reader(name, base, default)
    elif _is(base, dt.datetime):
        read = iso_reader(name, dt.datetime.fromisoformat, "an ISO date and time")
    elif _is(base, dt.date):
        read = iso_reader(name, dt.date.fromisoformat, "a date like 2026-11-26")
    elif _is(base, Record) and optional:
        read = record_reader(name, base)
    elif _is(_sequence_of(base), Record):
        read = records_reader(name, _sequence_of(base))
    elif _sequence_of(base) is str:
        read = texts_reader(name)
    elif get_origin(base) is Mapping:
        read = object_reader(name)
    else:
        raise TypeError(f"{name}: the dict form has no reading for {kind!r}")
    check: Check | None = spec.metadata.get("check")
    return read if check is None else checked_reader(read, check)


# --- a record class's methods -----------------------------------------------------------


def _add_extra(written: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Unknown fields after the known ones, never overriding one."""
    for name, found in extra.items():
        if name not in written:
            written[name] = found


def _source(cls: type, scope: dict[str, Any]) -> str:
    """The source of ``to_dict``, ``from_dict`` and ``__post_init__`` for the record ``cls``.

    What it calls is put in ``scope`` under a name saying what it is for (``read_date``).
    """

    def ref(role: str, name: str, found: Any) -> str:
        scope[f"{role}_{name}"] = found
        return f"{role}_{name}"

    kinds = get_type_hints(cls)
    declared = [spec for spec in fields(cls) if spec.name != EXTRA]
    keeps_extra = len(declared) < len(fields(cls))
    scope["known"] = frozenset(spec.name for spec in declared)
    written, read, coerced, scored, checked = [], [], [], [], []
    for spec in declared:
        name, attr = spec.name, f"self.{spec.name}"
        base, optional = _unwrap(kinds[name])
        write = writer(kinds[name])
        value = attr if write is None else f"{ref('write', name, write)}({attr})"
        written.append(f"{name!r}: {value},")
        read.append(f"{name}={ref('read', name, _reader(spec, kinds[name]))}(source),")
        if _is(base, Enum) or get_origin(base) is tuple:
            kind = ref("type", name, base if _is(base, Enum) else tuple)
            coerced.append(
                f"if not isinstance({attr}, {kind}): setattr_(self, {name!r}, {kind}({attr}))"
            )
        if (scale := spec.metadata.get("scale")) is not None:
            check_scale = f"{ref('scale', name, scale)}.read({name!r}, {attr})"
            if optional:
                scored.append(f"if {attr} is not None: {check_scale}")
            else:
                missing = f"if {attr} is None: raise ModelError({name!r}, 'is missing')"
                scored += [missing, check_scale]
        if (check := spec.metadata.get("check")) is not None:
            checked.append(f"{ref('check', name, check)}({attr})")
    if callable(getattr(cls, "check_whole", None)):  # a rule across fields: after the rest
        checked.append("self.check_whole()")
    if keeps_extra:
        read.append(f"{EXTRA}={{k: v for k, v in source.items() if k not in known}},")
    leaves_out = callable(getattr(cls, "left_out", None))
    noun = cls.__name__.lower()
    article = "an" if noun[0] in "aeiou" else "a"
    lines = [
        "def to_dict(self):",
        "    written = {",
        *(f"        {line}" for line in written),
        "    }",
        *([f"    if self.{EXTRA}:", f"        add_extra(written, self.{EXTRA})"] * keeps_extra),
        *(["    for name in self.left_out():", "        del written[name]"] * leaves_out),
        "    return written",
        "def from_dict(cls, source):",
        "    if not isinstance(source, Mapping):",
        f"        raise ModelError('', '{article} {noun} must be an object')",
        "    return cls(",
        *(f"        {line}" for line in read),
        "    )",
        "def __post_init__(self):",
        *(f"    {line}" for line in (*coerced, *scored, *checked) or ["pass"]),
    ]
    return "\n".join(lines) + "\n"


_COMPILED: set[type] = set()


def _compile(cls: type) -> None:
    """Give the record ``cls`` its own ``to_dict``, ``from_dict`` and ``__post_init__``.

    They are written as Python source from its fields and compiled once, on the class's first
    use, the way the standard library's dataclasses writes ``__init__``: the journal reads and
    writes thousands of records at start-up, and a loop over each record's fields took half as
    long again to read a record, and three times as long to write one, as the hand-written
    methods these replace (measured on ten years of reflections).
    """
    if cls in _COMPILED:
        return
    if cls.__subclasses__():  # its methods would be found first by every record below it
        raise TypeError(f"{cls.__name__} only declares fields its records share: make those")
    scope: dict[str, Any] = {
        "ModelError": ModelError,
        "Mapping": Mapping,
        "setattr_": object.__setattr__,
        "add_extra": _add_extra,
    }
    exec(_source(cls, scope), scope)  # our own source, made from the class's field names
    for name in ("to_dict", "from_dict", "__post_init__"):
        method = scope[name]
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, classmethod(method) if name == "from_dict" else method)
    _COMPILED.add(cls)


class Record:
    """A frozen dataclass of the model whose dict form and checks come from its declaration.

    The methods here run once per class, on its first use: they write the class's own (see
    ``_compile``), which answer every call after. A record may declare fields that several
    share (the model's ``Item``: a key and a label); only those below it are made and read.
    """

    __slots__ = ()

    def __post_init__(self) -> None:
        """Enum values given as text become members, lists become tuples; then every scale
        and every rule is checked, so a record made in code is as sound as one read."""
        _compile(type(self))
        self.__post_init__()

    @classmethod
    def from_dict(cls, source: Mapping[str, Any]) -> Self:
        """Read and check the dict form; raises ``ModelError`` naming the first bad field."""
        _compile(cls)
        return cls.from_dict(source)

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form: every known field in declared order, then the unknown ones."""
        _compile(type(self))
        return self.to_dict()
