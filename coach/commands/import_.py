"""``coach import [--from SOURCE] FILE``: merge a JSON export, or another journal's export, into
the journal, checked whole before writing."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

import orjson

from coach.commands.common import CommandError, add_passphrase_option, open_journal
from coach.exports import EXPORT_FORMAT, ExportFormatError, read_export_contents
from coach.imported import ImportSource
from coach.importers import FOREIGN_IMPORTERS, ForeignFormatError, looks_like
from coach.text import one_line

OWN = "pwp-coach"  # --from's default: the coach's own JSON export


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach import``."""
    parser = subcommands.add_parser(
        "import",
        help="merge a JSON export into the journal",
        description="Read a JSON export made by 'coach export' (any version). Every record of "
        "every kind is checked before anything is written; then reflections, leave, breaks and "
        "closings are merged by id in one change (all or nothing), so importing the same file "
        "twice adds nothing. Records of a kind this version does not know (from a newer coach) "
        "are kept as they are, and exported again. The file's settings (from version 6) "
        "replace the journal's, setting by setting, in the same change.",
    )
    parser.add_argument(
        "--from",
        dest="source",
        choices=(OWN, *(source.value for source in ImportSource)),
        default=OWN,
        help="the journal FILE came from: pwp-coach (default: a 'coach export' JSON), jrnl "
        "('jrnl --export json'), dayone (Journal.json or its zip), minidiary (its JSON export) "
        "or daylio (its CSV export); another journal's entries become imported notes",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    add_passphrase_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the file; returns the exit code."""
    source = Path(args.file).expanduser()
    raw = _read(source)
    if args.source != OWN:
        return _import_foreign(args, source, raw)
    try:
        contents = read_export_contents(raw)
    except ExportFormatError as error:
        raise CommandError(
            f"cannot import {source}: {error}{_what_it_needs(raw)}; nothing was imported"
        ) from None
    with open_journal(args, create=True) as journal:
        reports = journal.import_all(
            contents.reflections, contents.records, contents.kept, contents.settings
        )
    for name, report in reports.items():
        given = contents.settings if name == "settings" else contents.records.get(name)
        if name != "reflections" and not (given or contents.kept.get(name)):
            continue  # a kind the file had none of
        kept = " (kept: a kind this version does not know)" if name in contents.kept else ""
        counts = f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}"
        print(f"{one_line(name)}: {counts}{kept}")
    return 0


def _import_foreign(args: argparse.Namespace, source: Path, raw: bytes) -> int:
    """Import another journal's file as imported notes, every entry read before any is
    written; returns the exit code."""
    try:
        notes = FOREIGN_IMPORTERS[ImportSource(args.source)](raw)
    except ForeignFormatError as error:
        looks = looks_like(raw)
        hint = ""
        if looks is not None and looks is not ImportSource(args.source):
            hint = f"; it looks like a {looks.value} export: use --from {looks.value}"
        raise CommandError(f"cannot import {source}: {error}{hint}; nothing was imported") from None
    with open_journal(args, create=True) as journal:
        report = journal.import_all(notes, {}, {})["reflections"]
    counts = f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}"
    print(f"imported notes: {counts}")
    return 0


def _what_it_needs(raw: bytes) -> str:
    """What to do instead, for a file that is not the coach's own export: the ``--from`` its
    shape suggests, or what ``coach import`` reads (a Markdown export cannot be read back).
    Nothing for a file that is the coach's own export, whose error says what is wrong in it."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        document = None
    if isinstance(document, Mapping) and document.get("format") == EXPORT_FORMAT:
        return ""
    source = looks_like(raw)
    if source is not None:
        return f"; it looks like a {source.value} export: add --from {source.value}"
    others = ", ".join(source.value for source in ImportSource)
    return (
        "; coach import reads the JSON export made by 'coach export' (not its Markdown), or "
        f"another journal's export with --from ({others})"
    )


def _read(source: Path) -> bytes:
    """The file's bytes, or a one-line error naming it."""
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"cannot import {source}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"cannot import {source}: it is a folder, not a file") from None
    except OSError as error:
        raise CommandError(f"cannot import {source}: {error.strerror or error}") from None
