"""Filtering the challenges as one types: a list emptied by the filter is never asked for a
row it no longer has (found in a new user's try: typing "case" and later quitting crashed)."""

from __future__ import annotations

from textual.widgets import Input, SelectionList

from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from tests.tui.conftest import settle


async def test_typing_a_filter_that_empties_one_list_leaves_the_app_running(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        typed = app.screen.query_one("#filter", Input)
        for text in ("c", "ca", "cas", "case"):  # as fast as a person types: no pause between
            typed.value = text  # "case" is only around me, not in what I brought
        await settle(pilot)
        individual = app.screen.query_one("#list-individual", SelectionList)
        systemic = app.screen.query_one("#list-systemic", SelectionList)
        assert individual.option_count == 0
        assert systemic.option_count >= 1
        typed.value = ""
        await settle(pilot)
        assert individual.option_count > 0
        assert app.is_running
    assert app.return_code in (0, None)
