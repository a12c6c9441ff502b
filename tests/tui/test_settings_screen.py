"""The settings screen, and the theme remembered across starts, driven by the keys a user presses.

A real journal in ``tmp_path`` and the real app; a "new start" is a second app on the same
journal.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from textual import constants
from textual.app import App
from textual.binding import Binding
from textual.color import Color
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import change_settings, read_settings
from coach.tui.app import CoachApp
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.screens.values import ValuesScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import make_app, settle, tab_to

MARKUP = "[@click=app.quit]Sam[/]"


def shown(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Literal).content)


def background(app: App[None]) -> Color:
    return app.screen.styles.background


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def warnings(app: App[None]) -> list[str]:
    return [n.message for n in app._notifications if n.severity != "information"]


async def test_s_opens_settings_from_home_and_escape_goes_back(
    app: CoachApp, journal: Journal
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        assert shown(app, "#settings-data-dir") == str(journal.data_dir)
        assert "None chosen yet" in shown(app, "#settings-core-values")
        assert shown(app, "#settings-my-support") == "Nothing noted yet."
        assert app.screen.query_one("#theme", Select).value == app.theme
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_opens_settings(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Settings", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+p")  # from settings itself: nothing stacks
        await settle(pilot)
        await pilot.press(*"Settings", "enter")
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, SettingsScreen]


async def test_a_theme_chosen_in_settings_is_used_at_once_and_at_the_next_start(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        dark = background(app)
        assert app.theme == "textual-dark"
        await tab_to(pilot, "#theme")
        await pilot.press("enter", "down", "enter")  # the theme after textual-dark
        await settle(pilot)
        assert app.theme == "textual-light"
        light = background(app)
        assert light != dark
        assert isinstance(app.screen, SettingsScreen)
    assert journal.settings()["theme"] == "textual-light"

    again = make_app(journal, catalog)
    assert again.theme == "textual-light"  # before anything is drawn
    async with again.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        assert background(again) == light
        assert again.screen.query_one("#theme", Select).value == "textual-light"


async def test_a_theme_chosen_with_the_palette_is_remembered_and_shown_in_settings(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Theme", "enter")  # Textual's own command
        await settle(pilot)
        await pilot.press(*"nord", "enter")
        await settle(pilot)
        assert app.theme == "nord"
        assert journal.settings()["theme"] == "nord"

        await open_settings(pilot)  # open over the palette's theme: it follows a change
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Theme", "enter")
        await settle(pilot)
        await pilot.press(*"dracula", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#theme", Select).value == "dracula"
    assert journal.settings()["theme"] == "dracula"

    again = make_app(journal, catalog)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "dracula"


async def test_an_unknown_saved_theme_is_left_stored_and_the_default_used_quietly(
    journal: Journal, catalog: Catalog
) -> None:
    journal.update_settings({"theme": "gone-in-a-later-textual", "core_values": ["learning"]})
    records = os.stat(journal.records_path)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_settings(pilot)
        assert app.theme == constants.DEFAULT_THEME
        assert warnings(app) == []
        assert not app.screen.query_one("#settings-problems").display
    assert journal.settings()["theme"] == "gone-in-a-later-textual"
    assert os.stat(journal.records_path).st_ino == records.st_ino  # nothing written at start


async def test_a_bad_stored_setting_is_said_once_at_start_and_listed_in_settings(
    journal: Journal, catalog: Catalog
) -> None:
    journal.update_settings({"core_values": "helping-others", "theme": "nord"})
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.theme == "nord"  # the rest of the settings still apply
        said = warnings(app)
        assert len(said) == 1
        assert "core_values must be a list of text" in said[0]
        await open_settings(pilot)
        listed = app.screen.query_one("#settings-problems", Literal)
        assert listed.display
        assert "core_values must be a list of text" in str(listed.content)
        assert "None chosen yet" in shown(app, "#settings-core-values")
        assert len(warnings(app)) == 1
    assert journal.settings()["core_values"] == "helping-others"  # kept until changed


async def test_core_values_chosen_in_settings_are_the_values_steps(
    app: CoachApp, journal: Journal, catalog: Catalog
) -> None:
    wanted = [catalog.values[0], catalog.values[2]]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        await tab_to(pilot, "#choose-core-values")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "down", "down", "space", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert shown(app, "#settings-core-values") == ", ".join(v.label for v in wanted)
        assert journal.settings()["core_values"] == [v.key for v in wanted]

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r", "ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ValuesScreen)
        assert all(v.label in shown(app, "#core-values") for v in wanted)
        offered = app.screen.query_one("#at-stake", SelectionList)
        keys = [offered.get_option_at_index(i).value for i in range(offered.option_count)]
        assert keys == [v.key for v in wanted]


async def test_my_own_support_edited_from_settings_is_what_support_shows(
    app: CoachApp, journal: Journal
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        await tab_to(pilot, "#edit-my-support")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        assert app.focused is not None
        assert app.focused.id == "my-occupational_health"  # straight to the user's own
        await pilot.press(*"OH 0300")
        await tab_to(pilot, "#my-colleague")
        await pilot.press(*MARKUP, "escape")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert shown(app, "#settings-my-support") == (
            f"Occupational health: OH 0300\nA colleague I trust: {MARKUP}"
        )

        await pilot.press("escape", "f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        assert app.screen.query_one("#my-occupational_health", Input).value == "OH 0300"
        assert app.screen.query_one("#my-colleague", Input).value == MARKUP
    assert journal.settings()["my_support"]["colleague"] == MARKUP


async def test_every_control_is_reachable_by_tab_at_80x24_and_shown_when_focused(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(
        journal,
        lambda now: replace(
            now,
            core_values=tuple(v.key for v in catalog.values[:3]),
            my_support={"occupational_health": "Via the intranet", "colleague": "Priya"},
        ),
    )
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        body = screen.query_one("#settings-body", VerticalScroll)
        controls = {"choose-core-values", "edit-my-support", "theme", "leave-horizon"}
        controls |= {"supervision-target", "erase-everything"}
        controls |= {"cpd-model", "cpd-entries", "cpd-hours", "reach-out-nudge"}
        controls |= {"worry-time", "nudge-after", "nudge-days", "imported-in-insights"}
        controls |= {"passphrase-set"}  # a plain journal: no lock, nothing to change or remove
        shown = {
            w.id
            for w in screen.query("Button, Select")
            if all(node.display for node in w.ancestors_with_self if node is not screen)
        }
        assert shown == controls
        reached: set[str] = set()
        for _ in range(18):
            focused = app.focused
            assert focused is not None
            if focused.id in controls:
                reached.add(focused.id)
                assert screen.region.contains_region(focused.region), focused
            await pilot.press("tab")
            await pilot.pause()
        assert reached == controls
        assert body.max_scroll_x == 0  # nothing wider than the screen: it scrolls down only


async def test_an_unreadable_settings_file_is_said_in_settings_and_never_overwritten(
    app: CoachApp, journal: Journal
) -> None:
    journal.update_settings({"core_values": ["helping-others"]})
    damaged = b'{"settings": {"1": {"core_values": [' + b"\x00" * 8
    journal.records_path.write_bytes(damaged)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_settings(pilot)
        listed = app.screen.query_one("#settings-problems", Literal)
        assert "could not be read" in str(listed.content)
        await pilot.press("enter")  # choose my core values: offered, and refused on keeping
        await settle(pilot)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert any("was not kept" in said for said in warnings(app))
    assert journal.records_path.read_bytes() == damaged


def test_the_readme_names_every_key_home_has() -> None:
    """Help in the app is the keys panel, drawn from the bindings themselves; the README is
    written by hand, so it is checked against them."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A tour")[1].split("\n## ")[0]
    home_rows = [line for line in tour.splitlines() if line.startswith("| home |")]
    keys = " ".join(row.split("|")[2] for row in home_rows)  # the table's key column
    for binding in HomeScreen.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.action != "app.quit":  # the README gives ctrl+q, which works everywhere
            assert f"`{binding.key}`" in keys, binding.key


async def test_worry_time_is_chosen_from_a_list_and_cleared_with_not_set(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(journal, lambda now: replace(now, worry_time="21:15"))  # set elsewhere
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        select = app.screen.query_one("#worry-time", Select)
        assert select.value == "21:15"  # a time not offered is shown as it is
        await tab_to(pilot, "#worry-time")
        await pilot.press("enter", "home", "down", "down", "enter")  # "Not set", 16:00, 16:30
        await settle(pilot)
        assert read_settings(journal).worry_time == "16:30"
        await pilot.press("enter", "home", "enter")  # the blank choice: not set
        await settle(pilot)
    assert read_settings(journal).worry_time is None
