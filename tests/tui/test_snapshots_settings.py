"""Snapshots of the settings screen at 80x24 and 120x40, with every section filled in.

Stable by construction: a fixed clock, a journal at a fixed path (the screen shows where it
lives), and no cursor blink.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import change_settings
from tests.tui.conftest import SIZES, SnapCompare, journal_at_fixed_path, snap


@pytest.fixture
def set_journal(catalog: Catalog) -> Iterator[Journal]:
    """Three core values and two lines of the user's own support, at the same path every run."""
    with journal_at_fixed_path("pwp-coach-snapshots-settings") as journal:
        values = tuple(value.key for value in catalog.values[:3])
        support = {"occupational_health": "Self-referral on the intranet", "colleague": "Priya"}
        change_settings(journal, lambda now: replace(now, core_values=values, my_support=support))
        yield journal


@pytest.mark.parametrize("size", SIZES)
def test_settings(
    snap_compare: SnapCompare, set_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, set_journal, catalog, size, "s")
