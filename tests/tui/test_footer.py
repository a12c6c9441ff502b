"""The app's footer draws exactly what Textual's own does: it only makes its keys cheaper."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from coach.tui.widgets.footer import CoachFooter


def footer_app(footer: type[Footer], compact: bool) -> App[None]:
    class Keys(App[None]):
        BINDINGS = [Binding("r", "bell", "Ring"), Binding("q", "quit", "Quit")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            yield Static("x")
            yield footer(compact=compact)

    return Keys()


async def drawn(footer: type[Footer], compact: bool) -> tuple[list[tuple[list[str], bool]], str]:
    """The footer's keys and picture at 80 columns (below ``TIGHT_WIDTH`` the coach's footer
    gives way on purpose, and is no longer Textual's: tests/tui/test_footers_everywhere.py)."""
    app = footer_app(footer, compact)
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        keys = app.query_one(Footer).query(FooterKey)
        ours = {"-gives-way", "-tight-gives-way"}  # the coach's marks for keys that give way
        state = [(sorted(set(key.classes) - ours), key.compact) for key in keys]
        return state, app.export_screenshot().split("</style>")[-1]


@pytest.mark.parametrize("compact", [False, True])
async def test_coach_footer_is_textuals_footer_on_screen(compact: bool) -> None:
    ours = await drawn(CoachFooter, compact)
    assert ours == await drawn(Footer, compact)
    assert any("-command-palette" in classes for classes, _ in ours[0])  # the palette key too


class CountedFooter(CoachFooter):
    """The coach's footer, counting the times its keys are made."""

    made = 0

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        self.made += bool(widgets)
        yield from widgets


async def test_a_footer_has_its_keys_in_the_screens_first_frame() -> None:
    """Textual's footer is empty until the bindings first "change" (after the first frame),
    then remakes itself: one more layout and frame before a screen settles. The coach's
    makes its keys with the screen, and finds nothing to remake."""
    app = footer_app(CountedFooter, False)
    async with app.run_test(size=(80, 5)) as pilot:
        footer = app.query_one(CountedFooter)
        assert [key.description for key in footer.query(FooterKey)][:2] == ["Ring", "Quit"]
        await pilot.pause()
        assert footer.made == 1
    textuals = footer_app(Footer, False)
    async with textuals.run_test(size=(80, 5)):
        assert not textuals.query_one(Footer).query(FooterKey)  # what the coach's spares


async def test_a_footer_is_remade_only_when_what_it_shows_changes() -> None:
    app = footer_app(CountedFooter, False)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(CountedFooter)
        assert footer.made == 1  # once as the screen opened, though the bindings "changed" 3x
        app.screen.refresh_bindings()  # nothing shown changes
        await pilot.pause()
        assert footer.made == 1
        app.bind("x", "extra", description="Extra")
        app.screen.refresh_bindings()
        await pilot.pause()
        assert footer.made == 2
        assert "Extra" in [key.description for key in footer.query(FooterKey)]


async def test_a_footer_narrowed_to_tight_gives_the_palettes_key_way() -> None:
    """Made at 80 columns, then narrowed below ``TIGHT_WIDTH``: remade compact, without the
    palette's key, as one made tight is (ctrl+p still opens the palette)."""
    app = footer_app(CoachFooter, False)
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(CoachFooter)
        assert any(key.has_class("-command-palette") for key in footer.query(FooterKey))
        await pilot.resize_terminal(60, 5)
        await pilot.pause()
        keys = list(footer.query(FooterKey))
        assert keys
        assert not any(key.has_class("-command-palette") for key in keys)
        assert all(key.compact for key in keys)
