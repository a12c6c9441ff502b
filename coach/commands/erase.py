"""``coach erase [--confirm-stdin]``: delete the whole journal, once the user has typed the word.

It says first what will be deleted and what deleting cannot promise; then it asks for the word
on the terminal (or reads it as one line from stdin with ``--confirm-stdin``, for scripts and
tests). Anything but the word deletes nothing. The deleting is ``coach.journal.erase``'s.
"""

from __future__ import annotations

import argparse
import sys

from coach.commands.common import CommandError, data_dir_of
from coach.journal.erase import CAVEATS, CONFIRM_WORD, ErasePlan, erase, is_confirmed, plan_erase
from coach.journal.errors import JournalMissing
from coach.text import visible


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach erase``."""
    parser = subcommands.add_parser(
        "erase",
        help="delete the whole journal, its backups and settings",
        description="Delete everything the journal keeps in its folder: every reflection, the "
        "draft, the rolling backups, your settings and the keys of an encrypted journal, then "
        "the folder itself if nothing else is in it. Files of your own beside them are left "
        f"alone. You are asked to type '{CONFIRM_WORD}' first; anything else deletes nothing. "
        "Export first ('coach export -o FILE') if you would like a copy.",
    )
    parser.add_argument(
        "--confirm-stdin",
        action="store_true",
        help=f"read the word ('{CONFIRM_WORD}') as one line from stdin instead of the terminal",
    )
    parser.set_defaults(run=run)


def what_goes(plan: ErasePlan) -> str:
    """What erasing will delete, in a sentence or two (no passphrase needed to say it)."""
    where = visible(str(plan.data_dir))
    rest = "anything you had started writing, your settings and your own support"
    if not plan.years:
        held = f"it holds no reflections yet, but any rolling backups, {rest} go too"
    else:
        years = str(plan.years[0])
        if len(plan.years) > 1:
            years += f" to {plan.years[-1]}"
        held = f"your reflections from {years}, their rolling backups, {rest}"
    return f"This will delete your journal in {where}: {held}. It cannot be undone."


def _answer(args: argparse.Namespace) -> str:
    """The word the user typed: one line from stdin, or asked on the terminal."""
    if args.confirm_stdin:
        return sys.stdin.readline()
    if not sys.stdin.isatty():
        raise CommandError(
            "erase asks you to type a word first, and there is no terminal to ask on; use "
            "--confirm-stdin to give it on stdin (nothing was deleted)"
        )
    try:
        return input(f"To delete it all, type {CONFIRM_WORD} and press enter: ")
    except EOFError:
        return ""


def run(args: argparse.Namespace) -> int:
    """Say what will go, ask for the word, then erase; returns the exit code."""
    try:
        plan = plan_erase(data_dir_of(args))
    except JournalMissing as error:
        raise CommandError(
            f"there is no journal at {error.data_dir} to delete; check --data-dir or "
            "COACH_DATA_DIR (nothing was deleted)"
        ) from None
    print(what_goes(plan))
    print(CAVEATS)
    sys.stdout.flush()
    if not is_confirmed(_answer(args)):
        raise CommandError(
            f"nothing was deleted: the journal is only erased when you type '{CONFIRM_WORD}'"
        )
    done = erase(plan.data_dir)
    for link in done.links:
        print(visible(f"{link} was a link: only the link was removed, not what it points to"))
    if done.folder_removed:
        print(visible(f"Your journal has been deleted, and its folder {done.data_dir} with it."))
    else:
        print(
            visible(
                f"Your journal has been deleted. Your own files in {done.data_dir} were left "
                "as they were."
            )
        )
    return 0
