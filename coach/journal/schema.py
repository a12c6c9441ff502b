"""Schema numbers of stored documents, and the steps that bring old documents up to date.

Every stored document carries ``schema``. A migration step takes a document of schema N and
returns it at schema N + 1; it must keep every field it does not know.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import orjson

import coach
from coach.model import Reflection

CURRENT_SCHEMA = 1

Document = dict[str, Any]


def _from_unversioned(document: Document) -> Document:
    """Schema 0 (documents written before schema numbers existed) to 1: add the number.

    Early documents may lack ``notes`` and ``meaning``; the model reads those as empty.
    """
    return {**document, "schema": 1}


# MIGRATIONS[n] turns a document of schema n into one of schema n + 1.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _from_unversioned}


def schema_of(document: Mapping[str, Any]) -> int:
    """The schema number of a stored document; 0 when it has none."""
    found = document.get("schema", 0)
    return found if isinstance(found, int) and not isinstance(found, bool) else 0


def migrate(document: Document) -> Document:
    """The document brought up to ``CURRENT_SCHEMA``; the same object when already current."""
    while (number := schema_of(document)) < CURRENT_SCHEMA:
        document = MIGRATIONS[number](document)
        document["schema"] = number + 1
    return document


def reflection_to_document(reflection: Reflection) -> Document:
    """A reflection as it is stored: its dict form plus the schema number (which always wins)."""
    return {**reflection.to_dict(), "schema": CURRENT_SCHEMA}


def document_to_reflection(document: Document) -> Reflection:
    """A stored document as a reflection; raises ``ModelError`` naming a bad field."""
    return Reflection.from_dict({k: v for k, v in document.items() if k != "schema"})


# The modules whose rules decide whether a stored document is a reflection, and how it is
# written back: what a remembered check depends on.
_RULES = ("coach.shape", "coach.model", "coach.text", __name__)


@functools.cache
def model_fingerprint() -> str:
    """What a remembered check (the index's ``checked``) holds for: this schema number, this
    coach's version and the very source of the modules that read and write reflections, so any
    change to a rule, even one made without a new version, checks every year again."""
    import hashlib  # only an export needs it: off the app's start

    digest = hashlib.blake2b(f"{CURRENT_SCHEMA} {coach.__version__}".encode(), digest_size=12)
    for name in _RULES:
        try:
            digest.update(Path(sys.modules[name].__file__ or "").read_bytes())
        except (OSError, KeyError):  # no source beside it: the version and schema must do
            digest.update(name.encode())
    return digest.hexdigest()


def as_stored(document: Mapping[str, Any], reflection: Reflection) -> bool:
    """Whether ``document`` is exactly what storing ``reflection`` writes (same keys in the same
    order, same values and types): then the document can be exported as it is."""
    return orjson.dumps(document) == orjson.dumps(reflection_to_document(reflection))


def replace_with(document: Document) -> Callable[[MutableMapping[str, Any]], None]:
    """A TinyDB update that makes a stored document exactly ``document`` in one write."""

    def transform(stored: MutableMapping[str, Any]) -> None:
        stored.clear()
        stored.update(document)

    return transform


def migrate_in_place(stored: MutableMapping[str, Any]) -> None:
    """A TinyDB update that brings a stored document up to the current schema."""
    replace_with(migrate(dict(stored)))(stored)
