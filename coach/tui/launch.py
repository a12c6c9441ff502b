"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse

from coach.journal import Journal, resolve_data_dir


def launch(args: argparse.Namespace) -> int:
    """Open the journal, run the app until the user quits, return the exit code."""
    from coach.tui.app import CoachApp

    with Journal(resolve_data_dir(args.data_dir)) as journal:
        CoachApp(journal).run()
    return 0
