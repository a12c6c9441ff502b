"""Self-practice, driven as a user does: ``p`` from home, an exercise run to its end with the
SP/SR reflection, left half way and resumed (read back from the real journal), a branch, and
the programme with its safeguard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Checkbox, Input, TextArea

from coach.journal import Journal
from coach.practice import Practice, Programme
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.practice import PracticeScreen
from coach.tui.screens.practice_run import PracticeRunScreen
from coach.tui.screens.programme import ProgrammeScreen
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.practice_fields import RankedList
from tests.tui.conftest import FIXED_NOW, settle
from tests.tui.practice_helpers import choose, next_step, press_button, tiny_app, type_into


def kept(journal: Journal) -> list[Practice]:
    return list(journal.records(Practice))


def step_of(screen: object) -> str:
    assert isinstance(screen, PracticeRunScreen)
    return screen.stage


async def open_tiny(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, PracticeScreen)
    await press_button(pilot, "#exercise-tiny")
    await settle(pilot)
    assert isinstance(app.screen, PracticeRunScreen)


async def test_p_opens_practice_with_each_exercise_and_what_it_is_for(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert str(app.screen.query_one("#exercise-tiny", Button).label) == "A tiny exercise"
        hints = [str(w.content) for w in app.screen.query("#practice-exercises Literal")]
        assert "Every kind of field, for the tests." in hints
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PracticeScreen)


async def test_an_exercise_runs_to_its_end_with_the_reflection(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)
        await type_into(pilot, "#box-what", "Putting off the tax return")
        await choose(pilot, "kind", 0)
        await next_step(pilot)
        assert step_of(app.screen) == "items"
        await type_into(pilot, "#box-things", "walk\nread\ncall")
        await type_into(pilot, "#box-how", "7")
        await next_step(pilot)
        assert step_of(app.screen) == "order"
        ranked = app.screen.query_one("#box-ranked", RankedList)
        assert ranked.items == ["walk", "read", "call"]
        ranked.focus()
        ranked.highlighted = 2
        await pilot.press("ctrl+up")
        await type_into(pilot, "#box-sure", "60")
        await type_into(pilot, "#box-when", "2026-12-01 09:30")
        await next_step(pilot)
        assert step_of(app.screen) == ""  # the reflection
        await type_into(pilot, "#reflect-personal", "Harder than I thought")
        await type_into(pilot, "#reflect-practitioner", "Go slower with the list")
        await next_step(pilot)
        assert isinstance(app.screen, PracticeScreen)
        (practice,) = kept(journal)
    assert practice.finished
    assert practice.taken == ("name", "items", "order")
    assert practice.date == FIXED_NOW.date()
    assert practice.answers["name"] == {"what": "Putting off the tax return", "kind": "a"}
    assert practice.answers["items"] == {"things": ["walk", "read", "call"], "how": 7}
    assert practice.answers["order"] == {
        "ranked": ["walk", "call", "read"],
        "sure": 60,
        "when": "2026-12-01 09:30",
    }
    assert practice.personal == "Harder than I thought"
    assert practice.practitioner == "Go slower with the list"
    assert practice.target_after is None  # not within a programme: no target asked


async def test_a_wrong_answer_is_said_in_place_and_nothing_moves_on(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)
        await next_step(pilot)  # "what" is needed
        assert step_of(app.screen) == "name"
        assert "needed" in str(app.screen.query_one("#problem-what", Literal).content)
        await type_into(pilot, "#box-what", "A worry")
        await next_step(pilot)
        await type_into(pilot, "#box-how", "11")
        await next_step(pilot)
        assert step_of(app.screen) == "items"
        problem = str(app.screen.query_one("#problem-how", Literal).content)
        assert "0 to 10" in problem
        await pilot.press("backspace", "backspace", "5", "ctrl+n")
        await settle(pilot)
        await type_into(pilot, "#box-when", "next tuesday")
        await next_step(pilot)
        assert step_of(app.screen) == "order"
        assert "2026-11-30" in str(app.screen.query_one("#problem-when", Literal).content)


async def test_left_half_way_it_is_kept_and_resumes_where_it_was(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)
        await type_into(pilot, "#box-what", "The garden")
        await next_step(pilot)
        await type_into(pilot, "#box-things", "weed\nmow")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        (practice,) = kept(journal)
        assert not practice.finished
        assert practice.taken == ("name", "items")
        assert practice.answers["items"] == {"things": ["weed", "mow"]}
        resume = app.screen.query_one(f"#past-{practice.id}", Button)
        assert "unfinished" in str(resume.label)
        await press_button(pilot, f"#past-{practice.id}")
        await settle(pilot)
        assert step_of(app.screen) == "items"
        assert app.screen.query_one("#box-things", TextArea).text == "weed\nmow"
        await pilot.press("ctrl+b")  # back a step, its answers there
        await settle(pilot)
        assert step_of(app.screen) == "name"
        assert app.screen.query_one("#box-what", TextArea).text == "The garden"
        await pilot.press("escape")
        await settle(pilot)
    (practice,) = kept(journal)
    assert practice.taken == ("name",)
    assert practice.answers["items"] == {"things": ["weed", "mow"]}


async def test_a_branch_is_taken_and_the_exercise_it_opens_is_offered(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)
        await type_into(pilot, "#box-what", "A what if")
        await choose(pilot, "kind", 1)
        await next_step(pilot)
        assert step_of(app.screen) == "other"
        await next_step(pilot)
        await next_step(pilot)  # the reflection, left empty
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PracticeRunScreen)
        assert screen.exercise.id == "second"
        await type_into(pilot, "#box-note", "Straight on")
        await next_step(pilot)
        await next_step(pilot)
        assert isinstance(app.screen, PracticeScreen)
    done = {p.exercise: p for p in kept(journal)}
    assert done["tiny"].taken == ("name", "other")
    assert done["tiny"].finished
    assert done["second"].finished
    assert done["second"].answers["only"] == {"note": "Straight on"}


async def test_the_programme_asks_for_a_safeguard_and_keeps_the_ratings(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        problem = app.screen.query_one("#programme-problem", Literal)
        await pilot.press("ctrl+s")
        assert "target problem" in str(problem.content)
        await type_into(pilot, "#programme-target", "I put off replying to emails")
        await type_into(pilot, "#programme-start", "6")
        await pilot.press("ctrl+s")
        assert "who you would talk to" in str(problem.content)
        assert not list(journal.records(Programme))
        await type_into(pilot, "#programme-who", "My sister")
        app.screen.query_one("#programme-share", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        (programme,) = journal.records(Programme)
        assert programme.safeguard_who == "My sister"
        assert programme.share_target
        assert programme.target_start == 6
        # An exercise now is part of the programme, and asks the target rating at the end.
        await press_button(pilot, "#exercise-second")
        await settle(pilot)
        await next_step(pilot)
        await type_into(pilot, "#reflect-target", "4")
        await next_step(pilot)
        (practice,) = kept(journal)
        assert practice.programme == programme.id
        assert practice.target_after == 4
        await pilot.press("g")
        await settle(pilot)
        ratings = str(app.screen.query_one("#programme-ratings", Literal).content)
        assert ratings == "At the start: 6\nAfter A second exercise: 4"
        await type_into(pilot, "#programme-changed", "I reply sooner")
        await type_into(pilot, "#programme-patients", "Plan smaller first steps")
        app.screen.query_one("#programme-closed", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
    (programme,) = journal.records(Programme)
    assert programme.closed
    assert programme.review_patients == "Plan smaller first steps"


async def test_escape_from_the_programme_asks_before_throwing_typing_away(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", "g")
        await settle(pilot)
        await type_into(pilot, "#programme-target", "Sleep")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        assert app.screen.query_one("#programme-target", Input).value == "Sleep"


async def test_escape_before_answering_keeps_nothing_and_asks_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)  # "what" is needed, and still empty
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
    assert kept(journal) == []


async def test_escape_with_an_answer_that_cannot_be_kept_asks_first(
    journal: Journal, tmp_path: Path
) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tiny(pilot, app)
        await type_into(pilot, "#box-what", "Tidying")
        await next_step(pilot)
        await type_into(pilot, "#box-how", "12")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep typing: the screen and its answer are still there
        await settle(pilot)
        assert app.screen.query_one("#box-how", Input).value == "12"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
    (practice,) = kept(journal)
    assert practice.taken == ("name", "items")
    assert "items" not in practice.answers


async def test_the_command_palette_opens_self_practice(journal: Journal, tmp_path: Path) -> None:
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Self-practice", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_stored_text_with_controls_is_shown_visibly_and_kept_byte_for_byte(
    journal: Journal, tmp_path: Path
) -> None:
    """A programme imported with a terminal control in its words: the boxes show it made
    visible, never raw, and keeping it unedited keeps every byte."""
    target = "Emails \x1b[2J and \u202epay bills"
    stored = Programme.new(target=target, target_start=6, safeguard_who="Sam\x07")
    journal.save_record(stored)
    app = tiny_app(journal, tmp_path / "overlay")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgrammeScreen)
        shown = app.screen.query_one("#programme-target", Input).value
        assert "\x1b" not in shown
        assert "\u202e" not in shown
        assert "Emails" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
    (kept_programme,) = journal.records(Programme)
    assert kept_programme.target == target
    assert kept_programme.safeguard_who == "Sam\x07"
    assert kept_programme.target_start == 6
