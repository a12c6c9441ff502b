"""Reading another journal's export into imported notes (``coach import --from``).

Each importer turns the bytes of one file in its source's own format into imported notes
(``Reflection`` of kind ``imported-note``, see ``coach.imported``), every one checked, or raises
``ForeignFormatError`` naming the entry and the field: the command writes nothing unless every
entry of the file could be read. ``FOREIGN_IMPORTERS`` holds one for each ``ImportSource``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from coach.imported import ImportSource
from coach.model import Reflection


class ForeignFormatError(ValueError):
    """A file that cannot be imported from another journal; one line naming the entry (by its
    place in the file, and its date where it has one) and the field, never the entry's text."""


Importer = Callable[[bytes], list[Reflection]]

FOREIGN_IMPORTERS: Mapping[ImportSource, Importer] = {}

__all__ = ["FOREIGN_IMPORTERS", "ForeignFormatError", "Importer"]
