"""Snapshots of the settings screen at 60x20, 80x24 and 120x40, with every section filled in,
its top and its foot, and the passphrase dialog.

Stable by construction: a fixed clock, a journal at a fixed path (the screen shows where it
lives), and no cursor blink.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot

from coach.content import Catalog
from coach.journal import Journal, unlock
from coach.journal.encryption import encrypt
from coach.settings import change_settings
from coach.tui.screens.passphrase import PassphraseDialog
from tests.tui.conftest import (
    SIZES,
    SnapCompare,
    journal_at_fixed_path,
    make_app,
    snap,
    steady,
)

PASSPHRASE = "kettle on at half past five"


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


@pytest.mark.parametrize("size", SIZES)
def test_settings_end(
    snap_compare: SnapCompare, set_journal: Journal, catalog: Catalog, size: Any
) -> None:
    """The foot of settings: the shell nudge, the passphrase, where the journal lives, erase."""
    assert snap(snap_compare, set_journal, catalog, size, "s", "end")


@pytest.mark.parametrize("size", SIZES)
def test_change_passphrase_dialog(snap_compare: SnapCompare, catalog: Catalog, size: Any) -> None:
    """The largest passphrase dialog (three boxes) fits, buttons and F2 in sight."""
    with journal_at_fixed_path("pwp-coach-snapshots-passphrase") as plain:
        data_dir = plain.data_dir
        encrypt(data_dir, PASSPHRASE)
        with Journal(data_dir, sealing=unlock(data_dir, PASSPHRASE)) as journal:

            async def run_before(pilot: Pilot[None]) -> None:
                await steady("s")(pilot)
                change = pilot.app.screen.query_one("#passphrase-change")
                pilot.app.screen.scroll_to_widget(change, animate=False)
                # Pushed as its button pushes it, not pressed: a pressed button's shade lingers
                # a moment behind the dialog, and a snapshot must not depend on when.
                await pilot.app.push_screen(PassphraseDialog("change", data_dir))
                await steady()(pilot)

            app = make_app(journal, catalog)
            assert snap_compare(app, terminal_size=size, run_before=run_before)
