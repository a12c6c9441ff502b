"""Snapshots of home and every step of the reflection at 80x24 and 120x40.

Stable by construction: a fixed clock, a journal at a fixed path (home shows where it lives),
and no cursor blink.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coach.content import Catalog
from coach.journal import Journal
from tests.tui.conftest import SIZES, SnapCompare, journal_at_fixed_path, snap
from tests.tui.test_followup_and_drafts import yesterday_with_plans


@pytest.fixture
def fixed_journal() -> Iterator[Journal]:
    """A journal at the same path every run, emptied first."""
    with journal_at_fixed_path("pwp-coach-snapshots") as journal:
        yield journal


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
