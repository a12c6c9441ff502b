"""A realistic synthetic journal for ``coach --demo`` and the benchmarks: pure, seeded, no files.

``demo_reflections`` makes a year (or more) of one imaginary practitioner's reflections from the
catalogue: working days mostly, leave in summer, at Christmas and in spring, a few quick
check-ins, strain that rises and falls with the season (and one hard stretch), challenges on
both sides of the model, values at stake, and coping actions followed up as the next reflection
would have done, except the newest, whose plans are still waiting. The same catalogue, seed and
end date always give the same reflections. All the words here are our own.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from coach.content import Catalog, ChallengeOption, CopingOption
from coach.draft import own_key
from coach.model import (
    ALIGNMENT,
    APPRAISAL,
    HELPFULNESS,
    STRAIN,
    Appraisal,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Scale,
    Status,
    Value,
)
from coach.shape import Record
from coach.time_away import Break, Closing, Leave

DEFAULT_SEED = 2026
CHECK_IN_CHANCE = 0.12
REFLECT_CHANCE = 0.7
HARD_STRETCH_WEEKS_AGO = 18  # a week of high strain, so the supervision nudge has a past
_UTC = dt.UTC

_FAVOURED_VALUES = (
    "helping-others",
    "making-a-difference",
    "compassion",
    "teamwork",
    "learning",
    "looking-after-myself",
    "hope",
)

_NARRATIVE = (
    "Back-to-back telephone assessments all morning and no gap to write them up.",
    "A patient I'd been worried about rang to say she'd started going out again.",
    "Two risk calls before eleven, then a safeguarding referral that took most of lunch.",
    "Group session went better than I expected; people talked to each other.",
    "The system crashed mid-session and I lost a set of notes.",
    "Someone cancelled at the last minute and I used the slot to catch up on letters.",
    "A step-up to high intensity that will sit on a waiting list for months.",
    "Supervision was moved again, so I carried a case on my own a bit longer.",
    "I stayed late to finish notes and missed the bus I meant to get.",
    "A long call with a carer who was angry with the service, not with me.",
    "New referrals came in faster than I could book them.",
    "Quiet afternoon for once; I planned next week's sessions properly.",
    "I wasn't sure I handled a disclosure well and kept going over it.",
    "A colleague was off sick and we split her clinic between us.",
    "Someone finished treatment and told me what had changed for them.",
)

_MEANING = (
    "A patient said the worry time idea had given her evenings back.",
    "I remembered why I wanted this job when a dad said he'd slept properly for a week.",
    "The team covered for each other without anyone having to ask.",
    "I stayed calm on a hard call and the person on the other end settled too.",
    "My supervisor listened and I felt less alone with the risk.",
    "I noticed a small step forward that I'd have missed a year ago.",
    "A patient who'd nearly dropped out came back and finished the booklet.",
    "I was honest about what the service could offer, kindly.",
)

_NOTES = (
    "Remember to ask about the group dates.",
    "Leave booked for the end of the month.",
    "Felt better after a walk round the block.",
    "Try to block Friday afternoon for admin.",
    "Ask the team how they manage the duty rota.",
)

_CHALLENGE_NOTES = (
    "three in one afternoon",
    "felt it in my shoulders",
    "not the first time this week",
    "still thinking about it on the way home",
    "the paperwork took longer than the call",
)

_WHEN = (
    "tomorrow at lunch",
    "before my first call",
    "on the way home",
    "Friday afternoon",
    "at supervision on Thursday",
    "first thing tomorrow",
    "",
)

_OWN_CHALLENGES = (
    ("Room double-booked again", Dimension.SYSTEMIC),
    ("Worrying about my own exam", Dimension.INDIVIDUAL),
    ("Interpreter didn't arrive", Dimension.SYSTEMIC),
)


@dataclass(frozen=True)
class _Person:
    """The imaginary practitioner: what weighs on them, what they value, what helps them."""

    challenge_weight: dict[str, float]
    core_values: tuple[str, ...]
    doable: dict[str, float]
    helpful: dict[str, float]


def demo_core_values(catalog: Catalog, seed: int = DEFAULT_SEED) -> list[str]:
    """The keys of the demo practitioner's core values (for the journal's settings)."""
    return list(_person(catalog, random.Random(seed)).core_values)


def _person(catalog: Catalog, rng: random.Random) -> _Person:
    keys = [value.key for value in catalog.values]
    favoured = [key for key in _FAVOURED_VALUES if key in keys]
    core = rng.sample(favoured, min(3, len(favoured)))
    core += rng.sample([key for key in keys if key not in core], min(1, len(keys) - len(core)))
    return _Person(
        challenge_weight={c.key: rng.choice((0.5, 1.0, 1.0, 2.0, 4.0)) for c in catalog.challenges},
        core_values=tuple(core),
        doable={o.key: rng.uniform(0.45, 0.95) for o in catalog.coping},
        helpful={o.key: rng.uniform(0.8, 3.4) for o in catalog.coping},
    )


def _leave_days(year: int, rng: random.Random) -> set[dt.date]:
    """A fortnight in summer, a week in spring, Christmas to New Year, a few single days."""
    days: set[dt.date] = set()
    summer = dt.date(year, 7, 15) + dt.timedelta(days=rng.randrange(30))
    spring = dt.date(year, 4, 1) + dt.timedelta(days=rng.randrange(40))
    for first, length in ((summer, 14), (spring, 7), (dt.date(year, 12, 24), 9)):
        days.update(first + dt.timedelta(days=n) for n in range(length))
    days.update(dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)) for _ in range(4))
    return days


def _clamp(number: float, scale: Scale) -> int:
    """``number`` rounded to the nearest point on ``scale``."""
    return max(scale.low, min(scale.high, round(number)))


def _weighted(
    rng: random.Random, keys: Sequence[str], weights: Sequence[float], k: int
) -> list[str]:
    """``k`` different keys, drawn by weight."""
    chosen: list[str] = []
    pool, pool_weights = list(keys), list(weights)
    while pool and len(chosen) < k:
        index = rng.choices(range(len(pool)), weights=pool_weights)[0]
        chosen.append(pool.pop(index))
        pool_weights.pop(index)
    return chosen


def _challenges(
    catalog: Catalog, person: _Person, rng: random.Random, pressure: float, count: int
) -> list[Challenge]:
    options: list[ChallengeOption] = list(catalog.challenges)
    weights = [
        person.challenge_weight[o.key]
        * (1 + pressure / 5 if o.dimension is Dimension.SYSTEMIC else 1)
        for o in options
    ]
    by_key = {o.key: o for o in options}
    picked = [by_key[key] for key in _weighted(rng, [o.key for o in options], weights, count)]
    found = [
        Challenge(
            o.key, o.label, o.dimension, rng.choice(_CHALLENGE_NOTES) if rng.random() < 0.15 else ""
        )
        for o in picked
    ]
    if rng.random() < 0.03:
        label, dimension = rng.choice(_OWN_CHALLENGES)
        found.append(Challenge(own_key(label), label, dimension))
    return found


def _actions(
    catalog: Catalog, person: _Person, rng: random.Random, challenges: list[Challenge], count: int
) -> list[CopingAction]:
    named = {c.key for c in challenges}
    options: list[CopingOption] = list(catalog.coping)
    weights = [(4.0 if named & set(o.fits) else 0.5) * person.helpful[o.key] for o in options]
    by_key = {o.key: o for o in options}
    return [
        CopingAction(by_key[key].key, by_key[key].label, by_key[key].category, rng.choice(_WHEN))
        for key in _weighted(rng, [o.key for o in options], weights, count)
    ]


def _followed_up(action: CopingAction, person: _Person, rng: random.Random) -> CopingAction:
    """What became of a planned action, as the next reflection's follow-up would record it."""
    roll = rng.random()
    doable = person.doable[action.key]
    if roll < doable:
        status = Status.DONE
    elif roll < doable + (1 - doable) / 2:
        status = Status.PARTLY
    else:
        return CopingAction(action.key, action.label, action.category, action.when, Status.SKIPPED)
    helped = (
        person.helpful[action.key] - (0.8 if status is Status.PARTLY else 0) + rng.gauss(0, 0.7)
    )
    rating = _clamp(helped, HELPFULNESS) if rng.random() < 0.9 else None
    return CopingAction(action.key, action.label, action.category, action.when, status, rating)


