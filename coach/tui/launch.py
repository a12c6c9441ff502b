"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from coach.content import Catalog, load_catalog
from coach.journal import Journal, JournalLocked, LockedJournal, resolve_data_dir

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

DEMO_SUBTITLE = "demo: a made-up year; nothing here is kept"


@contextlib.contextmanager
def demo_journal(catalog: Catalog, today: dt.date) -> Iterator[Journal]:
    """A journal in a private temporary folder holding a made-up year; removed afterwards.

    The user's own journal is never opened, so it cannot be touched. (What only the demo
    needs is imported here, off the start-up path of a real journal.)
    """
    import tempfile
    from dataclasses import replace

    from coach.demo import demo_core_values, demo_reflections, demo_time_away
    from coach.settings import change_settings

    with (
        tempfile.TemporaryDirectory(prefix="pwp-coach-demo-") as folder,  # made 0700
        Journal(Path(folder) / "data") as journal,
    ):
        journal.import_reflections(demo_reflections(catalog, end=today))
        journal.import_records(demo_time_away(catalog, end=today))
        values = tuple(demo_core_values(catalog))
        change_settings(journal, lambda now: replace(now, core_values=values))
        yield journal


@contextlib.contextmanager
def opened_app(args: argparse.Namespace) -> Iterator[CoachApp]:
    """The app on the chosen journal (or, with ``--demo``, a throwaway demo one), not yet run.

    The cyclic garbage collector is paused from here until the app has started (Textual and
    the app make many objects and little garbage as they start, and the collections cost ~10%
    of the start, measured with ``benchmarks/bench_startup.py``): the app lets it run again
    once home has settled, and it runs again here if the app never started.
    """
    gc.disable()
    try:
        with _opened_app(args) as app:
            yield app
    finally:
        gc.enable()


@contextlib.contextmanager
def _opened_app(args: argparse.Namespace) -> Iterator[CoachApp]:
    """The content loaded and the journal opened (the app imported only now: ``coach
    export`` and the other commands never import Textual)."""
    from coach.tui.app import CoachApp

    catalog = load_catalog(Path(args.content) if args.content else None)
    if getattr(args, "demo", False):
        with demo_journal(catalog, dt.date.today()) as journal:
            app = CoachApp(journal, catalog)
            app.sub_title = DEMO_SUBTITLE
            yield app
        return
    data_dir = resolve_data_dir(args.data_dir)
    try:
        journal = Journal(data_dir, damaged_ok=True)  # the rest readable, and support in reach
    except JournalLocked:  # encrypted: the app opens on its unlock screen
        app = CoachApp(LockedJournal(data_dir), catalog)
        try:
            yield app
        finally:
            if app.unlocked:
                app.journal.close()
        return
    with journal:
        yield CoachApp(journal, catalog)


def launch(args: argparse.Namespace) -> int:
    """Load the content, open the journal, run the app until the user quits."""
    with opened_app(args) as app:
        app.run()
    return app.return_code or 0
