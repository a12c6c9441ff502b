"""What each year's file holds, known without parsing it: its ids and schema numbers.

A save must know whether its id is kept in another year, an import which years hold the ids it
brings, and the open whether any file is of an older schema. Parsing every year for that costs
a fresh process ~7 ms a year. ``index.json`` remembers, for each year file, its ids and schema
range beside the file's signature (inode, size, times), and an entry is trusted only while the
file still has that signature. It is a cache, never a source of truth: a missing, damaged or
stale entry just means that year is read from its file, and the entry is made again.

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

INDEX_SCHEMA = 1


@dataclass(frozen=True)
class YearSummary:
    """One version of a year's file: the ids it holds and its oldest and newest schema."""

    signature: Signature
    ids: frozenset[str]
    schemas: tuple[int, int]


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
            found = orjson.loads(self._layout.index.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}  # none yet, or damaged: every year is read from its file instead
        years: dict[int, YearSummary] = {}
        if not isinstance(found, dict) or found.get("schema") != INDEX_SCHEMA:
            return years
        for name, entry in (found.get("years") or {}).items():
            with contextlib.suppress(TypeError, ValueError, KeyError):
                ino, size, modified, changed = (int(part) for part in entry["signature"])
                oldest, newest = (int(number) for number in entry["schemas"])
                if all(isinstance(i, str) for i in entry["ids"]):
                    years[int(name)] = YearSummary(
                        (ino, size, modified, changed), frozenset(entry["ids"]), (oldest, newest)
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
        """Remember a year file's summary (saved at the next ``save``)."""
        with self._lock:
            years = self._loaded()
            if years.get(year) != summary:
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
                    }
                    for year, summary in sorted(known.items())
                },
            }
            write_atomic(self._layout.index, orjson.dumps(document), durable=False)
            self._changed = False
