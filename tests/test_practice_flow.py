"""The rules of practising an exercise: answers lead on, back returns, ratings read in order."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import replace

from coach.exercises import parse_exercise
from coach.practice import Practice, Programme, target_ratings
from coach.practice_flow import (
    answered,
    current_step,
    opened,
    stored,
    went_back,
)
from tests.tui.practice_helpers import SECOND, TINY

TINY_EXERCISE = parse_exercise(tomllib.loads(TINY), "tiny.toml")
SECOND_EXERCISE = parse_exercise(tomllib.loads(SECOND), "second.toml")


def test_answers_lead_on_and_back_returns_with_the_answers_kept() -> None:
    practice = Practice.new("tiny", "A tiny exercise")
    assert current_step(practice, TINY_EXERCISE) == "name"
    practice, following = answered(practice, TINY_EXERCISE, "name", {"what": "x", "kind": "a"})
    assert following == "items"
    assert practice.taken == ("name", "items")
    practice = went_back(practice)
    assert practice.taken == ("name",)
    assert practice.answers["name"]["kind"] == "a"
    assert current_step(practice, TINY_EXERCISE) == "name"
    practice, following = answered(practice, TINY_EXERCISE, "name", {"what": "x", "kind": "b"})
    assert following == "other"
    assert practice.taken == ("name", "other")
    practice, following = answered(practice, TINY_EXERCISE, "other", {})
    assert following is None
    assert practice.taken == ("name", "other")
    assert opened(practice, TINY_EXERCISE, {"second": SECOND_EXERCISE}) == "second"
    assert opened(practice, TINY_EXERCISE, {}) == ""


def test_back_from_the_first_step_stays_there() -> None:
    practice = replace(Practice.new("tiny", "A tiny exercise"), taken=("name",))
    assert went_back(practice).taken == ("name",)


def test_answers_are_stored_as_json_keeps_them() -> None:
    assert stored({"a": ("x", "y"), "b": None, "c": 3}) == {"a": ["x", "y"], "c": 3}


def test_target_ratings_read_from_the_start_then_each_practice_in_time_order() -> None:
    programme = Programme.new(target="Emails", target_start=7)
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC)

    def practised(title: str, hours: int, rating: int | None, within: str) -> Practice:
        made = Practice.new("x", title, within)
        return replace(made, created=start + dt.timedelta(hours=hours), target_after=rating)

    found = target_ratings(
        programme,
        [
            practised("Later", 5, 3, programme.id),
            practised("Earlier", 1, 5, programme.id),
            practised("Not rated", 2, None, programme.id),
            practised("Elsewhere", 3, 1, "other"),
        ],
    )
    assert found == [("", 7), ("Earlier", 5), ("Later", 3)]
