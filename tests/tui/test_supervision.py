"""Supervision in the app: logging a session from the tools, and preparing an agenda whose
saved record and Markdown file hold exactly what was ticked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, SelectionList

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Challenge, Dimension, Kind, Reflection
from coach.supervision import Agenda, SupervisionSession
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.save_file import SaveFileScreen
from coach.tui.screens.supervision import SessionForm, SupervisionScreen
from coach.tui.screens.supervision_prep import SupervisionPrepScreen
from coach.tui.screens.tools import ToolsScreen
from coach.vocabulary import SupervisionType
from tests.tui.conftest import FIXED_NOW, errors, make_app, settle

TODAY = FIXED_NOW.date()  # Thursday 26 November 2026
CASELOAD = Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC)


def made(days_ago: int, narrative: str, notes: str = "", kind: Kind = Kind.REFLECTION):
    day = TODAY - dt.timedelta(days=days_ago)
    return Reflection(id=f"r-{days_ago}", date=day, kind=kind, narrative=narrative, notes=notes,
                      created=dt.datetime.combine(day, dt.time(17), dt.UTC),
                      challenges=(CASELOAD,), strain=5)  # fmt: skip


async def test_logging_a_session_from_the_tools(journal: Journal, catalog: Catalog) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ToolsScreen)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SupervisionScreen)
        assert "No sessions logged yet" in str(app.screen.query_one("#supervision-none").render())
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, SessionForm)
        assert app.screen.query_one("#session-date", Input).value == "2026-11-26"
        app.screen.query_one("#session-type", Select).value = SupervisionType.CLINICAL_SKILLS
        minutes = app.screen.query_one("#session-minutes", Input)
        minutes.value = "999"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "from 0 to 480" in str(app.screen.query_one("#session-problem").render())
        minutes.value = "45"
        app.screen.query_one("#session-note", Input).value = "[b]Pacing[/b] my groups"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SupervisionScreen)
        [kept] = journal.records(SupervisionSession)
        assert (kept.date, kept.type, kept.minutes, kept.note) == (
            TODAY, SupervisionType.CLINICAL_SKILLS, 45, "[b]Pacing[/b] my groups")  # fmt: skip
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert row[1:3] == ["Clinical skills", "45 min"]
        assert str(row[3]) == "[b]Pacing[/b] my groups"
        await pilot.press("d", "y")
        await settle(pilot)
        assert journal.records(SupervisionSession) == []
        assert errors(app) == []


async def open_prep(pilot: Pilot[None]) -> SupervisionPrepScreen:
    await settle(pilot)
    await pilot.press("t", "s")
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SupervisionPrepScreen)
    return screen


async def test_a_prepared_agenda_holds_exactly_the_ticks(
    journal: Journal, catalog: Catalog, tmp_path: Path
) -> None:
    journal.save_record(SupervisionSession.new(TODAY - dt.timedelta(days=10),
                                               SupervisionType.CASE_MANAGEMENT, 60))  # fmt: skip
    journal.import_reflections([
        made(2, "Ticked narrative", notes="UNTICKED notes"),
        made(4, "UNTICKED narrative", notes="Ticked notes, ring 07700 900123", kind=Kind.CHECK_IN),
        made(20, "Before the last session"),
    ])  # fmt: skip
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prep(pilot)
        assert screen.query_one("#prep-since", Input).value == "2026-11-16"
        entries = screen.query_one("#prep-reflections", SelectionList)
        assert entries.option_count == 2  # the session's day on: not the one before it
        themes = screen.query_one("#prep-themes", SelectionList)
        assert themes.selected == []  # nothing ticked to start with
        themes.select("challenge:caseload")
        entries.select("r-2")
        screen.query_one("#prep-notes", SelectionList).select("r-4")
        screen.query_one("#prep-bring").focus()
        await pilot.press(*"How to pace groups")
        await settle(pilot)
        findings = str(screen.query_one("#prep-findings").render())
        assert "phone number in check-in of 22 Nov 2026, notes" in findings
        assert "07700" not in findings
        await pilot.press("ctrl+s")
        await settle(pilot)
        [agenda] = journal.records(Agenda)
        assert agenda.themes == ("challenge:caseload",)
        assert (agenda.reflections, agenda.notes) == (("r-2",), ("r-4",))
        assert agenda.bring == "How to pace groups"
        assert (agenda.since, agenda.until) == (dt.date(2026, 11, 16), TODAY)

        themes.deselect("challenge:caseload")  # saving again updates the same agenda
        await pilot.press("ctrl+s")
        await settle(pilot)
        [again] = journal.records(Agenda)
        assert (again.id, again.themes) == (agenda.id, ())

        screen.export_folder = tmp_path
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)  # something looked identifiable
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SaveFileScreen)
        await pilot.press("enter")
        await settle(pilot)
        text = (tmp_path / "supervision-2026-11-26.md").read_text(encoding="utf-8")
        assert "Ticked narrative" in text
        assert "Ticked notes, ring 07700 900123" in text
        assert "How to pace groups" in text
        assert "UNTICKED" not in text
        assert "Caseload volume: named" not in text  # the theme was unticked
        assert "Before the last session" not in text
        assert errors(app) == []


async def test_leaving_with_ticks_not_saved_asks_first(journal: Journal, catalog: Catalog) -> None:
    journal.add(made(2, "Something"))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prep(pilot)
        assert screen.query_one("#prep-since", Input).value == "2026-10-30"  # four weeks
        screen.query_one("#prep-reflections", SelectionList).select("r-2")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, SupervisionScreen)
        assert journal.records(Agenda) == []


async def test_a_period_of_ones_own_and_a_wrong_one(journal: Journal, catalog: Catalog) -> None:
    journal.import_reflections([made(2, "Recent"), made(40, "Older")])
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prep(pilot)
        entries = screen.query_one("#prep-reflections", SelectionList)
        assert entries.option_count == 1
        since = screen.query_one("#prep-since", Input)
        since.value = "2026-12-01"  # after the end
        since.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "first not after the second" in str(screen.query_one("#prep-problem").render())
        since.value = "2026-10-01"
        await pilot.press("enter")
        await settle(pilot)
        assert entries.option_count == 2


async def test_the_target_is_set_in_settings_and_no_target_keeps_none(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        choice = app.screen.query_one("#supervision-target", Select)
        assert choice.value == 0  # no target, by default
        choice.value = 4
        await settle(pilot)
        assert journal.settings()["supervision_per_month"] == 4
        choice.value = 0
        await settle(pilot)
        assert journal.settings()["supervision_per_month"] is None
        assert errors(app) == []


def insights_supervision(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#insights-supervision").render())


async def test_insights_count_supervision_a_month_beside_the_target(
    journal: Journal, catalog: Catalog
) -> None:
    for day in (dt.date(2026, 10, 1), dt.date(2026, 10, 20), dt.date(2026, 11, 3)):
        journal.save_record(SupervisionSession.new(day, SupervisionType.OTHER, 30))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert insights_supervision(pilot) == "Sessions a month: Sep 0, Oct 2, Nov 1."
    journal.update_settings({"supervision_per_month": 2})
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        shown = insights_supervision(pilot)
        assert "Your target is 2 a month." in shown
        assert "raising with your manager" in shown  # September fell short: the service's job


async def test_insights_with_nothing_logged_say_where_to_log(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert "No supervision logged yet" in insights_supervision(pilot)


async def test_the_screens_fit_80x24_scrolling_down_only(
    journal: Journal, catalog: Catalog
) -> None:
    journal.import_reflections([made(n, "A long day " * 20, notes="Notes " * 30) for n in range(9)])
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prep(pilot)
        body = screen.query_one("#prep-body")
        assert body.max_scroll_x == 0
        for widget in screen.query("#prep-period > *"):
            assert screen.region.contains_region(widget.region), widget
        screen.query_one("#prep-markdown").focus()
        await settle(pilot)
        assert screen.region.contains_region(screen.query_one("#prep-markdown").region)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionForm)
        for selector in ("#session-note", "#session-keep", "#session-cancel"):
            assert form.region.contains_region(form.query_one(selector).region), selector
