"""The ``coach`` command: opens the app by default; data commands for scripts and backups.

The data commands live in ``coach.commands`` and never import Textual, so they start fast; the
app is imported only when it is about to run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from coach import __version__
from coach.commands.common import CommandError, never_crash_on_encoding
from coach.content import ContentError, load_catalog
from coach.journal import JournalError
from coach.text import one_line

# Modules under coach.commands that add a subcommand; each has register(subcommands).
COMMAND_MODULES = (
    *("export", "import_", "doctor", "stats", "content", "passphrase", "erase", "nudge"),
)


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``coach`` itself (the app), shared by every subcommand."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="journal folder (default: COACH_DATA_DIR or your data folder)",
    )
    parser.add_argument(
        "--content", metavar="DIR", help="a folder of content to lay over the shipped one"
    )
    parser.add_argument("--demo", action="store_true", help="open the app on a demo journal")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``coach`` and every subcommand."""
    parser = argparse.ArgumentParser(
        prog="coach",
        description="pwp-coach: a private, offline end-of-day reflection coach.",
    )
    parser.add_argument("--version", action="version", version=f"pwp-coach {__version__}")
    _add_app_options(parser)
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"coach.commands.{name}")
        module.register(subcommands)
    for command in _commands(parser):
        # The global options after the command too (``coach stats --data-dir DIR``); SUPPRESS
        # leaves the one given before it in place when this one is not given.
        if "--data-dir" not in command._option_string_actions:
            command.add_argument(
                "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="journal folder"
            )
        if "--content" not in command._option_string_actions:
            command.add_argument(
                "--content", metavar="DIR", default=argparse.SUPPRESS, help="a content overlay"
            )
    return parser


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every subcommand's parser, nested ones (``coach passphrase set``) included."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += [command, *_commands(command)]
    return found


def app_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the app (its options, no command, no help), else None.

    Opening the app is what most starts do, and it needs none of the data commands: they are
    imported and their parsers built only when a command, help or a mistake needs them.
    """
    parser = argparse.ArgumentParser(prog="coach", add_help=False, exit_on_error=False)
    _add_app_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong, with the usage
    if rest:
        return None
    args.command = None
    return args


NOT_A_TERMINAL = (
    "coach: the app needs a terminal to run in; to use the journal from a script or a pipe, "
    "give a command (such as 'coach export' or 'coach stats'): 'coach --help' lists them"
)
# Used only when even the shipped content cannot be read: the safety net under the safety net.
FALLBACK_SUPPORT = "Samaritans: call 116 123 · Shout: text SHOUT to 85258 · NHS 111 · 999"


def support_line() -> str:
    """One line of where to find support now, from the shipped content where it can be read."""
    try:
        lines = load_catalog().support
    except ContentError:
        lines = ()
    found = " · ".join(f"{line.name}: {line.contact}" for line in lines) or FALLBACK_SUPPORT
    return f"If you need support now: {found}"


def in_a_terminal() -> bool:
    """Whether the app has a terminal to draw in and read keys from."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(args: argparse.Namespace) -> int:
    """Open the Textual app on the chosen journal."""
    from coach.tui.launch import launch

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coach`` console script; returns the exit code."""
    never_crash_on_encoding()
    args = app_arguments(argv) or build_parser().parse_args(argv)
    if args.command is None and not in_a_terminal():
        # A full-screen app on a pipe or a file would wait for keys nobody can press.
        print(NOT_A_TERMINAL, file=sys.stderr)
        return 2
    try:
        if args.command is None:
            return run_app(args)
        code: int = args.run(args)
        return code
    except (JournalError, ContentError, CommandError, OSError) as error:
        print(one_line(f"coach: {error}"), file=sys.stderr)
        if args.command is None:  # the app could not open: support must still be in reach
            print(support_line(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never show a traceback to a user
        print(
            one_line(f"coach: unexpected error ({type(error).__name__}): {error}"), file=sys.stderr
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
