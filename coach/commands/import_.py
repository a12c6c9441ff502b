"""``coach import FILE``: merge a JSON export into the journal, checked whole before writing."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.commands.common import CommandError, add_passphrase_option, open_journal
from coach.exports import ExportFormatError, read_export


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach import``."""
    parser = subcommands.add_parser(
        "import",
        help="merge a JSON export into the journal",
        description="Read a JSON export made by 'coach export'. Every record is checked before "
        "anything is written; then reflections are merged by id, so importing the same file "
        "twice adds nothing.",
    )
    parser.add_argument("file", metavar="FILE", help="a JSON export")
    add_passphrase_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the file; returns the exit code."""
    source = Path(args.file).expanduser()
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"cannot import {source}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"cannot import {source}: it is a folder, not a file") from None
    except OSError as error:
        raise CommandError(f"cannot import {source}: {error.strerror or error}") from None
    try:
        reflections = read_export(raw)
    except ExportFormatError as error:
        raise CommandError(f"cannot import {source}: {error}; nothing was imported") from None
    with open_journal(args, create=True) as journal:
        report = journal.import_reflections(reflections)
    print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}")
    return 0
