"""Every rating a screen asks for runs over the model's scale for it, and no other.

The screens build their score bars, the check-in's states and the follow-up's helpfulness from
the scales declared in ``coach.model``; here a user's keys (home and end, the last option)
reach each scale's two ends, so a range typed into a screen again would show.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import RadioButton, Select

from coach.journal import Journal
from coach.model import (
    ALIGNMENT,
    APPRAISAL,
    APPRAISAL_PARTS,
    FEELING,
    HELPFULNESS,
    STRAIN,
    Scale,
)
from coach.tui.app import CoachApp
from coach.tui.screens.checkin import CheckInScreen
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.values import ValuesScreen
from coach.tui.widgets.score_bar import ScoreBar
from tests.tui.conftest import settle, tab_to
from tests.tui.test_followup_and_drafts import yesterday_with_plans


async def reach_ends(app: CoachApp, pilot: Pilot[None], bar_id: str) -> tuple[int | None, ...]:
    """The ratings a user reaches with home and end on one score bar."""
    await tab_to(pilot, f"#{bar_id}")
    bar = app.screen.query_one(f"#{bar_id}", ScoreBar)
    await pilot.press("home")
    lowest = bar.value
    await pilot.press("end")
    highest = bar.value
    return lowest, highest


async def test_each_score_bar_of_the_reflection_spans_its_scale(app: CoachApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        ranges: dict[str, Scale] = {"strain": STRAIN}
        assert {bar.id for bar in app.screen.query(ScoreBar)} == set(ranges)
        assert await reach_ends(app, pilot, "strain") == (STRAIN.low, STRAIN.high)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ValuesScreen)
        ranges = {**dict.fromkeys(APPRAISAL_PARTS, APPRAISAL), "alignment": ALIGNMENT}
        assert {bar.id for bar in app.screen.query(ScoreBar)} == set(ranges)
        for bar_id, scale in ranges.items():
            assert await reach_ends(app, pilot, bar_id) == (scale.low, scale.high)
            assert app.draft is not None
            assert getattr(app.draft, bar_id) == scale.high


async def test_the_check_in_offers_each_state_on_its_scale(app: CoachApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        states = app.screen.query("#feeling RadioButton").results(RadioButton)
        assert len(list(states)) == FEELING.high - FEELING.low + 1
        await tab_to(pilot, "#feeling")
        await pilot.press(*["down"] * (FEELING.high - FEELING.low), "enter")
        assert app.draft is not None
        assert app.draft.feeling == FEELING.high
        assert await reach_ends(app, pilot, "strain") == (STRAIN.low, STRAIN.high)


async def test_the_follow_up_rates_helpfulness_on_its_scale(
    journal: Journal, app: CoachApp
) -> None:
    yesterday_with_plans(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        for index in (0, 1):
            await tab_to(pilot, f"#status-{index}")
            await pilot.press("enter", "down", "enter")  # done
            await settle(pilot)
            helpful = app.screen.query_one(f"#helpful-{index}", Select)
            await tab_to(pilot, f"#helpful-{index}")
            await pilot.press("enter", "end", "enter")
            await settle(pilot)
            assert helpful.value == HELPFULNESS.high
            await pilot.press("enter", "home", "down", "enter")  # the first below the prompt
            await settle(pilot)
            assert helpful.value == HELPFULNESS.low
