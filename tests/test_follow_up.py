"""The follow-up rules on their own: which plans wait, when, and what answering or skipping does."""

from __future__ import annotations

import datetime as dt

from coach.follow_up import (
    FOLLOW_UP_DAYS,
    answered,
    followed_up,
    pending,
    skip_asks_first,
    waiting,
)
from coach.model import Category, CopingAction, Kind, Reflection, Status

TODAY = dt.date(2026, 11, 26)
WALK = CopingAction("walk", "A walk", Category.INDIVIDUAL, "tomorrow at lunch")
PEER = CopingAction("peer", "Talk to a peer", Category.RELATIONAL)


def saved(days_ago: int, *actions: CopingAction, kind: Kind = Kind.REFLECTION) -> Reflection:
    day = TODAY - dt.timedelta(days=days_ago)
    created = dt.datetime.combine(day, dt.time(18), dt.UTC)
    return Reflection(id=f"r-{days_ago}", date=day, created=created, kind=kind, actions=actions)


def newest_first(*reflections: Reflection) -> list[Reflection]:
    return sorted(reflections, key=lambda r: r.sort_key, reverse=True)


def test_plans_made_today_wait_until_their_day_has_passed() -> None:
    tonight = saved(0, WALK)
    assert waiting([tonight], TODAY) == ()
    assert waiting([tonight], TODAY + dt.timedelta(days=1)) == (tonight,)


def test_older_pending_plans_are_not_hidden_by_a_newer_check_in_without_plans() -> None:
    older = saved(3, WALK)
    check_in = saved(1, kind=Kind.CHECK_IN)
    assert waiting(newest_first(older, check_in), TODAY) == (older,)


def test_every_reflection_of_the_last_fourteen_days_with_pending_plans_is_followed_up() -> None:
    edge = saved(FOLLOW_UP_DAYS, PEER)
    too_old = saved(FOLLOW_UP_DAYS + 1, WALK)
    answered_one = saved(2, WALK.followed(Status.DONE, 4))
    newer = saved(1, WALK, PEER)
    journal = newest_first(edge, too_old, answered_one, newer)
    assert waiting(journal, TODAY) == (newer, edge)
    assert [(r.id, i, a.key) for r, i, a in pending(waiting(journal, TODAY))] == [
        ("r-1", 0, "walk"),
        ("r-1", 1, "peer"),
        (f"r-{FOLLOW_UP_DAYS}", 0, "peer"),
    ]


def test_a_partly_answered_reflection_offers_only_what_is_left() -> None:
    half = saved(2, WALK.followed(Status.SKIPPED, None), PEER)
    assert [(i, a.key) for _, i, a in pending([half])] == [(1, "peer")]


def test_answers_go_onto_the_reflection_that_made_each_plan() -> None:
    older, newer = saved(5, WALK), saved(1, WALK, PEER)
    changed = answered(
        [newer, older],
        {("r-1", 1): (Status.DONE, 3), ("r-5", 0): (Status.SKIPPED, 4)},
    )
    assert [r.id for r in changed] == ["r-1", "r-5"]
    assert [(a.status, a.helpfulness) for a in changed[0].actions] == [
        (Status.PLANNED, None),
        (Status.DONE, 3),
    ]
    # not done cannot have helped: a stray rating is dropped
    assert (changed[1].actions[0].status, changed[1].actions[0].helpfulness) == (
        Status.SKIPPED,
        None,
    )
    assert answered([newer, older], {}) == []
    assert followed_up(newer, {}) == newer


def test_skipping_asks_first_only_when_something_was_answered() -> None:
    assert not skip_asks_first({})
    assert skip_asks_first({("r-1", 0): (Status.DONE, None)})
