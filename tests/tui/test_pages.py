"""History, an entry and insights are pages: escape closes each, and their keys keep their ids.

The ids (``history.open``) are how a keymap rebinds a key, so they are an interface: the
pages share one way of naming them and must name every key as they did before.
"""

from __future__ import annotations

from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.insights import InsightsScreen
from tests.tui.conftest import settle
from tests.tui.test_history import four_entries


def ids(screen: type[HistoryScreen | EntryDetailScreen | InsightsScreen]) -> list[str | None]:
    return [getattr(binding, "id", None) for binding in screen.BINDINGS]


def test_every_key_of_a_page_keeps_its_id() -> None:
    assert ids(HistoryScreen) == [
        "history.back",
        "history.open",
        "history.search",
        "history.filters",
        "history.clear",
        "history.cpd",  # added with CPD write-ups
        "history.edit",  # added: an edit begun here comes back here
    ]
    assert ids(EntryDetailScreen) == [
        "entry.back",
        "entry.edit",
        "entry.delete",
        "entry.markdown",
        "entry.cpd",  # added with CPD write-ups
        "entry.follow_up",
    ]
    assert ids(InsightsScreen) == [
        "insights.back",
        "insights.next_window",
        "insights.show_all",  # added: every line of a shortened list
        "insights.days30",
        "insights.days90",
        "insights.days365",
    ]


async def test_escape_closes_each_page_back_to_where_it_was_opened(
    journal: Journal, app: CoachApp
) -> None:
    four_entries(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
