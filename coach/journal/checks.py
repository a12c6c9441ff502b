"""What a good version of a journal file is: the one test the journal's error messages and
``coach doctor`` both use to name "the newest good backup"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coach.journal.names import DRAFT_TABLE, REFLECTIONS_TABLE, YEAR_FILE
from coach.journal.schema import CURRENT_SCHEMA, document_to_reflection, migrate, schema_of
from coach.journal.storage import ShapeError, Tables, is_journal_file, parse_tables
from coach.model import ModelError


def _reflection_problem(tables: Tables) -> str | None:
    """Why a year file's reflections are not all readable, or None when they are."""
    for doc_id, document in tables.get(REFLECTIONS_TABLE, {}).items():
        if schema_of(document) > CURRENT_SCHEMA:
            continue
        try:
            document_to_reflection(migrate(dict(document)))
        except ModelError as error:
            name = document.get("id")
            shown = repr(name) if isinstance(name, str) else f"number {doc_id}"
            return f"entry {shown}: {error}"
    return None


def _draft_problem(tables: Tables) -> str | None:
    """Why a draft file does not hold a readable draft, or None when it does."""
    for document in tables.get(DRAFT_TABLE, {}).values():
        saved, state = document.get("saved"), document.get("state")
        if not isinstance(saved, str) or not isinstance(state, dict):
            return "the draft has the wrong shape"
        try:
            dt.datetime.fromisoformat(saved)
        except ValueError:
            return "the draft's time of saving is not a date and time"
    return None


def _content_problem(path: Path, tables: Tables) -> str | None:
    if YEAR_FILE.match(path.name):
        return _reflection_problem(tables)
    if path.name == "draft.json":
        return _draft_problem(tables)
    return None


def file_problem(path: Path, raw: bytes) -> str | None:
    """Why ``raw`` is not a good version of the journal file ``path``, or None when it is."""
    try:
        tables = parse_tables(raw)
    except ShapeError as error:
        return str(error)
    return _content_problem(path, tables)


def good_version_test(path: Path) -> Callable[[bytes], bool]:
    """A test of whether some bytes (a backup, say) would be a good version of ``path``."""

    def is_good(raw: bytes) -> bool:
        return is_journal_file(raw) and file_problem(path, raw) is None

    return is_good
