"""The insights screen and its words: figures shown, windows switched, nudges on home too."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.widgets import Static

from coach.content import Catalog
from coach.insights import ActionOutcome, score_series
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection, Status, Value
from coach.nudges import Nudge, Rhythm
from coach.tui.app import CoachApp
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.widgets.insight_text import helps_line, nudge_line, rhythm_line, series_numbers
from coach.tui.widgets.score_chart import ScoreChart, buckets, chart_rows, fit_columns
from tests.tui.conftest import FIXED_NOW, make_app, settle

TODAY = FIXED_NOW.date()  # Thursday 26 November 2026
MARKUP = "[bold]Walk[/] round [@click=app.quit]the block[/]"
WALK = CopingAction("own:walk", MARKUP, Category.INDIVIDUAL)
CASELOAD = Challenge("caseload-volume", "Caseload volume", Dimension.SYSTEMIC)
CARE = Value("compassion", "Compassion")


def made(rid: str, when: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(when.year, when.month, when.day, 18, 0, tzinfo=dt.UTC)
    return Reflection(id=rid, date=when, created=created, **parts)  # type: ignore[arg-type]


def hard_week(journal: Journal) -> None:
    """Strain 9 on the five working days up to yesterday; one older entry, 60 days back."""
    days = [TODAY - dt.timedelta(days=n) for n in (1, 2, 3, 6, 7)]  # Wed, Tue, Mon, Fri, Thu
    done = dataclasses.replace(WALK, status=Status.DONE, helpfulness=3)
    hard = [
        made(f"hard-{n}", d, strain=9, alignment=4, challenges=(CASELOAD,), values=(CARE,),
             actions=(done,))
        for n, d in enumerate(days)
    ]  # fmt: skip
    journal.import_reflections([*hard, made("older", TODAY - dt.timedelta(days=60), alignment=9)])


def text_of(app: CoachApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_insights_show_the_figures_and_switch_windows(
    journal: Journal, catalog: Catalog
) -> None:
    hard_week(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        heading = text_of(app, "#insights-heading")
        assert heading == "The last 30 days, to Thursday 26 November 2026: 5 entries."
        assert text_of(app, "#strain-numbers").startswith("mean 9.0 from 5 ratings")
        assert text_of(app, "#alignment-numbers").startswith("mean 4.0 from 5 ratings")
        chart = app.screen.query_one("#strain-chart", ScoreChart)
        assert len(chart.points) == 30
        assert chart.points[-2] == 9.0
        assert chart.points[-1] is None  # nothing yet today
        assert text_of(app, "#insights-challenges").splitlines() == [
            "5  Caseload volume",
            "Individual 0 (0%), systemic 5 (100%)",
        ]
        # The user's own words, exactly as typed: the markup-like text does nothing.
        assert text_of(app, "#insights-helps") == (
            f"{MARKUP}: planned 5, done 5, helped 3.0 of 4 from 5 ratings"
        )
        assert text_of(app, "#insights-values").splitlines() == [
            "Compassion: at stake 5 times; alignment then 4.0 (5 ratings)",
            "Alignment on all days: 4.0",
        ]
        assert text_of(app, "#insights-rhythm") == (
            "You reflected on 5 of the last 7 working days."
        )
        nudge = text_of(app, "#insights-nudges")
        assert "5 days running" in nudge
        assert "supervision" in nudge
        assert "F2" in nudge

        await pilot.press("3")
        await settle(pilot)
        assert "The last 365 days" in text_of(app, "#insights-heading")
        assert "6 entries" in text_of(app, "#insights-heading")
        assert text_of(app, "#alignment-numbers").startswith("mean 4.8 from 6 ratings")
        await pilot.click("#days-90")  # the mouse works too
        await settle(pilot)
        assert "The last 90 days" in text_of(app, "#insights-heading")
        assert app.screen.days == 90
        await pilot.press("w", "w")  # round the windows: 365, then 30 again
        await settle(pilot)
        assert app.screen.days == 30
        assert "The last 30 days" in text_of(app, "#insights-heading")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_shows_the_nudge_instead_of_the_default(
    journal: Journal, catalog: Catalog
) -> None:
    hard_week(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        nudge = text_of(app, "#home-nudge")
        assert "supervision" in nudge
        assert nudge != catalog.prompt("home.nudge_default")


async def test_home_keeps_its_default_line_without_a_nudge(app: CoachApp, catalog: Catalog) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(app, "#home-nudge") == catalog.prompt("home.nudge_default")


async def test_insights_of_an_empty_journal(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert "0 entries. Insights grow as you reflect." in text_of(app, "#insights-heading")
        assert text_of(app, "#strain-numbers") == "nothing rated yet"
        assert text_of(app, "#insights-helps") == "No coping actions planned in this time."
        assert text_of(app, "#insights-rhythm") == (
            "No reflections in the last 7 working days. Whenever you're ready."
        )
        assert not app.screen.query_one("#insights-nudges", Static).display


# --- the words and the chart, as plain functions --------------------------------------------


def test_a_strategy_rated_once_is_early_days() -> None:
    once = ActionOutcome("walk", "Walk", planned=2, done=1, rated=1, helpfulness_mean=4.0)
    assert helps_line(once) == "Walk: planned 2, done 1, helped 4.0 of 4 from 1 rating: early days"
    proven = ActionOutcome("walk", "Walk", planned=5, done=4, rated=3, helpfulness_mean=2.5)
    assert helps_line(proven) == "Walk: planned 5, done 4, helped 2.5 of 4 from 3 ratings"
    never = ActionOutcome("walk", "Walk", planned=1, done=0, rated=0, helpfulness_mean=None)
    assert helps_line(never) == "Walk: planned 1, done 0, not rated yet"


def test_rhythm_words_come_from_the_content(catalog: Catalog) -> None:
    week = tuple(TODAY - dt.timedelta(days=n) for n in range(7))
    some = "You reflected on 4 of the last 7 working days."
    assert rhythm_line(Rhythm(4, week), catalog) == some
    every = "You reflected on all of the last 7 working days."
    assert rhythm_line(Rhythm(7, week), catalog) == every
    assert rhythm_line(Rhythm(0, week), catalog).startswith("No reflections in the last 7")
    own = dataclasses.replace(
        catalog, prompts={**catalog.prompts, "insights.rhythm_some": "{reflected}/{total} days"}
    )
    assert rhythm_line(Rhythm(4, week), own) == "4/7 days"


def test_nudge_words_come_from_the_content_when_it_has_them(catalog: Catalog) -> None:
    nudge = Nudge("supervision", 6, support_key="F2")
    assert "6 days running" in nudge_line(nudge, catalog)
    own = dataclasses.replace(
        catalog,
        prompts={**catalog.prompts, "nudge.supervision": "{days} hard days; {support_key}."},
    )
    assert nudge_line(nudge, own) == "6 hard days; F2."
    assert nudge_line(Nudge("unknown", 1), catalog) == ""


def test_chart_columns_are_means_of_the_days_they_cover() -> None:
    assert buckets([1.0, None, 3.0], 5) == [1.0, None, 3.0]
    assert buckets([2.0, 4.0, None, None, 6.0, None], 3) == [3.0, None, 6.0]
    assert buckets([], 10) == []


def test_chart_widens_a_short_series_when_there_is_room() -> None:
    assert fit_columns([1.0, None], 5) == [1.0, 1.0, None, None]
    assert fit_columns([1.0, None], 40) == [1.0] * 3 + [None] * 3  # at most three cells each
    assert fit_columns([1.0, 3.0, 5.0], 2) == [1.0, 4.0]  # shrunk when there is not
    assert fit_columns([], 10) == []


def test_chart_keeps_the_true_scale_and_shows_gaps() -> None:
    # Two lines tall: 16 steps. 0 is the lowest bar, 10 a full column, no rating a dot.
    assert chart_rows([0.0, 10.0, None, 5.0], high=10, height=2) == [" █ ▁", "▁█·█"]
    assert chart_rows([7.0, 7.0], high=10, height=1) == ["▆▆"]


def test_numbers_beside_a_chart() -> None:
    # 42 days to Thursday 26th start on Friday 16 October: seven weeks; three entries.
    journal = [
        made("a", dt.date(2026, 10, 20), strain=8),  # week of 19 October
        made("b", dt.date(2026, 11, 3), strain=2),  # week of 2 November
        made("c", dt.date(2026, 11, 24), strain=5),  # week of 23 November
    ]
    assert series_numbers(score_series(journal, "strain", TODAY, 42)).splitlines() == [
        "mean 5.0 from 3 ratings",
        "weeks to now: – 2.0 – – 5.0",
        "highest week 8.0 (w/c 19 Oct)",
        "lowest week 2.0 (w/c 2 Nov)",
    ]
    assert series_numbers(score_series(journal, "strain", TODAY, 30)).splitlines() == [
        "mean 3.5 from 2 ratings",
        "weeks to now: – 2.0 – – 5.0",
    ]
    assert series_numbers(score_series([], "strain", TODAY, 30)) == "nothing rated yet"
