"""Snapshots of history, entry detail and insights at 80x24 and 120x40, on the demo year.

Stable by construction: a fixed clock, the demo year for a fixed seed ending on that date, a
journal at a fixed path, and no cursor blink.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from coach.content import Catalog
from coach.demo import demo_core_values, demo_reflections
from coach.journal import Journal
from coach.tui.screens.values import CORE_VALUES_SETTING
from tests.tui.conftest import FIXED_NOW, make_app, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


@pytest.fixture
def demo_journal(catalog: Catalog) -> Iterator[Journal]:
    """The demo year in a journal at the same path every run, emptied first."""
    folder = Path(tempfile.gettempdir()) / "pwp-coach-snapshots-history"
    shutil.rmtree(folder, ignore_errors=True)
    with Journal(folder) as journal:
        journal.import_reflections(demo_reflections(catalog, end=FIXED_NOW.date()))
        journal.update_settings({CORE_VALUES_SETTING: demo_core_values(catalog)})
        yield journal
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
    return snap_compare(make_app(journal, catalog), terminal_size=size, run_before=steady(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_history(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "h")


@pytest.mark.parametrize("size", SIZES)
def test_history_searched(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "h", "slash", *"safeguarding")


@pytest.mark.parametrize("size", SIZES)
def test_entry_detail(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "h", "down", "down", "enter")


@pytest.mark.parametrize("size", SIZES)
def test_delete_confirmation(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "h", "enter", "d")


@pytest.mark.parametrize("size", SIZES)
def test_insights(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "i")


@pytest.mark.parametrize("size", SIZES)
def test_insights_year(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, demo_journal, catalog, size, "i", "3")
