"""Repairs of what ``coach doctor`` found, made under the journal's lock.

A repair never writes into a damaged file and never deletes what the user had: a damaged file
is renamed aside (``2026.json.damaged-<time>``) and its newest good backup written in its place,
atomically; a file that held a duplicate is linked aside as it was (``...duplicates-<time>``)
before the extra copy is removed. A change a kill cut short is finished; permissions are made
private (never through a symlink); stale temporary files are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from tinydb import Query

from coach.journal.backups import DEFAULT_KEEP_DAYS
from coach.journal.checks import WriteGuard, file_problem
from coach.journal.doctor import Checkup, Problem, Trouble, permission_problems
from coach.journal.errors import JournalError
from coach.journal.files import FILE_MODE, FOLDER_MODE, write_atomic
from coach.journal.locking import held, journal_lock
from coach.journal.names import PENDING_FILE, REFLECTIONS_TABLE, Layout
from coach.journal.pending import PlanDamaged, finish_plan, read_plan
from coach.journal.transaction import BackupPolicy, Transaction
from coach.text import quoted


@dataclass(frozen=True)
class Repair:
    """One thing a repair did, as a sentence."""

    problem: Problem
    done: str


def aside_path(path: Path, moment: dt.datetime, why: str = "damaged") -> Path:
    """A free name beside ``path`` for a copy set aside: ``<name>.<why>-<time>``."""
    stamp = moment.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.{why}-{stamp}")
    number = 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.name}.{why}-{stamp}-{number}")
    return candidate


def restore_file(path: Path, backup: Path | None, moment: dt.datetime) -> Path:
    """Set the damaged ``path`` aside, then write ``backup``'s bytes in its place (0600).

    The damaged file is first linked under its aside name, then replaced atomically, so its
    bytes are never written to and the journal file never goes missing. With no backup (allowed
    for a draft or a change plan, which the coach can do without) the damaged file is only
    renamed aside. Returns where the damaged copy now is. Call holding the lock.
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


def repair(checkup: Checkup, moment: dt.datetime | None = None) -> list[Repair]:
    """Put right every restorable problem the checkup found; returns what was done.

    A cut-off change is finished first (it may be what a duplicate or a stale file came from),
    then damaged files (each checked again under the lock, and left alone if it has become
    good), duplicates, permissions (looked at afresh, so the copies set aside are made private
    too), and stale temporary files.
    """
    when = moment or dt.datetime.now().astimezone()
    layout = Layout(checkup.data_dir, checkup.sealing)
    done: list[Repair] = []
    with held(journal_lock(layout), checkup.data_dir, purpose="is writing to it") as read_only:
        if read_only is not None:
            raise JournalError(
                f"the journal in {checkup.data_dir} is read-only; nothing was changed"
            )
        for problem in checkup.problems:
            if problem.trouble is Trouble.UNFINISHED:
                done += _finish(layout, problem)
        for problem in checkup.problems:
            if problem.trouble is Trouble.DAMAGED and problem.restorable:
                done += _restore_damaged(layout, problem, when)
        done += _remove_duplicates(layout, checkup, when)
        for problem in permission_problems(checkup.data_dir):
            with contextlib.suppress(FileNotFoundError):
                problem.path.chmod(FOLDER_MODE if problem.path.is_dir() else FILE_MODE)
                done.append(Repair(problem, f"made {problem.path} private"))
        for problem in checkup.problems:
            if problem.trouble is Trouble.STALE_TEMP:
                with contextlib.suppress(FileNotFoundError):
                    problem.path.unlink()
                    done.append(Repair(problem, f"removed the temporary file {problem.path}"))
    return done


def _finish(layout: Layout, problem: Problem) -> list[Repair]:
    try:
        plan = read_plan(layout)
    except PlanDamaged:
        return []
    if plan is None:
        return []
    finish_plan(layout, plan)
    return [Repair(problem, f"finished the change to {len(plan.renames)} files")]


def _restore_damaged(layout: Layout, problem: Problem, when: dt.datetime) -> list[Repair]:
    path = problem.path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    if path.name != PENDING_FILE and file_problem(path, raw, layout.sealing) is None:
        return []  # it has become good since the check
    aside = restore_file(path, problem.backup, when)
    if problem.backup is None:
        return [Repair(problem, f"set the damaged {path.name} aside as {aside}")]
    return [
        Repair(
            problem,
            f"restored {path} from {problem.backup}; the damaged copy is kept as {aside} "
            "(anything saved after that backup was made is only in the damaged copy)",
        )
    ]


def _remove_duplicates(layout: Layout, checkup: Checkup, when: dt.datetime) -> list[Repair]:
    """Keep the copy every reader shows; remove the others in one change, each file touched
    linked aside first, as it was."""
    duplicates = [p for p in checkup.problems if p.trouble is Trouble.DUPLICATE]
    if not duplicates:
        return []
    asides: dict[Path, Path] = {}
    for path in sorted({other for p in duplicates for other in p.others}):
        asides[path] = aside_path(path, when, "duplicates")
        os.link(path, asides[path])
    change = Transaction(
        layout,
        guard=WriteGuard(layout),
        backups=BackupPolicy(keep_days=DEFAULT_KEEP_DAYS, today=dt.date.today),
    )
    for problem in duplicates:
        for other in problem.others:
            table = change.db(other).table(REFLECTIONS_TABLE)
            table.remove(Query().id == problem.subject)
    change.commit()
    return [
        Repair(
            problem,
            f"kept reflection {quoted(problem.subject)} in {problem.path} and removed its other "
            f"copies; the files as they were are kept as "
            + ", ".join(str(asides[other]) for other in problem.others),
        )
        for problem in duplicates
    ]
