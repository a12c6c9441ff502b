"""The rules of practising an exercise, kept apart from the screens so a unit test reaches them.

A practice moves through its exercise one step at a time: answering a step keeps its answers
and goes where ``Walk`` says; back returns to the step taken before (its answers are kept, so
going forward again finds them); resuming opens at the last step taken. The programme's
target ratings over time read from its start rating and each practice's rating after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from coach.exercises import Exercise, Walk
from coach.practice import Practice


def current_step(practice: Practice, exercise: Exercise) -> str:
    """The step to show: the last one taken, else the exercise's first."""
    if practice.taken and practice.taken[-1] in {step.id for step in exercise.steps}:
        return practice.taken[-1]
    return exercise.first.id


def answered(
    practice: Practice, exercise: Exercise, step_id: str, given: Mapping[str, Any]
) -> tuple[Practice, str | None]:
    """``practice`` with ``step_id`` answered ``given`` (already checked), and the step that
    comes next, or None when the exercise's steps are done (the reflection follows)."""
    answers = {**practice.answers, step_id: dict(given)}
    taken = practice.taken or (step_id,)
    following = Walk(exercise).after(step_id, answers)
    if following is not None:
        taken = (*taken, following)
    return replace(practice, taken=taken, answers=answers), following


def went_back(practice: Practice) -> Practice:
    """``practice`` back at the step taken before the last (answers all kept)."""
    if len(practice.taken) < 2:
        return practice
    return replace(practice, taken=practice.taken[:-1])


def stored(given: Mapping[str, Any]) -> dict[str, Any]:
    """Answers as the journal keeps them (JSON): tuples become lists, nothing unanswered."""
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in given.items()
        if value is not None
    }


def opened(practice: Practice, exercise: Exercise, exercises: Mapping[str, Exercise]) -> str:
    """The exercise a step taken offers to open after this one (its id), or ""."""
    steps = {step.id: step for step in exercise.steps}
    for step_id in practice.taken:
        opens = steps[step_id].opens if step_id in steps else ""
        if opens in exercises:
            return opens
    return ""
