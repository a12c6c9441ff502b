"""A full reflection and a quick check-in, driven by the keys a user presses."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, SelectionList, Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Category, Dimension, Kind
from coach.tui.app import CoachApp
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.coping import CopingScreen
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.screens.values import ValuesScreen
from coach.tui.widgets.score_bar import ScoreBar
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to

MARKUP = "Covering [@click=app.quit]clinic[/] for a [bold]colleague"


async def test_full_reflection_by_keyboard_is_saved_whole(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)

        # Phase 1: two individual challenges, one systemic, one in my own words, a note.
        await tab_to(pilot, "#list-individual")
        await pilot.press("space", "down", "space")
        await tab_to(pilot, "#list-systemic")
        await pilot.press("space")
        await tab_to(pilot, "#own-challenge")
        await pilot.press(*MARKUP, "enter")
        await settle(pilot)
        await tab_to(pilot, ".challenge-note")
        await pilot.press(*"[bold]not bold[/]")
        await tab_to(pilot, "#strain")
        await pilot.press("8")
        await tab_to(pilot, "#narrative")
        await pilot.press(*"Three risk calls before lunch.")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ValuesScreen)

        # Phase 2: choose core values once, then which were at stake, appraisal, alignment.
        await tab_to(pilot, "#choose-core-values")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "down", "space", "down", "space", "ctrl+s")
        await settle(pilot)
        await tab_to(pilot, "#at-stake")
        await pilot.press("space", "down", "space")
        await tab_to(pilot, "#meaning")
        await pilot.press(*"Mr P smiled for the first time in weeks.")
        for part, score in (("comprehensible", "3"), ("manageable", "2"), ("meaningful", "4")):
            await tab_to(pilot, f"#{part}")
            await pilot.press(score)
        await tab_to(pilot, "#alignment")
        await pilot.press("6")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, CopingScreen)

        # Phase 3: the two top suggestions, and when for the first.
        await tab_to(pilot, "#suggestions")
        await pilot.press("space", "down", "space")
        await settle(pilot)
        await tab_to(pilot, ".action-when")
        await pilot.press(*"tomorrow at lunch")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)

        await pilot.press("ctrl+s")
        await settle(pilot)
        closing = app.screen.query_one("#closing", Static)
        assert "saved" in str(closing.render()).casefold()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    saved = journal.latest()
    assert saved is not None
    assert journal.count() == 1
    assert saved.kind is Kind.REFLECTION
    assert saved.date == FIXED_NOW.date()
    assert (saved.strain, saved.alignment) == (8, 6)
    assert [c.dimension for c in saved.challenges] == [
        Dimension.INDIVIDUAL,
        Dimension.INDIVIDUAL,
        Dimension.SYSTEMIC,
        Dimension.INDIVIDUAL,
    ]
    assert saved.challenges[3].label == MARKUP
    assert saved.challenges[0].note == "[bold]not bold[/]"
    assert saved.narrative == "Three risk calls before lunch."
    assert len(saved.values) == 2
    assert saved.meaning == "Mr P smiled for the first time in weeks."
    assert saved.appraisal is not None
    assert (saved.appraisal.comprehensible, saved.appraisal.manageable) == (3, 2)
    assert saved.appraisal.meaningful == 4
    assert len(saved.actions) == 2
    assert saved.actions[0].when == "tomorrow at lunch"
    assert all(a.status.value == "planned" for a in saved.actions)
    assert len(journal.settings()["core_values"]) == 3
    assert journal.load_draft() is None


async def test_escape_and_back_keep_what_was_entered(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await tab_to(pilot, "#list-systemic")
        await pilot.press("space")
        await tab_to(pilot, ".challenge-note")
        await pilot.press(*"kept")
        await tab_to(pilot, "#strain")
        await pilot.press("5")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await tab_to(pilot, "#alignment")
        await pilot.press("7")
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChallengesScreen)
        assert screen.query_one("#strain", ScoreBar).value == 5
        assert len(screen.query_one("#list-systemic", SelectionList).selected) == 1
        assert screen.query_one(".challenge-note", Input).value == "kept"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen.query_one("#alignment", ScoreBar).value == 7
        # Escape all the way home, then reflect again: the same reflection carries on.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.screen.query_one("#strain", ScoreBar).value == 5


async def test_quick_check_in_by_keyboard(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "enter")  # "getting by"
        await tab_to(pilot, "#strain")
        await pilot.press("4")
        for select in ("#challenge", "#value", "#action"):
            await tab_to(pilot, select)
            await pilot.press("enter", "down", "enter")
            await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "saved" in str(app.screen.query_one("#closing", Static).render()).casefold()

    saved = journal.latest()
    assert saved is not None
    assert saved.kind is Kind.CHECK_IN
    assert saved.strain == 4
    assert (len(saved.challenges), len(saved.values), len(saved.actions)) == (1, 1, 1)
    assert saved.actions[0].category in set(Category)
    assert saved.date == dt.date(2026, 11, 26)


async def test_reopening_the_next_day_asks_about_the_planned_actions_not_the_same_evening(
    journal: Journal, catalog: Catalog
) -> None:
    first = make_app(journal, catalog)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        # The ranked list has the focus as soon as it is ready: space picks the first.
        await pilot.press("space")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+q")
    planned = journal.latest()
    assert planned is not None
    assert len(planned.pending_actions) == 1

    same_evening = make_app(journal, catalog)
    async with same_evening.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not same_evening.screen.query_one("#home-followup").display
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(same_evening.screen, ChallengesScreen)  # "tomorrow" means tomorrow
        await pilot.press("ctrl+q")

    reopened = CoachApp(journal, catalog, clock=lambda: FIXED_NOW + dt.timedelta(days=1))
    async with reopened.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        waiting = str(reopened.screen.query_one("#home-followup").render())
        assert planned.actions[0].label in waiting
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(reopened.screen, FollowUpScreen)


async def test_saving_twice_in_a_hurry_keeps_one_check_in(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await tab_to(pilot, "#strain")
        await pilot.press("6", "ctrl+s", "ctrl+s", "ctrl+s")
        await settle(pilot)
    assert journal.count() == 1


async def test_words_typed_in_my_own_words_are_kept_without_pressing_enter(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await tab_to(pilot, "#own-challenge")
        await pilot.press(*"Covering two clinics")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.draft is not None
        assert [c.label for c in app.draft.challenges] == ["Covering two clinics"]


async def test_a_save_into_a_damaged_year_file_is_refused_and_the_draft_kept(
    app: CoachApp, journal: Journal
) -> None:
    """The issue's case: this year's file parses but holds an entry with strain 99. Readers
    call it damaged, so the save must not write into it (nor a backup copy the damage)."""
    import orjson

    from coach.model import Reflection

    earlier = Reflection(id="earlier", date=dt.date(2026, 11, 2), created=FIXED_NOW, strain=3)
    journal.add(earlier)
    year_file = journal.year_path(2026)
    tables = orjson.loads(year_file.read_bytes())
    next(iter(tables["reflections"].values()))["strain"] = 99
    year_file.write_bytes(orjson.dumps(tables))
    damaged = year_file.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await tab_to(pilot, "#strain")
        await pilot.press("6", "ctrl+s")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any(
            n.startswith("Not saved, your draft is kept: journal file") and "strain" in n
            for n in notices
        ), notices
        assert "saved" not in str(app.screen.query_one("#closing", Static).render()).casefold()
        await pilot.press("ctrl+q")
    assert year_file.read_bytes() == damaged
    assert not (journal.backups_dir / "2026").exists()
    draft = journal.load_draft()
    assert draft is not None
    assert draft.state["strain"] == 6
