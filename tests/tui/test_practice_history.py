"""Self-practice records in history, by the keys a user presses, on a real journal: listed
beside reflections newest first with their kind in words, filtered as practice, found by
their reflections' text, opened read-only (answers shown literally), and written up for CPD
(read back from the journal)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import CpdModel, CpdWriteUp
from coach.practice import Practice
from coach.tui.app import CoachApp
from coach.tui.screens.cpd import CpdScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.practice_detail import PracticeDetailScreen
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to
from tests.tui.test_history import after_typing, choose, four_entries, open_history, shown

DAY = dt.date(2026, 11, 22)  # between the reflections "risk" (25th) and "admin" (20th)


def practised(journal: Journal) -> None:
    """The four reflections of the history tests, a finished practice and one half done."""
    four_entries(journal)
    created = dt.datetime.combine(DAY, dt.time(19), FIXED_NOW.tzinfo)
    journal.save_record(
        Practice(
            id="prac",
            date=DAY,
            created=created,
            exercise="worry-tree",
            title="The worry tree",
            taken=("name",),
            answers={"name": {"worry": "[bold]my own move[/bold]"}},
            finished=True,
            personal="Slower than I thought",
            practitioner="I'll leave patients more room",
            target_after=4,
        )
    )
    journal.save_record(
        Practice(
            id="half",
            date=DAY,
            created=created,
            exercise="worry-tree",
            title="The worry tree",
            finished=False,
        )
    )


def screen_text(app: CoachApp) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_practice_is_listed_filtered_and_searched(journal: Journal, catalog: Catalog) -> None:
    practised(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert shown(app) == ["risk", "prac", "admin", "markup", "old"]  # not the half done
        table = app.screen.query_one("#history-table", DataTable)
        assert table.get_row("prac")[1].plain == "practice"
        assert table.get_row("prac")[4].plain == "The worry tree"
        await choose(pilot, "#filter-kind", "Self")
        assert shown(app) == ["prac"]
        await choose(pilot, "#filter-kind", "Quick")
        assert shown(app) == ["admin"]
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("slash", *"patients more")
        await after_typing(pilot)
        assert shown(app) == ["prac"]


async def test_a_practice_record_opens_read_only_and_is_written_up_for_cpd(
    journal: Journal, catalog: Catalog
) -> None:
    practised(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeDetailScreen)
        text = screen_text(app)
        assert "[bold]my own move[/bold]" in text  # literally, never as markup
        assert "Slower than I thought" in text
        assert "I'll leave patients more room" in text
        assert "troubled me 4 out of 10" in text
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CpdScreen)
        assert "Self-practice: The worry tree" in screen_text(app)
        await pilot.press(*"Practised the worry tree on myself.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeDetailScreen)
        assert app.screen.query_one("#practice-record-cpd").display
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-table", DataTable)
        assert table.get_row("prac")[1].plain == "practice CPD"
    saved = {p.id: p for p in journal.records(Practice)}
    assert saved["prac"].cpd == CpdWriteUp(
        model=CpdModel.WHAT_SO_WHAT, what="Practised the worry tree on myself."
    )
    assert saved["prac"].answers == {"name": {"worry": "[bold]my own move[/bold]"}}
    assert saved["half"].cpd is None


async def test_c_in_history_writes_a_practice_record_up(journal: Journal, catalog: Catalog) -> None:
    practised(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "c")
        await settle(pilot)
        assert isinstance(app.screen, CpdScreen)
        await pilot.press(*"Learnt to go slowly.")
        await tab_to(pilot, "#cpd-hours")
        await pilot.press("1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
    (saved,) = [p for p in journal.records(Practice) if p.id == "prac"]
    assert saved.cpd is not None
    assert saved.cpd.what == "Learnt to go slowly."
    assert saved.cpd.hours == 1
