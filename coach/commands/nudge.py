"""``coach nudge [--after HH:MM] [--days mon,tue,...]``: one line for a shell prompt or login
script when nothing has been written in the coach today and the working day is ending.

It runs at every prompt, so it is built to be cheap and harmless:

- It reads only the settings and today's year file (``coach.journal.glance``), never the whole
  journal; it takes no lock, writes nothing, creates no folder and never opens the app.
- It never asks for a passphrase: on an encrypted journal it goes by whether today's year file
  was changed today.
- What the journal holds never makes it fail: a damaged or missing journal, or settings it
  cannot read, and it prints nothing and exits 0 (a prompt is no place for a repair; the app
  and ``coach doctor`` say what is wrong). A bad ``--after`` or ``--days`` is a mistake in the
  command itself, so it says so in one line on stderr and exits 2, as a bad option does: a typo
  in a shell's start-up file shows rather than silently never nudging.

Its words are a constant here rather than in ``content/prompts.toml``: loading and checking the
content catalogue costs ~11 ms, more than everything else the nudge does beside what
``coach --help`` costs (measured with ``benchmarks/bench_nudge.py`` and ``-X importtime``), and
the nudge must cost no more than ``--help``. A content overlay (``--content``) does not change it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from coach.commands.common import data_dir_of
from coach.reminder import NO_DAYS, SettingProblem, is_due, read_after, read_days, rule_of
from coach.text import one_line

NUDGE_LINE = "No reflection yet today: `coach` when you're ready."


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach nudge``."""
    parser = subcommands.add_parser(
        "nudge",
        help="one line for your shell prompt when today has no reflection yet",
        description="Print one short line when it is past a time of day on a working day and "
        "nothing has been written in the coach today (imported notes do not count); print "
        "nothing otherwise. The settings nudge_after and nudge_days (17:00, Monday to Friday) "
        "hold unless --after or --days is given. It never opens the app, writes nothing, and "
        "never asks for a passphrase (an encrypted journal counts as written today when its "
        "year file changed today). It exits 0 whatever the journal holds; a bad --after or "
        "--days is a one-line error and exit 2.",
    )
    parser.add_argument(
        "--after", metavar="HH:MM", help="nudge from this time of day (default: nudge_after)"
    )
    parser.add_argument(
        "--days",
        metavar="DAYS",
        help=f"on these days, e.g. mon,tue,wed,thu,fri, or '{NO_DAYS}' (default: nudge_days)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, now: dt.datetime | None = None) -> int:
    """Print the nudge when it is due; returns the exit code (0, or 2 for a bad flag)."""
    for flag, given, read in (
        ("--after", args.after, read_after),
        ("--days", args.days, read_days),
    ):
        try:
            if given is not None:
                read(given)
        except SettingProblem as problem:
            print(one_line(f"coach nudge: {flag} {problem}"), file=sys.stderr)
            return 2
    # Here, not at the top: ``coach --help`` and every other command build this parser too.
    from coach.journal.glance import GlanceProblem, glance_today

    now = now or dt.datetime.now()
    try:
        glance = glance_today(data_dir_of(args), now.date())
        rule = rule_of(glance.settings, after=args.after, days=args.days)
    except (GlanceProblem, OSError, ValueError):
        return 0  # the journal's state never fails a prompt; the app and doctor report it
    except Exception:  # nor does anything unforeseen in it: a prompt is no place for a crash
        return 0
    if is_due(rule, now, written_today=glance.written_today):
        print(NUDGE_LINE)
    return 0
