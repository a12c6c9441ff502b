"""Reflections as a JSON export (for backups and scripts) and as a readable Markdown journal.

The JSON export is one document, ``{"format": "pwp-coach", "version": N, "exported": ...,
"reflections": [...]}``, each reflection in its ``Reflection.to_dict`` form, newest first.
``parse_export`` reads it back, checking the whole document before anything is used, and reads
every older version. Arrays a later version adds beside ``reflections`` are left for later code.
A record is checked for everything that could stop it being written, not only for its shape:
a value nested deeper than ``MAX_NESTING`` levels, or one JSON cannot carry (a lone surrogate
in text), is refused before any record is written, so an import is all or nothing.

In the Markdown, user text is written as it was typed and never escaped; it is placed so it can
never start a block of its own: short text follows a fixed lead on its line, and free text is an
indented block. So nothing a user writes can forge a heading or hide a line. Its control
characters and bidi overrides are shown through ``coach.text.visible``, so neither the file nor
``cat`` of it can drive a terminal; the JSON export keeps them, escaped, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson

from coach.dates import clock_time, long_date
from coach.model import (
    ALIGNMENT,
    APPRAISAL,
    APPRAISAL_PARTS,
    FEELING,
    HELPFULNESS,
    KIND_TITLES,
    STRAIN,
    ModelError,
    Reflection,
    Scale,
)
from coach.text import BIDI_CODES, DEL_AND_C1_CODES, quoted, visible

EXPORT_FORMAT = "pwp-coach"
EXPORT_VERSION = 2
# How deep a value in a record may nest (a field's own list or object is level 1). Far beyond
# any real record, and well inside the 255 levels orjson can write with the journal's own
# levels around a record.
MAX_NESTING = 100

_Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
# _UPGRADES[n] turns an export document of version n into one of version n + 1.
# Version 2 added a reflection's feeling and its appraisal in words (weighed_most, served,
# mine_to_influence, with_the_service, to_a_colleague): all optional, so a version 1 record
# is read as it is, with those fields empty.
_UPGRADES: dict[int, _Upgrade] = {1: dict}

# Fields a stored document carries that are not part of a reflection's shape.
_STORAGE_FIELDS = ("schema",)


class ExportFormatError(ValueError):
    """An export document that cannot be imported; the message is one line naming the problem."""


def newest_first(reflections: Iterable[Reflection]) -> list[Reflection]:
    """The reflections ordered newest first (by date, then time of writing, then id)."""
    return sorted(reflections, key=lambda r: r.sort_key, reverse=True)


# --- JSON ------------------------------------------------------------------------------


def export_document(
    reflections: Iterable[Reflection], exported: dt.datetime | None = None
) -> dict[str, Any]:
    """The export as a plain dict: every field of every reflection, newest first."""
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": moment.isoformat(),
        "reflections": [reflection.to_dict() for reflection in newest_first(reflections)],
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
) -> None:
    """The JSON export, written piece by piece as ``reflections`` (each a reflection's dict
    form) arrive, already newest first (as ``Journal.export_newest_first`` gives them): the
    very bytes ``export_json`` makes of the same reflections, with never more than one
    reflection's text held here at a time."""
    head = export_document([], exported)
    del head["reflections"]
    opening = orjson.dumps(head, option=_INDENT)[: -len(b"\n}")]
    write(_escaped(opening) + b',\n  "reflections": [')
    separator = b"\n    "
    for reflection in reflections:
        body = orjson.dumps(reflection, option=_INDENT).replace(b"\n", b"\n    ")
        write(separator + _escaped(body))
        separator = b",\n    "
    write(b"]\n}\n" if separator == b"\n    " else b"\n  ]\n}\n")


def export_json(reflections: Iterable[Reflection], exported: dt.datetime | None = None) -> str:
    """The JSON export as text."""
    return dumps_json(export_document(reflections, exported))


def _record_name(index: int, record: Any) -> str:
    found = record.get("id") if isinstance(record, Mapping) else None
    if isinstance(found, str) and found.strip():
        return f"record {index} (id {quoted(found)})"
    return f"record {index} (no readable id)"


