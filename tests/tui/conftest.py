"""Fixtures for driving the real app under ``App.run_test()`` on a real journal."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import pytest
from filelock import FileLock
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from coach.content import Catalog, load_catalog
from coach.journal import Journal
from coach.tui.app import CoachApp

FIXED_NOW = dt.datetime(2026, 11, 26, 17, 45, 3, tzinfo=dt.timezone(dt.timedelta(hours=0)))


def fixed_clock() -> dt.datetime:
    """The same moment every run, so screens and snapshots are stable."""
    return FIXED_NOW


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own: nothing a test saves can reach the real Documents."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped content, loaded once."""
    return load_catalog()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A real journal in a fresh folder."""
    with Journal(tmp_path / "data") as opened:
        yield opened


def make_app(journal: Journal, catalog: Catalog) -> CoachApp:
    """The real app on a real journal, with a fixed clock."""
    return CoachApp(journal, catalog, clock=fixed_clock)


@pytest.fixture
def app(journal: Journal, catalog: Catalog) -> CoachApp:
    """The app on an empty journal."""
    return make_app(journal, catalog)


async def tab_to(pilot: Pilot[None], selector: str, limit: int = 40) -> None:
    """Press tab, as a keyboard user does, until the widget matching ``selector`` has focus."""
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and any(w is focused for w in pilot.app.screen.query(selector)):
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"tab never reached {selector}; focus is on {pilot.app.focused}")


async def at_the_challenges(pilot: Pilot[None]) -> None:
    """From home, as a user: begin a reflection (r) and tab to the individual challenges."""
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    await tab_to(pilot, "#list-individual")


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (saves, ranking) finish and the screen catch up.

    A worker that fails is reported by the app as a notice (``coach.tui.base``), so waiting
    for it must not raise: tests look at what the user is told.
    """
    await asyncio.gather(*(worker.wait() for worker in pilot.app.workers), return_exceptions=True)
    await pilot.pause()
    await pilot.pause()


@contextmanager
def reads_held(journal: Journal) -> Iterator[None]:
    """Every background read of ``journal`` waits until the block ends.

    A journal held in memory whole (``Journal.is_warm``) is read in place by history, with no
    worker to hold; so every year file is first touched, as another process's save would, and
    the journal is no longer held whole: each read goes to a worker again.

    The journal's read lock is taken on the test's thread, which is the app's own thread: the
    lock is re-entrant there, so the screens carry on while each worker thread that reads the
    journal waits. The test decides what the user has done before any read finishes.
    """
    for year in journal.years():
        path = journal.year_path(year)
        then = path.stat()
        os.utime(path, ns=(then.st_atime_ns, then.st_mtime_ns + 1_000_000))
    assert not journal.is_warm()
    with journal._thread_lock:
        yield


def errors(app: App[Any]) -> list[str]:
    """The error notices the app has shown, oldest first."""
    return [n.message for n in app._notifications if n.severity == "error"]


async def press_noting_errors(pilot: Pilot[None], *keys: str) -> int:
    """Settle, count the error notices so far, press ``keys`` and settle again: a test then
    reads only the notices from the keys on (``errors(app)[count:]``)."""
    await settle(pilot)
    count = len(errors(pilot.app))
    await pilot.press(*keys)
    await settle(pilot)
    return count


def damage_year(path: Path) -> bytes:
    """Give a year file's first reflection a strain of 99: the file still parses, and every
    reader calls it damaged. Returns the damaged bytes."""
    tables = orjson.loads(path.read_bytes())
    next(iter(tables["reflections"].values()))["strain"] = 99
    path.write_bytes(orjson.dumps(tables))
    return path.read_bytes()


# --- snapshots ---------------------------------------------------------------------------

# The smallest terminal the coach is made for (a split pane, a laptop's half screen), the
# classic one, and a roomy one.
SIZES = [
    pytest.param((60, 20), id="60x20"),
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
]
SnapCompare = Callable[..., bool]


@contextmanager
def journal_at_fixed_path(name: str) -> Iterator[Journal]:
    """A journal at the same path every run, emptied first (home shows where it lives).

    The path is shared by every checkout on the machine, so two suites running at once would
    empty each other's journal mid-snapshot: a lock beside it makes them take turns.
    """
    folder = Path(tempfile.gettempdir()) / name
    with FileLock(str(folder) + ".lock"):
        shutil.rmtree(folder, ignore_errors=True)
        try:
            with Journal(folder) as journal:
                yield journal
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def steady(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys, let the app settle (searches wait a moment), and stop every cursor blinking."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause(0.3)  # a search runs a moment after the last key
        await settle(pilot)
        for widget in pilot.app.screen.query("Input, TextArea"):
            assert isinstance(widget, Input | TextArea)
            widget.cursor_blink = False
        await settle(pilot)

    return run_before


def snap(
    snap_compare: SnapCompare, journal: Journal, catalog: Catalog, size: Any, *keys: str
) -> bool:
    """Compare the app, after pressing ``keys``, with its accepted snapshot."""
    return snap_compare(make_app(journal, catalog), terminal_size=size, run_before=steady(*keys))
