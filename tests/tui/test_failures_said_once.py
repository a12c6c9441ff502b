"""A journal that cannot be read or written is said once, as "what did not happen: why", and
the screen stays usable. Real damaged files in ``tmp_path``, the real app, keys pressed."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from textual.widgets import Input

from coach.content import Catalog
from coach.journal import Journal, JournalError
from coach.settings import read_settings
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.core_values import CoreValuesScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import errors, make_app, settle, tab_to
from tests.tui.test_history import four_entries, open_history


def damage_records(journal: Journal) -> tuple[bytes, str]:
    """A settings file cut short; returns its bytes and what the journal says of it."""
    journal.update_settings({"core_values": ["helping-others"]})
    damaged = b'{"settings": {"1": {"core_values": [' + b"\x00" * 8
    journal.records_path.write_bytes(damaged)
    with pytest.raises(JournalError) as refused:
        read_settings(journal)
    return damaged, str(refused.value)


def text_of(screen: object, selector: str) -> str:
    assert isinstance(screen, SettingsScreen)
    return str(screen.query_one(selector, Literal).content)


async def test_unreadable_settings_are_said_once_and_their_defaults_can_be_chosen(
    journal: Journal, catalog: Catalog
) -> None:
    damaged, problem = damage_records(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = len(errors(app))
        await pilot.press("s")
        await settle(pilot)
        settings = app.screen
        assert errors(app)[before:] == [f"Your settings could not be read: {problem}"]
        assert text_of(settings, "#settings-problems").startswith(
            f"Your settings could not be read: {problem}"
        )
        assert text_of(settings, "#settings-core-values") == catalog.prompt(
            "settings.core_values_none"
        )
        # Still usable: the core values open, and keeping them says why they were not kept.
        await tab_to(pilot, "#choose-core-values")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CoreValuesScreen)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert app.screen is settings
        said = [e for e in errors(app)[before:] if e.startswith("That setting was not kept: ")]
        assert said == [f"That setting was not kept: {problem}"]
    assert journal.records_path.read_bytes() == damaged


async def test_unreadable_own_support_is_said_once_and_can_still_be_typed(
    journal: Journal, catalog: Catalog
) -> None:
    _, problem = damage_records(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = len(errors(app))
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        assert errors(app)[before:] == [f"Your own support could not be read: {problem}"]
        await tab_to(pilot, "#my-colleague")
        await pilot.press(*"Sam")
        assert app.screen.query_one("#my-colleague", Input).value == "Sam"


def damage_year(path: Path) -> bytes:
    """The year file now holds a strain of 99: every reader calls it damaged."""
    tables = orjson.loads(path.read_bytes())
    next(iter(tables["reflections"].values()))["strain"] = 99
    path.write_bytes(orjson.dumps(tables))
    return path.read_bytes()


async def test_a_delete_refused_by_a_damaged_year_is_said_once_and_the_entry_stays(
    journal: Journal, catalog: Catalog
) -> None:
    four_entries(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        entry = app.screen
        assert isinstance(entry, EntryDetailScreen)
        damaged = damage_year(journal.year_path(2026))  # damaged while the entry is open
        before = len(errors(app))
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        [said] = errors(app)[before:]
        assert said.startswith(f"Not deleted: journal file {journal.year_path(2026)} is damaged")
        assert "strain: must be 0-10, not 99" in said
        assert app.screen is entry  # still open, and still answers its keys
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is entry
    assert journal.year_path(2026).read_bytes() == damaged