def _too_deep(record: Mapping[str, Any]) -> str | None:
    """The first field of ``record`` holding a value nested deeper than ``MAX_NESTING``, if any.

    Walks with a stack, not recursion, so no depth of nesting can exhaust Python's own limit.
    """
    for name, found in record.items():
        stack: list[tuple[Any, int]] = [(found, 1)]
        while stack:
            value, depth = stack.pop()
            if isinstance(value, Mapping | list):
                if depth > MAX_NESTING:
                    return str(name)
                inner = value.values() if isinstance(value, Mapping) else value
                stack.extend((item, depth + 1) for item in inner)
    return None


def _check_writable(name: str, record: Mapping[str, Any]) -> None:
    """Refuse a record the journal could not write, before any record is written."""
    deep = _too_deep(record)
    if deep is not None:
        raise ExportFormatError(
            f"{name}: field {quoted(deep)} is nested deeper than {MAX_NESTING} levels"
        )
    try:
        orjson.dumps(record)
    except TypeError as error:  # orjson.JSONEncodeError: a lone surrogate, a huge number
        raise ExportFormatError(f"{name}: cannot be stored as JSON ({error})") from None


def _upgrade(document: dict[str, Any], version: int) -> dict[str, Any]:
    while version < EXPORT_VERSION:
        document = _UPGRADES[version](document)
        version += 1
    return document


