"""Patient risk is signposted, not journaled: on the support screen, in help (F1) on every
screen, and in the note a risk challenge asks for (my reactions, not the patient's details)."""

from __future__ import annotations

from textual.widgets import Input, Markdown, Static

from coach.content import Catalog
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.support import SupportScreen
from tests.tui.conftest import settle, tab_to


async def test_the_support_screen_says_what_to_do_about_a_patient_at_risk(
    app: CoachApp, catalog: Catalog
) -> None:
    words = catalog.support_text["patient_risk"]
    assert "risk procedure" in words
    assert "duty worker" in words
    assert "not a clinical record" in words
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        assert str(app.screen.query_one("#patient-risk", Static).render()) == words


async def test_help_on_any_screen_opens_with_the_patient_risk_signpost(
    app: CoachApp, catalog: Catalog
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        await pilot.press("f1")
        await settle(pilot)
        help_text = app.screen.query_one("HelpPanel #widget-help", Markdown).source
        assert "duty worker" in help_text
        assert help_text.strip() == catalog.support_text["patient_risk"]


async def test_a_risk_challenge_asks_for_my_reactions_not_patient_details(
    app: CoachApp, catalog: Catalog
) -> None:
    risky = [c for c in catalog.challenges if c.risk]
    assert {c.key for c in risky} == {"new-to-risk", "risk-and-safeguarding"}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"safeguarding")
        await settle(pilot)
        await tab_to(pilot, "#list-systemic")
        await pilot.press("space")
        await settle(pilot)
        notes = list(app.screen.query(".challenge-note").results(Input))
        assert len(notes) == 1
        assert catalog.prompt("phase1.risk_note_placeholder") in notes[0].placeholder
        assert "not the patient's details" in notes[0].placeholder
