"""Help is Textual's keys panel: it lists exactly the keys the screen in use has, and keys the
user moved in settings (``keys``: binding id -> key) work everywhere they are shown."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import HelpPanel
from textual.widgets._key_panel import BindingsTable

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import change_settings
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.home import HomeScreen
from tests.tui.conftest import make_app, settle


def panel_text(app: CoachApp) -> str:
    """What the keys panel on the screen in use shows, as plain text."""
    table = app.screen.query_one(BindingsTable)
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in table.render_lines(table.region.reset_offset)
    )


async def test_f1_shows_the_keys_of_the_screen_in_use_and_f1_hides_them(app: CoachApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen.query(HelpPanel)
        home = panel_text(app)
        for words in ("Reflect", "Check-in", "History", "Insights", "Settings", "Support now"):
            assert words in home, words
        await pilot.press("f1")
        await settle(pilot)
        assert not app.screen.query(HelpPanel)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        await pilot.press("f1")
        await settle(pilot)
        step = panel_text(app)
        assert "Next step" in step
        assert "Reflect" not in step  # home's keys do nothing here, so they are not listed


async def test_a_key_moved_in_settings_is_the_one_that_works_and_is_listed(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(journal, lambda now: replace(now, keys={"home.reflect": "ctrl+r"}))
    app = make_app(journal, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # r no longer reflects
        await pilot.press("f1")
        await settle(pilot)
        assert "^r" in panel_text(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
