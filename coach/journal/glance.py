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


def _tables(path: Path) -> Tables | None:
    """A plain journal file's tables, None when it does not exist; ``GlanceProblem`` else."""
    try:
        stored = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise GlanceProblem(f"{path}: {error.strerror}") from None
    try:
        return stored_tables(stored, PLAIN)
    except ShapeError as error:
        raise GlanceProblem(f"{path}: {error}") from None


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
    records = _tables(pending.source_of(layout.records)) or {}
    stored = list(records.get(SETTINGS_TABLE, {}).values())
    settings = {k: v for k, v in stored[0].items() if k != "schema"} if stored else {}
    year = _tables(year_file) or {}
    day = today.isoformat()
    wanted = {kind.value for kind in kinds}
    written = any(
        document.get("date") == day and document.get("kind", Kind.REFLECTION.value) in wanted
        for document in year.get(REFLECTIONS_TABLE, {}).values()
    )
    return TodayGlance(written_today=written, settings=settings)


__all__ = ["GlanceProblem", "TodayGlance", "glance_today"]
