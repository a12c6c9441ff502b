"""Time away on the insights screen: leave, breaks beside strain and closings, read in the
screen's background read, in the content's words."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Reflection
from coach.time_away import Break, Closing, Leave
from coach.tui.screens.insights import InsightsScreen
from tests.tui.conftest import FIXED_NOW, make_app, settle

TODAY = FIXED_NOW.date()  # Thursday 26 November 2026


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


async def shown(journal: Journal, catalog: Catalog) -> str:
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        return str(app.screen.query_one("#insights-time-away", Static).render())


async def test_an_empty_journal_says_so_without_blame(journal: Journal, catalog: Catalog) -> None:
    text = await shown(journal, catalog)
    assert catalog.prompt("insights.leave_none") in text
    assert catalog.prompt("insights.breaks_none") in text
    assert catalog.prompt("insights.closings", recent=0, days=30, total=0) in text


async def test_leave_breaks_beside_strain_and_closings(journal: Journal, catalog: Catalog) -> None:
    monday = TODAY - dt.timedelta(days=3)
    journal.save_record(Leave.new(dt.date(2026, 10, 19), dt.date(2026, 10, 30), "half term"))
    journal.save_record(Leave.new(dt.date(2026, 12, 21), dt.date(2027, 1, 2)))  # to come
    journal.save_record(Break.new(at(monday), planned=10, lasted=10))
    journal.save_record(Break.new(at(TODAY), planned=15, lasted=5))
    journal.save_record(Break.new(at(TODAY - dt.timedelta(days=60)), planned=5, lasted=5))
    journal.save_record(Closing(id="c1", date=TODAY, created=at(TODAY, 17)))
    journal.save_record(Closing(id="c0", date=dt.date(2025, 3, 3), created=at(dt.date(2025, 3, 3))))
    journal.import_reflections(
        [
            Reflection(id=f"r{n}", date=day, created=at(day, 18), strain=strain)
            for n, (day, strain) in enumerate([(monday, 8), (TODAY, 5)])
        ]
    )
    text = await shown(journal, catalog)
    assert catalog.prompt("insights.leave_weeks", weeks=3) in text  # 27 days after 30 Oct
    assert catalog.prompt("insights.breaks_intro") in text
    this_week = catalog.prompt(
        "insights.breaks_week", week="23 Nov", breaks=2, minutes=15, strain="6.5"
    )
    assert this_week in text
    assert (
        catalog.prompt("insights.breaks_week", week="2 Nov", breaks=0, minutes=0, strain="–")
        in text
    )
    assert catalog.prompt("insights.closings", recent=1, days=30, total=2) in text


async def test_on_leave_today(journal: Journal, catalog: Catalog) -> None:
    journal.save_record(Leave.new(TODAY, TODAY))
    assert catalog.prompt("insights.on_leave") in await shown(journal, catalog)
