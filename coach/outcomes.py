"""What became of each coping action, counted one way for everything that counts it.

Ranking (which strategies to suggest tonight) and insights (what helps me) both read this
tally, so "helped you 3 of 4 times" on a suggestion and "helpfulness 3.5 from 4 ratings" in
insights can never count differently. The rule:

- every time an action was chosen counts as planned;
- done or partly done counts as done;
- a helpfulness rating counts only for an action that was done or partly done (an action not
  done cannot have helped, whatever a stray rating says);
- the label shown is the one in the newest reflection (a strategy's words may have changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from coach.model import Reflection, Status

HELPED_AT = 3  # a helpfulness rating of 3 ("helpful") or 4 counts as "it helped"
_DONE = (Status.DONE, Status.PARTLY)


@dataclass
class ActionTally:
    """One coping action's record: times planned, times done, and its ratings."""

    key: str
    label: str
    planned: int = 0
    done: int = 0
    ratings: list[int] = field(default_factory=list)
    _newest: tuple[dt.date, dt.datetime, str] | None = None

    @property
    def rated(self) -> int:
        """How many times it was rated."""
        return len(self.ratings)

    @property
    def helped(self) -> int:
        """How many ratings said it helped (``HELPED_AT`` or more)."""
        return sum(1 for rating in self.ratings if rating >= HELPED_AT)

    @property
    def mean_helpfulness(self) -> float | None:
        """The mean rating, or None when never rated."""
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


def tally_actions(reflections: Iterable[Reflection]) -> dict[str, ActionTally]:
    """Per coping key, what became of it, in the order each was first met."""
    tallies: dict[str, ActionTally] = {}
    for reflection in reflections:
        for action in reflection.actions:
            tally = tallies.get(action.key)
            if tally is None:
                tally = tallies[action.key] = ActionTally(action.key, action.label)
            tally.planned += 1
            if action.status in _DONE:
                tally.done += 1
                if action.helpfulness is not None:
                    tally.ratings.append(action.helpfulness)
            if tally._newest is None or reflection.sort_key > tally._newest:
                tally._newest = reflection.sort_key
                tally.label = action.label
    return tallies
