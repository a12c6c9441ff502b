"""A coach screen arrives sized and styled once (``coach.tui.base.ArrivesSized``): made with the
breakpoint classes Textual would give it at the app's size, so Textual's own finds nothing to
change on its first resize, and not restyled whole when first shown; the classes stay right
when the app is resized before or after, and nothing is left as a full restyle would not
leave it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Size

from coach.content import Catalog
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.base import breakpoint_classes
from coach.tui.screens.tools import ToolsScreen


@pytest.fixture
def app(tmp_path: Path, catalog: Catalog) -> CoachApp:
    return CoachApp(Journal(tmp_path / "data"), catalog)


async def test_the_classes_are_textuals_at_every_size(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        for width in range(0, 160, 3):
            for height in range(0, 50, 2):
                wanted = screen._get_breakpoint_classes(width, app.HORIZONTAL_BREAKPOINTS)
                wanted |= screen._get_breakpoint_classes(height, app.VERTICAL_BREAKPOINTS)
                assert breakpoint_classes(screen, Size(width, height)) == wanted


@pytest.mark.parametrize(
    ("size", "wanted"),
    [((60, 20), {"-narrow", "-short"}), ((120, 40), {"-wide", "-tall"})],
)
async def test_a_screen_is_made_with_them_and_keeps_them(
    app: CoachApp, size: tuple[int, int], wanted: set[str]
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        made = ToolsScreen()
        assert wanted <= made.classes  # before Textual has laid it out
        await app.push_screen(made)
        await pilot.pause()
        assert wanted <= app.screen.classes


async def test_a_screen_made_at_one_size_and_shown_at_another_is_put_right(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        made = ToolsScreen()
        assert "-wide" in made.classes
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await app.push_screen(made)
        await pilot.pause()
        assert {"-narrow", "-short"} <= app.screen.classes
        assert not {"-wide", "-tall"} & app.screen.classes


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
@pytest.mark.parametrize("key", ["", "h", "t", "s", "f3", "r"])
async def test_a_screen_first_shown_is_as_a_full_restyle_would_make_it(
    app: CoachApp, size: tuple[int, int], key: str
) -> None:
    """Shown for the first time, a screen is not restyled whole (``ArrivesSized``): nothing
    on it may be left as a full restyle would not leave it."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if key:
            await pilot.press(key)
            await pilot.pause()
        shown = app.export_screenshot()
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        assert app.export_screenshot() == shown
