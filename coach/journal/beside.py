"""What the journal keeps beside its reflections: settings, records of other kinds (leave,
breaks, closings; ``coach.journal.records``), and the draft of a reflection in progress.

``Journal`` derives from ``BesideReflections``; the methods here are the facade's, each taking
the journal's lock and transaction (``_changing``) or reading through its caches
(``_reading``, the year reader) exactly as the reflection methods in ``journal.py`` do. They
are apart only so neither file is past ~400 lines: what they need of the journal is declared
below, and ``Journal`` provides it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document as TinyDocument

from coach.journal.errors import JournalCorrupt, JournalTooNew
from coach.journal.kept import kept_arrays
from coach.journal.names import DRAFT_TABLE, SETTINGS_TABLE
from coach.journal.records import (
    date_of,
    from_documents,
    is_dated,
    kind_of,
    merge,
    remove,
    upsert,
)
from coach.journal.schema import CURRENT_SCHEMA, replace_with, schema_of
from coach.shape import Record

if TYPE_CHECKING:
    from coach.journal.reading import YearReader
    from coach.journal.transaction import Transaction

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Draft:
    """A reflection in progress: what the screens had, and when it was saved."""

    saved: dt.datetime
    state: dict[str, Any]


@dataclass(frozen=True)
class ImportReport:
    """What an import did, record by record."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


class BesideReflections:
    """Settings, other records and the draft, for ``Journal`` (which provides what is below)."""

    records_path: Path
    draft_path: Path
    _reader: YearReader

    def _changing(self) -> contextlib.AbstractContextManager[Transaction]:
        raise NotImplementedError

    def _reading(self, path: Path) -> TinyDB:
        raise NotImplementedError

    def _damaged(self, path: Path, problem: str) -> JournalCorrupt:
        raise NotImplementedError

    def years(self) -> list[int]:
        raise NotImplementedError

    def year_path(self, year: int) -> Path:
        raise NotImplementedError

    # --- settings ------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The user's settings (core values and the like) as a plain dict."""
        found = self._reading(self.records_path).table(SETTINGS_TABLE).all()
        return {k: v for k, v in found[0].items() if k != "schema"} if found else {}

    def update_settings(self, changes: Mapping[str, Any]) -> None:
        """Change some settings, keeping the rest."""
        with self._changing() as change:
            self._merge_settings(change, changes)

    def _merge_settings(self, change: Transaction, changes: Mapping[str, Any]) -> ImportReport:
        """Within ``change``: every key of ``changes`` replaces the stored one, the rest stay.
        Reports the keys by what was done to them (an import's settings are merged with
        everything else it brings, in the one change)."""
        table = change.db(self.records_path).table(SETTINGS_TABLE)
        current = table.all()
        was = dict(current[0]) if current else {}
        added = sum(1 for key in changes if key not in was)
        updated = sum(1 for key, value in changes.items() if key in was and was[key] != value)
        if changes or current:
            merged = {**was, **changes, "schema": CURRENT_SCHEMA}
            if current:
                table.update(replace_with(merged), doc_ids=[current[0].doc_id])
            else:
                table.insert(merged)
        return ImportReport(added, updated, len(changes) - added - updated)

    # --- other records: leave, breaks, closings (``coach.journal.records``) --------------

    def records(
        self, cls: type[R], *, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[R]:
        """Every stored record of a kind (a dated kind's from ``since`` and up to ``until``,
        when given; only the years between are read)."""
        name = kind_of(cls)
        if not is_dated(cls):
            stored = self._reading(self.records_path).table(name).all()
            return from_documents(cls, stored, partial(self._damaged, self.records_path))
        found: list[R] = []
        for year in self.years():
            if since is not None and year < since.year:
                break
            if until is not None and year > until.year:
                continue
            damaged = partial(self._damaged, self.year_path(year))
            found += from_documents(cls, self._reader.kept(year, name), damaged)
        return [
            r
            for r in found
            if (since is None or date_of(r) >= since) and (until is None or date_of(r) <= until)
        ]

    def save_record(self, record: Record) -> None:
        """Add a record, or replace the stored one with the same id (a dated one in its year)."""
        home = self._home_of(record)
        with self._changing() as change:
            upsert(change, home, record)

    def delete_record(self, cls: type[Record], record_id: str) -> bool:
        """Remove the record of a kind with this id; True if it was there."""
        with self._changing() as change:
            found = [remove(change, home, cls, record_id) for home in self._homes_of(cls)]
            return any(found)

    def import_records(self, records: Iterable[Record]) -> ImportReport:
        """Merge records by id in one change: a new id is added, a known one replaced (moved
        to its year's file if its date changed), an identical one left as it is."""
        with self._changing() as change:
            counts = merge(change, records, home_of=self._home_of, homes_of=self._homes_of)
        return ImportReport(*counts)

    def _home_of(self, record: Record) -> Path:
        cls = type(record)
        kind_of(cls)  # a kind the journal keeps, or TypeError
        return self.year_path(date_of(record).year) if is_dated(cls) else self.records_path

    def _homes_of(self, cls: type[Record]) -> list[Path]:
        return [self.year_path(y) for y in self.years()] if is_dated(cls) else [self.records_path]

    def kept_records(self) -> dict[str, list[Any]]:
        """The arrays of record kinds this version does not know, kept from imports, by name."""
        return kept_arrays(
            self._reading(self.records_path), partial(self._damaged, self.records_path)
        )

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, state: Mapping[str, Any]) -> None:
        """Keep the reflection in progress; cheap enough to call every few seconds.

        A draft file that is damaged, or was written by a newer coach, is never written over.
        """
        document = {"schema": CURRENT_SCHEMA, "saved": _now().isoformat(), "state": dict(state)}
        with self._changing() as change:
            table = change.db(self.draft_path).table(DRAFT_TABLE)
            if table.contains(doc_id=1):
                table.update(replace_with(document), doc_ids=[1])
            else:
                table.insert(TinyDocument(document, doc_id=1))

    def load_draft(self) -> Draft | None:
        """The reflection in progress left by an earlier run, if any."""
        found = self._reading(self.draft_path).table(DRAFT_TABLE).all()
        if not found:
            return None
        document = found[0]
        if schema_of(document) > CURRENT_SCHEMA:
            raise JournalTooNew(self.draft_path, schema_of(document), CURRENT_SCHEMA)
        try:
            return Draft(
                saved=dt.datetime.fromisoformat(document["saved"]), state=dict(document["state"])
            )
        except (KeyError, TypeError, ValueError):
            raise self._damaged(self.draft_path, "the draft has the wrong shape") from None

    def discard_draft(self) -> None:
        """Forget the reflection in progress (it was saved or the user let it go)."""
        if not self.draft_path.exists():
            return
        with self._changing() as change:
            table = change.db(self.draft_path).table(DRAFT_TABLE)
            if len(table):
                table.truncate()


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)
