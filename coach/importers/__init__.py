"""Reading another journal's export into imported notes (``coach import --from``).

Each importer turns the bytes of one file in its source's own format into imported notes
(``Reflection`` of kind ``imported-note``, see ``coach.imported``), every one checked, or raises
``ForeignFormatError`` naming the entry and the field: the command writes nothing unless every
entry of the file could be read. ``FOREIGN_IMPORTERS`` holds one for each ``ImportSource``; one
module each, the parts they share in ``coach.importers.common``:

- ``coach.importers.jrnl``: jrnl's JSON export (``jrnl --export json``);
- ``coach.importers.dayone``: Day One's ``Journal.json`` or its zip;
- ``coach.importers.minidiary``: Mini Diary's JSON export;
- ``coach.importers.daylio``: Daylio's CSV export.

``looks_like`` says which of them a file seems to come from, so ``coach import`` without
``--from`` can tell the user which ``--from`` to add instead of only that the file is not its
own export.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import orjson

from coach.imported import ImportSource
from coach.importers.common import ForeignFormatError
from coach.importers.daylio import import_daylio
from coach.importers.dayone import import_dayone
from coach.importers.jrnl import import_jrnl
from coach.importers.minidiary import import_minidiary
from coach.model import Reflection

Importer = Callable[[bytes], list[Reflection]]

FOREIGN_IMPORTERS: Mapping[ImportSource, Importer] = {
    ImportSource.JRNL: import_jrnl,
    ImportSource.DAYONE: import_dayone,
    ImportSource.MINIDIARY: import_minidiary,
    ImportSource.DAYLIO: import_daylio,
}

# The fields by which a first entry shows which journal wrote it.
_FIRST_ENTRY_SIGNS = (
    (ImportSource.DAYONE, {"uuid", "creationDate"}),
    (ImportSource.JRNL, {"date", "time", "body"}),
)


def looks_like(raw: bytes) -> ImportSource | None:
    """The journal ``raw`` seems to have been exported from, judged by its shape only (a zip,
    a Daylio header, the fields of the first entry), or ``None``. Never raises."""
    if raw.startswith(b"PK\x03\x04"):
        return ImportSource.DAYONE
    first_line = raw[:300].removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].lower()
    if not first_line.lstrip().startswith((b"{", b"[")) and all(
        sign in first_line for sign in (b"mood", b"time", b",")
    ):
        return ImportSource.DAYLIO
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    entries = document.get("entries") if isinstance(document, Mapping) else None
    if isinstance(entries, Mapping):
        return ImportSource.MINIDIARY
    first = entries[0] if isinstance(entries, list) and entries else None
    if isinstance(first, Mapping):
        for source, signs in _FIRST_ENTRY_SIGNS:
            if signs <= first.keys():
                return source
    return None


__all__ = ["FOREIGN_IMPORTERS", "ForeignFormatError", "Importer", "looks_like"]
