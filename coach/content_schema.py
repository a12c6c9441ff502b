"""The shape of ``content/*.toml`` and the reader that checks one folder of it against that shape.

Private to ``coach.content``: every problem is a ``ContentError`` that names the file, the entry
(``coping[3] key=protect-lunch``) and the field, so a service editing its own content knows
exactly what to fix.

The coach's words reach the terminal, so no text may hold a control character or a bidi
override (``coach.text.FORBIDDEN``; tab and newline are fine): an overlay could otherwise clear
the screen or disguise a support number. The error itself shows them through ``visible``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from coach.content_words import PROMPT_PLACEHOLDERS, REQUIRED_PROMPTS, REQUIRED_SCALES
from coach.model import Category, Dimension
from coach.text import FORBIDDEN, visible


class ContentError(ValueError):
    """Content that does not fit its shape; names ``file``, ``entry`` and ``field``."""

    def __init__(self, file: Path | str, entry: str, field_name: str, problem: str) -> None:
        self.file = str(file)
        self.entry = entry
        self.field = field_name
        self.problem = problem
        where = ": ".join(part for part in (self.file, entry, field_name) if part)
        super().__init__(visible(f"{where}: {problem}"))


class _Problem(Exception):
    """What is wrong with one value; the caller adds where it is."""


# --- the shape ---------------------------------------------------------------------------

# Fields of each kind of entry, and how each is checked (see _CHECKS).
ENTRY_FIELDS: Mapping[str, Mapping[str, str]] = {
    "challenge": {
        "key": "key",
        "label": "text",
        "dimension": "dimension",
        "line": "text",
        "phase": "phase",
        "risk": "flag",
    },
    "value": {
        "key": "key",
        "label": "text",
        "line": "text",
        "phase": "phase",
        "dimension": "dimension",
    },
    "reconnect": {"key": "key", "text": "text", "phase": "phase", "dimension": "dimension"},
    "coping": {
        "key": "key",
        "label": "text",
        "category": "category",
        "line": "text",
        "fits": "keys",
        "serves": "keys",
        "tiny": "text",
        "phase": "phase",
        "dimension": "dimension",
    },
    "line": {
        "key": "key",
        "name": "text",
        "contact": "text",
        "when": "text",
        "line": "text",
        "phase": "phase",
        "dimension": "dimension",
    },
}
# Fields an entry may leave out, and what it then holds. ``serves`` (the values a coping
# strategy serves) came after services had written overlays; one without it serves none.
# ``risk`` marks a challenge about patient risk: its note asks for the user's own reactions,
# not patient details (the journal is not a clinical record).
OPTIONAL_FIELDS: Mapping[str, Mapping[str, object]] = {
    "coping": {"serves": []},
    "challenge": {"risk": False},
}
# The model phase each kind of entry serves (support may sit in any).
ENTRY_PHASES: Mapping[str, tuple[int, ...]] = {
    "challenge": (1,),
    "value": (2,),
    "reconnect": (2,),
    "coping": (3,),
    "line": (1, 2, 3),
}
# Tables of named words: how each value is checked.
MAP_KINDS: Mapping[str, str] = {"prompts": "text", "scales": "labels", "support": "text"}
# The tables each file may hold.
CONTENT_FILES: Mapping[str, tuple[str, ...]] = {
    "challenges.toml": ("challenge",),
    "values.toml": ("value", "reconnect"),
    "coping.toml": ("coping",),
    "prompts.toml": ("prompts", "scales"),
    "support.toml": ("line", "support"),
}

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# --- checks of one value -----------------------------------------------------------------


def _kind_of(found: object) -> str:
    """A TOML value's type in plain words."""
    if isinstance(found, bool):
        return "true/false"
    names = {str: "text", int: "a whole number", float: "a decimal number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(found), "a date or time")


def _no_controls(text: str) -> None:
    if control := FORBIDDEN.search(text):
        code = ord(control.group())
        raise _Problem(
            "must not hold control characters or text-direction overrides (tab and newline are "
            f"fine): found U+{code:04X} ({visible(control.group())}) at character "
            f"{control.start() + 1}"
        )


def _text(found: object) -> str:
    if not isinstance(found, str):
        raise _Problem(f"must be text, not {_kind_of(found)}")
    if not found.strip():
        raise _Problem("must not be empty")
    _no_controls(found)
    return found


def _key(found: object) -> str:
    text = _text(found)
    if not _KEY.match(text):
        raise _Problem(f"must be lower-case letters and digits joined by hyphens, not {text!r}")
    return text


def _phase(found: object) -> int:
    if isinstance(found, bool) or not isinstance(found, int):
        raise _Problem(f"must be a whole number 1, 2 or 3, not {_kind_of(found)}")
    if found not in (1, 2, 3):
        raise _Problem(f"must be 1, 2 or 3 (the phases of the model), not {found}")
    return found


def _choice(enum: type[Dimension] | type[Category]) -> Callable[[object], object]:
    allowed = [member.value for member in enum]

    def check(found: object) -> object:
        if not isinstance(found, str) or found not in allowed:
            raise _Problem(f"must be one of {' | '.join(allowed)}, not {found!r}")
        return enum(found)

    return check


def _flag(found: object) -> bool:
    if not isinstance(found, bool):
        raise _Problem(f"must be true or false, not {_kind_of(found)}")
    return found


def _text_list(found: object, item: Callable[[object], str]) -> tuple[str, ...]:
    if not isinstance(found, list):
        raise _Problem(f"must be a list, not {_kind_of(found)}")
    checked: list[str] = []
    for index, part in enumerate(found):
        try:
            checked.append(item(part))
        except _Problem as problem:
            raise _Problem(f"item {index + 1} {problem}") from None
    return tuple(dict.fromkeys(checked)) if item is _key else tuple(checked)


_CHECKS: Mapping[str, Callable[[object], object]] = {
    "key": _key,
    "text": _text,
    "phase": _phase,
    "flag": _flag,
    "dimension": _choice(Dimension),
    "category": _choice(Category),
    "keys": lambda found: _text_list(found, _key),
    "labels": lambda found: _text_list(found, _text),
}


def _check_placeholders(name: str, text: str) -> None:
    """A prompt's ``{placeholders}`` are well formed, and the ones the screens fill are there."""
    # Most words have no brace at all, and so no placeholder: they are not parsed (the content
    # is checked on every start, and parsing every text was a quarter of reading it).
    has_braces = "{" in text or "}" in text
    try:
        parsed = list(string.Formatter().parse(text)) if has_braces else []
    except ValueError:
        raise _Problem("has a stray { or }: write {{ or }} for a literal brace") from None
    used = set()
    for _, placeholder, _, _ in parsed:
        if placeholder is None:
            continue
        if not _PLACEHOLDER.match(placeholder):
            raise _Problem(f"has a placeholder {{{placeholder}}} that is not a plain name")
        used.add(placeholder)
    if name in PROMPT_PLACEHOLDERS:
        expected = PROMPT_PLACEHOLDERS[name]
        if missing := expected - used:
            raise _Problem(f"must use the placeholder {{{sorted(missing)[0]}}}")
        if unknown := used - expected:
            raise _Problem(f"uses {{{sorted(unknown)[0]}}}, which the coach does not fill in")
    elif name in REQUIRED_PROMPTS and used:
        raise _Problem(f"uses {{{sorted(used)[0]}}}, which the coach does not fill in")


class KeepMissingFields(dict[str, object]):
    """Fields for ``str.format_map`` that leave an unknown ``{placeholder}`` as written."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


# --- reading a folder --------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """A checked entry or word, and where it came from (for errors after merging)."""

    found: Any
    file: Path
    entry: str


@dataclass
class Layer:
    """One folder's content: entries by table and key, words by table and name."""

    folder: Path
    entries: dict[str, dict[str, Located]] = field(default_factory=dict)
    maps: dict[str, dict[str, Located]] = field(default_factory=dict)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomli.load(handle)
    except tomli.TOMLDecodeError as error:
        raise ContentError(path, "", "", f"is not valid TOML: {error}") from None
    except UnicodeDecodeError:
        raise ContentError(path, "", "", "is not UTF-8 text") from None
    except OSError as error:
        raise ContentError(path, "", "", f"cannot be read: {error.strerror}") from None


def _read_entries(path: Path, table: str, found: object, layer: Layer) -> None:
    """Check a file's ``[[table]]`` entries and add them to ``layer``, by key."""
    if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
        raise ContentError(path, "", table, f"must be written as [[{table}]] entries")
    spec = ENTRY_FIELDS[table]
    seen: dict[str, Located] = {}
    for index, raw in enumerate(found):
        entry = f"{table}[{index}]"
        if isinstance(raw.get("key"), str):
            entry += f" key={raw['key']}"
        for name in raw:
            if name not in spec:
                expected = ", ".join(spec)
                raise ContentError(
                    path, entry, name, f"is not a known field (expected: {expected})"
                )
        checked: dict[str, object] = {}
        optional = OPTIONAL_FIELDS.get(table, {})
        for name, kind in spec.items():
            if name not in raw and name not in optional:
                raise ContentError(path, entry, name, "is missing")
            try:
                checked[name] = _CHECKS[kind](raw.get(name, optional.get(name)))
            except _Problem as problem:
                raise ContentError(path, entry, name, str(problem)) from None
        if checked["phase"] not in ENTRY_PHASES[table]:
            allowed = " or ".join(str(phase) for phase in ENTRY_PHASES[table])
            wrong_phase = f"must be {allowed} for a {table}, not {checked['phase']}"
            raise ContentError(path, entry, "phase", wrong_phase)
        key = str(checked["key"])
        if key in seen:
            raise ContentError(path, entry, "key", f"repeats the key of {seen[key].entry}")
        seen[key] = Located(checked, path, entry)
    layer.entries[table] = seen


def _flatten(found: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"home": {"title": ...}}`` as ``{"home.title": ...}`` (TOML dotted keys nest)."""
    flat: dict[str, Any] = {}
    for name, value in found.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{name}.")
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _read_map(path: Path, table: str, found: object, layer: Layer) -> None:
    """Check a file's ``[table]`` of named words and add them to ``layer``."""
    if not isinstance(found, dict):
        raise ContentError(path, "", table, f"must be written as a [{table}] table")
    entry = f"[{table}]"
    words: dict[str, Located] = {}
    for name, value in _flatten(found).items():
        try:
            _no_controls(name)
            checked = _CHECKS[MAP_KINDS[table]](value)
            if table == "prompts":
                _check_placeholders(name, str(checked))
            if table == "scales" and name in REQUIRED_SCALES:
                length = REQUIRED_SCALES[name]
                if len(value) != length:
                    raise _Problem(f"must have {length} labels, not {len(value)}")
        except _Problem as problem:
            raise ContentError(path, entry, name, str(problem)) from None
        words[name] = Located(checked, path, entry)
    layer.maps[table] = words


def read_folder(folder: Path, *, complete: bool) -> Layer:
    """Read and check every content file in ``folder``.

    ``complete``: the folder is the base, so every file must be there; otherwise it is an
    overlay, which may hold any of them but nothing else that looks like content.
    """
    if not folder.is_dir():
        raise ContentError(folder, "", "", "is not a folder of content")
    if not complete:
        for path in sorted(folder.glob("*.toml")):
            if path.name not in CONTENT_FILES:
                names = ", ".join(CONTENT_FILES)
                raise ContentError(path, "", "", f"is not a content file (expected: {names})")
    layer = Layer(folder=folder)
    for file_name, tables in CONTENT_FILES.items():
        path = folder / file_name
        if not path.exists():
            if complete:
                raise ContentError(path, "", "", "is missing")
            continue
        document = _read_toml(path)
        for table in document:
            if table not in tables:
                expected = ", ".join(tables)
                problem = f"is not a table of {file_name} (expected: {expected})"
                raise ContentError(path, "", table, problem)
        for table in tables:
            if table not in document:
                continue
            if table in ENTRY_FIELDS:
                _read_entries(path, table, document[table], layer)
            else:
                _read_map(path, table, document[table], layer)
    return layer
