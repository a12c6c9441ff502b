"""The heart of the reflection, by keyboard: the appraisal in words, how I am (in both flows),
support offered (never forced) when struggling, and the closing words that hear it."""

from __future__ import annotations

from textual.widgets import RadioSet, Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import FEELING
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.checkin import CheckInScreen
from coach.tui.screens.coping import CopingScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.screens.values import ValuesScreen
from tests.tui.conftest import settle, tab_to

MARKUP = "I'd say [bold]you did[/] what one person could"


def offer_shown(app: CoachApp) -> bool:
    return bool(app.screen.query_one("#support-offer").display)


async def test_a_reflection_asks_how_i_am_and_the_appraisal_in_words(
    app: CoachApp, journal: Journal, catalog: Catalog
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.focused is not None
        assert app.focused.id == "filter"

        await tab_to(pilot, "#list-systemic")
        await pilot.press("space")  # the first systemic challenge
        await tab_to(pilot, "#feeling")
        assert not offer_shown(app)
        await pilot.press("down", "enter")  # low: nothing offered
        await pilot.pause()
        assert not offer_shown(app)
        await pilot.press("down", "enter")  # struggling: support offered, nothing opened
        await pilot.pause()
        assert offer_shown(app)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.screen.query_one("#feeling", RadioSet).pressed_index == 2
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ValuesScreen)

        await tab_to(pilot, "#at-stake")
        await pilot.press("space")  # the first value is at stake today
        await tab_to(pilot, "#weighed-most")
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        await tab_to(pilot, "#served")
        await pilot.press("enter", "down", "enter")  # at-stake values are offered first
        await settle(pilot)
        for box, words in (
            ("#mine-to-influence", "How I paced the calls."),
            ("#with-the-service", "How many were booked in."),
            ("#to-a-colleague", MARKUP),
        ):
            await tab_to(pilot, box)
            await pilot.press(*words)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, CopingScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(".section-body"))
        assert MARKUP in shown  # literal, never markup
        assert "How many were booked in." in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        closing = str(app.screen.query_one("#closing", Static).render())
        assert catalog.prompt("summary.saved_struggling") in closing
        assert "Rest well" not in closing
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    saved = journal.latest()
    assert saved is not None
    first_systemic = next(c for c in catalog.challenges if c.dimension.value == "systemic")
    first_value = catalog.values[0]
    assert saved.feeling == 2
    assert saved.weighed_most == first_systemic.key
    assert saved.served is not None
    assert saved.served.key == first_value.key
    assert [v.key for v in saved.values] == [first_value.key]
    assert saved.mine_to_influence == "How I paced the calls."
    assert saved.with_the_service == "How many were booked in."
    assert saved.to_a_colleague == MARKUP
    assert saved.appraisal is None  # the quick ratings stay optional


async def test_the_new_questions_are_optional(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        closing = str(app.screen.query_one("#closing", Static).render())
        assert "Rest well" in closing
    saved = journal.latest()
    assert saved is not None
    assert (saved.feeling, saved.served, saved.weighed_most) == (None, None, "")


async def test_the_check_in_keeps_how_i_am_and_offers_support(
    app: CoachApp, journal: Journal, catalog: Catalog
) -> None:
    assert catalog.scale(FEELING.labels)[FEELING.high] == "Not coping"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press(*["down"] * FEELING.high, "enter")
        await pilot.pause()
        assert offer_shown(app)
        assert isinstance(app.screen, CheckInScreen)  # offered, never forced
        await pilot.press("ctrl+s")
        await settle(pilot)
        closing = str(app.screen.query_one("#closing", Static).render())
        assert catalog.prompt("summary.saved_struggling") in closing
    saved = journal.latest()
    assert saved is not None
    assert saved.feeling == FEELING.high  # the check-in's answer is stored now
