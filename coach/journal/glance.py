"""A glance at today, for ``coach nudge``: read-only, lock-free, and no more than two files.

``coach nudge`` runs at every shell prompt, so it must cost no more than ``coach --help`` and
must never change anything: it takes no lock, creates no folder or file, migrates nothing and
asks for no passphrase. It reads only the settings (in ``records.json``) and today's year file,
never the rest of the journal; a change being applied (``pending.json``) is read where its new
version waits, as every reader does.

An encrypted journal cannot be read without its passphrase, so there it goes by what the file
system already shows: whether today's year file was changed today. That file also changes when
a break or a closing is noted, or an older entry of this year is edited, so on an encrypted
journal such a day counts as written (the nudge stays quiet rather than nag); its settings
cannot be read either, so the defaults hold unless the command's flags say otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.journal.names import REFLECTIONS_TABLE, SETTINGS_TABLE, Layout
from coach.journal.pending import PendingView
from coach.journal.sealing import PLAIN
from coach.journal.storage import ShapeError, Tables, stored_tables
from coach.model import WRITTEN_KINDS, Kind


class GlanceProblem(ValueError):
    """A file the glance needs could not be read; the message names it."""


@dataclass(frozen=True)
class TodayGlance:
    """What the nudge needs: the stored settings ({} when there are none, or they are
    encrypted) and whether an entry of a written kind is dated today."""

    written_today: bool
    settings: Mapping[str, Any] = field(default_factory=dict)


def _stored(path: Path) -> bytes | None:
    """A file's bytes, None when it does not exist; ``GlanceProblem`` when they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise GlanceProblem(f"{path}: {error.strerror}") from None


def _tables(path: Path, stored: bytes | None) -> Tables | None:
    """A plain journal file's tables, None when it does not exist; ``GlanceProblem`` else."""
    if stored is None:
        return None
    try:
        return stored_tables(stored, PLAIN)
    except ShapeError as error:
        raise GlanceProblem(f"{path}: {error}") from None


def _may_hold(stored: bytes, day: str) -> bool:
    """Whether a year file's JSON may hold an entry dated ``day``: False only when no
    ``"date": "<day>"`` pair is in it at all. Parsing a full year's file costs ~3 ms and ~5 MiB
    at every prompt; this search ~0.5 ms. Any JSON writer puts a key and an ISO date as they
    are (a quote inside a text is escaped, so no text can look like the pair); a match is
    only a "perhaps", settled by parsing."""
    return re.search(rb'"date"\s*:\s*"' + day.encode("ascii") + rb'"', stored) is not None


def _changed_on(path: Path, today: dt.date) -> bool:
    """Whether ``path`` was last changed on ``today`` (the machine's local date)."""
    try:
        changed = os.stat(path).st_mtime
    except FileNotFoundError:
        return False
    except OSError as error:
        raise GlanceProblem(f"{path}: {error.strerror}") from None
    return dt.date.fromtimestamp(changed) == today


def glance_today(
    data_dir: Path, today: dt.date, *, kinds: Collection[Kind] = WRITTEN_KINDS
) -> TodayGlance:
    """Whether ``data_dir``'s journal holds an entry of ``kinds`` dated ``today`` (imported
    notes are not written in the coach, so they do not count), and its settings. A folder
    with no journal (or none at all) reads as an empty journal. Raises ``GlanceProblem``."""
    layout = Layout(Path(data_dir))
    pending = PendingView(layout)
    year_file = pending.source_of(layout.year(today.year))
    if layout.keys.exists():  # encrypted: nothing can be read without the passphrase
        return TodayGlance(written_today=_changed_on(year_file, today))
    records_file = pending.source_of(layout.records)
    records = _tables(records_file, _stored(records_file)) or {}
    stored = list(records.get(SETTINGS_TABLE, {}).values())
    settings = {k: v for k, v in stored[0].items() if k != "schema"} if stored else {}
    day = today.isoformat()
    raw = _stored(year_file)
    if raw is not None and raw.lstrip().startswith(b"{") and not _may_hold(raw, day):
        return TodayGlance(written_today=False, settings=settings)
    year = _tables(year_file, raw) or {}
    wanted = {kind.value for kind in kinds}
    written = any(
        document.get("date") == day and document.get("kind", Kind.REFLECTION.value) in wanted
        for document in year.get(REFLECTIONS_TABLE, {}).values()
    )
    return TodayGlance(written_today=written, settings=settings)


__all__ = ["GlanceProblem", "TodayGlance", "glance_today"]
