"""``coach export --format json|md|ics|jrnl|csv|supervision|cpd|practice [-o FILE [--force]]``:
the journal, to stdout or a new file.

The formats for someone else to read (``SHARED_FORMATS``: a supervision agenda, CPD
statements, the SP/SR reflections of self-practice) are checked for patient-identifiable text
before a byte is written (``coach.exports.shared``): each finding is listed on stderr by kind,
entry and field, and the export stops unless ``--allow-identifiers`` says none is a
patient's. The CLI never waits for an answer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from coach.commands.common import (
    CommandError,
    add_passphrase_option,
    data_dir_of,
    open_journal,
    output,
    write_output,
)
from coach.commands.export_cpd import add_cpd_options, cpd_export
from coach.commands.practice_export import practice_export
from coach.commands.supervision_export import supervision_export
from coach.exports import (
    export_csv,
    export_ical,
    export_jrnl,
    export_markdown,
    record_arrays,
    write_json_export,
)
from coach.exports.shared import IdentifiersFound, Shared, checked
from coach.journal import Journal
from coach.journal.records import is_dated
from coach.record_kinds import RECORD_KINDS
from coach.shape import Record
from coach.time_away import Leave

# Each export for someone else to read: its format's name, and how it is made from the journal
# and the command's options (--since, --from, --to).
SHARED_FORMATS: dict[str, Callable[[Journal, argparse.Namespace], Shared]] = {
    "supervision": supervision_export,
    "cpd": cpd_export,
    "practice": practice_export,
}
# Every entry (reflections, check-ins, imported notes) in another tool's form, by format.
ENTRY_FORMATS = {"md": export_markdown, "jrnl": export_jrnl, "csv": export_csv}
FORMATS = ("json", "md", "ics", "jrnl", "csv", *SHARED_FORMATS)
# Said on stderr after every export, to a file or to stdout (which is often a file too):
# encryption protects the journal, never a copy taken out of it.
NOT_ENCRYPTED = (
    "This export is not encrypted: keep it somewhere private, and delete it when you are done."
)


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach export``."""
    parser = subcommands.add_parser(
        "export",
        help="write the journal as JSON, Markdown, a jrnl journal or CSV, the planned leave as "
        "iCalendar, or a supervision agenda or CPD statements to share",
        description="Write the whole journal (every reflection, newest first, and every record "
        "of every kind) as one JSON document (for backups and scripts; 'coach import' reads it "
        "back; it carries your settings too), or the entries as a readable Markdown journal, "
        "as a jrnl journal ('jrnl --import' reads it) or as a CSV table (one row an entry, "
        "for a spreadsheet), or the planned leave as an "
        "iCalendar file (.ics) for a calendar app, or, to share, the supervision agenda you "
        "prepared, your CPD write-ups or your self-practice reflections (never what you "
        "wrote in the exercises) as Markdown (checked first for anything that looks "
        "patient-identifiable: nothing is written while there is, unless --allow-identifiers), "
        "in UTF-8. Without "
        "-o it goes to stdout; a file is created readable by you alone (0600). "
        "An existing file is never replaced without --force, and nothing is ever written "
        "inside the journal's folder. An export is not encrypted, even when the journal is: "
        "keep it somewhere private.",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (default: everything, settings too), md (the entries), jrnl (the entries "
        "as jrnl's plain-text journal), csv (the entries, one row each), ics (the planned leave), "
        "supervision (the agenda prepared last), cpd (the entries written up for CPD) or practice "
        "(the reflections on self-practice, for a tutor or supervisor)",
    )
    parser.add_argument(
        "--allow-identifiers",
        action="store_true",
        help="supervision, cpd and practice: write the export even though some of its text looks "
        "patient-identifiable (only when you have checked none of it is a patient's)",
    )
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="supervision: the last agenda prepared for a period from DATE (YYYY-MM-DD) on, "
        "or, when none was, the themes since DATE",
    )
    add_cpd_options(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--force", action="store_true", help="with -o: replace FILE if it already exists"
    )
    add_passphrase_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export the journal, then say on stderr that the export is not encrypted; returns the
    exit code. A refused or failed export says only why (one line), not the warning; one
    refused for patient-identifiable text lists each finding first."""
    try:
        _export(args)
    except IdentifiersFound as found:
        for finding in found.findings:
            print(f"coach: looks patient-identifiable: {finding.line()}", file=sys.stderr)
        raise CommandError(str(found)) from None
    print(NOT_ENCRYPTED, file=sys.stderr)
    return 0


def today() -> dt.date:
    """Today, where the user is (what --since and the default periods count from)."""
    return dt.datetime.now().astimezone().date()


def _export(args: argparse.Namespace) -> None:
    """Write the export to stdout or to the new file ``-o`` names."""
    data_dir = data_dir_of(args)
    with open_journal(args) as journal, journal.snapshot():
        if args.format == "json":  # streamed a year at a time: never the whole journal held
            # The records are small. A dated one (a break) is read with its year's reflections;
            # the rest, and the kinds kept from a newer coach, before the first byte is written.
            undated = {n: journal.records(c) for n, c in RECORD_KINDS.items() if not is_dated(c)}
            kept = journal.kept_records()
            settings = journal.settings()
            records: dict[str, list[Record]] = {}
            with output(args.output, data_dir=data_dir, force=args.force) as write:
                write_json_export(
                    journal.export_newest_first(records),
                    write,
                    arrays=lambda: record_arrays({**records, **undated}, kept),
                    settings=settings,
                )
            return
        if args.format in SHARED_FORMATS:
            made = SHARED_FORMATS[args.format](journal, args)
            text = checked(made, allow_identifiers=args.allow_identifiers).text
        elif args.format == "ics":
            text = export_ical(journal.records(Leave))
        else:
            text = ENTRY_FORMATS[args.format](list(journal.iter_newest_first()))
    write_output(text, args.output, data_dir=data_dir, force=args.force)
