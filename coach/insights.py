"""Figures about a journal, computed by pure functions from reflections: no files, no screens.

Every function takes the reflections (any order) and, where a window of time matters, the day
the window ends on (``as_of``, inclusive), so the same journal and date always give the same
answer. ``coach stats`` and the insights screen both use them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from coach.model import Dimension, Reflection, Status

RatedField = Literal["strain", "alignment"]

STATS_MONTHS = 12
STATS_WINDOW_DAYS = 30


@dataclass(frozen=True)
class ChallengeCount:
    """How often one challenge was named (``label`` is the one used most recently)."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class ActionOutcome:
    """What became of one coping action: times planned, times done or partly, how it helped."""

    key: str
    label: str
    planned: int
    done: int
    rated: int
    helpfulness_mean: float | None


def reflection_span(reflections: Iterable[Reflection]) -> tuple[dt.date | None, dt.date | None]:
    """The dates of the first and the last reflection; ``(None, None)`` for none."""
    days = [reflection.date for reflection in reflections]
    if not days:
        return None, None
    return min(days), max(days)


def month_key(day: dt.date) -> str:
    """The month a day falls in, as ``YYYY-MM``."""
    return f"{day.year:04d}-{day.month:02d}"


def last_months(as_of: dt.date, months: int = STATS_MONTHS) -> list[str]:
    """The ``months`` calendar months ending with the month of ``as_of``, oldest first."""
    year, month = as_of.year, as_of.month
    keys: list[str] = []
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def per_month(
    reflections: Iterable[Reflection], as_of: dt.date, months: int = STATS_MONTHS
) -> dict[str, int]:
    """Reflections in each of the last ``months`` months up to ``as_of``, oldest month first.

    Every month is present, with 0 when nothing was written; days after ``as_of`` are not counted.
    """
    counts = dict.fromkeys(last_months(as_of, months), 0)
    for reflection in reflections:
        key = month_key(reflection.date)
        if key in counts and reflection.date <= as_of:
            counts[key] += 1
    return counts


def _by_frequency(item: tuple[str, str, int]) -> tuple[int, str, str]:
    key, label, count = item
    return (-count, label.casefold(), key)


def challenge_counts(reflections: Iterable[Reflection]) -> list[ChallengeCount]:
    """Each challenge with the number of times it was named, most frequent first."""
    counts: dict[str, int] = {}
    labels: dict[str, tuple[tuple[dt.date, dt.datetime, str], str]] = {}
    for reflection in reflections:
        for challenge in reflection.challenges:
            counts[challenge.key] = counts.get(challenge.key, 0) + 1
            _keep_latest(labels, challenge.key, reflection, challenge.label)
    rows = sorted(
        ((key, labels[key][1], count) for key, count in counts.items()), key=_by_frequency
    )
    return [ChallengeCount(key, label, count) for key, label, count in rows]


def _keep_latest(
    labels: dict[str, tuple[tuple[dt.date, dt.datetime, str], str]],
    key: str,
    reflection: Reflection,
    label: str,
) -> None:
    """Remember ``label`` for ``key`` if this reflection is the newest seen using it."""
    known = labels.get(key)
    if known is None or reflection.sort_key >= known[0]:
        labels[key] = (reflection.sort_key, label)


def dimension_split(reflections: Iterable[Reflection]) -> dict[str, int]:
    """Challenge mentions on each side of the model: ``{"individual": n, "systemic": n}``."""
    split = dict.fromkeys((dimension.value for dimension in Dimension), 0)
    for reflection in reflections:
        for challenge in reflection.challenges:
            split[challenge.dimension.value] += 1
    return split


def mean(numbers: Sequence[float]) -> float | None:
    """The arithmetic mean, or None when there is nothing to average."""
    return sum(numbers) / len(numbers) if numbers else None


