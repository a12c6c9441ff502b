"""Home's ways in are links: each, clicked, does what its key does, and shows the key as the
user has it (settings may move it); the words are shown as written, never as markup."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import change_settings
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.checkin import CheckInScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import WAYS_IN, HomeScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.practice import PracticeScreen
from coach.tui.screens.tools import ToolsScreen
from coach.tui.widgets.ways_in import way_in, ways_in
from tests.tui.conftest import make_app, settle

OPENS = {
    "Reflect (r)": ChallengesScreen,
    "Check-in (c)": CheckInScreen,
    "History (h)": HistoryScreen,
    "Insights (i)": InsightsScreen,
    "Tools (t)": ToolsScreen,
    "Practice (p)": PracticeScreen,
}


def ways_text(app: CoachApp) -> str:
    return str(app.screen.query_one("#home-ways", Static).content)


def clicks(content: Content) -> set[str]:
    """The actions the content's links run."""
    styles = (Style.parse(s.style) if isinstance(s.style, str) else s.style for s in content.spans)
    return {style.meta["@click"] for style in styles if "@click" in style.meta}


def test_every_way_in_is_a_link_to_an_action_of_home() -> None:
    shown = ways_in([(action, action.title(), "x") for action in line] for line in WAYS_IN)
    assert clicks(shown) == {f"screen.{action}" for line in WAYS_IN for action in line}
    assert all(callable(getattr(HomeScreen, f"action_{a}", None)) for line in WAYS_IN for a in line)


def test_the_words_of_a_link_are_never_markup() -> None:
    link = way_in("reflect", "[b]Reflect[/b] $label [@click=app.quit]x[/]", "r")
    assert link.plain == "[b]Reflect[/b] $label [@click=app.quit]x[/] (r)"
    assert clicks(link) == {"screen.reflect"}


@pytest.mark.parametrize("label", OPENS)
async def test_a_way_in_clicked_opens_what_its_key_opens(app: CoachApp, label: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = ways_text(app).splitlines()
        row = next(n for n, line in enumerate(lines) if label in line)
        column = lines[row].index(label) + 1
        ways = app.screen.query_one("#home-ways")
        ways.scroll_visible(animate=False)
        await settle(pilot)
        assert await pilot.click("#home-ways", offset=(column, row))
        await settle(pilot)
        assert isinstance(app.screen, OPENS[label])


async def test_a_key_moved_in_settings_is_the_one_a_way_in_shows(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(journal, lambda now: replace(now, keys={"home.reflect": "ctrl+r"}))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Reflect (^r)" in ways_text(app)
        app.set_keymap({"home.reflect": "ctrl+r", "home.history": "y"})  # moved while open
        await pilot.press("i")  # away from home and back
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Reflect (^r)" in ways_text(app)
        assert "History (y)" in ways_text(app)
