"""A journal that cannot be read or written is said once, as "what did not happen: why", and
the screen stays usable. Real damaged files in ``tmp_path``, the real app, keys pressed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from coach.content import Catalog
from coach.journal import Journal, JournalError
from coach.settings import read_settings
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.core_values import CoreValuesScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import damage_year, errors, make_app, press_noting_errors, settle, tab_to
from tests.tui.test_history import four_entries, shown, status

DAMAGED = b'{"settings": {"1": {"core_values": [' + b"\x00" * 8  # a settings file cut short

Said = Callable[[], list[str]]
S = TypeVar("S", bound=Screen[Any])


@asynccontextmanager
async def opened(
    journal: Journal, catalog: Catalog, key: str, kind: type[S]
) -> AsyncIterator[tuple[Pilot[None], S, Said]]:
    """The app on ``journal``, ``key`` pressed to open a screen of ``kind``: the pilot, that
    screen, and the error notices said from the key on (home's own notice of a damaged year
    comes before them)."""
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        before = await press_noting_errors(pilot, key)
        assert isinstance(app.screen, kind)
        yield pilot, app.screen, lambda: errors(app)[before:]


@pytest.fixture
def year_problem(journal: Journal) -> str:
    """The four entries, this year's file damaged: what the journal says of it."""
    four_entries(journal)
    damage_year(journal.year_path(2026))
    with pytest.raises(JournalError) as damaged:
        list(journal.iter_newest_first())
    return str(damaged.value)


@pytest.fixture
def settings_problem(journal: Journal) -> str:
    """Settings kept, then their file cut short: what the journal says of it."""
    journal.update_settings({"core_values": ["helping-others"]})
    journal.records_path.write_bytes(DAMAGED)
    with pytest.raises(JournalError) as refused:
        read_settings(journal)
    return str(refused.value)


async def test_history_says_a_damaged_year_once_and_still_searches(
    journal: Journal, catalog: Catalog, year_problem: str
) -> None:
    async with opened(journal, catalog, "h", HistoryScreen) as (pilot, _, said):
        assert said() == [f"History could not be read: {year_problem}"]
        assert status(pilot.app) == "The journal could not be read."
        # A search that never reaches the damaged entry finds what it asks for.
        await pilot.press("slash", *"peer", "enter")
        await settle(pilot)
        assert shown(pilot.app) == ["markup", "old"]
        assert status(pilot.app) == "2 reflections, newest first"
        assert len(said()) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_insights_say_a_damaged_year_once_and_still_switch_windows(
    journal: Journal, catalog: Catalog, year_problem: str
) -> None:
    async with opened(journal, catalog, "i", InsightsScreen) as (pilot, insights, said):
        assert said() == [f"Insights could not be worked out: {year_problem}"]
        heading = str(insights.query_one("#insights-heading", Static).render())
        assert heading == "The journal could not be read."
        await pilot.click("#days-90")  # tried again for 90 days, and said again
        await settle(pilot)
        assert insights.days == 90
        assert said() == [f"Insights could not be worked out: {year_problem}"] * 2


async def test_settings_say_they_could_not_be_read_once_and_show_the_defaults_to_change(
    journal: Journal, catalog: Catalog, settings_problem: str
) -> None:
    async with opened(journal, catalog, "s", SettingsScreen) as (pilot, settings, said):
        assert said() == [f"Your settings could not be read: {settings_problem}"]

        def text_of(selector: str) -> str:
            return str(settings.query_one(selector, Literal).content)

        assert text_of("#settings-problems").startswith(
            f"Your settings could not be read: {settings_problem}"
        )
        assert text_of("#settings-core-values") == catalog.prompt("settings.core_values_none")
        # The core values still open; keeping them says why they were not kept.
        await tab_to(pilot, "#choose-core-values")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CoreValuesScreen)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is settings
        not_kept = [s for s in said() if s.startswith("That setting was not kept: ")]
        assert not_kept == [f"That setting was not kept: {settings_problem}"]
    assert journal.records_path.read_bytes() == DAMAGED


async def test_own_support_that_cannot_be_read_is_said_once_and_can_still_be_typed(
    journal: Journal, catalog: Catalog, settings_problem: str
) -> None:
    async with opened(journal, catalog, "f2", SupportScreen) as (pilot, _, said):
        assert said() == [f"Your own support could not be read: {settings_problem}"]
        await tab_to(pilot, "#my-colleague")
        await pilot.press(*"Sam")
        assert pilot.app.screen.query_one("#my-colleague", Input).value == "Sam"


async def test_a_delete_refused_by_a_damaged_year_is_said_once_and_the_entry_stays(
    journal: Journal, catalog: Catalog
) -> None:
    four_entries(journal)
    async with opened(journal, catalog, "h", HistoryScreen) as (pilot, history, said):
        await pilot.press("down", "enter")
        await settle(pilot)
        entry = pilot.app.screen
        assert isinstance(entry, EntryDetailScreen)
        damaged = damage_year(journal.year_path(2026))  # damaged while the entry is open
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        [notice] = said()
        path = journal.year_path(2026)
        assert notice.startswith(f"Not deleted: journal file {path} is damaged")
        assert "strain: must be 0-10, not 99" in notice
        assert pilot.app.screen is entry  # still open; back in history, it is still listed
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is history
        assert shown(pilot.app) == ["risk", "admin", "markup", "old"]
    assert journal.year_path(2026).read_bytes() == damaged
