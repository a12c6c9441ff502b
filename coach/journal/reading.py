"""Reading reflections back, one year's file at a time: one cache entry a year.

Each year's entry is valid while the file's signature is unchanged, and fills in only as much
as has been asked for:

- the stored documents and their ids, as parsed (cheap: no reflection built);
- reflections built one by one as they are needed (``find`` builds only the copies of one id;
  a first search builds only the documents whose JSON text holds the words: every searched
  field appears in it as it is, since JSON escapes only ``"``, ``\\`` and control characters);
- once the whole year has been read, its reflections newest first and their search text; the
  documents and JSON texts are dropped then, so a journal read in full is held once.

The ids are how the journal shows each reflection once even if an older version's cut-off move
left it in two years (the copy in the newest year wins).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from coach.journal.checks import damage_report
from coach.journal.errors import JournalCorrupt
from coach.journal.index import YearIndex, YearSummary
from coach.journal.names import REFLECTIONS_TABLE, Layout
from coach.journal.pending import PendingView
from coach.journal.schema import (
    Document,
    as_stored,
    document_to_reflection,
    migrate,
    model_fingerprint,
    schema_of,
)
from coach.journal.storage import Signature, Tables, read_tables, signature_of
from coach.model import ModelError, Reflection

# A search for text holding one of these cannot use the JSON text, which escapes them.
_ESCAPED_IN_JSON = re.compile(r'["\\\x00-\x1f]')


@dataclass
class _Year:
    """What is known of one version of a year's file."""

    signature: Signature | None
    documents: list[Document] | None  # None once every reflection is built
    ids: frozenset[str]
    schemas: tuple[int, int]  # the oldest and newest schema number of its documents
    built: list[Reflection | None]
    texts: list[str] | None = None  # case-folded JSON of each document, for a first search
    haystacks: list[str | None] = field(default_factory=list)  # search text, by position
    newest_first: tuple[Reflection, ...] | None = None
    order: tuple[int, ...] = ()  # positions, newest first, once every reflection is built
    others: dict[str, list[Document]] = field(default_factory=dict)  # dated records' tables

    @classmethod
    def of(cls, signature: Signature | None, tables: Tables | None) -> _Year:
        documents = list((tables or {}).get(REFLECTIONS_TABLE, {}).values())
        numbers = [schema_of(d) for d in documents] or [0]
        return cls(
            signature=signature,
            documents=documents,
            ids=frozenset(d["id"] for d in documents if isinstance(d.get("id"), str)),
            schemas=(min(numbers), max(numbers)),
            built=[None] * len(documents),
            haystacks=[None] * len(documents),
            others={
                name: list(table.values())
                for name, table in (tables or {}).items()
                if name != REFLECTIONS_TABLE
            },
        )


def _stored_order(document: Document) -> tuple[dt.date, dt.datetime, str]:
    """A stored document's place, as ``Reflection.sort_key`` orders its reflection."""
    return (
        dt.date.fromisoformat(document["date"]),
        dt.datetime.fromisoformat(document["created"]),
        document["id"],
    )


