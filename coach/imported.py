"""An entry brought in from another journal: where it came from, and what that journal kept
that a reflection has no field for.

An imported note is a ``Reflection`` of kind ``imported-note`` (``coach.model.Kind.IMPORTED``)
whose ``narrative`` is the entry's text and whose ``imported`` part is an ``ImportedFrom``: the
journal it came from, its title, tags, mood and star, each kept as the source had it. It is
shown in history and found by search like any entry, and counted as a reflection in insights
only when the user says so (the ``imported_notes_in_insights`` setting).

Its id is stable (``imported_id``): made from the source's own id for an entry where the source
has one (Day One's uuid), otherwise from its date and text, so importing the same file twice
adds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from coach.shape import Record, meta


class ImportSource(StrEnum):
    """A journal the coach imports from (``coach import --from``)."""

    JRNL = "jrnl"
    DAYONE = "dayone"
    MINIDIARY = "minidiary"
    DAYLIO = "daylio"


@dataclass(frozen=True, slots=True)
class ImportedFrom(Record):
    """What an imported note's source kept beside its text: the journal it came from, the
    entry's title, its tags (in the source's order), its mood in the source's own word
    (Daylio's "rad"; never mapped onto the coach's scales, which ask something else) and
    whether it was starred."""

    source: ImportSource = field(metadata=meta(required=True))
    title: str = ""
    tags: tuple[str, ...] = ()
    mood: str = ""
    starred: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def search_pieces(self) -> tuple[str, ...]:
        """The text a search looks in beside the note's own."""
        return (self.title, *self.tags, self.mood)


def imported_id(source: ImportSource, key: str) -> str:
    """A stable id for an entry from ``source``: the same ``key`` (the source's own id, or the
    entry's date and text) always gives the same id, so a re-import merges instead of adding.
    Hashed, so any key (a path, a control character) makes an id the model accepts."""
    import hashlib  # only an import makes ids: off the app's start (OpenSSL's load, ~2 ms)

    digest = hashlib.sha256(f"{source.value}\n{key}".encode("utf-8", "surrogatepass"))
    return f"{source.value}-{digest.hexdigest()[:32]}"


__all__ = ["ImportSource", "ImportedFrom", "imported_id"]
