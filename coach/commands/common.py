"""What the data commands share: opening the journal named on the command line, writing output."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from coach.journal import Journal, JournalLocked, resolve_data_dir, unlock
from coach.journal.outside import OutputExists, new_file, write_new_file
from coach.journal.sealing import Sealing
from coach.model import EARLIEST_DATE, LATEST_DATE
from coach.text import quoted


class CommandError(Exception):
    """A problem to report as one line on stderr, with exit code 1."""


def date_option(flag: str, text: str | None) -> dt.date | None:
    """The date given to ``flag`` (``--as-of``, ``--since``...), or None when it was not given.

    Only the dates a reflection can carry are accepted (the range is the model's); anything
    else is a one-line ``CommandError`` naming the flag and quoting what was given.
    """
    if text is None:
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{flag} must be a date like 2026-11-26, not {quoted(text)}") from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise CommandError(
            f"{flag} must be a date from {EARLIEST_DATE} to {LATEST_DATE}, not {quoted(text)}"
        )
    return day


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder the user chose (``--data-dir``, ``COACH_DATA_DIR``) or the default."""
    return resolve_data_dir(getattr(args, "data_dir", None))


PASSPHRASE_PROMPT = "Passphrase (or recovery key): "


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    """``--passphrase-stdin``: for scripts, each passphrase asked is a line read from stdin."""
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read each passphrase asked for as one line from stdin, not from the terminal",
    )


def ask_secret(args: argparse.Namespace, prompt: str) -> str:
    """A passphrase (or recovery key): typed at the terminal without echo, or, with
    ``--passphrase-stdin``, the next line of stdin. Never asked where nobody can answer."""
    if getattr(args, "passphrase_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CommandError("a passphrase was asked for on stdin and none was given")
        return line.removesuffix("\n").removesuffix("\r")
    if not sys.stdin.isatty():
        raise CommandError(
            "the journal is encrypted and there is no terminal to ask for its passphrase on; "
            "give it on stdin with --passphrase-stdin"
        )
    import getpass

    return getpass.getpass(prompt)


def unlocked(args: argparse.Namespace) -> Sealing:
    """The key of the journal the user chose, from the passphrase asked for (see
    ``ask_secret``); raises ``WrongPassphrase``."""
    return unlock(data_dir_of(args), ask_secret(args, PASSPHRASE_PROMPT))


def open_journal(args: argparse.Namespace, *, create: bool = False) -> Journal:
    """The journal the user chose; raises ``JournalError`` with a clear message.

    Only commands that write (import) create a journal; the others, pointed at a folder with
    no journal (a mistyped path, say), say so and create nothing. An encrypted journal is
    opened with its passphrase, asked for once it is known to be encrypted.
    """
    try:
        return Journal(data_dir_of(args), create=create)
    except JournalLocked:
        return Journal(data_dir_of(args), create=create, sealing=unlocked(args))


def never_crash_on_encoding() -> None:
    """Text the terminal cannot show is printed as escapes (``\\u2713``), never a crash.

    Lines meant for a person, on stdout and stderr, under an ASCII-only locale; data (exports,
    ``--json``) does not come through here: ``print_data`` writes it as UTF-8 bytes.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def print_data(text: str) -> None:
    """Print data (JSON, Markdown) to stdout as UTF-8 bytes, whatever the locale says.

    The formats are UTF-8 by definition; an ASCII-only locale must not turn an export into a
    crash and an empty file. Anything already printed as text is flushed first, so the order
    holds.
    """
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream someone put in stdout's place
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


@contextlib.contextmanager
def output(
    destination: str | None, *, data_dir: Path, force: bool = False
) -> Iterator[Callable[[bytes], object]]:
    """A ``write`` for data (UTF-8 bytes) going to stdout, or to a new 0600 file named by the
    user (never one that exists unless ``force``, never inside ``data_dir``).

    A file takes its name only if the block ends well. Stdout cannot take back what it was
    given: the JSON export writes its closing brackets last, so an export cut short by an
    error never reads as a whole one (``coach import`` refuses it).
    """
    if destination is None or destination == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream someone put in stdout's place
            yield lambda data: sys.stdout.write(data.decode("utf-8"))
        else:
            yield buffer.write
        sys.stdout.flush()
        return
    try:
        with new_file(Path(destination), data_dir=data_dir, replace=force) as write:
            yield write
    except OutputExists as error:
        raise OutputExists(error.path, "give a new name, or add --force to replace it") from None


def write_output(
    text: str, destination: str | None, *, data_dir: Path, force: bool = False
) -> None:
    """Print ``text`` as UTF-8 to stdout, or write it to a new 0600 file, atomically.

    The file must not exist unless ``force``, and is never inside ``data_dir`` (the journal's
    folder), not even with ``force``: an export must never replace one of the journal's files.
    """
    if destination is None or destination == "-":
        print_data(text)
        return
    target = Path(destination)
    try:
        write_new_file(target, text.encode("utf-8"), data_dir=data_dir, replace=force)
    except OutputExists as error:
        raise OutputExists(error.path, "give a new name, or add --force to replace it") from None
