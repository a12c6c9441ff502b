"""Snapshots of home and every step of the reflection at 80x24 and 120x40.

Stable by construction: a fixed clock, a journal at a fixed path (home shows where it lives),
and no cursor blink.
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
from coach.journal import Journal
from tests.tui.conftest import make_app, settle
from tests.tui.test_followup_and_drafts import yesterday_with_plans

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


@pytest.fixture
def fixed_journal() -> Iterator[Journal]:
    """A journal at the same path every run, emptied first."""
    folder = Path(tempfile.gettempdir()) / "pwp-coach-snapshots"
    shutil.rmtree(folder, ignore_errors=True)
    with Journal(folder) as journal:
        yield journal
    shutil.rmtree(folder, ignore_errors=True)


def steady(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys, let the app settle, and stop every cursor blinking."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
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
def test_home(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, fixed_journal, catalog, size)


@pytest.mark.parametrize("size", SIZES)
def test_follow_up(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    yesterday_with_plans(fixed_journal)
    assert snap(snap_compare, fixed_journal, catalog, size, "r")


@pytest.mark.parametrize("size", SIZES)
def test_challenges(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, fixed_journal, catalog, size, "r", "tab", "space", "down")


@pytest.mark.parametrize("size", SIZES)
def test_values(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, fixed_journal, catalog, size, "r", "ctrl+n")


@pytest.mark.parametrize("size", SIZES)
def test_coping(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    keys = ("r", "tab", "tab", "space", "ctrl+n", "ctrl+n")
    assert snap(snap_compare, fixed_journal, catalog, size, *keys)


@pytest.mark.parametrize("size", SIZES)
def test_summary(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    keys = ("r", "tab", "tab", "space", "ctrl+n", "ctrl+n", "space", "ctrl+n")
    assert snap(snap_compare, fixed_journal, catalog, size, *keys)


@pytest.mark.parametrize("size", SIZES)
def test_check_in(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, fixed_journal, catalog, size, "c", "down", "enter")
