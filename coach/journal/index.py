"""What each year's file holds, known without parsing it: its ids, schema numbers, and whether
it has been checked.

A save must know whether its id is kept in another year, an import which years hold the ids it
brings, and the open whether any file is of an older schema. Parsing every year for that costs
a fresh process ~7 ms a year. ``index.json`` remembers, for each year file, its ids and schema
range beside the file's signature (inode, size, times), and an entry is trusted only while the
file still has that signature. It is a cache, never a source of truth: a missing, damaged or
stale entry just means that year is read from its file, and the entry is made again.

An export must check every stored reflection against the model, and building them is most of
its time. A year file does not change between exports unless it is written, so an entry also
remembers that this version of the file was checked whole: every document of the current
schema, accepted by the model, and stored exactly as the model writes it, under the model
whose fingerprint it names (``model_fingerprint``: a changed model checks again). An export
then writes such a year's documents as they are stored; any other year is built and checked.

It is written under the journal's lock, atomically but without waiting for the disk: losing it
in a power cut costs one read of each year, nothing else.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

import orjson

from coach.journal.files import write_atomic
from coach.journal.names import Layout
from coach.journal.pending import Signature
from coach.journal.sealing import SealBroken

INDEX_SCHEMA = 2  # 2: ``checked``


@dataclass(frozen=True)
class YearSummary:
    """One version of a year's file: the ids it holds, its oldest and newest schema, and the
    fingerprint of the model that checked every document in it ("" when not checked whole)."""

    signature: Signature
    ids: frozenset[str]
    schemas: tuple[int, int]
    checked: str = ""


class YearIndex:
    """The summaries of every year's file, loaded once and saved when they changed."""

    def __init__(self, layout: Layout) -> None:
        self._layout = layout
        self._lock = threading.Lock()
        self._years: dict[int, YearSummary] | None = None
        self._changed = False

    def _loaded(self) -> dict[int, YearSummary]:
        if self._years is None:
            self._years = self._read()
        return self._years

    def _read(self) -> dict[int, YearSummary]:
        try:
            stored = self._layout.index.read_bytes()
            found = orjson.loads(self._layout.sealing.unseal(stored))
        except (OSError, orjson.JSONDecodeError, SealBroken):
            return {}  # none yet, or damaged: every year is read from its file instead
        years: dict[int, YearSummary] = {}
        if not isinstance(found, dict) or found.get("schema") != INDEX_SCHEMA:
            return years
        for name, entry in (found.get("years") or {}).items():
            with contextlib.suppress(TypeError, ValueError, KeyError):
                ino, size, modified, changed = (int(part) for part in entry["signature"])
                oldest, newest = (int(number) for number in entry["schemas"])
                checked = entry.get("checked", "")
                if all(isinstance(i, str) for i in entry["ids"]) and isinstance(checked, str):
                    years[int(name)] = YearSummary(
                        (ino, size, modified, changed),
                        frozenset(entry["ids"]),
                        (oldest, newest),
                        checked,
                    )
        return years

    def get(self, year: int, signature: Signature | None) -> YearSummary | None:
        """The summary of this version of a year's file, if it is known."""
        if signature is None:
            return None
        with self._lock:
            known = self._loaded().get(year)
        return known if known is not None and known.signature == signature else None

    def put(self, year: int, summary: YearSummary) -> None:
        """Remember a year file's summary (saved at the next ``save``); a check already known
        for this version of the file is kept."""
        with self._lock:
            years = self._loaded()
            known = years.get(year)
            if known is not None and known.signature == summary.signature and not summary.checked:
                summary = YearSummary(
                    summary.signature, summary.ids, summary.schemas, known.checked
                )
            if known != summary:
                years[year] = summary
                self._changed = True

    def save(self, years: list[int]) -> None:
        """Write the index if anything changed, keeping only the years that exist; call holding
        the journal's lock."""
        with self._lock:
            known = self._loaded()
            gone = set(known) - set(years)
            if not self._changed and not gone:
                return
            for year in gone:
                del known[year]
            document = {
                "schema": INDEX_SCHEMA,
                "years": {
                    str(year): {
                        "signature": list(summary.signature),
                        "ids": sorted(summary.ids),
                        "schemas": list(summary.schemas),
                        "checked": summary.checked,
                    }
                    for year, summary in sorted(known.items())
                },
            }
            payload = self._layout.sealing.seal(orjson.dumps(document))
            write_atomic(self._layout.index, payload, durable=False)
            self._changed = False
