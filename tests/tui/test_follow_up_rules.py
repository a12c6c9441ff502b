"""The follow-up on screen, by keyboard: older plans behind a newer check-in, plans made today
left until tomorrow, home's key straight to it, and Tab then Enter never skipping answers."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Button

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Category, CopingAction, Kind, Reflection, Status
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.home import FOLLOW_UP_KEY, HomeScreen
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to

TODAY = FIXED_NOW.date()


def saved_with(
    journal: Journal, rid: str, days_ago: int, *labels: str, kind: Kind = Kind.REFLECTION
) -> Reflection:
    day = TODAY - dt.timedelta(days=days_ago)
    reflection = Reflection(
        id=rid,
        date=day,
        created=dt.datetime.combine(day, dt.time(18), FIXED_NOW.tzinfo),
        kind=kind,
        actions=tuple(
            CopingAction(label.casefold().replace(" ", "-"), label, Category.INDIVIDUAL)
            for label in labels
        ),
    )
    journal.add(reflection)
    return reflection


async def answer_done(pilot, row: int) -> None:  # type: ignore[no-untyped-def]
    await tab_to(pilot, f"#status-{row}")
    await pilot.press("enter", "down", "enter")
    await settle(pilot)


async def test_older_plans_behind_a_newer_check_in_are_followed_up(
    journal: Journal, catalog: Catalog
) -> None:
    older = saved_with(journal, "older-1", 4, "Take a walk")
    newer = saved_with(journal, "newer-1", 2, "Call a friend", "Read a chapter")
    saved_with(journal, "check-in-1", 1, kind=Kind.CHECK_IN)  # no plans: hides nothing
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        assert app.screen.rows == [("newer-1", 0), ("newer-1", 1), ("older-1", 0)]
        await answer_done(pilot, 0)
        await answer_done(pilot, 2)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
    after_newer, after_older = journal.get(newer.id), journal.get(older.id)
    assert after_newer is not None
    assert after_older is not None
    assert [a.status for a in after_newer.actions] == [Status.DONE, Status.PLANNED]
    assert [a.status for a in after_older.actions] == [Status.DONE]


async def test_plans_made_today_are_not_asked_about_until_tomorrow(
    journal: Journal, catalog: Catalog
) -> None:
    saved_with(journal, "tonight", 0, "Leave on time")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#home-followup").display
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)


async def test_tab_then_enter_after_answering_saves_and_never_skips(
    journal: Journal, catalog: Catalog
) -> None:
    earlier = saved_with(journal, "yesterday", 1, "Take a walk")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await answer_done(pilot, 0)
        await pilot.press("tab", "tab")  # past "How helpful?": the next stop is Save
        await settle(pilot)
        assert isinstance(app.focused, Button)
        assert app.focused.id == "save"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
    after = journal.get(earlier.id)
    assert after is not None
    assert after.actions[0].status is Status.DONE


async def test_skipping_with_answers_asks_first(journal: Journal, catalog: Catalog) -> None:
    earlier = saved_with(journal, "yesterday", 1, "Take a walk")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await answer_done(pilot, 0)
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer has the focus: keep answering
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        assert app.screen.answers() == {("yesterday", 0): (Status.DONE, None)}
        await pilot.press("ctrl+k")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
    assert journal.get(earlier.id) == earlier  # skipped: nothing written, the plan waits


async def test_home_lists_what_waits_and_its_key_follows_up_directly(
    journal: Journal, catalog: Catalog
) -> None:
    saved_with(journal, "older-1", 5, "Take a walk")
    saved_with(journal, "newer-1", 1, "Call a friend")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listed = str(app.screen.query_one("#home-followup").render())
        assert "Take a walk" in listed
        assert "Call a friend" in listed
        assert f"press {FOLLOW_UP_KEY}" in listed.casefold()
        await pilot.press(FOLLOW_UP_KEY)
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        await answer_done(pilot, 0)
        await answer_done(pilot, 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # straight back home, no reflection started
        assert app.draft is None
        assert not app.screen.query_one("#home-followup").display
    assert all(not r.pending_actions for r in journal.iter_newest_first())


async def test_older_plans_are_answered_from_history(journal: Journal, catalog: Catalog) -> None:
    old = saved_with(journal, "a-month-ago", 30, "Take a walk")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#home-followup").display  # past the 14 days home asks
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert app.screen.query_one("#follow-up", Button).display
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        await answer_done(pilot, 0)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(".section-body"))
        assert "Take a walk: done" in shown
        assert not app.screen.query_one("#follow-up", Button).display
    after = journal.get(old.id)
    assert after is not None
    assert after.actions[0].status is Status.DONE
