"""The exercise engine's declarations and walk: an exercise file read and checked, every
problem named by file, exercise, step and field, and the steps followed by the answers."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from coach.exercises import (
    ExerciseError,
    FieldKind,
    Walk,
    check_answer,
    parse_exercise,
)

TREE: dict[str, Any] = {
    "exercise": {"id": "tiny-tree", "title": "A tiny tree", "purpose": "To test the walk."},
    "steps": [
        {
            "id": "name",
            "title": "Name it",
            "fields": [
                {"id": "worry", "kind": "text", "label": "The worry", "optional": False},
                {
                    "id": "type",
                    "kind": "choice",
                    "label": "Now or what if?",
                    "choices": [["current", "Now"], ["hypothetical", "What if"]],
                },
            ],
            "branches": [{"field": "type", "equals": "hypothetical", "goto": "let-go"}],
        },
        {
            "id": "plan",
            "title": "Plan it",
            "opens": "problem-solving",
            "end": True,
            "fields": [
                {"id": "steps", "kind": "list", "label": "Steps"},
                {"id": "order", "kind": "ranked", "label": "Order", "source": "plan.steps"},
            ],
        },
        {
            "id": "let-go",
            "title": "Let it go",
            "next": "name",
            "fields": [{"id": "how", "kind": "rating", "label": "How hard"}],
        },
    ],
}


def with_change(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(TREE)
    change(document)
    return document


def test_a_valid_file_reads_every_part() -> None:
    exercise = parse_exercise(TREE, "tiny-tree.toml")
    assert exercise.id == "tiny-tree"
    assert [s.id for s in exercise.steps] == ["name", "plan", "let-go"]
    assert exercise.step("name").fields[1].choices == (
        ("current", "Now"),
        ("hypothetical", "What if"),
    )
    assert exercise.step("plan").fields[1].kind is FieldKind.RANKED
    assert exercise.step("plan").opens == "problem-solving"


def test_the_walk_follows_branches_next_and_end() -> None:
    walk = Walk(parse_exercise(TREE, "tiny-tree.toml"))
    assert walk.after("name", {"name": {"type": "current"}}) == "plan"
    assert walk.after("name", {"name": {"type": "hypothetical"}}) == "let-go"
    assert walk.after("name", {}) == "plan"  # unanswered: on to the next in the file
    assert walk.after("plan", {}) is None  # end = true
    assert walk.after("let-go", {}) == "name"  # next names an earlier step


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["steps"][0]["fields"][0].update(kind="slider"),
            "tiny-tree.toml: exercise 'tiny-tree', step 'name', field 'worry': kind must be one of",
        ),
        (
            lambda d: d["steps"][0]["branches"][0].update(goto="missing-step"),
            "tiny-tree.toml: exercise 'tiny-tree', step 'name': goes to step 'missing-step', "
            "which does not exist",
        ),
        (
            lambda d: d["steps"][2].update(id="plan"),
            "tiny-tree.toml: exercise 'tiny-tree': step id 'plan' is used twice",
        ),
        (
            lambda d: d["steps"][0]["fields"][1].update(choices=[]),
            "field 'type': choices must be a list",
        ),
        (
            lambda d: d["steps"][0]["branches"][0].update(field="nope"),
            "step 'name': a branch reads field 'nope', which this step lacks",
        ),
        (
            lambda d: d["steps"][1]["fields"][1].update(source="name.worry"),
            "field 'order': source 'name.worry' must name a list field",
        ),
        (lambda d: d.pop("exercise"), "tiny-tree.toml: an [exercise] table"),
        (lambda d: d["exercise"].update(id="Bad Id"), "id 'Bad Id' must be lower-case"),
        (lambda d: d.update(steps=[]), "it has no steps"),
        (
            lambda d: d["steps"][0].update(prompt="Clear \x1b[2J the screen"),
            "step 'name': prompt must not hold control characters",
        ),
        (
            lambda d: d["steps"][0]["fields"][1].update(choices=[["a", "A \u202e"], ["b", "B"]]),
            "field 'type': choices must not hold control characters",
        ),
    ],
)
def test_a_problem_is_named_by_file_exercise_step_and_field(change: Any, expected: str) -> None:
    with pytest.raises(ExerciseError) as caught:
        parse_exercise(with_change(change), "tiny-tree.toml")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_answers_are_checked_as_their_field_keeps_them() -> None:
    exercise = parse_exercise(TREE, "tiny-tree.toml")
    worry, kind = exercise.step("name").fields
    rating = exercise.step("let-go").fields[0]
    assert check_answer(worry, "Money") == "Money"
    assert check_answer(kind, "current") == "current"
    assert check_answer(rating, "7") == 7
    assert check_answer(exercise.step("plan").fields[0], ["a", " ", "b"]) == ("a", "b")
    with pytest.raises(ValueError, match="needed"):
        check_answer(worry, "")
    with pytest.raises(ValueError, match="0 to 10"):
        check_answer(rating, "11")
    with pytest.raises(ValueError, match="one of the choices"):
        check_answer(kind, "maybe")
