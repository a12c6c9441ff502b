"""Turning encryption on and off, and changing the ways to unlock it.

- ``unlock``: the sealing a passphrase or recovery key opens (``Journal(sealing=...)``).
- ``encrypt``: seal every file the journal keeps (year files, records, draft, index, every
  backup and every copy doctor set aside) and write the key file, as one change: each file's
  sealed version is written beside it, then a plan of renames (``pending.json``) commits the
  lot, so a kill at any moment leaves the journal all plain or, once the plan is written, all
  encrypted (whoever opens it next finishes the renames). No plaintext copy is left behind: a
  backup is replaced like any other file, not left as a link to the old one.
- ``decrypt``: the same the other way, the key file removed by the same plan.
- ``change_passphrase`` and ``new_recovery_key`` rewrap the master key: only the key file is
  rewritten, atomically; no entry is.

Each runs under the journal's lock, after finishing any change a kill cut short. Every file is
unsealed (checked) before anything is written, so one damaged file stops the switch with
nothing changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.journal.errors import JournalCorrupt, JournalError, JournalLocked
from coach.journal.files import (
    ensure_private_folder,
    folder_files,
    fsync_folder,
    is_our_temp,
    private_folders,
    write_atomic,
    write_temp,
)
from coach.journal.journal import Journal
from coach.journal.locking import held, journal_lock
from coach.journal.names import Layout
from coach.journal.opening import journal_folder, tidy
from coach.journal.passphrases import refuse_weak
from coach.journal.pending import PendingPlan, PlanDamaged, finish_plan, read_plan
from coach.journal.sealing import PLAIN, SealBroken, Sealing

if TYPE_CHECKING:
    from coach.journal.keys import KeyFile


def is_encrypted(data_dir: Path) -> bool:
    """Whether the journal in ``data_dir`` is encrypted (it has a key file)."""
    return Layout(Path(data_dir)).keys.exists()


def unlock(data_dir: Path, secret: str) -> Sealing:
    """The sealing ``secret`` (the passphrase, or the recovery key) opens; ``PLAIN`` for a
    journal that is not encrypted. Raises ``WrongPassphrase``; a damaged key file or one from
    a newer coach, ``KeyFileProblem``."""
    from coach.journal import keys as key_file  # cryptography: only when asked

    keys = key_file.read_key_file(Layout(Path(data_dir)).keys)
    return PLAIN if keys is None else key_file.opened(keys, secret)


@dataclass(frozen=True)
class LockedJournal:
    """An encrypted journal not opened yet: where it is, waiting for its passphrase."""

    data_dir: Path

    def open(self, secret: str, **options: Any) -> Journal:
        """The journal, opened with ``secret`` (the passphrase, or the recovery key); raises
        ``WrongPassphrase``. ``options`` are ``Journal``'s."""
        return Journal(self.data_dir, sealing=unlock(self.data_dir, secret), **options)


@contextlib.contextmanager
def _exclusive(data_dir: Path) -> Iterator[Layout]:
    """The journal's folder under its lock, a change a kill cut short finished, tidied."""
    layout = Layout(journal_folder(Path(data_dir), create=True))
    ensure_private_folder(layout.data_dir)
    with held(journal_lock(layout), layout.data_dir, purpose="is saving to it") as read_only:
        if read_only is not None:
            raise JournalError(
                f"the journal in {layout.data_dir} is read-only; nothing was changed"
            )
        try:
            plan = read_plan(layout)
        except PlanDamaged as error:
            raise JournalCorrupt(layout.pending, str(error), None) from None
        if plan is not None:
            finish_plan(layout, plan)
        tidy(layout)
        yield layout


def kept_files(layout: Layout) -> list[Path]:
    """Every file the journal keeps content in (see ``Layout.is_kept_file``), never a
    temporary file, the key file, or a file reached through a symlink."""
    return [
        path
        for folder in private_folders(layout.data_dir)
        for path in folder_files(folder)
        if layout.is_kept_file(path) and path != layout.keys and not is_our_temp(path)
    ]


