"""History marks what was searched for in its cells, literally, and says when nothing matches."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.content import Content
from textual.widgets import DataTable, Static

from coach.content import Catalog
from coach.journal import Journal
from coach.settings import change_settings
from coach.tui.app import CoachApp
from coach.tui.screens.history_rows import MATCH_STYLE, marked
from tests.tui.conftest import make_app, settle
from tests.tui.test_history import after_typing, four_entries, open_history, shown


@pytest.fixture
def app(journal: Journal, catalog: Catalog) -> CoachApp:
    four_entries(journal)
    return make_app(journal, catalog)


def marks(cell: Content) -> list[str]:
    """The text under each mark, in order."""
    return [cell.plain[span.start : span.end] for span in cell.spans if span.style == MATCH_STYLE]


def test_every_match_is_marked_ignoring_case_and_markup_stays_text() -> None:
    cell = marked(Content("[b]Risk[/b] and more RISK"), " risk ")
    assert cell.plain == "[b]Risk[/b] and more RISK"  # literal: nothing read as markup
    assert marks(cell) == ["Risk", "RISK"]
    assert marks(marked(Content("a.b a+b"), "a+b")) == ["a+b"]  # the text, never a pattern
    assert marked(Content("Risk"), "  ").spans == []  # no search: nothing marked


def cell(app: CoachApp, key: str, column: int) -> Content:
    return app.screen.query_one("#history-table", DataTable).get_row(key)[column]


async def test_search_marks_the_matched_text_in_the_rows(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert marks(cell(app, "risk", 4)) == []  # nothing searched: nothing marked
        await pilot.press("slash", *"SAFEG")
        await after_typing(pilot)
        assert shown(app) == ["risk"]
        assert marks(cell(app, "risk", 4)) == ["safeg"]  # as written, whatever the case typed
        await pilot.press("ctrl+u", *"[@click")
        await after_typing(pilot)
        assert shown(app) == ["markup"]
        challenge = cell(app, "markup", 4)
        assert challenge.plain.startswith("[@click=app.")  # shown as typed, never markup
        assert marks(challenge) == ["[@click"]
        await pilot.press("ctrl+u", *"peer")
        await after_typing(pilot)
        assert shown(app) == ["markup", "old"]
        assert marks(cell(app, "markup", 5)) == ["peer"]
        assert marks(cell(app, "old", 5)) == ["peer"]


async def test_nothing_matching_is_said_where_the_rows_would_be(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        none = app.screen.query_one("#history-none", Static)
        table = app.screen.query_one("#history-table", DataTable)
        assert not none.display
        await pilot.press("slash", *"zzz")
        await after_typing(pilot)
        assert shown(app) == []
        assert none.display
        assert str(none.render()) == (
            "Nothing matches the search and filters. x clears them, to see everything again."
        )
        assert none.region.y > table.region.y  # under the headings, where the rows would be
        assert none.region.height > 1
        await pilot.press("enter")  # to the table, whose keys still work
        assert app.focused is table
        await pilot.press("x")
        await settle(pilot)
        assert shown(app) == ["risk", "admin", "markup", "old"]
        assert not none.display
        assert table.region.height > 5  # the rows have their room back


async def test_the_words_name_the_clear_key_where_the_user_moved_it(
    journal: Journal, catalog: Catalog
) -> None:
    four_entries(journal)
    change_settings(journal, lambda now: replace(now, keys={"history.clear": "ctrl+x"}))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("slash", *"zzz")
        await after_typing(pilot)
        words = str(app.screen.query_one("#history-none", Static).render())
        assert words.startswith("Nothing matches the search and filters. ^x clears them")
