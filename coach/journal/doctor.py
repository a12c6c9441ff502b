"""Checks and repairs of the journal files, working file by file without opening a ``Journal``.

A damaged file must not stop the check of the others, so nothing here goes through the
``Journal`` facade. Checking only reads. Repairing never writes to a damaged file and never
deletes what the user had: the damaged file is renamed aside (``2026.json.damaged-<time>``) and
the newest good backup is written in its place, atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from filelock import FileLock, Timeout

from coach.journal.backups import newest_good_backup
from coach.journal.checks import file_problem, good_version_test
from coach.journal.errors import JournalError
from coach.journal.files import FILE_MODE, FOLDER_MODE, stale_temps, write_atomic
from coach.journal.names import (
    LOCK_NAME,
    LOCK_TIMEOUT_SECONDS,
    REFLECTIONS_TABLE,
    YEAR_FILE,
)
from coach.journal.schema import CURRENT_SCHEMA, document_to_reflection, migrate, schema_of
from coach.journal.storage import Tables, parse_tables


class Trouble(StrEnum):
    """The kinds of problem a check finds."""

    DAMAGED = "damaged"
    TOO_NEW = "too new"
    UNREADABLE = "unreadable"
    DUPLICATE = "duplicate"
    PERMISSIONS = "permissions"
    STALE_TEMP = "stale temp"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the journal, explained in a plain sentence."""

    trouble: Trouble
    path: Path
    explanation: str
    backup: Path | None = None

    @property
    def serious(self) -> bool:
        """Whether the journal is unsound while it lasts (a stale temporary file is not)."""
        return self.trouble is not Trouble.STALE_TEMP

    @property
    def restorable(self) -> bool:
        """Whether ``--restore`` can put it right."""
        if self.trouble is Trouble.DAMAGED:
            return self.backup is not None or self.path.name == "draft.json"
        return self.trouble in (Trouble.PERMISSIONS, Trouble.STALE_TEMP)


@dataclass(frozen=True)
class Checkup:
    """What a check of one data folder found."""

    data_dir: Path
    exists: bool
    reflections: int
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def sound(self) -> bool:
        """True when nothing that matters is wrong."""
        return not any(problem.serious for problem in self.problems)


def _printable(text: str) -> str:
    """Text safe to print on one line: as it is when printable, else quoted with escapes."""
    return text if text.isprintable() else repr(text)


# --- the check ---------------------------------------------------------------------------


def journal_files(data_dir: Path) -> list[Path]:
    """Every journal file there is: the year files (newest first), records and draft."""
    journal_dir = data_dir / "journal"
    years: list[Path] = []
    if journal_dir.is_dir():
        years = sorted(
            (p for p in journal_dir.iterdir() if YEAR_FILE.match(p.name) and p.is_file()),
            reverse=True,
        )
    others = [data_dir / "records.json", data_dir / "draft.json"]
    return years + [p for p in others if p.is_file()]


def _private_folders(data_dir: Path) -> Iterator[Path]:
    for folder in (data_dir, data_dir / "journal", data_dir / "backups"):
        if folder.is_dir():
            yield folder
    backups = data_dir / "backups"
    if backups.is_dir():
        yield from sorted(p for p in backups.rglob("*") if p.is_dir())


def _private_files(data_dir: Path) -> Iterator[Path]:
    """Every file that must be private; stale temporary files are reported on their own."""
    for folder in _private_folders(data_dir):
        temps = set(stale_temps(folder))
        yield from sorted(
            p for p in folder.iterdir() if p.is_file() and not p.is_symlink() and p not in temps
        )