def parse_export(document: Any) -> list[Reflection]:
    """The reflections of an export document, all checked before any is returned.

    Raises ``ExportFormatError`` with one line naming the record (index and id), the field and
    what is wrong with it. Ids must be unique in one file.
    """
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
    upgraded = _upgrade(dict(document), version)
    records = upgraded.get("reflections")
    if not isinstance(records, list):
        raise ExportFormatError("reflections must be a list")
    reflections: list[Reflection] = []
    first_seen: dict[str, int] = {}
    for index, record in enumerate(records):
        name = _record_name(index, record)
        if not isinstance(record, Mapping):
            raise ExportFormatError(f"{name}: must be an object, not {type(record).__name__}")
        _check_writable(name, record)
        try:
            reflection = Reflection.from_dict(
                {k: v for k, v in record.items() if k not in _STORAGE_FIELDS}
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


def read_export(raw: bytes) -> list[Reflection]:
    """Parse the bytes of an export file as JSON, then as an export (see ``parse_export``)."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ExportFormatError(f"not valid JSON ({error})") from None
    return parse_export(document)


# --- Markdown --------------------------------------------------------------------------

# What Markdown (CommonMark) takes as the end of a line.
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")


def _after_lead(lead: str, text: str, indent: int = 0) -> list[str]:
    """``lead`` (a list item) then user text; any further lines of it indented so they stay text.

    A line indented four columns past the item's content continues its paragraph (or, after a
    blank line, is a code block): it can never start a heading, list, quote or link definition.
    """
    first, *rest = (visible(line) for line in _LINE_ENDINGS.split(text))
    pad = " " * (indent + 6)
    return [f"{' ' * indent}{lead}{first}", *(f"{pad}{line}" if line else "" for line in rest)]


def _block(text: str, indent: int = 0) -> list[str]:
    """Free text as an indented block, blank lines around it; its controls made visible."""
    pad = " " * (indent + 4)
    shown = (visible(line) for line in _LINE_ENDINGS.split(text))
    lines = [f"{pad}{line}" if line.strip(" \t") else "" for line in shown]
    return ["", *lines, ""]


def _score(found: int | None, scale: Scale) -> str:
    return "not rated" if found is None else f"{found} of {scale.high}"


def _hard_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for challenge in reflection.challenges:
        lines += _after_lead(f"- {challenge.dimension.value.capitalize()}: ", challenge.label)
        if challenge.note.strip():
            lines += _block(challenge.note, indent=2)
    if reflection.strain is not None:
        lines += ["", f"Strain (how demanding the day felt): {_score(reflection.strain, STRAIN)}"]
    if reflection.feeling is not None:
        lines += ["", f"How I was (okay to not coping): {_score(reflection.feeling, FEELING)}"]
    if reflection.narrative.strip():
        lines += ["", "What happened:", *_block(reflection.narrative)]
    return lines


def _matters_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for value in reflection.values:
        lines += _after_lead("- Value: ", value.label)
    if reflection.meaning.strip():
        lines += ["", "A moment that mattered:", *_block(reflection.meaning)]
    weighed = reflection.weighed_most_challenge
    if weighed is not None:
        lines += ["", *_after_lead("- Weighed most: ", weighed.label)]
    if reflection.served is not None:
        lines += _after_lead("- In the service of: ", reflection.served.label)
    for lead, text in (  # no catalogue here: fixed leads, as for the other parts
        ("Mine to influence:", reflection.mine_to_influence),
        ("With the service or team:", reflection.with_the_service),
        ("What I'd say to a colleague who had this day:", reflection.to_a_colleague),
    ):
        if text.strip():
            lines += ["", lead, *_block(text)]
    if reflection.appraisal is not None:
        appraisal = reflection.appraisal
        parts = (
            f"{part} {_score(getattr(appraisal, part), APPRAISAL)}" for part in APPRAISAL_PARTS
        )
        lines += ["", f"Seen in the light of these values, the day was: {', '.join(parts)}"]
    if reflection.alignment is not None:
        aligned = _score(reflection.alignment, ALIGNMENT)
        lines += ["", f"Alignment (how much the day let me work the way I want to): {aligned}"]
    return lines


def _help_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for action in reflection.actions:
        lines += _after_lead(f"- {action.category.value.capitalize()}: ", action.label)
        if action.when.strip():
            lines += _after_lead("- When: ", action.when, indent=2)
        lines.append(f"  - Status: {action.status.value}")
        lines.append(f"  - Helpfulness: {_score(action.helpfulness, HELPFULNESS)}")
    return lines


def _section(title: str, level: int, body: list[str]) -> list[str]:
    if not body:
        return []
    while body and not body[0]:
        body = body[1:]
    return ["", f"{'#' * level} {title}", "", *body]


def _reflection_lines(reflection: Reflection, level: int) -> list[str]:
    kind = KIND_TITLES[reflection.kind]
    title = f"{kind}, {clock_time(reflection.created)}"
    if level == 1:
        title = f"{kind}: {long_date(reflection.date)}, {clock_time(reflection.created)}"
    lines = [f"{'#' * level} {title}"]
    lines += _section("What was hard", level + 1, _hard_part(reflection))
    lines += _section("What matters", level + 1, _matters_part(reflection))
    lines += _section("What will help", level + 1, _help_part(reflection))
    if reflection.notes.strip():
        lines += _section("Notes", level + 1, _block(reflection.notes))
    if len(lines) == 1:
        lines += ["", "Nothing was written in this one."]
    return lines


def _finish(lines: list[str]) -> str:
    """Join lines, with no runs of blank lines and one trailing newline."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + "\n"


def reflection_markdown(reflection: Reflection) -> str:
    """One reflection as a Markdown document, laid out by phase."""
    return _finish(_reflection_lines(reflection, level=1))


def export_markdown(reflections: Iterable[Reflection], exported: dt.datetime | None = None) -> str:
    """A readable journal: newest first, one section per day, each reflection by phase."""
    ordered = newest_first(reflections)
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    count = f"{len(ordered)} reflection{'' if len(ordered) == 1 else 's'}"
    lines = [
        "# My reflection journal",
        "",
        f"From pwp-coach, {moment.strftime('%Y-%m-%d %H:%M')}: {count}, newest first.",
    ]
    day: dt.date | None = None
    for reflection in ordered:
        if reflection.date != day:
            day = reflection.date
            lines += ["", f"## {long_date(day)}"]
        lines += ["", *_reflection_lines(reflection, level=3)]
    return _finish(lines)
