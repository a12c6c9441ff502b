"""The plan of a change to several files: committed, perhaps not yet applied.

A change to several journal files (a reflection moved to another year, an import, a migration)
writes each new version to a temporary file beside its target, then writes ``pending.json``
naming every (temporary file, target) pair: that write commits the change. The renames follow
and the plan is removed. Until it is, ``PendingView.source_of`` tells a reader to read a
target's new version from its temporary file, so no reader ever sees half of a change.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import orjson

from coach.journal.files import fsync_folder, is_our_temp
from coach.journal.names import Layout

PLAN_SCHEMA = 1
REMOVING_PLAN_SCHEMA = 2  # 2: a plan that also removes files (turning encryption off)

Signature = tuple[int, int, int, int]


def signature_of(path: Path) -> Signature | None:
    """What identifies one version of a file on disk, or None if it does not exist."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class PlanDamaged(ValueError):
    """``pending.json`` is not a plan this coach wrote; the message says what is wrong."""


@dataclass(frozen=True)
class PendingPlan:
    """The (temporary file, target) renames of one committed change, and the files it removes
    once they are made (only ever the key file, when encryption is turned off)."""

    renames: tuple[tuple[Path, Path], ...]
    removals: tuple[Path, ...] = ()

    def to_bytes(self, layout: Layout) -> bytes:
        """The plan as ``pending.json`` holds it: paths relative to the data folder.

        A plan that removes files has a schema of its own, so a coach that would not remove
        them refuses the plan rather than half apply it."""
        pairs = [
            [str(temp.relative_to(layout.data_dir)), str(target.relative_to(layout.data_dir))]
            for temp, target in self.renames
        ]
        if not self.removals:
            return orjson.dumps({"schema": PLAN_SCHEMA, "renames": pairs})
        removals = [str(path.relative_to(layout.data_dir)) for path in self.removals]
        return orjson.dumps({"schema": REMOVING_PLAN_SCHEMA, "renames": pairs, "remove": removals})

    @classmethod
    def from_bytes(cls, layout: Layout, raw: bytes) -> PendingPlan:
        """Read a plan, accepting only renames of our own temporary files onto journal files
        beside them, so a planted plan can never move anything else."""
        try:
            found = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise PlanDamaged(f"not valid JSON: {error}") from None
        pairs = found.get("renames") if isinstance(found, dict) else None
        schema = found.get("schema") if isinstance(found, dict) else None
        if not isinstance(pairs, list) or schema not in (PLAN_SCHEMA, REMOVING_PLAN_SCHEMA):
            raise PlanDamaged("not a plan of renames this version of pwp-coach wrote")
        removals = found.get("remove", []) if schema == REMOVING_PLAN_SCHEMA else []
        if not isinstance(removals, list) or any(
            layout.data_dir / name != layout.keys for name in removals
        ):
            raise PlanDamaged("it names a removal the coach never makes")
        renames: list[tuple[Path, Path]] = []
        for pair in pairs:
            if not (
                isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
            ):
                raise PlanDamaged("a rename is not a pair of file names")
            temp, target = (layout.data_dir / part for part in pair)
            wanted_temp = target.with_name(f".{target.name}.")
            if (
                not layout.is_kept_file(target)
                or temp.parent != target.parent
                or not temp.name.startswith(wanted_temp.name)
                or not temp.name.endswith(".tmp")
            ):
                raise PlanDamaged(f"it names a rename the coach never makes ({pair[0]!r})")
            renames.append((temp, target))
        return cls(tuple(renames), tuple(layout.data_dir / name for name in removals))

    def source_of(self, target: Path) -> Path:
        """Where a reader finds ``target``'s current version: its new version while the rename
        is still to come, else the target itself."""
        for temp, goal in self.renames:
            if goal == target and is_our_temp(temp):
                return temp
        return target


def read_plan(layout: Layout) -> PendingPlan | None:
    """The committed plan waiting to be applied, or None."""
    try:
        raw = layout.pending.read_bytes()
    except FileNotFoundError:
        return None
    return PendingPlan.from_bytes(layout, raw)


def finish_plan(layout: Layout, plan: PendingPlan) -> None:
    """Apply a committed plan: rename what is still to be renamed, then drop the plan.

    Call holding the lock. Running it twice, or after a kill part-way, is harmless: a rename
    already done has no temporary file left.
    """
    folders: set[Path] = set()
    for temp, target in plan.renames:
        if is_our_temp(temp):
            os.replace(temp, target)
            folders.add(target.parent)
    for folder in sorted(folders):
        fsync_folder(folder)
    for path in plan.removals:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    with contextlib.suppress(FileNotFoundError):
        layout.pending.unlink()
    fsync_folder(layout.data_dir)


class PendingView:
    """What readers need of a plan: read again only when ``pending.json`` changes.

    Most of the time there is no plan, and finding that out costs one ``stat``.
    """

    def __init__(self, layout: Layout) -> None:
        self._layout = layout
        self._lock = threading.Lock()
        self._known: tuple[Signature, PendingPlan | None] | None = None

    def plan(self) -> PendingPlan | None:
        """The plan as it is on disk now; a damaged plan reads as none (doctor reports it)."""
        signature = signature_of(self._layout.pending)
        if signature is None:
            return None
        with self._lock:
            if self._known is not None and self._known[0] == signature:
                return self._known[1]
        try:
            plan = read_plan(self._layout)
        except (PlanDamaged, OSError):
            plan = None
        with self._lock:
            self._known = (signature, plan)
        return plan

    def source_of(self, target: Path) -> Path:
        """Where a reader finds ``target``'s current version now."""
        plan = self.plan()
        return target if plan is None else plan.source_of(target)
