"""Snapshots of a break at 80x24 and 120x40: the dialog with minutes that will not do (the
reason said in place), and the countdown. Stable: a fixed clock (the countdown stays at its
start) and a journal at a fixed path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coach.content import Catalog
from coach.journal import Journal
from tests.tui.conftest import SIZES, SnapCompare, journal_at_fixed_path, snap


@pytest.fixture
def break_journal() -> Iterator[Journal]:
    with journal_at_fixed_path("pwp-coach-snapshots-breaks") as journal:
        yield journal


@pytest.mark.parametrize("size", SIZES)
def test_break_choice(
    snap_compare: SnapCompare, break_journal: Journal, catalog: Catalog, size: Any
) -> None:
    keys = ("f3", "tab", "tab", "3", "0", "0")  # past 10 and 15 minutes to the box: 300
    assert snap(snap_compare, break_journal, catalog, size, *keys)


@pytest.mark.parametrize("size", SIZES)
def test_break_countdown(
    snap_compare: SnapCompare, break_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, break_journal, catalog, size, "f3", "enter")