class YearReader:
    """The reflections of each year's file, read again only when the file changed.

    It holds no reference to the ``Journal`` (no cycle), so a journal let go is freed at once
    rather than by the cyclic garbage collector, with all the files it parsed.
    """

    def __init__(
        self, *, layout: Layout, pending: PendingView, index: YearIndex, lock: threading.RLock
    ) -> None:
        self._layout = layout
        self._pending = pending
        self._index = index
        self._lock = lock
        self._years: dict[int, _Year] = {}
        self._parsing: dict[int, threading.Lock] = {}  # one parse of a year at a time

    def forget(self) -> None:
        """Drop everything cached; the next read of each year goes to its file."""
        with self._lock:
            self._years.clear()

    def remember(self, year: int, signature: Signature | None, tables: Tables) -> None:
        """What this process just wrote to a year's file: no need to read it back."""
        self._keep(year, _Year.of(signature, tables))

    def _keep(self, year: int, entry: _Year) -> _Year:
        with self._lock:
            self._years[year] = entry
        if entry.signature is not None:
            self._index.put(year, YearSummary(entry.signature, entry.ids, entry.schemas))
        return entry

    def _damaged(self, path: Path, problem: str) -> JournalCorrupt:
        return damage_report(self._layout, path, problem)

    def _entry(self, year: int) -> _Year:
        """This version of a year's file, parsed once: two threads asking at once (home's
        summary and the start's follow-up, say) share one parse rather than race two."""
        path = self._layout.year(year)
        signature = signature_of(self._pending.source_of(path))
        with self._lock:
            known = self._years.get(year)
            parsing = self._parsing.setdefault(year, threading.Lock())
        if known is not None and signature is not None and known.signature == signature:
            return known
        with parsing:
            with self._lock:
                known = self._years.get(year)
            if known is not None and signature is not None and known.signature == signature:
                return known  # another thread parsed it while this one waited
            found = read_tables(
                path,
                cache=None,
                pending=self._pending,
                on_damage=self._damaged,
                sealing=self._layout.sealing,
            )
            return self._keep(year, _Year.of(*found))

    def _summary(self, year: int) -> tuple[frozenset[str], tuple[int, int]]:
        """A year's ids and schema range: from what is cached, else the index, else the file."""
        signature = signature_of(self._pending.source_of(self._layout.year(year)))
        with self._lock:
            known = self._years.get(year)
        if known is not None and signature is not None and known.signature == signature:
            return known.ids, known.schemas
        summary = self._index.get(year, signature)
        if summary is not None:
            return summary.ids, summary.schemas
        entry = self._entry(year)
        return entry.ids, entry.schemas

    def ids(self, year: int) -> frozenset[str]:
        """The ids a year's file holds (nothing is built; the file is not even read when the
        index knows this version of it)."""
        return self._summary(year)[0]

    def schemas(self, year: int) -> tuple[int, int]:
        """The oldest and newest schema number among a year's documents (0, 0 when empty)."""
        return self._summary(year)[1]

    def build(self, year: int, document: Document) -> Reflection:
        """The reflection a stored document holds; ``JournalCorrupt`` if the model rejects it."""
        try:
            return document_to_reflection(migrate(dict(document)))
        except ModelError as error:
            problem = f"entry {document.get('id', '?')!s}: {error}"
            raise self._damaged(self._layout.year(year), problem) from None

    def _built(self, year: int, entry: _Year, index: int) -> Reflection:
        """The reflection at ``index``, built now if it was not yet (call holding the lock)."""
        found = entry.built[index]
        if found is None:
            assert entry.documents is not None  # every one is built before they are dropped
            found = entry.built[index] = self.build(year, entry.documents[index])
        return found

    def _haystack(self, entry: _Year, index: int, reflection: Reflection) -> str:
        found = entry.haystacks[index]
        if found is None:
            found = entry.haystacks[index] = reflection.search_text()
        return found

    def find(self, year: int, reflection_id: str) -> list[Reflection]:
        """Every copy of one id in a year's file, building only those."""
        if reflection_id not in self.ids(year):
            return []
        entry = self._entry(year)
        with self._lock:
            if entry.documents is None:
                return [r for r in entry.newest_first or () if r.id == reflection_id]
            return [
                self._built(year, entry, index)
                for index, document in enumerate(entry.documents)
                if document.get("id") == reflection_id
            ]

    def reflections(self, year: int) -> tuple[Reflection, ...]:
        """One year's reflections, newest first."""
        entry = self._entry(year)
        with self._lock:
            if entry.newest_first is None:
                built = [self._built(year, entry, i) for i in range(len(entry.built))]
                entry.order = tuple(
                    sorted(range(len(built)), key=lambda i: built[i].sort_key, reverse=True)
                )
                entry.newest_first = tuple(built[i] for i in entry.order)
                entry.documents = None  # held once: the reflections are what is read now
                entry.texts = None
            return entry.newest_first

    def newest_first(self, year: int) -> Iterator[Reflection]:
        """One year's reflections, newest first, each built only when it is reached: home asks
        for the last few days, and a year not yet read whole is not built whole for that.

        The order comes from the stored dates, times and ids, which the model reads with the
        same parsers, so it is the order ``reflections`` gives; a document whose order cannot
        be read is damaged, and the whole year is read, to say so as every reader does.
        """
        entry = self._entry(year)
        with self._lock:
            documents = entry.documents  # this version's documents, even if dropped meanwhile
        if documents is None:  # read whole already
            yield from self.reflections(year)
            return
        try:
            keys = [_stored_order(document) for document in documents]
            order = sorted(range(len(documents)), key=keys.__getitem__, reverse=True)
        except (KeyError, TypeError, ValueError):  # a naive time beside aware ones, say
            yield from self.reflections(year)
            return
        for index in order:
            with self._lock:
                found = self._built(year, entry, index)
            yield found

    def for_export(
        self, year: int, others: dict[str, list[Document]] | None = None
    ) -> list[Document]:
        """One year's reflections as exported (their dict form), newest first, read for this
        and not kept: an export reads the whole journal once, never holding it whole. Given
        ``others``, the year's other tables (its dated records) are added to it from the same
        parse.

        A version of the file already checked whole by this model (the index remembers) is
        given as stored, with nothing built; any other is built and checked now, and when every
        document turns out stored exactly as the model writes it, that is remembered.
        """
        path = self._layout.year(year)
        signature, tables = read_tables(
            path,
            cache=None,
            pending=self._pending,
            on_damage=self._damaged,
            sealing=self._layout.sealing,
        )
        documents = list((tables or {}).get(REFLECTIONS_TABLE, {}).values())
        if others is not None:
            for name, table in (tables or {}).items():
                if name != REFLECTIONS_TABLE:
                    others.setdefault(name, []).extend(table.values())
        known = self._index.get(year, signature)
        fingerprint = model_fingerprint()
        if known is not None and known.checked == fingerprint:
            stored = [{k: v for k, v in d.items() if k != "schema"} for d in documents]
            stored.sort(key=_stored_order, reverse=True)
            return stored
        built = [self.build(year, document) for document in documents]
        if signature is not None and all(map(as_stored, documents, built)):
            entry = _Year.of(signature, tables)
            self._index.put(
                year, YearSummary(signature, entry.ids, entry.schemas, checked=fingerprint)
            )
        built.sort(key=lambda r: r.sort_key, reverse=True)
        return [reflection.to_dict() for reflection in built]

    def kept(self, year: int, table: str) -> list[Document]:
        """The stored documents of one table of dated records (breaks, say) in a year's file:
        read with its reflections, in the same one parse."""
        return list(self._entry(year).others.get(table, ()))

    def warm(self, year: int) -> None:
        """Read a year's reflections and make their search text now, so later reads are quick."""
        reflections = self.reflections(year)
        entry = self._entry(year)
        with self._lock:
            for index, reflection in zip(entry.order, reflections, strict=True):
                self._haystack(entry, index, reflection)

    def is_warm(self, year: int) -> bool:
        """Whether this version of a year's file is held read whole, with its search text: a
        read or a search of it then parses and builds nothing (one ``stat`` to know)."""
        signature = signature_of(self._pending.source_of(self._layout.year(year)))
        known = self._years.get(year)  # one dict read: no lock needed to look
        return (
            known is not None
            and signature is not None
            and known.signature == signature
            and known.newest_first is not None
            and None not in known.haystacks
        )

    def search(self, year: int, needle: str) -> Iterator[Reflection]:
        """One year's reflections whose search text holds ``needle`` (case-folded), newest first."""
        entry = self._entry(year)
        if needle and entry.newest_first is None and _ESCAPED_IN_JSON.search(needle) is None:
            yield from self._search_stored(year, entry, needle)
            return
        reflections = self.reflections(year)
        if not needle:
            yield from reflections
            return
        entry = self._entry(year)
        with self._lock:
            found = [
                reflection
                for index, reflection in zip(entry.order, reflections, strict=True)
                if needle in self._haystack(entry, index, reflection)
            ]
        yield from found

    def _search_stored(self, year: int, entry: _Year, needle: str) -> list[Reflection]:
        """A search building only the reflections whose JSON text holds ``needle``."""
        with self._lock:
            documents = entry.documents
            if documents is None:  # read in full meanwhile
                return list(self.search(year, needle))
            if entry.texts is None:
                entry.texts = [orjson.dumps(d).decode().casefold() for d in documents]
            matches = []
            for index, text in enumerate(entry.texts):
                if needle in text:
                    reflection = self._built(year, entry, index)
                    if needle in self._haystack(entry, index, reflection):
                        matches.append(reflection)
        return sorted(matches, key=lambda r: r.sort_key, reverse=True)
