"""Follow-up of last time's actions, and a draft left by a crash offered back at start."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, TextArea

from coach.content import Catalog
from coach.draft import ReflectionDraft
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Kind, Reflection, Status
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.resume_draft import ResumeDraftScreen
from coach.tui.screens.values import ValuesScreen
from coach.tui.widgets.score_bar import ScoreBar
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to

YESTERDAY = FIXED_NOW.date() - dt.timedelta(days=1)


def yesterday_with_plans(journal: Journal) -> Reflection:
    """Yesterday's reflection with two planned actions, saved in the journal."""
    earlier = Reflection(
        id="11111111-1111-4111-8111-111111111111",
        date=YESTERDAY,
        created=FIXED_NOW - dt.timedelta(days=1),
        strain=7,
        challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
        actions=(
            CopingAction("protect-lunch", "Protect my lunch", Category.BOUNDARIES, "at 12:30"),
            CopingAction("talk-to-peer", "Talk to a peer", Category.RELATIONAL),
        ),
    )
    journal.add(earlier)
    return earlier


async def test_follow_up_saves_onto_the_earlier_reflection(
    journal: Journal, catalog: Catalog
) -> None:
    earlier = yesterday_with_plans(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        # First action: done, helped 3 of 4. Second: not done.
        await tab_to(pilot, "#status-0")
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        await tab_to(pilot, "#helpful-0")
        # The list opens on its blank prompt row: four down is "3".
        await pilot.press("enter", "down", "down", "down", "down", "enter")
        await settle(pilot)
        await tab_to(pilot, "#status-1")
        await pilot.press("enter", "down", "down", "down", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)

    updated = journal.get(earlier.id)
    assert updated is not None
    assert [a.status for a in updated.actions] == [Status.DONE, Status.SKIPPED]
    assert [a.helpfulness for a in updated.actions] == [3, None]
    assert updated.strain == 7
    assert journal.count() == 1


async def test_follow_up_can_be_skipped_and_waits(journal: Journal, catalog: Catalog) -> None:
    earlier = yesterday_with_plans(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
    assert journal.get(earlier.id) == earlier


async def test_home_shows_the_actions_waiting(journal: Journal, catalog: Catalog) -> None:
    yesterday_with_plans(journal)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        followup = str(app.screen.query_one("#home-followup").render())
        assert "Protect my lunch (at 12:30)" in followup
        assert "Talk to a peer" in followup


async def test_a_draft_left_by_a_crash_is_offered_and_resumed(
    journal: Journal, catalog: Catalog
) -> None:
    crashed = ReflectionDraft(day=FIXED_NOW.date(), step="values", strain=9)
    crashed.narrative = "Written just before the laptop died [bold]"
    crashed.alignment = 4
    journal.save_draft(crashed.to_state())
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ValuesScreen)
        assert app.screen.query_one("#alignment", ScoreBar).value == 4
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.screen.query_one("#narrative", TextArea).text == crashed.narrative
        assert app.screen.query_one("#strain", ScoreBar).value == 9
        assert app.screen.query_one("#support-offer").display


async def test_a_draft_can_be_discarded(journal: Journal, catalog: Catalog) -> None:
    journal.save_draft(ReflectionDraft(day=FIXED_NOW.date(), strain=3).to_state())
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # one key never throws it away: it is asked again
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept after all
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftScreen)
        assert journal.load_draft() is not None
        await pilot.press("d", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert journal.load_draft() is None


async def test_typing_is_kept_as_a_draft_and_quitting_keeps_it(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await tab_to(pilot, "#own-challenge")
        await pilot.press(*"A patient in crisis", "enter")
        await pilot.press("ctrl+q")
        await settle(pilot)
    saved = journal.load_draft()
    assert saved is not None
    resumed = ReflectionDraft.from_state(saved.state)
    assert [c.label for c in resumed.challenges] == ["A patient in crisis"]
    assert journal.count() == 0


async def test_own_challenge_input_is_cleared_after_adding(app: object) -> None:
    from coach.tui.app import CoachApp

    assert isinstance(app, CoachApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await tab_to(pilot, "#own-challenge")
        await pilot.press(*"Too many DNAs", "enter")
        await settle(pilot)
        assert app.screen.query_one("#own-challenge", Input).value == ""
        assert app.draft is not None
        assert app.draft.challenge_keys() == ["own:too-many-dnas"]


def test_following_up_keeps_what_a_later_version_stored_on_an_action() -> None:
    from coach.follow_up import followed_up

    action = CopingAction(
        "walk", "Walk at lunch", Category.INDIVIDUAL, "12:30", extra={"reminder": "12:15"}
    )
    earlier = Reflection(
        id="22222222-2222-4222-8222-222222222222",
        date=YESTERDAY,
        created=FIXED_NOW - dt.timedelta(days=1),
        actions=(action,),
    )
    updated = followed_up(earlier, {0: (Status.PARTLY, 2)})
    assert updated.actions[0].status is Status.PARTLY
    assert updated.actions[0].helpfulness == 2
    assert updated.actions[0].extra == {"reminder": "12:15"}
    assert updated.actions[0].when == "12:30"
    skipped = followed_up(earlier, {0: (Status.SKIPPED, 3)})
    assert skipped.actions[0].helpfulness is None


async def test_an_edit_in_progress_is_never_dropped_without_asking(
    journal: Journal, catalog: Catalog
) -> None:
    saved = Reflection(
        id="33333333-3333-4333-8333-333333333333",
        date=FIXED_NOW.date(),
        created=FIXED_NOW,
        strain=2,
    )
    journal.add(saved)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.edit(saved)  # what `e` on an entry does
        await settle(pilot)
        await tab_to(pilot, "#strain")
        await pilot.press("9", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.screen.query_one("#strain", ScoreBar).value == 9
        assert app.draft is not None
        assert app.draft.editing_id == saved.id
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("d", "y")  # let the edit go (asked twice): a new reflection starts
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.draft is not None
        assert app.draft.editing_id is None
    assert journal.get(saved.id) == saved


async def test_editing_a_check_in_keeps_its_follow_up_and_old_items(
    journal: Journal, catalog: Catalog
) -> None:
    check_in = Reflection(
        id="44444444-4444-4444-8444-444444444444",
        date=FIXED_NOW.date(),
        created=FIXED_NOW,
        kind=Kind.CHECK_IN,
        strain=5,
        challenges=(
            Challenge("retired-key", "A challenge since retired", Dimension.SYSTEMIC, "n"),
        ),
        actions=(
            CopingAction(
                "protect-lunch", "Protect my lunch", Category.BOUNDARIES, "12:30", Status.DONE, 3
            ),
        ),
    )
    journal.add(check_in)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.edit(check_in)  # what `e` on an entry does
        await settle(pilot)
        await tab_to(pilot, "#strain")
        await pilot.press("7", "ctrl+s")
        await settle(pilot)
    saved = journal.get(check_in.id)
    assert saved is not None
    assert journal.count() == 1
    assert saved.strain == 7
    assert saved.challenges == check_in.challenges
    assert saved.actions == check_in.actions
