"""Figures about a journal, computed by pure functions from reflections: no files, no screens.

Every function takes the reflections (any order) and, where a window of time matters, the day
the window ends on (``as_of``, inclusive), so the same journal and date always give the same
answer. ``coach stats`` and the insights screen both use them. No date, however early, makes
a window step off the start of the calendar (``window_start``, ``day_before``): a window is cut
short there instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from coach.model import WRITTEN_KINDS, Dimension, Reflection
from coach.nudges import (
    HIGH_STRAIN_RUN,
    SERVICE_PRESSURE_DAYS,
    Nudge,
    Rhythm,
    nudges,
    rhythm,
    window_start,
)
from coach.outcomes import tally_actions

RatedField = Literal["strain", "alignment"]

STATS_MONTHS = 12
STATS_WINDOW_DAYS = 30
TREND_WINDOWS = (30, 90, 365)
ENOUGH_RATINGS = 3  # rated fewer times than this, a strategy is "early days", not proven


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

    @property
    def enough_ratings(self) -> bool:
        """Whether it was rated often enough for its mean to say much (``ENOUGH_RATINGS``)."""
        return self.rated >= ENOUGH_RATINGS


def counted(reflections: Iterable[Reflection], *, imported: bool = False) -> list[Reflection]:
    """The entries insights count as reflections: those written in the coach, and imported
    notes only when ``imported`` (the ``imported_notes_in_insights`` setting) says so. Every
    figure here is computed from what this gives, never from the journal as it comes."""
    if imported:
        return list(reflections)
    return [reflection for reflection in reflections if reflection.kind in WRITTEN_KINDS]


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
    """For each coping action: times planned, times done or partly done, mean helpfulness,
    counted by the one rule in ``coach.outcomes``; most often planned first."""
    outcomes = [
        ActionOutcome(
            key=tally.key,
            label=tally.label,
            planned=tally.planned,
            done=tally.done,
            rated=tally.rated,
            helpfulness_mean=tally.mean_helpfulness,
        )
        for tally in tally_actions(reflections).values()
    ]
    outcomes.sort(key=lambda o: (-o.planned, -o.done, o.label.casefold(), o.key))
    return outcomes


def in_window(reflections: Iterable[Reflection], as_of: dt.date, days: int) -> list[Reflection]:
    """The reflections dated in the ``days`` days ending on ``as_of`` (both ends included)."""
    start = window_start(as_of, days)
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


# --- the insights screen -----------------------------------------------------------------


@dataclass(frozen=True)
class WeekMean:
    """The mean of a rating over one Monday-to-Sunday week (``start``: its first day in view)."""

    start: dt.date
    mean: float | None
    rated: int


@dataclass(frozen=True)
class ScoreSeries:
    """Strain or alignment over the ``days`` days ending on ``end``: by day, by week, overall.

    ``daily`` holds one entry a day, oldest first: the mean of that day's ratings, or None.
    """

    field: RatedField
    start: dt.date
    end: dt.date
    daily: tuple[float | None, ...]
    weekly: tuple[WeekMean, ...]
    mean: float | None
    rated: int


def score_series(
    reflections: Iterable[Reflection], field: RatedField, as_of: dt.date, days: int
) -> ScoreSeries:
    """Strain or alignment over the window, by day and by calendar week (Monday first).

    Each rated reflection counts once, as in ``mean_over_days``, so ``mean`` is the same figure.
    """
    start = window_start(as_of, days)
    days = (as_of - start).days + 1
    day_sums, day_counts = [0] * days, [0] * days
    for reflection in reflections:
        found: int | None = getattr(reflection, field)
        if found is not None and start <= reflection.date <= as_of:
            index = (reflection.date - start).days
            day_sums[index] += found
            day_counts[index] += 1
    week_totals: dict[dt.date, list[int]] = {}
    for index in range(days):
        day = start + dt.timedelta(days=index)
        totals = week_totals.setdefault(max(start, day - dt.timedelta(days=day.weekday())), [0, 0])
        totals[0] += day_sums[index]
        totals[1] += day_counts[index]
    rated = sum(day_counts)
    return ScoreSeries(
        field=field,
        start=start,
        end=as_of,
        daily=tuple(s / n if n else None for s, n in zip(day_sums, day_counts, strict=True)),
        weekly=tuple(WeekMean(w, s / n if n else None, n) for w, (s, n) in week_totals.items()),
        mean=sum(day_sums) / rated if rated else None,
        rated=rated,
    )


def what_helps(reflections: Iterable[Reflection]) -> list[ActionOutcome]:
    """``action_outcomes`` ordered for "what helps me": the well-rated first, then the rest.

    Strategies rated at least ``ENOUGH_RATINGS`` times come first, most helpful first; then
    those rated fewer times (early days, not yet proven), then the never rated, each by use.
    """

    def order(outcome: ActionOutcome) -> tuple[int, float, int, int, str]:
        band = 0 if outcome.enough_ratings else 1 if outcome.rated else 2
        helped = -(outcome.helpfulness_mean or 0.0) if band == 0 else 0.0
        return (band, helped, -outcome.rated, -outcome.planned, outcome.label.casefold())

    return sorted(action_outcomes(reflections), key=order)


@dataclass(frozen=True)
class ValueAtStake:
    """A value: how many reflections named it at stake, and the mean alignment in those."""

    key: str
    label: str
    count: int
    rated: int
    alignment_mean: float | None


def values_at_stake(reflections: Iterable[Reflection]) -> list[ValueAtStake]:
    """Each value at stake with its count and the mean alignment of the reflections naming it.

    A value named twice in one reflection counts once; unrated alignment is left out of the
    mean (``rated`` says how many were rated). Most often at stake first.
    """
    counts: dict[str, int] = {}
    alignments: dict[str, list[int]] = {}
    labels: dict[str, tuple[tuple[dt.date, dt.datetime, str], str]] = {}
    for reflection in reflections:
        for value in {value.key: value for value in reflection.values}.values():
            counts[value.key] = counts.get(value.key, 0) + 1
            if reflection.alignment is not None:
                alignments.setdefault(value.key, []).append(reflection.alignment)
            _keep_latest(labels, value.key, reflection, value.label)
    rows = sorted(
        ((key, labels[key][1], count) for key, count in counts.items()), key=_by_frequency
    )
    return [
        ValueAtStake(key, label, count, len(alignments.get(key, [])), mean(alignments.get(key, [])))
        for key, label, count in rows
    ]


@dataclass(frozen=True)
class Insights:
    """Everything the insights screen shows for a window of ``days`` days ending ``as_of``."""

    as_of: dt.date
    days: int
    reflections: int
    strain: ScoreSeries
    alignment: ScoreSeries
    challenges: list[ChallengeCount]
    dimensions: dict[str, int]
    helps: list[ActionOutcome]
    values: list[ValueAtStake]
    rhythm: Rhythm
    nudges: list[Nudge]


def journal_insights(reflections: Iterable[Reflection], as_of: dt.date, days: int) -> Insights:
    """The insights screen's figures: the window is picked out in one pass, then summed up.

    Rhythm and nudges look at the days just before ``as_of`` whatever the window.
    """
    start = window_start(as_of, max(days, 2 * HIGH_STRAIN_RUN + 14, SERVICE_PRESSURE_DAYS))
    recent = [r for r in reflections if start <= r.date <= as_of]
    window = in_window(recent, as_of, days)
    return Insights(
        as_of=as_of,
        days=days,
        reflections=len(window),
        strain=score_series(window, "strain", as_of, days),
        alignment=score_series(window, "alignment", as_of, days),
        challenges=challenge_counts(window),
        dimensions=dimension_split(window),
        helps=what_helps(window),
        values=values_at_stake(window),
        rhythm=rhythm(recent, as_of),
        nudges=nudges(recent, as_of),
    )
