"""``coach stats [--json] [--as-of DATE]``: what the journal holds, in figures."""

from __future__ import annotations

import argparse
import datetime as dt

from coach.commands.common import (
    add_passphrase_option,
    date_option,
    open_journal,
    print_data,
)
from coach.exports import dumps_json
from coach.insights import STATS_WINDOW_DAYS, JournalStats, counted, journal_stats
from coach.model import ALIGNMENT, EARLIEST_DATE, HELPFULNESS, LATEST_DATE, STRAIN, Scale
from coach.settings import read_settings
from coach.text import visible


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach stats``."""
    parser = subcommands.add_parser(
        "stats",
        help="figures about the journal",
        description="How many reflections the journal holds, from when to when, how many a "
        "month over the last year, the challenges named most, and what coping actions were "
        f"planned, done and found helpful. Averages cover the {STATS_WINDOW_DAYS} days ending "
        "on --as-of (default today).",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help=f"the day the figures end on (YYYY-MM-DD, {EARLIEST_DATE} to {LATEST_DATE})",
    )
    add_passphrase_option(parser)
    parser.set_defaults(run=run)


def parse_day(text: str | None) -> dt.date:
    """The ``--as-of`` date, today when not given (``date_option`` says what is refused)."""
    return date_option("--as-of", text) or dt.date.today()


def run(args: argparse.Namespace) -> int:
    """Print the figures; returns the exit code."""
    as_of = parse_day(args.as_of)
    with open_journal(args) as journal, journal.snapshot():
        # Imported notes count as reflections only when the user says so (settings).
        imported = read_settings(journal).imported_notes_in_insights
        stats = journal_stats(counted(journal.iter_newest_first(), imported=imported), as_of)
    if args.json:
        print_data(dumps_json(stats.to_dict()))
    else:
        print(readable(stats), end="")
    return 0


def _ratings(count: int) -> str:
    return f"{count} rating{'' if count == 1 else 's'}"


def _mean(number: float | None, scale: Scale) -> str:
    return "nothing rated" if number is None else f"{number:.1f} of {scale.high}"


def readable(stats: JournalStats) -> str:
    """The figures as plain text for a person; labels through ``visible``, never obeyed."""
    if stats.reflections == 0:
        return "No reflections yet.\n"
    many = "reflection" if stats.reflections == 1 else "reflections"
    lines = [f"{stats.reflections} {many}, from {stats.first} to {stats.last}", ""]
    lines.append(f"A month at a time, the last 12 months to {stats.as_of}:")
    lines += [
        f"  {month}  {count:>3}  {'#' * min(count, 31)}".rstrip()
        for month, count in stats.per_month.items()
    ]
    lines += ["", f"The {STATS_WINDOW_DAYS} days to {stats.as_of}:"]
    lines.append(f"  strain (how demanding days felt): {_mean(stats.strain_mean_30d, STRAIN)}")
    aligned = _mean(stats.alignment_mean_30d, ALIGNMENT)
    lines.append(f"  alignment (how much days let me work the way I want to): {aligned}")
    if stats.challenges:
        split = stats.dimensions
        lines += ["", "Challenges, most often named first:"]
        lines += [f"  {c.count:>4}  {visible(c.label)}" for c in stats.challenges]
        lines.append(f"  individual {split['individual']}, systemic {split['systemic']}")
    if stats.actions:
        lines += [
            "",
            f"Coping actions: planned, done or partly done, mean helpfulness ({HELPFULNESS.span}):",
        ]
        for action in stats.actions:
            helped = (
                "not rated yet"
                if action.helpfulness_mean is None
                else f"helpfulness {_mean(action.helpfulness_mean, HELPFULNESS)} "
                f"from {_ratings(action.rated)}"
            )
            lines.append(
                f"  {visible(action.label)}: planned {action.planned}, done {action.done}, {helped}"
            )
    return "\n".join(lines) + "\n"