def _permission_problems(data_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    for path, wanted, what in [
        *((p, FOLDER_MODE, "folder") for p in _private_folders(data_dir)),
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


def _check_file(path: Path, backups_root: Path) -> tuple[Problem | None, Tables | None]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Problem(Trouble.UNREADABLE, path, f"{path} cannot be read ({error.strerror})"), None
    problem = file_problem(path, raw)
    if problem is not None:
        backup = newest_good_backup(backups_root, path, good_version_test(path))
        return Problem(Trouble.DAMAGED, path, f"{path} is damaged ({problem})", backup), None
    tables = parse_tables(raw)
    newest = max(
        (schema_of(document) for table in tables.values() for document in table.values()),
        default=0,
    )
    if newest > CURRENT_SCHEMA:
        return Problem(
            Trouble.TOO_NEW,
            path,
            f"{path} was written by a newer pwp-coach (schema {newest}; this version reads up "
            f"to {CURRENT_SCHEMA}); upgrade pwp-coach",
        ), None
    return None, tables


def check(data_dir: Path) -> Checkup:
    """Check every journal file in ``data_dir``, reading only; one damaged file stops nothing."""
    if not data_dir.is_dir():
        if not data_dir.exists():
            return Checkup(data_dir, exists=False, reflections=0)
        not_folder = Problem(Trouble.UNREADABLE, data_dir, f"{data_dir} is not a folder")
        return Checkup(data_dir, exists=True, reflections=0, problems=(not_folder,))
    problems: list[Problem] = []
    notes: list[str] = []
    backups_root = data_dir / "backups"
    homes: dict[str, list[Path]] = {}
    for path in journal_files(data_dir):
        problem, tables = _check_file(path, backups_root)
        if problem is not None:
            problems.append(problem)
            continue
        year = YEAR_FILE.match(path.name)
        if tables is None or year is None:
            continue
        for document in tables.get(REFLECTIONS_TABLE, {}).values():
            reflection = document_to_reflection(migrate(dict(document)))
            homes.setdefault(reflection.id, []).append(path)
            if reflection.year != int(year.group(1)):
                notes.append(
                    f"reflection {_printable(reflection.id)} is dated {reflection.date} but "
                    f"kept in {path}"
                )
    for reflection_id, paths in homes.items():
        if len(paths) > 1:
            where = " and ".join(str(p) for p in paths)
            problems.append(
                Problem(
                    Trouble.DUPLICATE,
                    paths[0],
                    f"reflection {_printable(reflection_id)} is stored {len(paths)} times, in "
                    f"{where} (a save that moved it to another year was cut off); nothing is "
                    "lost, but doctor cannot yet tell which copy is the one you meant",
                )
            )
    problems += _permission_problems(data_dir)
    for folder in (data_dir, data_dir / "journal"):
        problems += [
            Problem(
                Trouble.STALE_TEMP,
                temp,
                f"{temp} is a temporary file left by a save that was cut off",
            )
            for temp in stale_temps(folder)
        ]
    return Checkup(data_dir, True, len(homes), tuple(problems), tuple(notes))


# --- repair ------------------------------------------------------------------------------


@contextlib.contextmanager
def journal_lock(data_dir: Path) -> Iterator[None]:
    """Hold the journal's own lock, so no coach writes while a repair runs."""
    lock = FileLock(str(data_dir / LOCK_NAME), mode=FILE_MODE, timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise JournalError(
            f"the journal in {data_dir} is busy: another coach is writing to it; close it and "
            "try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def aside_path(path: Path, moment: dt.datetime) -> Path:
    """A free name beside ``path`` for its damaged copy: ``<name>.damaged-<time>``."""
    stamp = moment.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    return candidate


def restore_file(path: Path, backup: Path | None, moment: dt.datetime) -> Path:
    """Set the damaged ``path`` aside, then write ``backup``'s bytes in its place (0600).

    The damaged file is first linked under its aside name, then replaced atomically, so its
    bytes are never written to and the journal file never goes missing. With no backup (allowed
    for a draft only, which the coach can do without) the damaged file is only renamed aside.
    Returns where the damaged copy now is. Call holding the lock.
    """
    aside = aside_path(path, moment)
    if backup is None:
        os.rename(path, aside)
        return aside
    payload = backup.read_bytes()
    try:
        os.link(path, aside)
    except OSError:
        os.rename(path, aside)
    write_atomic(path, payload)
    os.chmod(path, FILE_MODE)
    return aside


@dataclass(frozen=True)
class Repair:
    """One thing a repair did, as a sentence."""

    problem: Problem
    done: str


def repair(checkup: Checkup, moment: dt.datetime | None = None) -> list[Repair]:
    """Put right every restorable problem the checkup found; returns what was done.

    Damaged files first (each checked again under the lock, and left alone if it has become
    good), then permissions, looked at afresh so the copies set aside are made private too,
    then stale temporary files.
    """
    when = moment or dt.datetime.now().astimezone()
    done: list[Repair] = []
    with journal_lock(checkup.data_dir):
        for problem in checkup.problems:
            if problem.trouble is Trouble.DAMAGED and problem.restorable:
                done += _restore_damaged(problem, when)
        for problem in _permission_problems(checkup.data_dir):
            with contextlib.suppress(FileNotFoundError):
                problem.path.chmod(FOLDER_MODE if problem.path.is_dir() else FILE_MODE)
                done.append(Repair(problem, f"made {problem.path} private"))
        for problem in checkup.problems:
            if problem.trouble is Trouble.STALE_TEMP:
                with contextlib.suppress(FileNotFoundError):
                    problem.path.unlink()
                    done.append(Repair(problem, f"removed the temporary file {problem.path}"))
    return done


def _restore_damaged(problem: Problem, when: dt.datetime) -> list[Repair]:
    path = problem.path
    try:
        still_damaged = file_problem(path, path.read_bytes()) is not None
    except FileNotFoundError:
        return []
    if not still_damaged:
        return []
    aside = restore_file(path, problem.backup, when)
    if problem.backup is None:
        return [Repair(problem, f"set the damaged draft aside as {aside}")]
    return [
        Repair(
            problem,
            f"restored {path} from {problem.backup}; the damaged copy is kept as {aside} "
            "(anything saved after that backup was made is only in the damaged copy)",
        )
    ]
