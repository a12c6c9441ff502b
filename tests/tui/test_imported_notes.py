"""Imported notes in the app: history, entry detail, insights, home and settings, on a real
journal holding notes made as the importers make them, with the real app under run_test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from textual.widgets import Button, DataTable, Select, Static

from coach.content import Catalog
from coach.imported import ImportedFrom, ImportSource, imported_id
from coach.journal import Journal
from coach.model import Challenge, Dimension, Kind, Reflection
from coach.settings import change_settings, read_settings
from coach.tui.app import CoachApp
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.cpd import CpdScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.step import StepScreen
from tests.tui.conftest import make_app, settle, tab_to

TODAY = dt.date(2026, 11, 26)  # the fixed clock's day
MARKUP_TITLE = "[@click=app.quit]Quit[/] \x1b[31mred"
TEXT = "Dear diary,\n[bold]not bold[/bold]\x07 and a bell"


def note(day: dt.date, text: str, **source: object) -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 21, 30, tzinfo=dt.UTC)
    return Reflection(
        id=imported_id(ImportSource.JRNL, f"{day} {text}"),
        date=day,
        created=created,
        kind=Kind.IMPORTED,
        narrative=text,
        imported=ImportedFrom(**{"source": ImportSource.JRNL, **source}),  # type: ignore[arg-type]
    )


def written(rid: str, day: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=dt.UTC)
    return Reflection(id=rid, date=day, created=created, **parts)  # type: ignore[arg-type]


TITLED = note(TODAY, TEXT, title=MARKUP_TITLE, tags=("@work", "#tired"), mood="rad", starred=True)
UNTITLED = note(TODAY - dt.timedelta(days=1), "Walked by the river after work.\nSecond line")
OWN = written(
    "own",
    TODAY - dt.timedelta(days=2),
    strain=6,
    challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
)


@pytest.fixture
def app(journal: Journal, catalog: Catalog) -> CoachApp:
    journal.import_reflections([TITLED, UNTITLED, OWN])
    return make_app(journal, catalog)


async def open_history(pilot) -> DataTable:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen.query_one("#history-table", DataTable)


async def test_history_shows_the_kind_in_a_word_and_the_title_literally(app: CoachApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_history(pilot)
        titled = [cell.plain for cell in table.get_row(TITLED.id)]
        assert titled[1] == "imported"
        assert titled[4].startswith("[@click=app.quit]Quit[/] ")  # as written, never markup
        assert "\x1b" not in titled[4]  # its control character is shown, not sent
        untitled = [cell.plain for cell in table.get_row(UNTITLED.id)]
        assert untitled[4].startswith("Walked by the river after work. S")  # its text, on one line
        assert table.get_row(OWN.id)[4].plain == "Caseload volume"
        status = str(app.screen.query_one("#history-status", Static).render())
        assert status.startswith("3 entries")  # two of them are no reflection


async def test_entry_detail_shows_where_it_came_from_and_its_text_literally(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, EntryDetailScreen)
        assert detail.reflection.id == TITLED.id
        bodies = [str(s.render()) for s in detail.query(".section-body")]
        about, text = bodies
        assert "Brought in from jrnl" in about
        assert "Title: [@click=app.quit]Quit[/] " in about
        assert "Tags: @work, #tired" in about
        assert "Mood: rad" in about
        assert "Starred" in about
        assert text.startswith("Dear diary,\n[bold]not bold[/bold]")
        assert "\x07" not in text
        assert "\x1b" not in about
        assert not detail.query_one("#edit", Button).display
        await pilot.press("e")  # kept as it came: no reflection steps open
        await settle(pilot)
        assert app.screen is detail
        assert not any(isinstance(s, StepScreen) for s in app.screen_stack)
        await pilot.press("c")  # nor a CPD write-up
        await settle(pilot)
        assert app.screen is detail
        await pilot.press("d")  # but deleted like any entry
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete the imported note of Thursday 26 November 2026?" in " ".join(
            str(s.render()) for s in app.screen.query(Static)
        )


async def test_c_in_history_says_an_imported_note_is_not_written_up(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_history(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert any("not written up for CPD" in n.message for n in app._notifications)
        await pilot.press("down", "down", "c")  # the user's own reflection still can be
        await settle(pilot)
        assert isinstance(app.screen, CpdScreen)


def heading(app: CoachApp) -> str:
    return str(app.screen.query_one("#insights-heading", Static).render())


@pytest.mark.parametrize(("counted", "entries"), [(False, "1 entry"), (True, "3 entries")])
async def test_insights_count_imported_notes_only_when_the_setting_says_so(
    journal: Journal, catalog: Catalog, counted: bool, entries: str
) -> None:
    journal.import_reflections([TITLED, UNTITLED, OWN])
    change_settings(journal, lambda now: replace(now, imported_notes_in_insights=counted))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        assert f": {entries}." in heading(app)


async def test_home_is_not_done_today_for_an_imported_note(app: CoachApp, catalog: Catalog) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert catalog.prompt("home.not_done_today") in said
        assert catalog.prompt("home.done_today") not in said


async def test_the_three_new_settings_are_shown_and_kept(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(journal, lambda now: replace(now, nudge_after="21:15"))  # set elsewhere
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.query_one("#nudge-after", Select).value == "21:15"  # shown as it is
        assert screen.query_one("#nudge-days", Select).value == ("mon", "tue", "wed", "thu", "fri")
        assert screen.query_one("#imported-in-insights", Select).value is False
        await tab_to(pilot, "#nudge-after")
        await pilot.press("enter", "home", "down", "enter")  # 15:00, then 15:30
        await settle(pilot)
        assert read_settings(journal).nudge_after == "15:30"
        await tab_to(pilot, "#nudge-days")
        await pilot.press("enter", "end", "enter")  # the last set offered: none, switched off
        await settle(pilot)
        assert read_settings(journal).nudge_days == ()
        await tab_to(pilot, "#imported-in-insights")
        await pilot.press("enter", "end", "enter")  # count them as reflections
        await settle(pilot)
        assert read_settings(journal).imported_notes_in_insights is True
