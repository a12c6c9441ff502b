"""Every shipped exercise, driven by keyboard through the one runner to its end (the SP/SR
reflection included), and the worry tree down each of its branches: the content's exercises
and the screen that draws them fit together."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from textual.pilot import Pilot

from coach.content import Catalog
from coach.exercises import FieldKind
from coach.journal import Journal
from coach.practice import Practice
from coach.tui.app import CoachApp
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.practice import PracticeScreen
from coach.tui.screens.practice_run import REFLECT, PracticeRunScreen
from coach.tui.widgets.practice_fields import FieldBox
from tests.tui.conftest import make_app, settle
from tests.tui.practice_helpers import choose, next_step, press_button, type_into

# A valid answer a user might type, by kind (choices are chosen, ranked items are ordered).
TYPED = {
    FieldKind.TEXT: "Mine",
    FieldKind.LIST: "one\ntwo",
    FieldKind.RATING: "5",
    FieldKind.PERCENTAGE: "40",
    FieldKind.DATETIME: "2026-12-01 18:00",
}


async def run_through(
    pilot: Pilot[None], exercise_id: str, chosen: Mapping[str, str] = {}
) -> tuple[str, ...]:
    """From the hub, practise ``exercise_id`` to its end, answering every field (a choice as
    ``chosen`` says, else its first); the steps shown, in order."""
    await press_button(pilot, f"#exercise-{exercise_id}")
    shown: list[str] = []
    for _ in range(40):
        screen = pilot.app.screen
        assert isinstance(screen, PracticeRunScreen)
        if screen.stage == REFLECT:
            break
        shown.append(screen.stage)
        for box in list(screen.query(FieldBox).results(FieldBox)):
            asked = box.asked
            if asked.kind is FieldKind.CHOICE:
                values = [value for value, _ in asked.choices]
                await choose(pilot, asked.id, values.index(chosen.get(asked.id, values[0])))
            elif asked.kind is FieldKind.RANKED and asked.source:
                continue  # the earlier list's items, in the order given
            else:
                words = TYPED.get(asked.kind, "first\nsecond")  # ranked of its own: lines
                await type_into(pilot, f"#box-{asked.id}", words)
        await next_step(pilot)
        assert not any("Not kept" in str(p.content) for p in screen.query(".practice-problem"))
    else:
        raise AssertionError(f"{exercise_id} never reached its reflection")
    await type_into(pilot, "#reflect-personal", "Slower than I expected")
    await type_into(pilot, "#reflect-practitioner", "Give it more time")
    await next_step(pilot)
    return tuple(shown)


def finished(journal: Journal, exercise_id: str) -> list[Practice]:
    return [p for p in journal.records(Practice) if p.exercise == exercise_id and p.finished]


async def test_every_shipped_exercise_runs_to_its_end(app: CoachApp, journal: Journal) -> None:
    exercises = app.catalog.exercises()
    assert len(exercises) >= 6
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        for exercise_id in exercises:
            shown = await run_through(pilot, exercise_id)
            if isinstance(app.screen, ConfirmScreen):  # a step opened another: not now
                await pilot.press("n")
                await settle(pilot)
            assert isinstance(app.screen, PracticeScreen)
            (practice,) = finished(journal, exercise_id)
            assert practice.taken == shown
            assert practice.personal == "Slower than I expected"


@pytest.mark.parametrize(
    ("chosen", "path"),
    [
        ({"type": "current", "when": "now"}, ("name", "act", "act-now")),
        ({"type": "current", "when": "later"}, ("name", "act", "later")),
        ({"type": "hypothetical", "choice": "let-go"}, ("name", "what-if", "let-go")),
        ({"type": "hypothetical", "choice": "park"}, ("name", "what-if", "park")),
    ],
)
async def test_the_worry_tree_down_each_branch(
    chosen: dict[str, str], path: tuple[str, ...], journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        shown = await run_through(pilot, "worry-tree", chosen)
        assert shown == path
        if path[-1] == "act-now":  # acting now offers problem solving
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, PracticeRunScreen)
            assert screen.exercise.id == "problem-solving"
    (practice,) = finished(journal, "worry-tree")
    assert practice.taken == path
