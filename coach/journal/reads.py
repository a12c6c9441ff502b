"""How the journal reads reflections back: counted, newest first, one id, one day, searched,
exported, and read ahead whole.

``Journal`` derives from ``ReflectionWrites``, which derives from ``ReflectionReads`` (and that
from ``BesideReflections``); the methods here are the facade's, apart only so ``journal.py``
stays near ~400 lines. Each reads through the year reader (``coach.journal.reading``), one
year's file at a time, newest first. Each id is shown once: where a cut-off move of an older
version left a reflection in two years, the copy in the newest year is the one every reader
shows (and doctor keeps).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice, takewhile
from typing import Any

from coach.journal.beside import BesideReflections
from coach.journal.errors import JournalCorrupt
from coach.journal.records import from_documents, is_dated
from coach.model import Reflection
from coach.shape import Record


class ReflectionReads(BesideReflections):
    """Reading reflections, for ``Journal`` (through ``BesideReflections``' declarations)."""

    def count(self) -> int:
        """How many reflections the journal holds (counted without building any)."""
        return len(frozenset().union(*(self._reader.ids(year) for year in self.years())))

    def iter_newest_first(self) -> Iterator[Reflection]:
        """Every reflection, newest first, reading one year's file at a time as needed."""
        seen: set[str] = set()
        for year in self.years():
            for reflection in self._reader.newest_first(year):
                if reflection.id not in seen:
                    seen.add(reflection.id)
                    yield reflection

    def export_newest_first(
        self, records: dict[str, list[Record]] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every reflection's dict form (as exported), newest first, one year's file read at a
        time and let go, each reflection checked against the model (now, or when this version
        of its file was last checked whole): for an export, never holding the whole journal.

        Given ``records``, the dated records (breaks, closings) of each year are added to it by
        kind, read from the same parse as the year's reflections, after them.
        """
        from coach.record_kinds import RECORD_KINDS  # every kind: only an export reads them all

        seen: set[str] = set()
        for year in self.years():
            others: dict[str, list[Any]] | None = {} if records is not None else None
            for document in self._reader.for_export(year, others):
                if document["id"] not in seen:
                    seen.add(document["id"])
                    yield document
            if records is not None and others is not None:
                damaged = partial(self._damaged, self.year_path(year))
                for name, cls in RECORD_KINDS.items():
                    if is_dated(cls):
                        found = from_documents(cls, others.get(name, ()), damaged)
                        records.setdefault(name, []).extend(found)

    def page(self, offset: int, limit: int) -> list[Reflection]:
        """One page of history, newest first."""
        return list(islice(self.iter_newest_first(), offset, offset + limit))

    def latest(self) -> Reflection | None:
        """The newest reflection, or None for an empty journal."""
        return next(self.iter_newest_first(), None)

    def get(self, reflection_id: str) -> Reflection | None:
        """The reflection with this id, or None; only that one reflection is built."""
        for year in self._homes(reflection_id)[:1]:
            return next(iter(self._reader.find(year, reflection_id)), None)
        return None

    def on_date(self, day: dt.date) -> list[Reflection]:
        """The reflections of one day, newest first."""
        years = self.years()
        if day.year not in years:
            return []
        hidden: set[str] = set()
        for year in (y for y in years if y > day.year):
            with contextlib.suppress(JournalCorrupt):  # a damaged later year hides nothing
                hidden |= self._reader.ids(year)
        later = takewhile(lambda r: r.date >= day, self._reader.newest_first(day.year))
        found = [r for r in later if r.date == day]  # only the days since are built
        return [r for r in _each_id_once(found) if r.id not in hidden]

    def warm_up(self) -> None:
        """Read every year now (newest first), so history and search are quick later.

        The app calls this in a background worker after start-up, and again when a screen
        finds a year changed since (``is_warm``); nothing else needs it.
        """
        for year in self.years():
            self._reader.warm(year)

    def is_warm(self) -> bool:
        """Whether every year is held in memory as ``warm_up`` leaves it, and unchanged on disk
        since: reading or searching then costs a few milliseconds even at twenty years, little
        enough for a screen to do in place rather than in a worker."""
        return all(self._reader.is_warm(year) for year in self.years())

    def search(self, text: str) -> Iterator[Reflection]:
        """Reflections whose text contains ``text``, ignoring case, newest first.

        A year not read yet is first searched in its stored JSON text, and only the reflections
        that may match are built, so a first search does not read every reflection.
        """
        needle = text.casefold().strip()
        hidden: set[str] = set()
        for year in self.years():
            yield from (
                r for r in _each_id_once(self._reader.search(year, needle)) if r.id not in hidden
            )
            hidden |= self._reader.ids(year)

    def _homes(self, reflection_id: str) -> list[int]:
        """The years whose files hold this id, newest first (more than one only after a
        cut-off move by an older version)."""
        return [year for year in self.years() if reflection_id in self._reader.ids(year)]


def _each_id_once(reflections: Iterable[Reflection]) -> Iterator[Reflection]:
    seen: set[str] = set()
    for reflection in reflections:
        if reflection.id not in seen:
            seen.add(reflection.id)
            yield reflection
