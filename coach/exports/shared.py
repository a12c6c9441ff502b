"""What an export for someone else to read is (a supervision agenda, CPD statements), and the
check it passes before it is written.

Such an export is Markdown made from the journal's own text, so before it leaves, every piece
of that text it holds is checked for what looks patient-identifiable (``coach.identifiers``).
An export module gives back ``Shared``: the document, and each piece of journal text in it as
(entry, field, text), named as the practitioner would find it ("reflection of 3 Nov 2026",
"narrative"). ``IdentifiersFound`` lists each finding, by kind and place, never by what was
found; the CLI prints the list and writes nothing unless the user confirms with
``--allow-identifiers``, and the TUI asks the same question in a dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coach.identifiers import Finding, findings

Piece = tuple[str, str, str]  # (entry, field, text)


@dataclass(frozen=True)
class Shared:
    """A document for someone else to read, and the pieces of journal text it holds."""

    text: str
    pieces: tuple[Piece, ...]


class IdentifiersFound(Exception):
    """Text about to leave the journal looks patient-identifiable; nothing was written."""

    def __init__(self, found: list[Finding]) -> None:
        self.findings = found
        many = len(found) != 1
        things = f"{len(found)} things here look" if many else "1 thing here looks"
        super().__init__(
            f"{things} patient-identifiable, so nothing was written: remove "
            f"{'them' if many else 'it'} from the journal, or, if none is a patient's, export "
            "again with --allow-identifiers"
        )


def checked(shared: Shared, *, allow_identifiers: bool = False) -> Shared:
    """``shared`` if none of its pieces looks patient-identifiable, or the user confirmed it
    may go anyway; else ``IdentifiersFound``."""
    if not allow_identifiers:
        found = findings(shared.pieces)
        if found:
            raise IdentifiersFound(found)
    return shared


def pieces_of(entry: str, fields: Iterable[tuple[str, str]]) -> tuple[Piece, ...]:
    """The non-empty fields of one entry as pieces to check."""
    return tuple((entry, name, text) for name, text in fields if text.strip())
