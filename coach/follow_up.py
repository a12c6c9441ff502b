"""Which plans to follow up, and when: the rules, with no screen in sight.

Plans are followed up so the coach can learn what helps; asking about them must fit real
evenings. The rules:

- every reflection of the last ``FOLLOW_UP_DAYS`` days that still has plans not answered is
  followed up, not only the newest (a check-in without plans saved since hides nothing, and
  an older reflection's plans are not lost when a newer one is written);
- a reflection's plans are not asked about until its day has passed: plans made tonight for
  "tomorrow" are asked about tomorrow, not minutes later;
- answers are saved onto the reflection that made the plan, one reflection at a time;
- skipping is free while nothing is answered; with answers entered it asks first, so Tab then
  Enter can never throw answers away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from itertools import takewhile

from coach.model import CopingAction, Reflection, Status

FOLLOW_UP_DAYS = 14

# One answer: what became of a plan, and how helpful it was (None when not rated).
Answer = tuple[Status, int | None]
# Where a plan is: the reflection's id and the action's index in it.
PlanAt = tuple[str, int]


def waiting(newest_first: Iterable[Reflection], today: dt.date) -> tuple[Reflection, ...]:
    """The reflections whose plans wait to be followed up today, newest first.

    ``newest_first``: the journal, newest first (read only as far back as the window).
    """
    start = today - dt.timedelta(days=FOLLOW_UP_DAYS)
    recent = takewhile(lambda reflection: reflection.date >= start, newest_first)
    return tuple(r for r in recent if r.date < today and r.pending_actions)


def pending(reflections: Sequence[Reflection]) -> list[tuple[Reflection, int, CopingAction]]:
    """Every plan waiting, in order: its reflection, its index there, the action."""
    return [
        (reflection, index, action)
        for reflection in reflections
        for index, action in enumerate(reflection.actions)
        if not action.followed_up
    ]


def followed_up(reflection: Reflection, answers: Mapping[int, Answer]) -> Reflection:
    """The reflection with the answered actions' status and helpfulness filled in; a rating of
    something not done is dropped (it cannot have helped)."""
    actions = list(reflection.actions)
    for index, (status, helpfulness) in answers.items():
        rated = helpfulness if status in (Status.DONE, Status.PARTLY) else None
        actions[index] = actions[index].followed(status, rated)
    return reflection.with_changes(actions=tuple(actions))


def answered(
    reflections: Sequence[Reflection], answers: Mapping[PlanAt, Answer]
) -> list[Reflection]:
    """The reflections that some answer changes, each with its answers filled in."""
    changed = []
    for reflection in reflections:
        mine = {index: answer for (rid, index), answer in answers.items() if rid == reflection.id}
        if mine:
            changed.append(followed_up(reflection, mine))
    return changed


def skip_asks_first(answers: Mapping[PlanAt, Answer]) -> bool:
    """Whether skipping must ask before it lets answers go (it must when there are any)."""
    return bool(answers)
