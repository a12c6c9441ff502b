"""History and entry detail, driven by the keys a user presses, on a real journal."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Value,
)
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.history import PAGE_SIZE, HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.summary import SummaryScreen
from tests.tui.conftest import FIXED_NOW, errors, make_app, reads_held, settle, tab_to

RISK = Challenge("risk-and-safeguarding", "Risk and safeguarding referrals", Dimension.SYSTEMIC)
ADMIN = Challenge("admin-and-paperwork", "Admin and paperwork", Dimension.SYSTEMIC)
CASELOAD = Challenge("caseload-volume", "Caseload volume", Dimension.SYSTEMIC)
MARKUP = "[@click=app.quit]mine[/] and [bold]not bold"
OWN = Challenge("own:mine", MARKUP, Dimension.INDIVIDUAL)
CARE = Value("compassion", "Compassion")
TEAM = Value("teamwork", "Teamwork")
DEBRIEF = CopingAction("debrief-after-risk", "Debrief after a risk call", Category.RELATIONAL)
LUNCH = CopingAction("protect-lunch", "Protect my lunch", Category.BOUNDARIES)
PEER = CopingAction("talk-to-a-peer", "Talk to a peer", Category.RELATIONAL)


def made(rid: str, when: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(when.year, when.month, when.day, 18, 0, tzinfo=dt.UTC)
    return Reflection(id=rid, date=when, created=created, **parts)  # type: ignore[arg-type]


def four_entries(journal: Journal) -> None:
    """Four reflections, newest first: risk, admin (a check-in), markup-like text, an old one."""
    journal.import_reflections(
        [
            made("risk", dt.date(2026, 11, 25), strain=8, alignment=5, challenges=(RISK,),
                 narrative="Safeguarding referral for Mrs K", values=(CARE,), actions=(DEBRIEF,)),
            made("admin", dt.date(2026, 11, 20), kind=Kind.CHECK_IN, strain=5,
                 challenges=(ADMIN,), values=(TEAM,), actions=(LUNCH,)),
            made("markup", dt.date(2026, 11, 2), strain=4, challenges=(OWN, CASELOAD),
                 narrative="Nothing to see", values=(CARE,), actions=(PEER, LUNCH)),
            made("old", dt.date(2026, 3, 14), strain=3, alignment=9, challenges=(CASELOAD,),
                 narrative="A good group session", values=(TEAM,), actions=(PEER,)),
        ]
    )  # fmt: skip


def shown(app: CoachApp) -> list[str]:
    """The ids of the rows history shows, top to bottom."""
    table = app.screen.query_one("#history-table", DataTable)
    return [str(key.value) for key in table.rows]


def status(app: CoachApp) -> str:
    return text_of(app, "#history-status")


def text_of(app: CoachApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def after_typing(pilot: Pilot[None]) -> None:
    """Wait out the pause after the last key, then the search itself."""
    await pilot.pause(0.3)
    await settle(pilot)


async def open_history(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)


@pytest.fixture
def app(journal: Journal, catalog: Catalog) -> CoachApp:
    four_entries(journal)
    return make_app(journal, catalog)


async def test_history_lists_newest_first_with_literal_text(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert shown(app) == ["risk", "admin", "markup", "old"]
        table = app.screen.query_one("#history-table", DataTable)
        cells = [str(cell) for cell in table.get_row("markup")]
        assert cells[0] == "2026-11-02"
        assert cells[1] == "reflection"
        assert cells[2].strip() == "4"
        assert cells[3].strip() == "–"  # alignment not rated
        assert cells[4] == "[@click=app.… +1"  # as typed (cut to fit), never markup
        assert cells[4].endswith("+1")
        assert cells[5] == "Talk to a peer;…"
        assert table.get_row("admin")[1].plain == "check-in"
        assert "4 reflections, newest first" in status(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_history_reads_a_page_at_a_time(journal: Journal, catalog: Catalog) -> None:
    start = dt.date(2026, 1, 1)
    journal.import_reflections(
        made(f"{n:03d}", start + dt.timedelta(days=n), strain=n % 11) for n in range(120)
    )
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert len(shown(app)) == PAGE_SIZE
        assert shown(app)[0] == "119"
        assert "more as you scroll" in status(app)
        await pilot.press("ctrl+end")  # the cursor to the last row read: the next page follows
        await settle(pilot)
        assert len(shown(app)) == 2 * PAGE_SIZE
        table = app.screen.query_one("#history-table", DataTable)
        table.scroll_end(animate=False)  # scrolling (the mouse wheel) near the end does too
        await settle(pilot)
        assert shown(app) == [f"{n:03d}" for n in range(119, -1, -1)]
        assert "120 reflections, newest first" in status(app)


async def test_an_empty_journal_says_so(journal: Journal, catalog: Catalog) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert shown(app) == []
        assert "No reflections yet" in text_of(app, "#history-none")


async def test_search_as_you_type(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("slash")
        search = app.screen.query_one("#history-search", Input)
        assert app.focused is search
        await pilot.press(*"SAFEG")
        await after_typing(pilot)
        assert search.value == "SAFEG"  # "/" moved the cursor, it was not typed
        assert shown(app) == ["risk"]  # the narrative and a challenge label, any case
        await pilot.press(*"uarding referrals")
        await after_typing(pilot)
        assert shown(app) == ["risk"]
        await pilot.press("ctrl+u")  # clear the box
        await pilot.press(*"peer")
        await after_typing(pilot)
        assert shown(app) == ["markup", "old"]  # an action label
        await pilot.press(*"zzz")
        await after_typing(pilot)
        assert shown(app) == []
        assert "Nothing matches" in text_of(app, "#history-none")
        await pilot.press("enter")  # enter goes to the results
        assert app.focused is app.screen.query_one("#history-table", DataTable)
        await pilot.press("x")
        await settle(pilot)
        assert search.value == ""
        assert shown(app) == ["risk", "admin", "markup", "old"]


async def test_escape_in_the_search_box_clears_the_search_before_it_leaves(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("slash", *"peer")
        await after_typing(pilot)
        assert shown(app) == ["markup", "old"]
        await pilot.press("escape")  # clears the search: every entry again, still in history
        await after_typing(pilot)
        search = app.screen.query_one("#history-search", Input)
        assert search.value == ""
        assert isinstance(app.screen, HistoryScreen)
        assert shown(app) == ["risk", "admin", "markup", "old"]
        await pilot.press("escape")  # an empty box: on to the results
        assert app.focused is app.screen.query_one("#history-table", DataTable)
        await pilot.press("escape")  # and from there, back home
        await settle(pilot)
        assert not isinstance(app.screen, HistoryScreen)


async def choose(pilot: Pilot[None], selector: str, typed: str) -> None:
    """Open a filter's list with enter, type the start of an option, take it with enter."""
    await tab_to(pilot, selector)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*typed, "enter")
    await settle(pilot)


