"""``coach content check|show``: validate the coach's content, or print it merged: as a
readable listing, or as JSON (``--json``) for scripts.

Both take ``--content DIR`` (after the subcommand, or the global one before it) to check a
service's or a user's overlay folder the same way the app will read it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from coach.commands.common import CommandError, print_data
from coach.content import Catalog, ContentError, load_catalog, shipped_content_dir
from coach.exercise_files import exercises_to_list
from coach.exercises import ExerciseError
from coach.text import one_line


def _overlay_of(args: argparse.Namespace) -> Path | None:
    """The overlay folder: the subcommand's ``--content``, else the global one, else none."""
    chosen = getattr(args, "content_dir", None) or getattr(args, "content", None)
    return Path(chosen).expanduser() if chosen else None


def _load(args: argparse.Namespace) -> Catalog:
    """The catalogue with its exercises read too (the app reads those on first use; a check
    must read them now), or a one-line ``CommandError`` naming the first problem."""
    try:
        catalog = load_catalog(_overlay_of(args))
        catalog.exercises()
    except (ContentError, ExerciseError) as error:
        raise CommandError(f"content: {error}") from None
    return catalog


def _counted(total: int, parts: Counter[str]) -> str:
    inner = ", ".join(f"{count} {name}" for name, count in parts.items())
    return f"{total} ({inner})" if inner else str(total)


def summary(catalog: Catalog, overlay: Path | None) -> str:
    """A few lines saying what the catalogue holds and where it was read from."""
    challenges = Counter(option.dimension.value for option in catalog.challenges)
    coping = Counter(option.category.value for option in catalog.coping)
    lines = [
        f"content is valid: {shipped_content_dir()}"
        + (f" with overlay {overlay}" if overlay else ""),
        f"  challenges: {_counted(len(catalog.challenges), challenges)}",
        f"  values: {len(catalog.values)}",
        f"  reconnecting prompts: {len(catalog.reconnect)}",
        f"  coping strategies: {_counted(len(catalog.coping), coping)}",
        f"  prompts: {len(catalog.prompts)}",
        f"  scales: {len(catalog.scales)}",
        f"  support lines: {len(catalog.support)}",
        f"  exercises: {len(catalog.exercises())}",
    ]
    return "\n".join(lines) + "\n"


def run_check(args: argparse.Namespace) -> int:
    """Validate the content (and overlay) and print a summary; exit 1 on any problem."""
    catalog = _load(args)
    print(summary(catalog, _overlay_of(args)), end="")
    return 0


def listing(catalog: Catalog) -> str:
    """The merged catalogue for a person to read: each section under a heading, one line per
    entry (its key, then its words), every line shown as one plain line."""
    sections: list[tuple[str, list[str]]] = [
        ("Challenges", [f"{c.key} ({c.dimension.value}): {c.label}" for c in catalog.challenges]),
        ("Values", [f"{v.key}: {v.label}" for v in catalog.values]),
        ("Reconnecting prompts", [f"{r.key}: {r.text}" for r in catalog.reconnect]),
        ("Coping strategies", [f"{c.key} ({c.category.value}): {c.label}" for c in catalog.coping]),
        ("Support now", [f"{s.key}: {s.name}, {s.contact}" for s in catalog.support]),
        ("Scales", [f"{name}: {' / '.join(labels)}" for name, labels in catalog.scales.items()]),
        ("Exercises", [f"{e.id}: {e.title}" for e in catalog.exercises().values()]),
        ("Prompts", [f"{key}: {text}" for key, text in sorted(catalog.prompts.items())]),
    ]
    lines: list[str] = []
    for heading, entries in sections:
        lines += [f"{heading} ({len(entries)})", *(f"  {one_line(entry)}" for entry in entries), ""]
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    """Print the merged catalogue: readable, or with ``--json`` as JSON, the exercises with
    their steps and fields too."""
    catalog = _load(args)
    if not args.json:
        print_data(listing(catalog))
        return 0
    shown = {**catalog.to_dict(), "exercises": exercises_to_list(catalog.exercises())}
    print_data(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
    return 0


def _add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        dest="content_dir",
        metavar="DIR",
        help="a folder of content to lay over the shipped one",
    )


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach content check`` and ``coach content show [--json]``."""
    parser = subcommands.add_parser("content", help="check the coach's content, or show it")
    actions = parser.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the content and print a summary")
    _add_content_option(check)
    check.set_defaults(run=run_check)
    show = actions.add_parser("show", help="print the merged content, readably or as JSON")
    show.add_argument("--json", action="store_true", help="as JSON, for scripts")
    _add_content_option(show)
    show.set_defaults(run=run_show)
