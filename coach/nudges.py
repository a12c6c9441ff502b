"""What the journal supports saying now, gently: the nudges home shows, whether to offer
support, and the rhythm of the last working days. Pure functions of reflections and a day,
like ``coach.insights`` (which shows them too); apart from it because home needs only these,
and reads them on every start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.model import FEELING_STRUGGLING, Reflection, mostly_systemic

HIGH_STRAIN = 8  # strain at this or more, HIGH_STRAIN_RUN days running: the supervision nudge
HIGH_STRAIN_RUN = 5
# Over this many days, challenges mostly systemic (and at least SERVICE_PRESSURE_MENTIONS of
# them): insights say the useful actions are relational, not more self-care.
SERVICE_PRESSURE_DAYS = 28
SERVICE_PRESSURE_MENTIONS = 3
RHYTHM_WORKING_DAYS = 7
# Strain at which the reflection offers support now (never forces it), as does a feeling of
# struggling or not coping (``FEELING_STRUGGLING``).
OFFER_SUPPORT_STRAIN = 9


def support_offered(strain: int | None, feeling: int | None = None) -> bool:
    """Whether to offer support now, in the reflection and the check-in alike: a day rated 9
    or 10, or the user saying they are struggling or not coping. A hard day measured only by
    workload misses the person who is not coping on an ordinary one."""
    if feeling is not None and feeling >= FEELING_STRUGGLING:
        return True
    return strain is not None and strain >= OFFER_SUPPORT_STRAIN


def window_start(as_of: dt.date, days: int) -> dt.date:
    """The first of the ``days`` days ending on ``as_of``; never before the calendar begins."""
    return as_of - dt.timedelta(days=min(days - 1, (as_of - dt.date.min).days))


def day_before(day: dt.date) -> dt.date | None:
    """The day before ``day``; None on the first day of the calendar."""
    return None if day == dt.date.min else day - dt.timedelta(days=1)


def _counted_end(days_reflected: set[dt.date], as_of: dt.date) -> dt.date:
    """``as_of`` once it holds a reflection; until then the day before (today is not over)."""
    return as_of if as_of in days_reflected else day_before(as_of) or as_of


def working_days(end: dt.date, count: int) -> tuple[dt.date, ...]:
    """The ``count`` working days (Monday to Friday) up to and including ``end``, oldest first.

    Fewer only where the calendar runs out first.
    """
    found: list[dt.date] = []
    day: dt.date | None = end
    while day is not None and len(found) < count:
        if day.weekday() < 5:
            found.append(day)
        day = day_before(day)
    return tuple(reversed(found))


@dataclass(frozen=True)
class Rhythm:
    """How many of the last working days hold a reflection or check-in."""

    reflected: int
    days: tuple[dt.date, ...]


def rhythm(
    reflections: Iterable[Reflection], as_of: dt.date, count: int = RHYTHM_WORKING_DAYS
) -> Rhythm:
    """Of the last ``count`` working days, how many hold a reflection (of either kind).

    Today counts once it holds one; until then the days end yesterday, so an evening not yet
    reached is never held against anyone.
    """
    reflected = {r.date for r in reflections if r.date <= as_of}
    days = working_days(_counted_end(reflected, as_of), count)
    return Rhythm(reflected=sum(day in reflected for day in days), days=days)


@dataclass(frozen=True)
class Nudge:
    """A gentle suggestion the data supports; ``key`` names it, ``support_key`` the key to press."""

    key: str
    days: int
    support_key: str | None = None


def high_strain_run(
    reflections: Iterable[Reflection], as_of: dt.date, threshold: int = HIGH_STRAIN
) -> int:
    """How many days running, back from ``as_of``, strain was rated ``threshold`` or more.

    A day's strain is the highest rated that day. Today counts once rated, else the run ends
    yesterday. Walking back, a weekend day with no rating is passed over; a working day with no
    rating, or a day rated below ``threshold``, ends the run.
    """
    highest: dict[dt.date, int] = {}
    for reflection in reflections:
        if reflection.strain is not None and reflection.date <= as_of:
            highest[reflection.date] = max(reflection.strain, highest.get(reflection.date, 0))
    day: dt.date | None = _counted_end(set(highest), as_of)
    run = 0
    while day is not None:
        found = highest.get(day)
        if found is None and day.weekday() >= 5:
            day = day_before(day)
            continue
        if found is None or found < threshold:
            return run
        run += 1
        day = day_before(day)
    return run


def nudges(reflections: Iterable[Reflection], as_of: dt.date) -> list[Nudge]:
    """The nudges the journal supports as of a day, most pressing first (often none)."""
    reflections = list(reflections)  # read twice
    found: list[Nudge] = []
    run = high_strain_run(reflections, as_of)
    if run >= HIGH_STRAIN_RUN:
        found.append(Nudge("supervision", run, support_key="F2"))
    if mostly_service_pressures(reflections, as_of):
        found.append(Nudge("service_pressures", SERVICE_PRESSURE_DAYS))
    return found


def mostly_service_pressures(reflections: Iterable[Reflection], as_of: dt.date) -> bool:
    """Whether the last ``SERVICE_PRESSURE_DAYS`` days' challenges sat mostly with the service.

    The study's point, said in insights: pressures the service holds are worth raising in
    supervision or with a manager, not answered by trying harder at self-care. A couple of
    mentions are not a pattern, so it needs ``SERVICE_PRESSURE_MENTIONS`` or more.
    """
    start = window_start(as_of, SERVICE_PRESSURE_DAYS)
    dimensions = [
        challenge.dimension
        for reflection in reflections
        if start <= reflection.date <= as_of
        for challenge in reflection.challenges
    ]
    return len(dimensions) >= SERVICE_PRESSURE_MENTIONS and mostly_systemic(dimensions)
