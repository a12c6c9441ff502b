"""Errors the journal raises; each reads as one clear line for the user."""

from __future__ import annotations

from pathlib import Path


class JournalError(Exception):
    """Something about the journal the user must know; the message is one plain line."""


class JournalCorrupt(JournalError):
    """A journal file that does not parse or has the wrong shape. It is never written to."""

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        hint = f"newest good backup: {backup}" if backup is not None else "no good backup was found"
        super().__init__(
            f"journal file {path} is damaged ({problem}); it has not been changed; {hint}; "
            "run 'coach doctor' for how to repair it"
        )


class JournalTooNew(JournalError):
    """A file written by a newer version of the coach than this one."""

    def __init__(self, path: Path, schema: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"journal file {path} was written by a newer pwp-coach (schema {schema}; this "
            f"version reads up to {supported}); upgrade pwp-coach to open it"
        )


class ReflectionNotFound(JournalError):
    """No reflection with that id is in the journal."""

    def __init__(self, reflection_id: str) -> None:
        self.reflection_id = reflection_id
        super().__init__(f"no reflection with id {reflection_id} is in the journal")


class JournalReadOnly(JournalError):
    """The journal can be read but not changed: a read-only disk, or a copy without write access."""

    def __init__(self, data_dir: Path, reason: str) -> None:
        self.data_dir = data_dir
        self.reason = reason
        super().__init__(
            f"the journal in {data_dir} is read-only ({reason}); it can be read, but nothing "
            "can be saved to it"
        )


class JournalMissing(JournalError):
    """No journal in the folder a reading command was pointed at; nothing was created."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(
            f"no journal at {data_dir}; check --data-dir or COACH_DATA_DIR (nothing was created)"
        )


class JournalLocked(JournalError):
    """The journal is encrypted and was opened without its key: ask for the passphrase."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(
            f"the journal in {data_dir} is encrypted; it opens with its passphrase or recovery key"
        )


class EncryptionChanged(JournalError):
    """Another process set or removed the passphrase since this one opened the journal."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(
            f"the journal in {data_dir} had its passphrase set or removed since it was opened "
            "here; nothing was saved; close the coach and open it again"
        )


class WrongPassphrase(JournalError):
    """The passphrase (or recovery key) given does not open this journal."""

    def __init__(self) -> None:
        super().__init__("that passphrase does not open this journal")


class KeyFileProblem(JournalError):
    """The key file is damaged, or from a newer coach: nothing can be unlocked or changed."""
