"""Insights' shortened lists open whole ("and 5 more"), and each chart says its scale."""

from __future__ import annotations

import re

from textual.widgets import Static

from coach.content import Catalog
from coach.demo import demo_reflections
from coach.journal import Journal
from coach.tui.screens.insights import TOP_ACTIONS, TOP_CHALLENGES, InsightsScreen
from coach.tui.widgets.insight_text import Shortening
from coach.tui.widgets.score_chart import ScoreChart, scale_edge
from tests.tui.conftest import FIXED_NOW, make_app, settle


def lines_of(screen: InsightsScreen, name: str) -> list[str]:
    return str(screen.query_one(f"#insights-{name}", Static).render()).splitlines()


def test_a_long_list_is_shortened_with_the_key_that_shows_it_all(catalog: Catalog) -> None:
    lines = [f"line {n}" for n in range(7)]
    shortened = Shortening(catalog, "a")
    assert shortened(lines, 7) == lines  # nothing hidden: nothing said
    assert shortened(lines, 5) == [*lines[:5], "and 2 more: a shows them all"]
    whole = Shortening(catalog, "ctrl+a", all_shown=True)
    assert whole(lines, 5) == [*lines, "ctrl+a shows only the top 5 again"]


def test_the_scale_heads_and_ends_the_charts_left_edge() -> None:
    assert scale_edge(0, 10, 3) == ["10 ", "   ", " 0 "]
    assert scale_edge(0, 4, 2) == ["4 ", "0 "]
    assert scale_edge(0, 10, 1) == [""]  # no room for both ends: no edge


async def test_a_shows_every_challenge_and_action_then_the_top_again(
    journal: Journal, catalog: Catalog
) -> None:
    journal.import_reflections(demo_reflections(catalog, end=FIXED_NOW.date()))
    app = make_app(journal, catalog)
    for size in ((80, 24), (60, 20)):
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("i", "3")  # the year: longer lists
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, InsightsScreen)
            challenges = lines_of(screen, "challenges")
            more = re.fullmatch(r"and (\d+) more: a shows them all", challenges[TOP_CHALLENGES])
            assert more is not None
            hidden = int(more.group(1))
            helps = lines_of(screen, "helps")
            assert len(helps) == TOP_ACTIONS + 1
            assert helps[-1].startswith("and ")

            await pilot.press("a")
            await settle(pilot)
            whole = lines_of(screen, "challenges")
            assert whole[:TOP_CHALLENGES] == challenges[:TOP_CHALLENGES]
            assert whole[TOP_CHALLENGES + hidden] == f"a shows only the top {TOP_CHALLENGES} again"
            assert not any(line.startswith("and ") for line in whole)
            assert len(lines_of(screen, "helps")) > TOP_ACTIONS + 1

            await pilot.press("a")
            await settle(pilot)
            assert lines_of(screen, "challenges") == challenges

            # Each chart's left edge says its scale: 10 at the top, 0 at the bottom.
            for name in ("strain", "alignment"):
                chart = screen.query_one(f"#{name}-chart", ScoreChart)
                drawn = chart.render().plain.splitlines()
                assert [line[:3] for line in drawn] == ["10 ", "   ", " 0 "]
        app = make_app(journal, catalog)
