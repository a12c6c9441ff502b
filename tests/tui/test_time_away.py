"""Time away in the app: leave in view on home, the leave planner, closing the day (from the
tools and at the end of a reflection), and the coping suggestions that lead to them."""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Select, SelectionList

from coach.content import Catalog
from coach.journal import Journal
from coach.time_away import Closing, Leave
from coach.tui.screens.closing import ClosingScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.leave import LeaveForm, LeaveScreen
from coach.tui.screens.tools import ToolsScreen
from tests.tui.conftest import FIXED_NOW, errors, make_app, settle

TODAY = FIXED_NOW.date()  # Thursday 26 November 2026


def home_leave_line(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#home-leave").render())


async def test_home_nudges_then_counts_down_to_the_leave_planned(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "No leave planned in the next 8 weeks" in home_leave_line(pilot)
        assert "press l to plan some" in home_leave_line(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, LeaveForm)
        await pilot.press(*"2026-12-08", "tab", *"2026-12-11", "tab", *"[b]Home[/b] for a week")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)
        [kept] = journal.records(Leave)
        assert (kept.start, kept.end, kept.note) == (
            dt.date(2026, 12, 8),
            dt.date(2026, 12, 11),
            "[b]Home[/b] for a week",
        )
        table = app.screen.query_one(DataTable)
        assert "[b]Home[/b] for a week" in str(table.get_row_at(0)[3])
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert home_leave_line(pilot) == "12 days until your leave (Tue 8 Dec)."
        assert errors(app) == []


async def test_on_leave_home_says_until_when(journal: Journal, catalog: Catalog) -> None:
    journal.save_record(Leave.new(TODAY - dt.timedelta(days=2), TODAY + dt.timedelta(days=3)))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert home_leave_line(pilot) == "You're on leave until Sun 29 Nov. The work will keep."


async def test_a_wrong_date_or_an_end_before_the_start_is_said_and_nothing_kept(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"8 Dec", "tab", *"2026-12-11", "enter")
        await settle(pilot)
        problem = str(app.screen.query_one("#leave-problem").render())
        assert "Give a date like 2026-12-21" in problem
        start = app.screen.query_one("#leave-start", Input)
        start.value = "2026-12-12"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "before the first" in str(app.screen.query_one("#leave-problem").render())
        await pilot.press("escape")
        await settle(pilot)
        assert journal.records(Leave) == []


async def test_changing_and_removing_leave(journal: Journal, catalog: Catalog) -> None:
    first = Leave.new(dt.date(2026, 12, 21), dt.date(2027, 1, 2), "Christmas")
    journal.save_record(first)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ToolsScreen)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        end = app.screen.query_one("#leave-end", Input)
        assert end.value == "2027-01-02"
        end.value = "2027-01-04"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [changed] = journal.records(Leave)
        assert (changed.id, changed.end, changed.note) == (
            first.id,
            dt.date(2027, 1, 4),
            "Christmas",
        )
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert journal.records(Leave) == [changed]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert journal.records(Leave) == []
        assert errors(app) == []


async def test_closing_the_day_from_the_tools(journal: Journal, catalog: Catalog) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "d")
        await settle(pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert "risk procedure" in str(app.screen.query_one("#closing-risk").render())
        await pilot.press(*"Ring Sam's GP [first]")
        await pilot.press("tab", *"Hand the 3pm to duty")
        app.screen.query_one("#closing-done", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ToolsScreen)
        [closing] = journal.records(Closing)
        assert closing.first_task == "Ring Sam's GP [first]"
        assert closing.hand_over == "Hand the 3pm to duty"
        assert closing.done_what_i_can
        assert closing.date == TODAY


async def test_the_end_of_a_reflection_offers_closing_the_day(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        await pilot.press("d")  # not offered before saving: nothing happens
        await settle(pilot)
        assert not isinstance(app.screen, ClosingScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Close the day before you go? Press d." in str(
            app.screen.query_one("#closing").render()
        )
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(journal.records(Closing)) == 1
        assert journal.count() == 1


async def test_choosing_something_to_look_forward_to_offers_the_leave_planner(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        suggestions = app.screen.query_one("#suggestions", SelectionList)
        assert "ctrl+t" not in app.screen.active_bindings
        suggestions.select("something-to-look-forward-to")
        await settle(pilot)
        assert any("plan your leave now" in n.message for n in app._notifications)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert [a.key for a in app.draft.actions] == ["something-to-look-forward-to"]


async def test_settings_choose_how_far_ahead_home_looks_for_leave(
    journal: Journal, catalog: Catalog
) -> None:
    journal.save_record(Leave.new(dt.date(2027, 2, 1), dt.date(2027, 2, 5)))  # ~10 weeks on
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "No leave planned in the next 8 weeks" in home_leave_line(pilot)
        await pilot.press("s")
        await settle(pilot)
        choice = app.screen.query_one("#leave-horizon", Select)
        assert choice.value == 8
        choice.value = 12
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert home_leave_line(pilot) == "67 days until your leave (Mon 1 Feb)."
