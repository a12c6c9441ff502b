"""How the journal writes reflections: add, save, update, delete, and merging an import.

``Journal`` derives from ``ReflectionWrites`` (which derives from ``ReflectionReads`` and
``BesideReflections``); the methods here are the facade's, apart only so ``journal.py`` stays
near ~400 lines. Each takes the journal's lock and transaction (``_changing``) and finds where
a reflection is stored through the year reader's ids, never by building the stored
reflections; what they need of the journal is declared in ``BesideReflections``, and
``Journal`` provides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tinydb import Query

from coach.journal.beside import ImportReport
from coach.journal.errors import JournalError, ReflectionNotFound
from coach.journal.kept import merge_kept
from coach.journal.names import REFLECTIONS_TABLE
from coach.journal.reads import ReflectionReads
from coach.journal.records import merge
from coach.journal.schema import reflection_to_document
from coach.model import Reflection
from coach.shape import Record

if TYPE_CHECKING:
    from coach.journal.transaction import Transaction

_BY_ID = Query()


class ReflectionWrites(ReflectionReads):
    """Writing reflections, for ``Journal``."""

    def _table(self, change: Transaction, year: int) -> Any:
        return change.db(self.year_path(year)).table(REFLECTIONS_TABLE)

    def add(self, reflection: Reflection) -> None:
        """Store a new reflection; raises if its id is already saved in any year."""
        with self._changing() as change:
            if self._homes(reflection.id):
                raise JournalError(f"a reflection with id {reflection.id} is already saved")
            self._table(change, reflection.year).insert(reflection_to_document(reflection))

    def save(self, reflection: Reflection) -> None:
        """Add the reflection, or replace the stored one with the same id (even across years)."""
        self._put(reflection, must_exist=False)

    def update(self, reflection: Reflection) -> None:
        """Replace a stored reflection; raises ``ReflectionNotFound`` if it is not there."""
        self._put(reflection, must_exist=True)

    def _put(self, reflection: Reflection, *, must_exist: bool) -> None:
        """One change: the new version in its year, every other copy gone (a move to another
        year writes both files together, so no reader ever sees it twice or not at all)."""
        with self._changing() as change:
            homes = self._homes(reflection.id)
            if must_exist and not homes:
                raise ReflectionNotFound(reflection.id)
            self._replace_all(change, {reflection.id: homes}, [reflection])

    def _replace_all(
        self, change: Transaction, homes: Mapping[str, list[int]], reflections: list[Reflection]
    ) -> None:
        """Make each reflection's stored copies exactly one, in its own year."""
        by_id = {r.id: r for r in reflections}
        for year in sorted({y for rid in by_id for y in homes.get(rid, [])}):
            leaving = [rid for rid in by_id if year in homes.get(rid, [])]
            self._table(change, year).remove(_BY_ID.id.one_of(leaving))
        for year in sorted({r.year for r in reflections}):
            arriving = [reflection_to_document(r) for r in reflections if r.year == year]
            self._table(change, year).insert_multiple(arriving)

    def delete(self, reflection_id: str) -> bool:
        """Remove a reflection (every copy of it); True if it was there. The rolling backups
        keep it until they roll over (``backups.rolled_over_by`` says when, at the earliest)."""
        with self._changing() as change:
            homes = self._homes(reflection_id)
            for year in homes:
                self._table(change, year).remove(_BY_ID.id == reflection_id)
            return bool(homes)

    def import_reflections(self, reflections: Iterable[Reflection]) -> ImportReport:
        """Merge reflections by id: new ones are added, changed ones replaced, equal ones left.

        One change, whole or not at all. Each incoming id is compared with every stored copy
        of it; only those copies are built, never the rest of the journal.
        """
        with self._changing() as change:
            return self._merge_reflections(change, reflections)

    def _merge_reflections(
        self, change: Transaction, reflections: Iterable[Reflection]
    ) -> ImportReport:
        incoming = {r.id: r for r in reflections}
        homes: dict[str, list[int]] = {}
        for year in self.years():
            for rid in self._reader.ids(year) & incoming.keys():
                homes.setdefault(rid, []).append(year)
        changed = [
            r for r in incoming.values() if r.id in homes and not self._stored_as(r, homes[r.id])
        ]
        new = [r for r in incoming.values() if r.id not in homes]
        self._replace_all(change, homes, [*changed, *new])
        unchanged = len(incoming) - len(new) - len(changed)
        return ImportReport(added=len(new), updated=len(changed), unchanged=unchanged)

    def import_all(
        self,
        reflections: Iterable[Reflection],
        records: Mapping[str, Iterable[Record]],
        kept: Mapping[str, Iterable[Any]],
        settings: Mapping[str, Any] | None = None,
    ) -> dict[str, ImportReport]:
        """Merge an import in one change, whole or not at all: reflections (as
        ``import_reflections``), the records of each kind (by kind name, as ``import_records``),
        the arrays of kinds this version does not know (``coach.journal.kept``) and, given
        ``settings``, each of its keys over the stored one (the file's settings win; the keys
        it lacks stay). Returns what was done, by name: ``reflections``, each kind given, each
        kept array, and ``settings`` when given (counted by key)."""
        with self._changing() as change:
            reports = {"reflections": self._merge_reflections(change, reflections)}
            if settings is not None:
                reports["settings"] = self._merge_settings(change, settings)
            for name, found in records.items():
                merged = merge(change, found, home_of=self._home_of, homes_of=self._homes_of)
                reports[name] = ImportReport(*merged)
            for name, items in kept.items():
                reports[name] = ImportReport(*merge_kept(change, self.records_path, name, items))
        return reports

    def _stored_as(self, reflection: Reflection, homes: list[int]) -> bool:
        """Whether the journal holds exactly this reflection, once, in its own year."""
        if homes != [reflection.year]:
            return False
        copies = self._reader.find(reflection.year, reflection.id)
        wanted = reflection_to_document(reflection)
        return len(copies) == 1 and reflection_to_document(copies[0]) == wanted
