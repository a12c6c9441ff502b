"""Reading reflections back, one year's file at a time, cached by the file's stat signature.

Two caches per year, each valid only while the file's signature is unchanged:

- the year's reflections, built and checked against the model, newest first (history, insights,
  export), with their search text made on demand;
- for a search in a year not yet read that way, each stored document's JSON text, case-folded:
  every searched field appears in it as it is (JSON escapes only ``"``, ``\\`` and control
  characters), so only the documents whose JSON holds the words need building and checking.

The ids a year holds are cached too: they are how the journal shows each reflection once even
if an older version's cut-off move left it in two years (the copy in the newest year wins).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from coach.journal.checks import damage_report
from coach.journal.errors import JournalCorrupt
from coach.journal.names import REFLECTIONS_TABLE, Layout
from coach.journal.pending import PendingView
from coach.journal.schema import Document, document_to_reflection, migrate
from coach.journal.storage import FileCache, Signature, read_tables
from coach.model import ModelError, Reflection

# A search for text holding one of these cannot use the JSON text, which escapes them.
_ESCAPED_IN_JSON = re.compile(r'["\\\x00-\x1f]')


@dataclass
class _YearCache:
    """One year's reflections as last read, newest first, with search text made on demand."""

    signature: Signature | None
    reflections: tuple[Reflection, ...]
    haystacks: list[str] | None = None


@dataclass
class _StoredYear:
    """One year's stored documents as last read, with their case-folded JSON text, and the
    reflections built from them so far (with their search text), by position."""

    signature: Signature | None
    documents: list[Document]
    texts: list[str]
    built: dict[int, tuple[Reflection, str]] = field(default_factory=dict)


class YearReader:
    """The reflections of each year's file, read again only when the file changed.

    It holds no reference to the ``Journal`` (no cycle), so a journal let go is freed at once
    rather than by the cyclic garbage collector, with all the files it parsed.
    """

    def __init__(
        self, *, layout: Layout, cache: FileCache, pending: PendingView, lock: threading.RLock
    ) -> None:
        self._layout = layout
        self._cache = cache
        self._pending = pending
        self._lock = lock
        self._years: dict[int, _YearCache] = {}
        self._stored: dict[int, _StoredYear] = {}
        self._ids: dict[int, tuple[Signature | None, frozenset[str]]] = {}

    def forget(self) -> None:
        """Drop everything cached; the next read of each year goes to its file."""
        with self._lock:
            self._years.clear()
            self._stored.clear()
            self._ids.clear()

    def _damaged(self, path: Path, problem: str) -> JournalCorrupt:
        return damage_report(self._layout.backups_dir, path, problem)

    def _read(self, year: int) -> tuple[Signature | None, list[Document]]:
        signature, tables = read_tables(
            self._layout.year(year),
            cache=self._cache,
            pending=self._pending,
            on_damage=self._damaged,
        )
        return signature, list((tables or {}).get(REFLECTIONS_TABLE, {}).values())

    def signature(self, year: int) -> Signature | None:
        """The signature of the version of a year's file a reader would read now."""
        return self._read(year)[0]

    def documents(self, year: int) -> list[Document]:
        """One year's stored documents, as they are (no model checks)."""
        return self._read(year)[1]

    def ids(self, year: int) -> frozenset[str]:
        """The ids a year's file holds, read from the stored documents (nothing is built)."""
        signature, documents = self._read(year)
        with self._lock:
            known = self._ids.get(year)
            if known is not None and known[0] == signature:
                return known[1]
            ids = frozenset(d["id"] for d in documents if isinstance(d.get("id"), str))
            self._ids[year] = (signature, ids)
            return ids

    def build(self, year: int, document: Document) -> Reflection:
        """The reflection a stored document holds; ``JournalCorrupt`` if the model rejects it."""
        try:
            return document_to_reflection(migrate(dict(document)))
        except ModelError as error:
            problem = f"entry {document.get('id', '?')!s}: {error}"
            raise self._damaged(self._layout.year(year), problem) from None

    def reflections(self, year: int) -> tuple[Reflection, ...]:
        """One year's reflections, newest first."""
        return self._year_cache(year).reflections

    def _year_cache(self, year: int) -> _YearCache:
        signature, documents = self._read(year)
        with self._lock:
            cached = self._years.get(year)
            if cached is not None and cached.signature == signature:
                return cached
            reflections = [self.build(year, document) for document in documents]
            reflections.sort(key=lambda r: r.sort_key, reverse=True)
            cached = self._years[year] = _YearCache(signature, tuple(reflections))
            self._stored.pop(year, None)
            return cached

    def warm(self, year: int) -> None:
        """Read a year's reflections and make their search text now, so later reads are quick."""
        cached = self._year_cache(year)
        if cached.haystacks is None:
            cached.haystacks = [r.search_text() for r in cached.reflections]

    def search(self, year: int, needle: str) -> Iterator[Reflection]:
        """One year's reflections whose search text holds ``needle`` (case-folded), newest first."""
        cached = self._years.get(year)
        current = cached is not None and cached.signature == self.signature(year)
        if needle and not current and _ESCAPED_IN_JSON.search(needle) is None:
            yield from self._search_stored(year, needle)
            return
        cached = self._year_cache(year)
        if not needle:
            yield from cached.reflections
            return
        if cached.haystacks is None:
            cached.haystacks = [r.search_text() for r in cached.reflections]
        for reflection, haystack in zip(cached.reflections, cached.haystacks, strict=True):
            if needle in haystack:
                yield reflection

    def _search_stored(self, year: int, needle: str) -> list[Reflection]:
        """A search building only the reflections whose JSON text holds ``needle``."""
        signature, documents = self._read(year)
        with self._lock:
            stored = self._stored.get(year)
            if stored is None or stored.signature != signature:
                texts = [orjson.dumps(document).decode().casefold() for document in documents]
                stored = self._stored[year] = _StoredYear(signature, documents, texts)
        matches = []
        for index, text in enumerate(stored.texts):
            if needle in text:
                built = stored.built.get(index)
                if built is None:
                    reflection = self.build(year, stored.documents[index])
                    built = stored.built[index] = (reflection, reflection.search_text())
                if needle in built[1]:
                    matches.append(built[0])
        return sorted(matches, key=lambda r: r.sort_key, reverse=True)
