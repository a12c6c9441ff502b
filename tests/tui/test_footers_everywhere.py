"""Every screen the command palette opens, opened through the palette as a user does: its footer
lists only keys that screen really answers to, and F2 (support now) is in it, in sight, at 80x24
and at 60x20.

A footer key answers when its action is one the screen, its focused widget's chain or the app
can run: an active binding of the screen (``Screen.active_bindings``) whose node, or the node
its namespace names (``app.``, ``screen.``), has the ``action_`` method.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from coach.tui.app import CoachApp
from tests.tui.conftest import settle

# The palette's titles for the screens it opens (``coach.tui.palette``), and the screen each
# opens. Help shows a panel on the same screen: that is covered by home's own footer here.
OPENS = {
    "Support now": "SupportScreen",
    "About": "AboutScreen",
    "Settings": "SettingsScreen",
    "Take a break": "BreakChoiceScreen",
    "Reflect": "ChallengesScreen",
    "Quick check-in": "CheckInScreen",
    "History": "HistoryScreen",
    "Insights": "InsightsScreen",
    "Tools": "ToolsScreen",
    "Plan leave": "LeaveScreen",
    "Self-practice": "PracticeScreen",
    "My people": "PeopleScreen",
}
SIZES = ((80, 24), (60, 20))


def footer_keys(screen: Screen[object]) -> list[FooterKey]:
    footers = list(screen.query(Footer).results(Footer))
    assert len(footers) == 1, f"{type(screen).__name__} has {len(footers)} footers"
    return list(footers[0].query(FooterKey).results(FooterKey))


def runnable(app: App[None], screen: Screen[object], key: FooterKey) -> bool:
    """Whether the key is an active binding of ``screen`` whose action its node can run."""
    for active in screen.active_bindings.values():
        if active.binding.action != key.action or active.binding.key != key.key:
            continue
        target, name, _parameters = app._parse_action(active.binding.action, active.node)
        if callable(getattr(target, f"action_{name}", None)):
            return True
    return False


def check_footer(app: CoachApp, where: str) -> None:
    screen = app.screen
    keys = footer_keys(screen)
    unrunnable = [key.key for key in keys if not runnable(app, screen, key)]
    assert unrunnable == [], f"{where}: footer keys that do nothing here: {unrunnable}"
    support = [key for key in keys if key.key == "f2" and key.action.endswith("support")]
    assert support, f"{where}: no F2 in the footer"
    f2 = support[0]
    shown = all(node.display for node in f2.ancestors_with_self if node is not screen)
    assert shown, f"{where}: F2 is hidden"
    assert f2.region.width > 0, f"{where}: F2 has no room"
    assert screen.region.contains_region(f2.region), f"{where}: F2 is off the screen"


async def open_from_palette(pilot: Pilot[None], title: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*title)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_home_has_f2_and_only_its_own_keys(app: CoachApp) -> None:
    async with app.run_test(size=SIZES[0]) as pilot:
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            check_footer(app, f"home at {size}")


@pytest.mark.parametrize("title", OPENS)
async def test_each_screen_from_the_palette_has_f2_and_only_its_own_keys(
    app: CoachApp, title: str
) -> None:
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        await open_from_palette(pilot, title)
        assert type(app.screen).__name__ == OPENS[title]
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            check_footer(app, f"{title} at {size}")


async def test_the_passphrase_dialog_from_settings_has_f2_and_only_its_own_keys(
    app: CoachApp,
) -> None:
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        await open_from_palette(pilot, "Settings")
        app.screen.query_one("#passphrase-set").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PassphraseDialog"
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            check_footer(app, f"the passphrase dialog at {size}")


async def test_a_key_that_does_nothing_is_caught() -> None:
    """The check itself: a binding to an action nobody has is named as doing nothing."""

    class Stray(App[None]):
        BINDINGS = [  # noqa: RUF012 (Textual's own type)
            Binding("x", "no_such_thing", "Nothing"),
            Binding("q", "quit", "Quit"),
        ]

        def compose(self) -> ComposeResult:
            yield Footer()

    app = Stray()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        keys = {key.key: runnable(app, app.screen, key) for key in footer_keys(app.screen)}
    assert keys == {"x": False, "q": True, "ctrl+p": True}
