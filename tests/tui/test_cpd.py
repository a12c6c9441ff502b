"""A reflection written up for CPD, from history, by the keys a user presses, on a real journal:
saved with its ``cpd``, kept through a later edit of the reflection, shown as a CPD entry in
history and entry detail, removed only when confirmed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from coach.journal import Journal
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    CpdModel,
    CpdWriteUp,
    Dimension,
    Reflection,
)
from coach.settings import change_settings, read_settings
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.cpd import CpdScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import FIXED_NOW, settle, tab_to

DAY = FIXED_NOW.date() - dt.timedelta(days=3)


def one_reflection(journal: Journal, cpd: CpdWriteUp | None = None) -> None:
    journal.add(
        Reflection(
            id="r-1",
            date=DAY,
            created=FIXED_NOW - dt.timedelta(days=3),
            strain=6,
            narrative="A long clinic.",
            challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
            actions=(CopingAction("protect-lunch", "Protect my lunch", Category.BOUNDARIES),),
            cpd=cpd,
        )
    )


async def to_history(pilot: Pilot[None]) -> DataTable[object]:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen.query_one("#history-table", DataTable)


async def type_in(pilot: Pilot[None], selector: str, text: str) -> None:
    await tab_to(pilot, selector)
    await pilot.press(*text)


def kind_shown(table: DataTable[object]) -> str:
    return str(table.get_cell("r-1", "kind"))


async def test_a_write_up_from_history_is_saved_and_survives_an_edit(
    app: CoachApp, journal: Journal
) -> None:
    one_reflection(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await to_history(pilot)
        assert "CPD" not in kind_shown(table)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CpdScreen)
        stages = [area.id for area in app.screen.query(TextArea)]
        assert stages == ["cpd-what", "cpd-so_what", "cpd-now_what"]  # the default model
        assert app.focused is not None
        assert app.focused.id == "cpd-what"
        await pilot.press(*"Ran my first group.")
        await type_in(pilot, "#cpd-so_what", "I rushed the ending.")
        await type_in(pilot, "#cpd-hours", "1.5")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert kind_shown(table) == "reflection CPD"  # said in words, not colour

        saved = journal.get("r-1")
        assert saved is not None
        assert saved.cpd == CpdWriteUp(
            model=CpdModel.WHAT_SO_WHAT,
            what="Ran my first group.",
            so_what="I rushed the ending.",
            hours=1.5,
        )

        # Edited afterwards in the reflection flow: the draft carries the write-up through.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert app.screen.query_one("#entry-cpd", Literal).display
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        await tab_to(pilot, "#strain")
        await pilot.press("8")
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)  # back where the edit began
        assert app.screen.query_one("#entry-cpd", Literal).display
    edited = journal.get("r-1")
    assert edited is not None
    assert edited.strain == 8
    assert edited.cpd == saved.cpd
    assert journal.count() == 1


async def test_the_model_in_settings_is_used_for_a_new_write_up_only(
    app: CoachApp, journal: Journal
) -> None:
    change_settings(journal, lambda now: replace(now, cpd_model="gibbs"))
    one_reflection(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        await pilot.press("enter")  # from entry detail this time
        await settle(pilot)
        assert not app.screen.query_one("#entry-cpd", Literal).display
        await pilot.press("c")
        await settle(pilot)
        stages = [area.id for area in app.screen.query(TextArea)]
        assert len(stages) == 6
        assert stages[0] == "cpd-description"
        assert stages[-1] == "cpd-action_plan"
        await pilot.press(*"What I did.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert app.screen.query_one("#entry-cpd", Literal).display
        await pilot.press("escape")  # history shows it too, coming back
        await settle(pilot)
        assert kind_shown(app.screen.query_one("#history-table", DataTable)) == "reflection CPD"
    saved = journal.get("r-1")
    assert saved is not None
    assert saved.cpd == CpdWriteUp(model=CpdModel.GIBBS, description="What I did.")


async def test_an_existing_write_up_keeps_its_own_model(app: CoachApp, journal: Journal) -> None:
    change_settings(journal, lambda now: replace(now, cpd_model="gibbs"))
    one_reflection(journal, CpdWriteUp(what="Before.", hours=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert [area.text for area in app.screen.query(TextArea)] == ["Before.", "", ""]
        assert app.screen.query_one("#cpd-hours", Input).value == "2"
        await type_in(pilot, "#cpd-now_what", "Ask for a co-facilitator.")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = journal.get("r-1")
    assert saved is not None
    assert saved.cpd == CpdWriteUp(what="Before.", now_what="Ask for a co-facilitator.", hours=2)


async def test_hours_that_are_not_a_number_are_said_and_nothing_is_saved(
    app: CoachApp, journal: Journal
) -> None:
    one_reflection(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"Something learnt.")
        for typed in ("an hour", "150"):
            await type_in(pilot, "#cpd-hours", typed)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, CpdScreen)
            problem = str(app.screen.query_one("#cpd-problem", Literal).render())
            assert problem == app.catalog.prompt("cpd.hours_wrong")
            await pilot.press(*["backspace"] * len(typed))
        # Nothing written in any stage is not a write-up either.
        await tab_to(pilot, "#cpd-what")
        await pilot.press("ctrl+a", "ctrl+k")
        await pilot.press("ctrl+s")
        await settle(pilot)
        problem = str(app.screen.query_one("#cpd-problem", Literal).render())
        assert problem == app.catalog.prompt("cpd.nothing_written")
    saved = journal.get("r-1")
    assert saved is not None
    assert saved.cpd is None


async def test_leaving_with_changes_asks_and_removing_asks(app: CoachApp, journal: Journal) -> None:
    one_reflection(journal, CpdWriteUp(what="Before."))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await to_history(pilot)
        assert kind_shown(table) == "reflection CPD"
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("end", *" And after.")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay: what was typed is still there
        await settle(pilot)
        assert isinstance(app.screen, CpdScreen)
        assert app.screen.query_one("#cpd-what", TextArea).text == "Before. And after."

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept
        await settle(pilot)
        stored = journal.get("r-1")
        assert stored is not None
        assert stored.cpd is not None

        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert kind_shown(table) == "reflection"
    removed = journal.get("r-1")
    assert removed is not None
    assert removed.cpd is None
    assert removed.narrative == "A long clinic."  # the reflection itself stays


async def test_settings_choose_the_model_and_the_targets_and_insights_count_them(
    app: CoachApp, journal: Journal
) -> None:
    one_reflection(journal, CpdWriteUp(what="Before.", hours=2.5))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        for selector, moves in (("#cpd-model", 1), ("#cpd-entries", 3), ("#cpd-hours", 4)):
            await tab_to(pilot, selector)
            await pilot.press("enter", *["down"] * moves, "enter")  # from "No target" down
            await settle(pilot)
        chosen = read_settings(journal)
        assert (chosen.cpd_model, chosen.cpd_entries_per_year) == ("gibbs", 8)
        assert chosen.cpd_hours_per_year == 35
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        shown = str(app.screen.query_one("#insights-cpd", Literal).render())
        assert shown == (
            "CPD entries in 2026: 1 of the 8 you aim for.\n"
            "CPD hours in 2026: 2.5 of the 35 you aim for."
        )
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s")  # "No target" again: the blank choice, first in the list
        await settle(pilot)
        await tab_to(pilot, "#cpd-hours")
        await pilot.press("enter", "home", "enter")
        await settle(pilot)
    assert read_settings(journal).cpd_hours_per_year is None
    assert read_settings(journal).cpd_entries_per_year == 8


async def test_a_write_up_made_while_an_edit_is_open_is_not_undone_by_the_edit(
    app: CoachApp, journal: Journal
) -> None:
    """The steps never ask for the write-up, so saving an edit keeps the journal's copy of it,
    even one written after the edit began (from history, or by another coach)."""
    one_reflection(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        stored = journal.get("r-1")
        assert stored is not None
        written = CpdWriteUp(what="Written while the edit was open.", hours=0.5)
        journal.update(stored.with_changes(cpd=written))
        await pilot.press("ctrl+s")
        await settle(pilot)
    edited = journal.get("r-1")
    assert edited is not None
    assert edited.cpd == written
