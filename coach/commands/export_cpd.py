"""``coach export --format cpd [--from DATE] [--to DATE]``: the reflections written up for CPD
as reflective statements (``coach.exports.cpd``), made from the journal and the options.

Kept apart from ``coach.commands.export`` so that file stays the one place every format is
wired, each format's own options read here. The stage headings are the content's, with the
user's overlay (``coach --content DIR``) laid over the shipped words.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coach.commands.common import CommandError, date_option
from coach.content import load_catalog
from coach.exports.cpd import cpd_statements
from coach.exports.shared import Shared
from coach.journal import Journal
from coach.practice import Practice


def add_cpd_options(parser: argparse.ArgumentParser) -> None:
    """``--from`` and ``--to``: the period of the CPD statements, both days included."""
    for flag, dest, what in (("--from", "cpd_from", "first"), ("--to", "cpd_to", "last")):
        parser.add_argument(
            flag,
            dest=dest,
            metavar="DATE",
            help=f"cpd: the {what} day of the entries to write (YYYY-MM-DD; default: the {what})",
        )


def cpd_period(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    """The ``--from`` and ``--to`` days, checked: each a date, the first not after the last."""
    since = date_option("--from", getattr(args, "cpd_from", None))
    until = date_option("--to", getattr(args, "cpd_to", None))
    if since is not None and until is not None and since > until:
        raise CommandError(f"--from ({since}) is after --to ({until}): nothing could be in between")
    return since, until


def cpd_export(journal: Journal, args: argparse.Namespace) -> Shared:
    """The CPD statements of the period the options give, headed in the content's words."""
    since, until = cpd_period(args)
    overlay = getattr(args, "content", None)
    catalog = load_catalog(Path(overlay).expanduser() if overlay else None)
    practice = journal.records(Practice, since=since)
    return cpd_statements(
        journal.iter_newest_first(), catalog, since=since, until=until, practice=practice
    )
