"""Checks of the journal files, working file by file without opening a ``Journal``.

A damaged file must not stop the check of the others, so nothing here goes through the
``Journal`` facade. Checking only reads, and holds the journal's lock while it looks, so a save
under way in another process is never mistaken for damage. It sees what readers see: while a
change to several files is being applied, each file's new version. Repairs are in
``coach.journal.repair``.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from coach.journal.backups import newest_good_backup
from coach.journal.checks import file_problem, good_version_test, newest_schema
from coach.journal.files import (
    FILE_MODE,
    FOLDER_MODE,
    MODES_MEAN_PRIVACY,
    folder_files,
    private_folders,
    stale_temps,
)
from coach.journal.locking import held, journal_lock
from coach.journal.names import (
    DRAFT_FILE,
    JOURNAL_MARKS,
    LOCK_TIMEOUT_SECONDS,
    PENDING_FILE,
    REFLECTIONS_TABLE,
    YEAR_FILE,
    Layout,
)
from coach.journal.pending import PendingPlan, PlanDamaged, read_plan
from coach.journal.schema import CURRENT_SCHEMA, document_to_reflection, migrate
from coach.journal.sealing import PLAIN, Sealing
from coach.journal.storage import Tables, stored_tables
from coach.text import quoted


class Trouble(StrEnum):
    """The kinds of problem a check finds."""

    DAMAGED = "damaged"
    TOO_NEW = "too new"
    UNREADABLE = "unreadable"
    NOT_A_FILE = "not a file"
    DUPLICATE = "duplicate"
    UNFINISHED = "unfinished"
    PERMISSIONS = "permissions"
    STALE_TEMP = "stale temp"


# Troubles that leave the journal sound while they last: readers are not misled by them.
_HARMLESS = (Trouble.STALE_TEMP, Trouble.UNFINISHED)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the journal, explained in a plain sentence.

    For a duplicate, ``path`` is the file whose copy every reader shows (and repair keeps),
    ``others`` the files holding the other copies, and ``subject`` the reflection's id.
    """

    trouble: Trouble
    path: Path
    explanation: str
    backup: Path | None = None
    others: tuple[Path, ...] = ()
    subject: str = ""

    @property
    def serious(self) -> bool:
        """Whether the journal is unsound while it lasts."""
        return self.trouble not in _HARMLESS

    @property
    def restorable(self) -> bool:
        """Whether ``--restore`` can put it right."""
        if self.trouble is Trouble.DAMAGED:
            return self.backup is not None or self.path.name in (DRAFT_FILE, PENDING_FILE)
        return self.trouble in (
            Trouble.PERMISSIONS,
            Trouble.STALE_TEMP,
            Trouble.DUPLICATE,
            Trouble.UNFINISHED,
        )


@dataclass(frozen=True)
class Checkup:
    """What a check of one data folder found."""

    data_dir: Path
    exists: bool
    reflections: int
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = field(default=())
    sealing: Sealing = field(default=PLAIN, repr=False, compare=False)
    """How the journal's files were read (its key, when it is encrypted): repairs use it."""

    @property
    def sound(self) -> bool:
        """True when nothing that matters is wrong."""
        return not any(problem.serious for problem in self.problems)


# --- the check ---------------------------------------------------------------------------


def journal_entries(layout: Layout) -> list[Path]:
    """Every name where a journal file is or should be: year files (newest first), records and
    draft, whatever they are (a folder or a link in their place is a problem, not a skip)."""
    years: list[Path] = []
    if layout.journal_dir.is_dir():
        years = sorted(
            (p for p in layout.journal_dir.iterdir() if YEAR_FILE.match(p.name)), reverse=True
        )
    return [*years, *(p for p in (layout.records, layout.draft) if os.path.lexists(p))]


def _not_a_file(path: Path) -> Problem | None:
    info = os.lstat(path)
    if stat.S_ISREG(info.st_mode):
        return None
    what = (
        "a link" if stat.S_ISLNK(info.st_mode)
        else "a folder" if stat.S_ISDIR(info.st_mode)
        else "not a regular file"
    )  # fmt: skip
    return Problem(
        Trouble.NOT_A_FILE,
        path,
        f"{path} should be a journal file but is {what}; the coach cannot read or save it; "
        "move it out of the journal folder",
    )


def _check_file(path: Path, source: Path, layout: Layout) -> tuple[Problem | None, Tables | None]:
    try:
        raw = source.read_bytes()
    except OSError as error:
        return Problem(Trouble.UNREADABLE, path, f"{path} cannot be read ({error.strerror})"), None
    problem = file_problem(path, raw, layout.sealing)
    if problem is not None:
        is_good = good_version_test(path, layout.sealing)
        backup = newest_good_backup(layout.backups_dir, path, is_good)
        return Problem(Trouble.DAMAGED, path, f"{path} is damaged ({problem})", backup), None
    tables = stored_tables(raw, layout.sealing)
    if (newest := newest_schema(tables)) > CURRENT_SCHEMA:
        return Problem(
            Trouble.TOO_NEW,
            path,
            f"{path} was written by a newer pwp-coach (schema {newest}; this version reads up "
            f"to {CURRENT_SCHEMA}); upgrade pwp-coach",
        ), None
    return None, tables


