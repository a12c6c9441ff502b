"""Options for a Select built from the content: labels are literal, never markup.

A Rich ``Text`` rather than a Textual ``Content``: both are literal, but Select's
type-to-search only matches ``str`` and ``Text`` prompts. A label may be the user's own (an
edited check-in keeps one the catalogue lacks), so it is shown through ``visible``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rich.text import Text

from coach.text import visible


class Labelled(Protocol):
    """Anything in the catalogue with a key and a label."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...


def literal(label: str) -> Text:
    """A Select option's label, shown as written, its control characters made visible."""
    return Text(visible(label))


def labelled(entries: Iterable[Labelled]) -> list[tuple[Text, str]]:
    """(literal label, key) pairs for a Select: a service's words are shown as written."""
    return [(literal(entry.label), entry.key) for entry in entries]
