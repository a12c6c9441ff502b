"""What the data commands share: opening the journal named on the command line, writing output."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from coach.journal import Journal, resolve_data_dir
from coach.journal.files import FILE_MODE, write_atomic


class CommandError(Exception):
    """A problem to report as one line on stderr, with exit code 1."""


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder the user chose (``--data-dir``, ``COACH_DATA_DIR``) or the default."""
    return resolve_data_dir(getattr(args, "data_dir", None))


def open_journal(args: argparse.Namespace, *, create: bool = False) -> Journal:
    """The journal the user chose; raises ``JournalError`` with a clear message.

    Only commands that write (import) create a journal; the others, pointed at a folder with
    no journal (a mistyped path, say), say so and create nothing.
    """
    return Journal(data_dir_of(args), create=create)


def write_output(text: str, destination: str | None) -> None:
    """Print ``text`` to stdout, or write it to a new 0600 file, atomically."""
    if destination is None or destination == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(destination).expanduser()
    if not target.parent.is_dir():
        raise CommandError(f"cannot write {target}: folder {target.parent} does not exist")
    write_atomic(target, text.encode("utf-8"))
    os.chmod(target, FILE_MODE)
