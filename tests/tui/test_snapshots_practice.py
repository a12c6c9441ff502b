"""Snapshots of self-practice at 80x24 and 120x40: the hub with the shipped exercises, and the
first step of the first of them (behavioural activation: lists to fill). Stable: a fixed clock
and an empty journal at a fixed path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coach.content import Catalog
from coach.journal import Journal
from tests.tui.conftest import SIZES, SnapCompare, journal_at_fixed_path, snap


@pytest.fixture
def practice_journal() -> Iterator[Journal]:
    with journal_at_fixed_path("pwp-coach-snapshots-practice") as journal:
        yield journal


@pytest.mark.parametrize("size", SIZES)
def test_practice_hub(
    snap_compare: SnapCompare, practice_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, practice_journal, catalog, size, "p")


@pytest.mark.parametrize("size", SIZES)
def test_practice_first_step(
    snap_compare: SnapCompare, practice_journal: Journal, catalog: Catalog, size: Any
) -> None:
    keys = ("p", "tab", "enter", *"Washing up [b]twice[/b]")
    assert snap(snap_compare, practice_journal, catalog, size, *keys)
