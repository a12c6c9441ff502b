"""A high-contrast theme beside Textual's own, offered and kept like them."""

from __future__ import annotations

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import read_settings
from tests.tui.conftest import make_app, settle


async def test_the_high_contrast_theme_is_offered_and_kept(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "high-contrast" in app.available_themes
        app.theme = "high-contrast"  # as settings or the palette's Theme command sets it
        await settle(pilot)
        assert app.screen.styles.background.hex == "#000000"
    assert read_settings(journal).theme == "high-contrast"
    again = make_app(journal, catalog)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "high-contrast"  # the next start opens in it
