"""Make the README's screenshots: the real app on the demo journal, as SVG.

    python docs/screenshots.py          # writes docs/screens/*.svg

Reproducible by construction, so a test (``tests/test_screenshots.py``) can make them again
and fail when the committed ones are stale: a fixed clock, the demo year for its fixed seed
ending on that day, the journal at the same path every run, no cursor blinking, and the same
keys pressed. Each screen is shot in an app of its own, so one cannot change another.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, TextArea

from coach.content import Catalog, load_catalog
from coach.demo import demo_core_values, demo_reflections, demo_time_away
from coach.journal import Journal
from coach.settings import change_settings
from coach.tui.app import CoachApp

SCREENS_DIR = Path(__file__).resolve().parent / "screens"
NOW = dt.datetime(2026, 11, 26, 17, 45, 3, tzinfo=dt.UTC)  # a Thursday, at the end of the day
SIZE = (100, 30)
# Each screenshot: its file name, its title and the keys pressed from home to reach it.
# The reflection comes last: what it ticks is kept as a draft, which the next start would offer;
# its follow-up of last time's plans is skipped (ctrl+k) to reach its first step.
SHOTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "home": ("pwp-coach: home", ()),
    "history": ("pwp-coach: history", ("h",)),
    "insights": ("pwp-coach: insights", ("i",)),
    "reflection": (
        "pwp-coach: what was hard today",
        ("r", "ctrl+k", "tab", "space", "down", "down", "space", "tab", "space"),
    ),
}


def _clock() -> dt.datetime:
    return NOW


@contextmanager
def demo_journal(catalog: Catalog) -> Iterator[Journal]:
    """The demo year in a journal at the same path every run (home shows where it lives)."""
    folder = Path(tempfile.gettempdir()) / "pwp-coach-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        with Journal(folder) as journal:
            journal.import_reflections(demo_reflections(catalog, end=NOW.date()))
            journal.import_records(demo_time_away(catalog, end=NOW.date()))
            values = tuple(demo_core_values(catalog))
            change_settings(journal, lambda now: replace(now, core_values=values))
            yield journal
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _shoot(journal: Journal, catalog: Catalog, title: str, keys: tuple[str, ...]) -> str:
    """The app after ``keys``, settled, as SVG."""
    app = CoachApp(journal, catalog, clock=_clock)
    async with app.run_test(size=SIZE) as pilot:

        async def settle() -> None:
            await asyncio.gather(*(w.wait() for w in app.workers), return_exceptions=True)
            await pilot.pause()
            await pilot.pause()

        await settle()
        for key in keys:
            await pilot.press(key)
            await settle()
        for widget in app.screen.query("Input, TextArea"):
            assert isinstance(widget, Input | TextArea)
            widget.cursor_blink = False
        await settle()
        return app.export_screenshot(title=title)


def make_screenshots() -> dict[str, str]:
    """Every screenshot's SVG, by file name (``home.svg``)."""
    catalog = load_catalog()
    shots: dict[str, str] = {}
    with demo_journal(catalog) as journal:
        for name, (title, keys) in SHOTS.items():
            shots[f"{name}.svg"] = asyncio.run(_shoot(journal, catalog, title, keys))
    return shots


def main() -> int:
    """Write the screenshots into ``docs/screens``."""
    SCREENS_DIR.mkdir(exist_ok=True)
    for name, svg in make_screenshots().items():
        (SCREENS_DIR / name).write_text(svg, encoding="utf-8")
        print(f"wrote {SCREENS_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