@pytest.mark.parametrize(
    ("selector", "typed", "expected"),
    [
        ("#filter-challenge", "Caseload", ["markup", "old"]),
        ("#filter-value", "Teamwork", ["admin", "old"]),
        ("#filter-action", "Protect my", ["admin", "markup"]),
        ("#filter-kind", "Quick", ["admin"]),
    ],
)
async def test_each_filter(app: CoachApp, selector: str, typed: str, expected: list[str]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await choose(pilot, selector, typed)
        assert isinstance(app.screen.query_one(selector, Select).value, str)
        assert shown(app) == expected


async def test_date_range(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await tab_to(pilot, "#history-since")
        await pilot.press(*"2026-11")
        await after_typing(pilot)
        assert shown(app) == ["risk", "admin", "markup"]
        await tab_to(pilot, "#history-until")
        await pilot.press(*"2026-11-20")
        await after_typing(pilot)
        assert shown(app) == ["admin", "markup"]
        await pilot.press("backspace", "backspace", "backspace", "1", "3")
        await after_typing(pilot)
        until = app.screen.query_one("#history-until", Input)
        assert until.has_class("-invalid")  # Textual's own marking
        assert "'2026-11-13' is not a date" not in status(app)
        assert "is not a date" in status(app)
        assert shown(app) == ["risk", "admin", "markup"]  # the bad bound is left out


async def test_filters_combine_with_search(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await choose(pilot, "#filter-value", "Compassion")
        assert shown(app) == ["risk", "markup"]
        await pilot.press("slash", *"nothing")
        await after_typing(pilot)
        assert shown(app) == ["markup"]
        await pilot.press("enter", "x")  # to the results, then clear everything
        await settle(pilot)
        assert app.screen.query_one("#filter-value", Select).is_blank()
        assert shown(app) == ["risk", "admin", "markup", "old"]


async def open_entry(pilot: Pilot[None], row: int) -> EntryDetailScreen:
    await open_history(pilot)
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EntryDetailScreen)
    return screen


async def test_enter_opens_the_whole_entry(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_entry(pilot, 2)
        assert detail.reflection.id == "markup"
        texts = [str(s.render()) for s in detail.query(".section-body")]
        assert any(MARKUP in text for text in texts)
        assert any("Nothing to see" in text for text in texts)
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_delete_after_confirming(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, 1)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert shown(app) == ["risk", "markup", "old"]
    assert journal.get("admin") is None
    assert journal.count() == 3


async def test_delete_cancelled_keeps_the_entry(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, 1)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")  # the focused button is Keep
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
    assert journal.get("admin") is not None
    assert journal.count() == 4


async def test_edit_saves_in_place(app: CoachApp, journal: Journal) -> None:
    before = journal.get("old")
    assert before is not None
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, 3)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        await tab_to(pilot, "#strain")
        await pilot.press("7")
        await tab_to(pilot, "#narrative")
        await pilot.press("end", *" Then a hard call.")
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)  # back where the edit began
    after = journal.get("old")
    assert after is not None
    assert journal.count() == 4
    assert after.strain == 7
    assert after.narrative == "A good group session Then a hard call."
    assert (after.date, after.created) == (before.date, before.created)
    assert after.challenges == before.challenges
    assert after.values == before.values
    assert [r.id for r in journal.iter_newest_first()] == ["risk", "admin", "markup", "old"]


async def test_edit_waits_for_a_reflection_in_progress(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # A quick check-in started and left: the app keeps it as its draft.
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+k")  # last time's plans can wait
        await settle(pilot)
        await tab_to(pilot, "#strain")
        await pilot.press("6", "escape")
        await settle(pilot)
        assert app.draft is not None
        assert app.draft.kind is Kind.CHECK_IN
        await open_entry(pilot, 0)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert app.draft.editing_id is None
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("reflection in progress" in w for w in warnings)
    assert FIXED_NOW.date() not in {r.date for r in journal.iter_newest_first()}


async def test_results_arriving_after_the_screen_closed_are_dropped(
    app: CoachApp, journal: Journal
) -> None:
    """A slow read can finish after the user has gone back; its results must not crash."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with reads_held(journal):
            await pilot.press("h")  # history's first page: its read waits
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            assert status(app) == "Reading your journal…"
            await pilot.press("escape", "i")  # then insights' figures: they wait too
            await pilot.pause()
            assert isinstance(app.screen, InsightsScreen)
            heading = app.screen.query_one("#insights-heading", Static)
            assert str(heading.render()) == "Working it out…"
            await pilot.press("escape")
            await pilot.pause()
        await settle(pilot)  # both reads finish now, their screens gone
        assert isinstance(app.screen, HomeScreen)
        assert errors(app) == []
        await pilot.press("h")  # and history still opens as ever
        await settle(pilot)
        assert shown(app) == ["risk", "admin", "markup", "old"]


async def test_delete_says_until_when_a_copy_stays_in_the_rolling_backups(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, 1)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = " ".join(app.screen.question.split())
        assert question.startswith("Delete the ")
        assert "This cannot be undone." in question
        # The app's day is Thursday 26 November 2026, and a journal keeps 14 days of backups.
        assert (
            "A copy stays in the rolling backups until they roll over, at the earliest about "
            "Thursday 10 December 2026: they keep the last 14 days on which 2026's reflections "
            "changed." in question
        )
        await pilot.press("n")
        await settle(pilot)
