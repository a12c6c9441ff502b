"""Snapshots of history, entry detail and insights at 80x24 and 120x40, on the demo year.

Stable by construction: a fixed clock, the demo year for a fixed seed ending on that date, a
journal at a fixed path, and no cursor blink.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from coach.content import Catalog
from coach.demo import demo_core_values, demo_reflections
from coach.journal import Journal
from coach.settings import change_settings
from tests.tui.conftest import (
    FIXED_NOW,
    SIZES,
    SnapCompare,
    journal_at_fixed_path,
    snap,
)


@pytest.fixture
def demo_journal(catalog: Catalog) -> Iterator[Journal]:
    """The demo year in a journal at the same path every run, emptied first."""
    with journal_at_fixed_path("pwp-coach-snapshots-history") as journal:
        journal.import_reflections(demo_reflections(catalog, end=FIXED_NOW.date()))
        values = tuple(demo_core_values(catalog))
        change_settings(journal, lambda now: replace(now, core_values=values))
        yield journal


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
def test_history_nothing_matches(
    snap_compare: SnapCompare, demo_journal: Journal, catalog: Catalog, size: Any
) -> None:
    """Words where the rows would be, not an empty table; enter back to the table's keys."""
    keys = ("h", "slash", *"no such words", "enter")
    assert snap(snap_compare, demo_journal, catalog, size, *keys)


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
