"""``coach doctor [--restore [--yes]]``: check every journal file; put damage right from backups."""

from __future__ import annotations

import argparse
import sys

from coach.commands.common import CommandError, add_passphrase_option, data_dir_of, unlocked
from coach.journal import is_encrypted
from coach.journal.doctor import Checkup, Problem, Trouble, check
from coach.journal.names import DRAFT_FILE, PENDING_FILE
from coach.journal.repair import repair
from coach.journal.sealing import PLAIN
from coach.text import visible


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach doctor``."""
    parser = subcommands.add_parser(
        "doctor",
        help="check the journal files and repair them from backups",
        description="Check every journal file: that it reads, holds well-formed reflections, "
        "is not from a newer pwp-coach, is private to you, and that no save was left half "
        "done. With --restore, each damaged file is set aside (never deleted) and its newest "
        "good backup put in its place.",
    )
    parser.add_argument(
        "--restore", action="store_true", help="repair what can be repaired from backups"
    )
    parser.add_argument("--yes", action="store_true", help="with --restore: do not ask first")
    add_passphrase_option(parser)
    parser.set_defaults(run=run)


def _advice(problem: Problem) -> str:
    if problem.trouble is Trouble.DAMAGED:
        if problem.backup is not None:
            return (
                f"newest good backup: {problem.backup}; 'coach doctor --restore' puts it back "
                "and keeps the damaged file aside"
            )
        if problem.path.name == DRAFT_FILE:
            return "no backup of drafts is kept; 'coach doctor --restore' sets the draft aside"
        if problem.path.name == PENDING_FILE:
            return "'coach doctor --restore' sets it aside; the change it planned is lost"
        return (
            "no good backup was found; the file has not been changed; move it out of the "
            "journal folder to start that part afresh, and keep it in case it can be mended"
        )
    if problem.trouble is Trouble.PERMISSIONS:
        return "'coach doctor --restore' makes it private"
    if problem.trouble is Trouble.STALE_TEMP:
        return "harmless; the next start of the coach or 'coach doctor --restore' removes it"
    if problem.trouble is Trouble.UNFINISHED:
        return "'coach doctor --restore' finishes it now"
    if problem.trouble is Trouble.DUPLICATE:
        return "'coach doctor --restore' puts it right"
    return ""


def _report(checkup: Checkup) -> None:
    """What the check found; explanations quote stored ids and paths, so through ``visible``."""
    for problem in checkup.problems:
        advice = _advice(problem)
        label = "problem" if problem.serious else "note"
        print(visible(f"{label}: {problem.explanation}" + (f"; {advice}" if advice else "")))
    for note in checkup.notes:
        print(visible(f"note: {note}"))
    if checkup.sound:
        many = "reflection" if checkup.reflections == 1 else "reflections"
        print(f"journal OK: {checkup.reflections} {many}")
        if not checkup.exists:
            print(visible(f"(no journal has been started in {checkup.data_dir} yet)"))
    else:
        serious = sum(problem.serious for problem in checkup.problems)
        print(
            visible(
                f"journal needs attention: {serious} problem{'' if serious == 1 else 's'} in "
                f"{checkup.data_dir}"
            )
        )


def _confirm(checkup: Checkup) -> bool:
    """Ask on the terminal whether to go ahead; refuse when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        raise CommandError(
            "doctor --restore asks before changing anything, and there is no terminal to ask "
            "on; run 'coach doctor --restore --yes' to go ahead without asking"
        )
    fixable = sum(problem.restorable for problem in checkup.problems)
    try:
        answer = input(f"Put right {fixable} of these now? [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    """Check (and with --restore repair) the journal; returns the exit code."""
    data_dir = data_dir_of(args)
    sealing = unlocked(args) if is_encrypted(data_dir) else PLAIN
    checkup = check(data_dir, sealing=sealing)
    _report(checkup)
    if not args.restore or not any(problem.restorable for problem in checkup.problems):
        if args.restore and not checkup.sound:
            print("nothing here can be repaired from a backup")
        return 0 if checkup.sound else 1
    if not args.yes and not _confirm(checkup):
        print("nothing was changed")
        return 0 if checkup.sound else 1
    for done in repair(checkup):
        print(visible(f"done: {done.done}"))
    after = check(data_dir, sealing=sealing)
    print("checking again:")
    _report(after)
    return 0 if after.sound else 1
