"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.content import load_catalog
from coach.journal import Journal, resolve_data_dir


def launch(args: argparse.Namespace) -> int:
    """Load the content, open the journal, run the app until the user quits."""
    from coach.tui.app import CoachApp

    catalog = load_catalog(Path(args.content) if args.content else None)
    with Journal(resolve_data_dir(args.data_dir)) as journal:
        CoachApp(journal, catalog).run()
    return 0