def _plan_problems(layout: Layout) -> tuple[PendingPlan | None, list[Problem]]:
    try:
        plan = read_plan(layout)
    except PlanDamaged as error:
        return None, [
            Problem(Trouble.DAMAGED, layout.pending, f"{layout.pending} is damaged ({error})")
        ]
    except OSError as error:
        where = layout.pending
        return None, [Problem(Trouble.UNREADABLE, where, f"{where} cannot be read ({error})")]
    if plan is None:
        return None, []
    return plan, [
        Problem(
            Trouble.UNFINISHED,
            layout.pending,
            f"a change to {len(plan.renames)} files was cut off after it was made whole; the "
            "coach finishes it the next time it opens, and until then shows it as finished",
        )
    ]


def _duplicates(homes: dict[str, list[Path]]) -> list[Problem]:
    problems = []
    for reflection_id, paths in homes.items():
        if len(paths) < 2:
            continue
        shown, *others = sorted(paths, key=lambda p: p.name, reverse=True)
        where = " and ".join(str(p) for p in [shown, *others])
        problems.append(
            Problem(
                Trouble.DUPLICATE,
                shown,
                f"reflection {quoted(reflection_id)} is stored {len(paths)} times, in "
                f"{where} (a move to another year was cut off by an older pwp-coach); the "
                f"coach shows the copy in {shown}, and '--restore' keeps that one and sets the "
                "other files aside as they were",
                others=tuple(others),
                subject=reflection_id,
            )
        )
    return problems


def check(
    data_dir: Path, *, wait: float = LOCK_TIMEOUT_SECONDS, sealing: Sealing = PLAIN
) -> Checkup:
    """Check every journal file in ``data_dir``, reading only; one damaged file stops nothing.

    The journal's lock is held while it looks (waiting up to ``wait`` seconds for a save in
    another process to finish), so a save under way is never taken for damage.
    """
    if not data_dir.is_dir():
        if not data_dir.exists():
            return Checkup(data_dir, exists=False, reflections=0)
        not_folder = Problem(Trouble.UNREADABLE, data_dir, f"{data_dir} is not a folder")
        return Checkup(data_dir, exists=True, reflections=0, problems=(not_folder,))
    if not any(os.path.lexists(data_dir / mark) for mark in JOURNAL_MARKS):
        return Checkup(data_dir, exists=False, reflections=0)
    layout = Layout(data_dir, sealing)
    with held(journal_lock(layout, wait), data_dir) as read_only:
        checkup = _check(layout)
    if read_only is None:
        return checkup
    note = f"the journal in {data_dir} is read-only; it was checked as it is"
    return replace(checkup, notes=(*checkup.notes, note))


def _check(layout: Layout) -> Checkup:
    plan, problems = _plan_problems(layout)
    notes: list[str] = []
    homes: dict[str, list[Path]] = {}
    for path in journal_entries(layout):
        if (odd := _not_a_file(path)) is not None:
            problems.append(odd)
            continue
        source = plan.source_of(path) if plan is not None else path
        problem, tables = _check_file(path, source, layout)
        if problem is not None:
            problems.append(problem)
            continue
        year = layout.year_of(path)
        if tables is None or year is None:
            continue
        for document in tables.get(REFLECTIONS_TABLE, {}).values():
            reflection = document_to_reflection(migrate(dict(document)))
            found = homes.setdefault(reflection.id, [])
            if path not in found:
                found.append(path)
            if reflection.year != year:
                notes.append(
                    f"reflection {quoted(reflection.id)} is dated {reflection.date} but "
                    f"kept in {path}"
                )
    problems += _duplicates(homes)
    problems += permission_problems(layout.data_dir)
    waiting = {temp for temp, _target in plan.renames} if plan is not None else set()
    for folder in private_folders(layout.data_dir):
        problems += [
            Problem(
                Trouble.STALE_TEMP,
                temp,
                f"{temp} is a temporary file left by a save that was cut off",
            )
            for temp in stale_temps(folder)
            if temp not in waiting
        ]
    return Checkup(layout.data_dir, True, len(homes), tuple(problems), tuple(notes), layout.sealing)


def _private_files(data_dir: Path) -> Iterator[Path]:
    """Every file that must be private (never through a symlink); stale temporary files are
    reported on their own."""
    for folder in private_folders(data_dir):
        temps = set(stale_temps(folder))
        yield from (p for p in folder_files(folder) if p not in temps)


def permission_problems(data_dir: Path) -> list[Problem]:
    """Folders and files of the journal that others could open: none where mode bits do not
    say who may open a file (Windows, where the user profile's folder keeps it private)."""
    problems: list[Problem] = []
    if not MODES_MEAN_PRIVACY:
        return problems
    for path, wanted, what in [
        *((p, FOLDER_MODE, "folder") for p in private_folders(data_dir)),
        *((p, FILE_MODE, "file") for p in _private_files(data_dir)),
    ]:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode != wanted:
                problems.append(
                    Problem(
                        Trouble.PERMISSIONS,
                        path,
                        f"{what} {path} can be opened by others (mode {mode:04o}, should be "
                        f"{wanted:04o})",
                    )
                )
    return problems
