"""An edit begun from history ends back there: the entry and its row show it as saved."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from coach.content import Catalog
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.widgets.reflection_view import ReflectionView
from tests.tui.conftest import make_app, settle, tab_to
from tests.tui.test_history import four_entries, open_entry, open_history


@pytest.fixture
def app(journal: Journal, catalog: Catalog) -> CoachApp:
    four_entries(journal)
    return make_app(journal, catalog)


async def edit_and_save(pilot: Pilot[None], *, strain: str, typed: str) -> None:
    """In the steps: a new strain, words added to the narrative, then save and Done."""
    assert isinstance(pilot.app.screen, ChallengesScreen)
    await tab_to(pilot, "#strain")
    await pilot.press(strain)
    await tab_to(pilot, "#narrative")
    await pilot.press("end", *typed)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SummaryScreen)
    await pilot.press("enter")  # Done
    await settle(pilot)


def row_of(app: CoachApp, key: str) -> list[str]:
    table = app.screen.query_one("#history-table", DataTable)
    return [cell.plain for cell in table.get_row(key)]


async def test_saving_an_edit_from_the_entry_returns_to_it_showing_the_new_text(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, 3)
        await pilot.press("e")
        await settle(pilot)
        await edit_and_save(pilot, strain="7", typed=" Then a hard call.")
        detail = app.screen
        assert isinstance(detail, EntryDetailScreen)
        shown = " ".join(
            str(part.render()) for part in detail.query_one(ReflectionView).query("Literal")
        )
        assert "A good group session Then a hard call." in shown
        assert detail.reflection.strain == 7
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert row_of(app, "old")[2].strip() == "7"


async def test_e_in_history_edits_the_highlighted_entry_and_comes_back_to_its_row(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert row_of(app, "old")[2].strip() == "3"
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("e")
        await settle(pilot)
        await edit_and_save(pilot, strain="9", typed=" More.")
        assert isinstance(app.screen, HistoryScreen)
        assert row_of(app, "old")[2].strip() == "9"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_new_reflection_from_home_still_returns_home(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        if not isinstance(app.screen, ChallengesScreen):  # last time's plans can wait
            await pilot.press("ctrl+k")
            await settle(pilot)
        await edit_and_save(pilot, strain="5", typed="A long day.")
        assert isinstance(app.screen, HomeScreen)
