"""The JSON export (for backups and scripts) and reading it back.

The export is one document, ``{"format": "pwp-coach", "version": N, "exported": ...,
"settings": {...}, "reflections": [...], "leave": [...], "breaks": [...], "closings": [...],
"contacts": [...], ...}``: the journal's stored settings exactly as ``Journal.settings`` gives
them (core values, my own support, theme...), then each reflection in its
``Reflection.to_dict`` form (a CPD write-up is its ``cpd`` object), newest first, then an array
for each kind of record the journal keeps (``coach.record_kinds.RECORD_KINDS`` names them),
each record in its ``to_dict`` form, oldest first. An array of a kind this version does not
know (from a newer coach) is read as it is, kept by the journal, and written back after the
known ones, as it was.

``parse_export_contents`` reads it back, checking the whole document before anything is used,
and reads every older version (one before version 6 carries no settings). A record is checked
for everything that could stop it being written, not only for its shape: a value nested deeper
than ``MAX_NESTING`` levels, or one JSON cannot carry (a lone surrogate in text), is refused
before any record is written, so an import is all or nothing; so is a setting this version
knows whose value does not fit it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from coach.exports.json_checks import (
    STORAGE_FIELDS,
    ExportFormatError,
    check_writable,
    item_name,
    kept_items,
    record_name,
    settings_of,
)
from coach.model import ModelError, Reflection
from coach.record_kinds import NOT_ALONE_KINDS, PRACTICE_KINDS, RECORD_KINDS
from coach.shape import Record
from coach.text import BIDI_CODES, DEL_AND_C1_CODES
from coach.time_away import TIME_AWAY_KINDS

EXPORT_FORMAT = "pwp-coach"
EXPORT_VERSION = 6
REFLECTIONS = "reflections"
SETTINGS = "settings"
# The document's own fields; every other top-level array holds records of one kind.
_HEAD = ("format", "version", "exported", SETTINGS)
_KNOWN = frozenset((*_HEAD, REFLECTIONS, *RECORD_KINDS))

_Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


def _adding(kinds: Mapping[str, type[Record]]) -> _Upgrade:
    """An upgrade to the version that added an array for each of ``kinds``: a document of the
    version before has none, so each reads as empty (an array under one of those names there
    was not written by pwp-coach, and is not read)."""

    def upgrade(document: dict[str, Any]) -> dict[str, Any]:
        return {**document, **{name: [] for name in kinds}}

    return upgrade


# _UPGRADES[n] turns an export document of version n into one of version n + 1.
# Version 2 added a reflection's feeling and its appraisal in words (weighed_most, served,
# mine_to_influence, with_the_service, to_a_colleague): all optional, so a version 1 record
# is read as it is, with those fields empty. Version 3 added the arrays of time away (leave,
# breaks, closings); version 4 those of my people and supervision (contacts, reach_outs,
# supervision_sessions, supervision_agendas) and a reflection's optional ``cpd`` write-up;
# version 5 those of self-practice (practice, programmes); version 6 the settings (an object:
# an older document carries none, so none are imported).
_UPGRADES: dict[int, _Upgrade] = {
    1: dict,
    2: _adding(TIME_AWAY_KINDS),
    3: _adding(NOT_ALONE_KINDS),
    4: _adding(PRACTICE_KINDS),
    5: lambda document: {**document, SETTINGS: {}},
}


def newest_first(reflections: Iterable[Reflection]) -> list[Reflection]:
    """The reflections ordered newest first (by date, then time of writing, then id)."""
    return sorted(reflections, key=lambda r: r.sort_key, reverse=True)


# --- JSON ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportContents:
    """What an export document holds, every record checked: the reflections (in file order),
    the records of each kind this version knows (by ``RECORD_KINDS`` name, in file order), the
    arrays of kinds it does not know, by name, each item as it was in the file, and the
    settings it carries (none before version 6), each checked."""

    reflections: list[Reflection]
    records: dict[str, list[Record]] = field(default_factory=dict)
    kept: dict[str, list[Any]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


def oldest_first(records: Iterable[Record]) -> list[Record]:
    """Records of one kind, oldest first: by the first date (or time) the kind declares (a
    leave's start, a break's start, a closing's day), then by id."""

    def key(record: Record) -> tuple[Any, str]:
        for declared in getattr(record, "__dataclass_fields__", {}):
            value = getattr(record, declared)
            if isinstance(value, dt.date):
                return value, str(getattr(record, "id", ""))
        return 0, str(getattr(record, "id", ""))

    return sorted(records, key=key)


def record_arrays(
    records: Mapping[str, Iterable[Record]] | None = None,
    kept: Mapping[str, Sequence[Any]] | None = None,
) -> dict[str, list[Any]]:
    """The arrays written after the reflections, in the order they are written: one for each
    kind of ``RECORD_KINDS`` (empty when none), each record's dict form, oldest first; then each
    kept array of a kind this version does not know, by name, its items as they were."""
    found = records or {}
    arrays: dict[str, list[Any]] = {
        name: [record.to_dict() for record in oldest_first(found.get(name, ()))]
        for name in RECORD_KINDS
    }
    for name in sorted(kept or {}):
        if name in _KNOWN:
            raise ValueError(f"{name!r} is a known array of the export, not a kind to keep")
        arrays[name] = list((kept or {})[name])
    return arrays


def export_document(
    reflections: Iterable[Reflection],
    exported: dt.datetime | None = None,
    *,
    records: Mapping[str, Iterable[Record]] | None = None,
    kept: Mapping[str, Sequence[Any]] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The export as a plain dict: the settings as stored, every field of every reflection,
    newest first, then the arrays of ``record_arrays``."""
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": moment.isoformat(),
        SETTINGS: dict(settings or {}),
        REFLECTIONS: [reflection.to_dict() for reflection in newest_first(reflections)],
        **record_arrays(records, kept),
    }


# DEL, the C1 controls and the bidi overrides, as the UTF-8 bytes that encode them: JSON text
# may hold them raw, and printing it would let them act. (UTF-8 never makes these byte runs
# inside another character, so they can be found in the bytes.)
_TERMINAL_CONTROLS = re.compile(
    b"|".join(re.escape(chr(code).encode()) for code in (*DEL_AND_C1_CODES, *BIDI_CODES))
)
_INDENT = orjson.OPT_INDENT_2


def _escaped(raw: bytes) -> bytes:
    """``raw`` JSON with each DEL, C1 control and bidi override written as its ``\\u`` escape."""
    if _TERMINAL_CONTROLS.search(raw) is None:
        return raw
    return _TERMINAL_CONTROLS.sub(lambda found: b"\\u%04x" % ord(found.group().decode()), raw)


def dumps_json(document: Any) -> str:
    """Stable, indented JSON with a trailing newline; unicode is kept as it is.

    Encoded with orjson (one-thirtieth of ``json``'s time on a ten-year export). JSON already
    escapes the C0 controls; DEL, the C1 controls and the bidi overrides are escaped too (the
    JSON means the same, so parsing gives back every byte), so printing the output to a
    terminal can never send it a control sequence or reorder what it shows.
    """
    return (_escaped(orjson.dumps(document, option=_INDENT)) + b"\n").decode("utf-8")


def write_json_export(
    reflections: Iterable[Mapping[str, Any]],
    write: Callable[[bytes], object],
    exported: dt.datetime | None = None,
    *,
    arrays: Callable[[], Mapping[str, Sequence[Any]]] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> None:
    """The JSON export, written piece by piece as ``reflections`` (each a reflection's dict
    form) arrive, already newest first (as ``Journal.export_newest_first`` gives them), then
    the arrays ``arrays()`` gives once the reflections are written (``record_arrays``; the
    records are small, and a dated one is read with its year's reflections): the very bytes
    ``export_json`` makes of the same records, with never more than one reflection's text held
    here at a time."""
    head = export_document([], exported, settings=settings)
    for name in (REFLECTIONS, *RECORD_KINDS):
        del head[name]
    opening = orjson.dumps(head, option=_INDENT)[: -len(b"\n}")]
    write(_escaped(opening))
    _write_array(REFLECTIONS, reflections, write)
    for name, items in (arrays() if arrays is not None else record_arrays()).items():
        _write_array(name, items, write)
    write(b"\n}\n")


def _write_array(name: str, items: Iterable[Any], write: Callable[[bytes], object]) -> None:
    """``,\n  "name": [...]`` as orjson indents it inside the document, item by item."""
    write(b",\n  " + _escaped(orjson.dumps(name)) + b": [")
    separator = b"\n    "
    for item in items:
        body = orjson.dumps(item, option=_INDENT).replace(b"\n", b"\n    ")
        write(separator + _escaped(body))
        separator = b",\n    "
    write(b"]" if separator == b"\n    " else b"\n  ]")


def export_json(
    reflections: Iterable[Reflection],
    exported: dt.datetime | None = None,
    *,
    records: Mapping[str, Iterable[Record]] | None = None,
    kept: Mapping[str, Sequence[Any]] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> str:
    """The JSON export as text."""
    document = export_document(reflections, exported, records=records, kept=kept, settings=settings)
    return dumps_json(document)


def _upgrade(document: dict[str, Any], version: int) -> dict[str, Any]:
    while version < EXPORT_VERSION:
        document = _UPGRADES[version](document)
        version += 1
    return document


def _checked_head(document: Any) -> dict[str, Any]:
    """The document brought up to this version, once its own fields are checked."""
    if not isinstance(document, Mapping):
        raise ExportFormatError("not a pwp-coach export: expected a JSON object")
    if document.get("format") != EXPORT_FORMAT:
        found = document.get("format")
        raise ExportFormatError(f"not a pwp-coach export: format is {found!r}, not 'pwp-coach'")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportFormatError(f"version must be a whole number from 1, not {version!r}")
    if version > EXPORT_VERSION:
        raise ExportFormatError(
            f"written by a newer pwp-coach (export version {version}; this version reads up to "
            f"{EXPORT_VERSION}); upgrade pwp-coach to import it"
        )
    if "exported" in document and not isinstance(document["exported"], str):
        raise ExportFormatError("exported must be a date and time as text")
    return _upgrade(dict(document), version)


def _reflections(records: Any) -> list[Reflection]:
    if not isinstance(records, list):
        raise ExportFormatError("reflections must be a list")
    reflections: list[Reflection] = []
    first_seen: dict[str, int] = {}
    for index, record in enumerate(records):
        name = record_name(index, record)
        if not isinstance(record, Mapping):
            raise ExportFormatError(f"{name}: must be an object, not {type(record).__name__}")
        check_writable(name, record)
        try:
            reflection = Reflection.from_dict(
                {k: v for k, v in record.items() if k not in STORAGE_FIELDS}
            )
        except ModelError as error:
            where = f"field {error.field!r}" if error.field else "the record"
            raise ExportFormatError(f"{name}: {where} {error.problem}") from None
        if reflection.id in first_seen:
            raise ExportFormatError(
                f"{name}: field 'id' is the same as record {first_seen[reflection.id]}'s; "
                "ids must be unique"
            )
        first_seen[reflection.id] = index
        reflections.append(reflection)
    return reflections


def _records(name: str, cls: type[Record], items: Any) -> list[Record]:
    """The records of one known kind's array, each checked; ids unique in the array."""
    if not isinstance(items, list):
        raise ExportFormatError(f"{name} must be a list")
    found: list[Record] = []
    first_seen: dict[str, int] = {}
    for index, item in enumerate(items):
        where = item_name(name, index, item)
        if not isinstance(item, Mapping):
            raise ExportFormatError(f"{where}: must be an object, not {type(item).__name__}")
        check_writable(where, item)
        try:
            record = cls.from_dict({k: v for k, v in item.items() if k not in STORAGE_FIELDS})
        except ModelError as error:
            raise ExportFormatError(f"{where}: {error}") from None
        record_id = str(getattr(record, "id", ""))
        if record_id in first_seen:
            raise ExportFormatError(
                f"{where}: id: the same as {name}[{first_seen[record_id]}]'s; ids must be unique"
            )
        first_seen[record_id] = index
        found.append(record)
    return found


def parse_export_contents(document: Any) -> ExportContents:
    """Everything an export document holds, all checked before any of it is returned.

    Raises ``ExportFormatError`` with one line naming the record (a reflection by index and id,
    ``record 1 (id 'x'): field 'strain' ...``; any other by array, index and id, ``leave[0] (id
    'x'): end: must not be before the start (2026-12-08)``), the field and what is wrong with it.
    Ids must be unique in each array. A top-level array of a kind this version does not know
    is kept as it is; any other unknown top-level value is not a record, and is not read.
    """
    upgraded = _checked_head(document)
    reflections = _reflections(upgraded.get(REFLECTIONS))
    records = {
        name: _records(name, cls, upgraded.get(name, [])) for name, cls in RECORD_KINDS.items()
    }
    kept = {
        str(name): kept_items(str(name), items)
        for name, items in upgraded.items()
        if name not in _KNOWN and isinstance(items, list)
    }
    settings = settings_of(upgraded.get(SETTINGS, {}))
    return ExportContents(reflections=reflections, records=records, kept=kept, settings=settings)


def parse_export(document: Any) -> list[Reflection]:
    """The reflections of an export document, the whole document checked (see
    ``parse_export_contents``) before any is returned."""
    return parse_export_contents(document).reflections


def _loads(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ExportFormatError(f"not valid JSON ({error})") from None


def read_export_contents(raw: bytes) -> ExportContents:
    """Parse the bytes of an export file as JSON, then as an export (see
    ``parse_export_contents``)."""
    return parse_export_contents(_loads(raw))


def read_export(raw: bytes) -> list[Reflection]:
    """The reflections of the bytes of an export file, the whole file checked."""
    return parse_export(_loads(raw))