def action_outcomes(reflections: Iterable[Reflection]) -> list[ActionOutcome]:
    """For each coping action: times planned, times done or partly done, mean helpfulness.

    Every time an action was chosen counts as planned. The mean is over the times it was rated
    (``rated`` says how many), None when never rated. Most often planned first.
    """
    planned: dict[str, int] = {}
    done: dict[str, int] = {}
    ratings: dict[str, list[int]] = {}
    labels: dict[str, tuple[tuple[dt.date, dt.datetime, str], str]] = {}
    for reflection in reflections:
        for action in reflection.actions:
            planned[action.key] = planned.get(action.key, 0) + 1
            if action.status in (Status.DONE, Status.PARTLY):
                done[action.key] = done.get(action.key, 0) + 1
            if action.helpfulness is not None:
                ratings.setdefault(action.key, []).append(action.helpfulness)
            _keep_latest(labels, action.key, reflection, action.label)
    outcomes = [
        ActionOutcome(
            key=key,
            label=labels[key][1],
            planned=count,
            done=done.get(key, 0),
            rated=len(ratings.get(key, [])),
            helpfulness_mean=mean(ratings.get(key, [])),
        )
        for key, count in planned.items()
    ]
    outcomes.sort(key=lambda o: (-o.planned, -o.done, o.label.casefold(), o.key))
    return outcomes


def in_window(reflections: Iterable[Reflection], as_of: dt.date, days: int) -> list[Reflection]:
    """The reflections dated in the ``days`` days ending on ``as_of`` (both ends included)."""
    start = as_of - dt.timedelta(days=days - 1)
    return [reflection for reflection in reflections if start <= reflection.date <= as_of]


def mean_over_days(
    reflections: Iterable[Reflection], field: RatedField, as_of: dt.date, days: int
) -> float | None:
    """The mean of ``strain`` or ``alignment`` over the rated reflections in the window.

    Each rated reflection counts once (a day with a check-in and a reflection counts twice);
    unrated ones are left out; None when nothing in the window was rated.
    """
    found = [getattr(r, field) for r in in_window(reflections, as_of, days)]
    return mean([number for number in found if number is not None])


def _rounded(number: float | None) -> float | None:
    return None if number is None else round(number, 2)


@dataclass(frozen=True)
class JournalStats:
    """The figures ``coach stats`` prints."""

    as_of: dt.date
    reflections: int
    first: dt.date | None
    last: dt.date | None
    per_month: dict[str, int]
    challenges: list[ChallengeCount]
    dimensions: dict[str, int]
    actions: list[ActionOutcome]
    strain_mean_30d: float | None
    alignment_mean_30d: float | None

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain JSON-ready data; means rounded to two places."""
        return {
            "as_of": self.as_of.isoformat(),
            "reflections": self.reflections,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "per_month": dict(self.per_month),
            "challenges": [
                {"key": c.key, "label": c.label, "count": c.count} for c in self.challenges
            ],
            "dimensions": dict(self.dimensions),
            "actions": [
                {
                    "key": a.key,
                    "label": a.label,
                    "planned": a.planned,
                    "done": a.done,
                    "rated": a.rated,
                    "helpfulness_mean": _rounded(a.helpfulness_mean),
                }
                for a in self.actions
            ],
            "strain": {"mean_30d": _rounded(self.strain_mean_30d)},
            "alignment": {"mean_30d": _rounded(self.alignment_mean_30d)},
        }


def journal_stats(reflections: Iterable[Reflection], as_of: dt.date) -> JournalStats:
    """Every figure of ``coach stats``: totals over the whole journal, windows ending ``as_of``."""
    every = list(reflections)
    first, last = reflection_span(every)
    return JournalStats(
        as_of=as_of,
        reflections=len(every),
        first=first,
        last=last,
        per_month=per_month(every, as_of),
        challenges=challenge_counts(every),
        dimensions=dimension_split(every),
        actions=action_outcomes(every),
        strain_mean_30d=mean_over_days(every, "strain", as_of, STATS_WINDOW_DAYS),
        alignment_mean_30d=mean_over_days(every, "alignment", as_of, STATS_WINDOW_DAYS),
    )
