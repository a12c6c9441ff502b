"""Options for a Select built from the content: labels are literal, never markup.

A Rich ``Text`` rather than a Textual ``Content``: both are literal, but Select's
type-to-search only matches ``str`` and ``Text`` prompts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rich.text import Text


class Labelled(Protocol):
    """Anything in the catalogue with a key and a label."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...


def literal(label: str) -> Text:
    """A Select option's label, shown exactly as written."""
    return Text(label)


def labelled(entries: Iterable[Labelled]) -> list[tuple[Text, str]]:
    """(literal label, key) pairs for a Select: a service's words are shown as written."""
    return [(literal(entry.label), entry.key) for entry in entries]