def _reseal(
    layout: Layout, old: Sealing, new: Sealing, *, keys: bytes | None, remove_keys: bool
) -> int:
    """Rewrite every kept file from ``old``'s sealing to ``new``'s (and the key file) as one
    change; returns how many files were rewritten."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path in kept_files(layout):
            try:
                plain = old.unseal(path.read_bytes())
            except SealBroken as error:
                raise JournalError(
                    f"{path} cannot be read ({error}); nothing was changed; run 'coach doctor'"
                ) from None
            staged.append((write_temp(path, new.seal(plain)), path))
        if keys is not None:
            staged.append((write_temp(layout.keys, keys), layout.keys))
        for folder in sorted({target.parent for _temp, target in staged}):
            fsync_folder(folder)
        plan = PendingPlan(tuple(staged), (layout.keys,) if remove_keys else ())
        write_atomic(layout.pending, plan.to_bytes(layout))  # the commit
    except BaseException:
        for temp, _target in staged:
            temp.unlink(missing_ok=True)
        raise
    finish_plan(layout, plan)
    return len(staged) - (keys is not None)


def encrypt(data_dir: Path, passphrase: str) -> str:
    """Encrypt the journal under ``passphrase``; returns the new recovery key (show it once).

    A weak passphrase is refused (``PassphraseRefused``) with nothing written.
    """
    from coach.journal import keys as key_file  # cryptography: only when asked

    refuse_weak(passphrase)
    keys, sealing, recovery = key_file.new_keys(passphrase)  # the slow part, before taking the lock
    with _exclusive(data_dir) as layout:
        if key_file.read_key_file(layout.keys) is not None:
            raise JournalError(
                "the journal is already encrypted; 'coach passphrase change' changes its passphrase"
            )
        _reseal(layout, PLAIN, sealing, keys=keys.to_bytes(), remove_keys=False)
    return recovery


def _current_keys(layout: Layout) -> KeyFile:
    from coach.journal.keys import read_key_file

    keys = read_key_file(layout.keys)
    if keys is None:
        raise JournalError(f"the journal in {layout.data_dir} is not encrypted")
    return keys


def decrypt(data_dir: Path, secret: str) -> None:
    """Turn encryption off: every file stored plain again, the key file removed."""
    from coach.journal import keys as key_file  # cryptography: only when asked

    with _exclusive(data_dir) as layout:
        keys = _current_keys(layout)
        sealing = key_file.opened(keys, secret)
        _reseal(layout, sealing, PLAIN, keys=None, remove_keys=True)


def change_passphrase(data_dir: Path, secret: str, new: str) -> None:
    """Wrap the master key under a new passphrase (``secret`` is the old passphrase, or the
    recovery key); no entry is rewritten, and the recovery key still works."""
    from coach.journal import keys as key_file  # cryptography: only when asked

    refuse_weak(new)
    with _exclusive(data_dir) as layout:
        keys = _current_keys(layout)
        master = key_file.master_key(keys, secret)
        write_atomic(
            layout.keys, key_file.rewrapped(keys, master, key_file.PASSPHRASE, new).to_bytes()
        )


def new_recovery(data_dir: Path, secret: str) -> str:
    """Replace the recovery key (the old one stops working); returns the new one."""
    from coach.journal import keys as key_file  # cryptography: only when asked

    recovery = key_file.new_recovery_key()
    with _exclusive(data_dir) as layout:
        keys = _current_keys(layout)
        master = key_file.master_key(keys, secret)
        write_atomic(
            layout.keys, key_file.rewrapped(keys, master, key_file.RECOVERY, recovery).to_bytes()
        )
    return recovery


__all__ = [
    "JournalLocked",
    "LockedJournal",
    "change_passphrase",
    "decrypt",
    "encrypt",
    "is_encrypted",
    "kept_files",
    "new_recovery",
    "unlock",
]
