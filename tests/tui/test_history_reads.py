"""History's reads in the background: the newest query wins, closing history mid-read is
calm, and a date that is not one narrows nothing. Real journal, keys pressed."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from coach.content import Catalog
from coach.history_filter import DateBoundError, parse_bound
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.read_ahead import WARM_UP_AFTER_SECONDS
from coach.tui.screens.history import PAGE_SIZE, SEARCH_DELAY
from coach.tui.screens.home import HomeScreen
from tests.tui.conftest import errors, make_app, reads_held, settle, tab_to
from tests.tui.test_history import after_typing, four_entries, made, open_history, shown, status

EVERY = ["risk", "admin", "markup", "old"]
YEARS = range(2019, 2027)
A_YEAR = 60  # more than a page in every year


def years_of_days(journal: Journal) -> None:
    """Eight years of ordinary days; only the oldest mentions Mrs K."""
    journal.import_reflections(
        made(
            f"{year}-{n:02d}",
            dt.date(year, 1, 1) + dt.timedelta(days=2 * n),
            strain=4,
            narrative="An ordinary day" + (", and Mrs K" if (year, n) == (YEARS[0], 0) else ""),
        )
        for year in YEARS
        for n in range(A_YEAR)
    )


async def test_a_search_typed_fast_shows_only_the_newest_querys_rows(
    journal: Journal, catalog: Catalog
) -> None:
    """The older search must walk eight years for Mrs K; the newer one finds a page in the
    newest year. Both are held until both have started, so the older finishes last: its rows
    would be the stale ones shown, were a cancelled read's rows not dropped."""
    years_of_days(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("slash")
        with reads_held(journal):
            await pilot.press(*"mrs k")
            await pilot.pause(SEARCH_DELAY + 0.1)  # that search starts, and waits to read
            await pilot.press("ctrl+u", *"day")
            await pilot.pause(SEARCH_DELAY + 0.1)  # so does this one: the older is cancelled
            assert status(app).endswith("more as you scroll")  # still the page before either
        await settle(pilot)
        newest = [f"{YEARS[-1]}-{n:02d}" for n in range(A_YEAR - 1, 9, -1)]
        assert shown(app) == newest
        assert errors(app) == []
        await pilot.press("ctrl+u", *"mrs k")  # asked again, on its own, it is found
        await after_typing(pilot)
        assert shown(app) == [f"{YEARS[0]}-00"]


async def test_a_journal_held_whole_is_read_in_place_and_read_ahead_again_once_changed(
    journal: Journal, catalog: Catalog
) -> None:
    """Once the app has read the journal ahead, history's first page and a search are read on
    the app's own thread: with the journal's read lock held here, a worker's read would wait,
    yet the rows are there. A save changes a year: history then reads in a worker (and waits),
    and asks for the journal to be read ahead again, so the next read is in place once more."""
    years_of_days(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(WARM_UP_AFTER_SECONDS)
        await read_ahead(pilot, journal)
        with journal._thread_lock:  # any worker reading the journal waits
            await pilot.press("h")
            await pilot.pause()
            assert len(shown(app)) == PAGE_SIZE
            await pilot.press("slash", *"mrs k")
            await pilot.pause(SEARCH_DELAY + 0.1)
            assert shown(app) == [f"{YEARS[0]}-00"]
        await pilot.press("escape", "escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        journal.add(made("today", dt.date(YEARS[-1], 12, 1), narrative="Written today"))
        assert not journal.is_warm()
        with journal._thread_lock:
            await pilot.press("h")
            await pilot.pause()
            assert shown(app) == []
            assert status(app) == "Reading your journal…"
        await settle(pilot)
        assert shown(app)[0] == "today"
        await read_ahead(pilot, journal)  # asked for once those rows were up
        assert errors(app) == []


async def test_rows_read_in_place_are_never_replaced_by_an_older_searchs(
    journal: Journal, catalog: Catalog
) -> None:
    """A search waits in its worker; meanwhile the journal is read whole and a newer search
    is read in place. The older worker, reading last, is cancelled: its rows never replace
    the newer ones."""
    years_of_days(journal)
    app = make_app(journal, catalog)
    newest = [f"{YEARS[-1]}-{n:02d}" for n in range(A_YEAR - 1, 9, -1)]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("slash")
        with reads_held(journal):
            await pilot.press(*"mrs k")
            await pilot.pause(SEARCH_DELAY + 0.1)  # its worker waits to read
            journal.warm_up()  # on the app's own thread, where the held lock is re-entrant
            await pilot.press("ctrl+u", *"day")
            await pilot.pause(SEARCH_DELAY + 0.1)  # read in place, at once
            assert shown(app) == newest
        await settle(pilot)  # the older search reads now
        assert shown(app) == newest
        assert errors(app) == []


async def read_ahead(pilot: Pilot[None], journal: Journal) -> None:
    """Wait (a few seconds at most) for the app's reading ahead to leave the journal held
    whole: it starts as a worker once asked, after a timer or a first page."""
    for _ in range(100):
        await settle(pilot)
        if journal.is_warm():
            return
        await pilot.pause(0.05)
    raise AssertionError("the journal was never read ahead")


@pytest.fixture
def four(journal: Journal, catalog: Catalog) -> CoachApp:
    """The app on the four entries of ``test_history``."""
    four_entries(journal)
    return make_app(journal, catalog)


async def test_leaving_history_while_a_search_runs_is_not_a_crash(
    four: CoachApp, journal: Journal
) -> None:
    app = four
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        with reads_held(journal):
            await pilot.press("slash", *"peer", "enter")  # the search waits to read
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        await settle(pilot)  # the search ends now, history gone
        assert isinstance(app.screen, HomeScreen)
        assert errors(app) == []
        await pilot.press("h")
        await settle(pilot)
        assert shown(app) == EVERY


# --- the date boxes ----------------------------------------------------------------------


def said_for(typed: str, *, end: bool) -> str:
    """What the filter says of a date that is not one: parse_bound's own words."""
    with pytest.raises(DateBoundError) as refused:
        parse_bound(typed, end=end)
    return str(refused.value)


@pytest.mark.parametrize(
    ("box", "end", "bad", "good", "narrowed"),
    [
        ("#history-since", False, "2026-13", "2026-11", ["risk", "admin", "markup"]),
        ("#history-until", True, "2026-11-31", "2026-11-20", ["admin", "markup", "old"]),
    ],
)
async def test_a_date_that_is_not_one_is_marked_and_said_and_narrows_nothing(
    four: CoachApp, box: str, end: bool, bad: str, good: str, narrowed: list[str]
) -> None:
    app = four
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await tab_to(pilot, box)
        await pilot.press(*bad)
        await after_typing(pilot)
        field = app.screen.query_one(box, Input)
        assert not field.is_valid
        assert field.has_class("-invalid")
        said = status(app)
        assert said == said_for(bad, end=end)  # the validator's words: parse_bound's own
        assert said == f"{bad!r} is not a date: try 2026-03-14, 2026-03 or 2026"
        assert shown(app) == EVERY
        await pilot.press("ctrl+u", *good)
        await after_typing(pilot)
        assert field.is_valid
        assert not field.has_class("-invalid")
        assert shown(app) == narrowed
        assert "is not a date" not in status(app)