def _reflection(
    catalog: Catalog,
    person: _Person,
    rng: random.Random,
    day: dt.date,
    pressure: float,
    *,
    floor: int = 0,
) -> Reflection:
    kind = Kind.CHECK_IN if rng.random() < CHECK_IN_CHANCE else Kind.REFLECTION
    quick = kind is Kind.CHECK_IN
    strain = max(floor, _clamp(pressure + rng.gauss(0, 1.2), STRAIN))
    challenges = _challenges(
        catalog, person, rng, pressure, 1 if quick else rng.choice((1, 2, 2, 3))
    )
    core = person.core_values
    at_stake = [rng.choice(core)] if quick else rng.sample(core, rng.choice((1, 1, 2)))
    if not quick and rng.random() < 0.1:
        at_stake.append(rng.choice(catalog.values).key)
    values = [
        Value(key, found.label) for key in dict.fromkeys(at_stake) if (found := catalog.value(key))
    ]
    actions = _actions(catalog, person, rng, challenges, 1 if quick else rng.choice((1, 2, 2, 3)))
    alignment = _clamp(6.4 - 0.5 * (strain - 5) + 0.4 * len(values) + rng.gauss(0, 1.3), ALIGNMENT)
    appraisal = None
    if not quick and rng.random() < 0.9:
        ease = 4 - strain / 3
        appraisal = Appraisal(
            _clamp(ease + 0.5 + rng.gauss(0, 0.8), APPRAISAL),
            _clamp(ease + rng.gauss(0, 0.8), APPRAISAL),
            _clamp(alignment / 2.5 + rng.gauss(0, 0.6), APPRAISAL),
        )
    minute = rng.randrange(16 * 60 + 45, 19 * 60 + 30)
    return Reflection(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        date=day,
        created=dt.datetime.combine(day, dt.time(minute // 60, minute % 60), _UTC),
        kind=kind,
        strain=strain,
        alignment=None if quick else alignment,
        challenges=tuple(challenges),
        narrative="" if quick else " ".join(rng.sample(_NARRATIVE, rng.choice((1, 2, 2, 3)))),
        values=tuple(values),
        meaning=rng.choice(_MEANING) if not quick and rng.random() < 0.7 else "",
        appraisal=appraisal,
        actions=tuple(actions),
        notes=rng.choice(_NOTES) if not quick and rng.random() < 0.1 else "",
    )


def _season(day: dt.date) -> float:
    """How busy the service tends to be: January and the autumn run high."""
    return {1: 1.0, 2: 0.5, 9: 0.8, 10: 1.0, 11: 1.2}.get(day.month, 0.0)


def demo_reflections(
    catalog: Catalog,
    *,
    end: dt.date,
    seed: int = DEFAULT_SEED,
    years: int = 1,
    reflect_chance: float = REFLECT_CHANCE,
    weekends: bool = False,
) -> list[Reflection]:
    """``years`` years of reflections up to the day before ``end``, oldest first.

    ``reflect_chance`` is the chance of a reflection on a working day; with ``weekends`` every
    day of the week is a working day (and leave is ignored), for benchmarks that want one
    reflection every day.
    """
    rng = random.Random(seed)
    person = _person(catalog, rng)
    first = end - dt.timedelta(days=365 * years)
    hard_start = end - dt.timedelta(weeks=HARD_STRETCH_WEEKS_AGO)
    hard = {hard_start + dt.timedelta(days=n) for n in range(7)}
    leave = set().union(*(_leave_days(y, rng) for y in range(first.year, end.year + 1)))
    made: list[Reflection] = []
    pressure = 5.0
    day = first
    while day < end:
        pressure = 0.8 * pressure + 0.2 * (4.5 + _season(day) + rng.gauss(0, 2.0))
        if day in hard and day.weekday() < 5:
            made.append(_reflection(catalog, person, rng, day, 9.0, floor=8))
        elif (weekends or (day.weekday() < 5 and day not in leave)) and (
            rng.random() < reflect_chance
        ):
            made.append(_reflection(catalog, person, rng, day, pressure))
        day += dt.timedelta(days=1)
    followed = [
        r.with_changes(actions=tuple(_followed_up(a, person, rng) for a in r.actions))
        for r in made[:-1]
    ]
    return followed + made[-1:]


RECENT_WEEKS = 8  # the demo's breaks and closings: the weeks insights look at


def _periods(days: set[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days, as (first, last)."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and day == runs[-1][1] + dt.timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def demo_time_away(
    catalog: Catalog, *, end: dt.date, seed: int = DEFAULT_SEED, years: int = 1
) -> list[Record]:
    """The demo practitioner's leave (the same days ``demo_reflections`` leaves out, and what
    is booked for the rest of the year), and breaks and closings over the last weeks."""
    rng = random.Random(seed)
    _person(catalog, rng)  # the same draws as demo_reflections, so the same leave
    first = end - dt.timedelta(days=365 * years)
    days = set().union(*(_leave_days(y, rng) for y in range(first.year, end.year + 1)))
    runs = [run for run in _periods({d for d in days if d >= first}) if run[1] > run[0]]
    made: list[Record] = [  # the single days off are not planned leave
        Leave(id=_demo_id(rng), start=start, end=last, note=_LEAVE_NOTES[n % len(_LEAVE_NOTES)])
        for n, (start, last) in enumerate(runs)
    ]
    recent = random.Random(seed + 1)
    for offset in range(RECENT_WEEKS * 7, 0, -1):
        day = end - dt.timedelta(days=offset)
        if day.weekday() >= 5 or day in days:
            continue
        for hour in sorted(recent.sample((11, 13, 15), recent.choice((0, 1, 1, 2)))):
            planned = recent.choice((5, 10, 10, 15))
            lasted = planned if recent.random() < 0.8 else recent.randrange(planned)
            started = dt.datetime.combine(day, dt.time(hour), dt.UTC)
            made.append(Break(id=_demo_id(recent), started=started, planned=planned, lasted=lasted))
        if recent.random() < 0.5:
            moment = dt.datetime.combine(day, dt.time(17, 20), dt.UTC)
            made.append(
                Closing(
                    id=_demo_id(recent),
                    date=day,
                    created=moment,
                    first_task=recent.choice(_FIRST_TASKS),
                    done_what_i_can=recent.random() < 0.7,
                )
            )
    return made


def _demo_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


_LEAVE_NOTES = ("Somewhere with no signal", "Family", "")
_FIRST_TASKS = (
    "Ring back the GP surgery",
    "Write up the two assessments",
    "Check the duty rota",
    "Prepare for supervision",
)
