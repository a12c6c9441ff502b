"""Preparing for supervision: which days to look back over, what stands out in them, and how
often supervision happens against the target the practitioner set.

Pure functions of what is passed in (reflections, sessions, agendas, ``today``), so the
prepare screen, ``coach export --format supervision`` and insights agree, and a unit test
reaches every rule:

- the default period runs from the day of the last session logged (on or before today) to
  today; with none logged, the last ``DEFAULT_WEEKS`` weeks. The session's own day is in it:
  a reflection written that evening is about what came after.
- its themes, each with a stable ``key`` (what ``Agenda.themes`` keeps): the challenges named
  most (``challenge:<key>``), whether they were mostly service pressures (``pressures``, the
  one rule in ``coach.model.mostly_systemic``), how feeling and strain moved (``feeling``,
  ``strain``), the coping actions done and rated helpful (``helped:<key>``, by the rule in
  ``coach.outcomes``) and those said not done (``not-done:<key>``: skipped, not merely not
  yet followed up).
- supervision a month over the last months, beside the target (None: no target).

A theme's ``label`` can be the practitioner's own words (a challenge of their own): it is
journal text, and an export checks it like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from coach.model import (
    FEELING,
    STRAIN,
    WRITTEN_KINDS,
    Dimension,
    Reflection,
    Scale,
    Status,
    mostly_systemic,
)
from coach.nudges import window_start
from coach.outcomes import tally_actions
from coach.supervision import Agenda, SupervisionSession

DEFAULT_WEEKS = 4
TOP_CHALLENGES = 5
# Between the earlier and the later half of a period, a change of a tenth of a scale's span
# in the mean counts as a trend; less is "much the same".
TREND_SHARE = 0.1
PACE_MONTHS = 3  # insights show supervision a month over this many months, this one last


class ThemeKind(StrEnum):
    """What a theme is about."""

    CHALLENGE = "challenge"
    PRESSURES = "pressures"
    FEELING = "feeling"
    STRAIN = "strain"
    HELPED = "helped"
    NOT_DONE = "not-done"


class Trend(StrEnum):
    """How a rating moved from the earlier half of a period to the later half."""

    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"
    FEW = "few"  # rated fewer than twice: no trend to see


@dataclass(frozen=True)
class Theme:
    """One thing that stands out in a period.

    - challenge: ``label`` named ``count`` times in ``of`` entries; ``systemic`` its side;
    - pressures: ``count`` of the ``of`` challenges named were service pressures;
      ``systemic`` says whether that is most of them;
    - feeling, strain: ``trend`` and ``mean`` over ``count`` rated entries;
    - helped: ``label`` rated helpful ``count`` times of ``of`` times done;
    - not-done: ``label`` said not done ``count`` times of ``of`` times planned.
    """

    key: str
    kind: ThemeKind
    label: str = ""
    count: int = 0
    of: int = 0
    systemic: bool = False
    trend: Trend | None = None
    mean: float | None = None


def default_since(sessions: Iterable[SupervisionSession], today: dt.date) -> dt.date:
    """The first day of the default period (see the module docstring)."""
    past = [session.date for session in sessions if session.date <= today]
    return max(past) if past else window_start(today, 7 * DEFAULT_WEEKS)


def in_period(
    reflections: Iterable[Reflection], since: dt.date, until: dt.date
) -> list[Reflection]:
    """The reflections and check-ins dated from ``since`` to ``until`` (both included), oldest
    first. Imported notes are left out: they were not written for this work, and their text
    (another journal's, perhaps personal) is never offered for a supervisor."""
    found = (r for r in reflections if since <= r.date <= until and r.kind in WRITTEN_KINDS)
    return sorted(found, key=lambda r: r.sort_key)


def _challenge_themes(period: Sequence[Reflection]) -> list[Theme]:
    counts: dict[str, int] = {}
    newest: dict[str, tuple[str, Dimension]] = {}  # oldest first, so the last seen is newest
    for reflection in period:
        for key in {c.key for c in reflection.challenges}:
            counts[key] = counts.get(key, 0) + 1
        for challenge in reflection.challenges:
            newest[challenge.key] = (challenge.label, challenge.dimension)
    order = sorted(counts, key=lambda key: (-counts[key], newest[key][0].casefold(), key))
    return [
        Theme(
            key=f"challenge:{key}",
            kind=ThemeKind.CHALLENGE,
            label=newest[key][0],
            count=counts[key],
            of=len(period),
            systemic=newest[key][1] is Dimension.SYSTEMIC,
        )
        for key in order[:TOP_CHALLENGES]
    ]


def _pressures_theme(period: Sequence[Reflection]) -> list[Theme]:
    sides = [c.dimension for r in period for c in r.challenges]
    if not sides:
        return []
    systemic = sum(1 for side in sides if side is Dimension.SYSTEMIC)
    return [
        Theme(
            key=ThemeKind.PRESSURES.value,
            kind=ThemeKind.PRESSURES,
            count=systemic,
            of=len(sides),
            systemic=mostly_systemic(sides),
        )
    ]


def trend(ratings: Sequence[int], scale: Scale) -> Trend:
    """How ``ratings`` (oldest first) moved: the later half's mean against the earlier half's
    (an odd middle one is in neither)."""
    if len(ratings) < 2:
        return Trend.FEW
    half = len(ratings) // 2
    earlier, later = ratings[:half], ratings[len(ratings) - half :]
    change = sum(later) / half - sum(earlier) / half
    enough = TREND_SHARE * (scale.high - scale.low)
    if change >= enough:
        return Trend.RISING
    if change <= -enough:
        return Trend.FALLING
    return Trend.STEADY


def _rating_theme(period: Sequence[Reflection], kind: ThemeKind, scale: Scale) -> list[Theme]:
    ratings = [r for r in (getattr(each, kind.value) for each in period) if r is not None]
    if not ratings:
        return []
    mean = sum(ratings) / len(ratings)
    return [Theme(kind.value, kind, count=len(ratings), trend=trend(ratings, scale), mean=mean)]


def _action_themes(period: Sequence[Reflection]) -> list[Theme]:
    tallies = tally_actions(period)
    helped = [
        Theme(f"helped:{t.key}", ThemeKind.HELPED, t.label, count=t.helped, of=t.done)
        for t in tallies.values()
        if t.helped
    ]
    skipped: dict[str, int] = {}
    for reflection in period:
        for action in reflection.actions:
            if action.status is Status.SKIPPED:
                skipped[action.key] = skipped.get(action.key, 0) + 1
    not_done = [
        Theme(f"not-done:{key}", ThemeKind.NOT_DONE, tallies[key].label, count=count,
              of=tallies[key].planned)
        for key, count in skipped.items()
    ]  # fmt: skip
    by_count = lambda theme: (-theme.count, theme.label.casefold(), theme.key)  # noqa: E731
    return sorted(helped, key=by_count) + sorted(not_done, key=by_count)


def themes(reflections: Iterable[Reflection], since: dt.date, until: dt.date) -> list[Theme]:
    """The themes of the period, in the order they are offered (see the module docstring)."""
    period = in_period(reflections, since, until)
    return [
        *_challenge_themes(period),
        *_pressures_theme(period),
        *_rating_theme(period, ThemeKind.FEELING, FEELING),
        *_rating_theme(period, ThemeKind.STRAIN, STRAIN),
        *_action_themes(period),
    ]


def latest_agenda(agendas: Iterable[Agenda], since: dt.date | None = None) -> Agenda | None:
    """The agenda prepared last (newest ``created``); with ``since``, the last one prepared
    for a period starting on or after that day."""
    chosen = [a for a in agendas if since is None or a.since >= since]
    return max(chosen, key=lambda a: (a.created, a.id), default=None)


# --- supervision a month, against the target ------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    """Sessions in one calendar month (``month``: its first day)."""

    month: dt.date
    sessions: int


@dataclass(frozen=True)
class SupervisionPace:
    """Supervision sessions in each of the last months (this one last), and the target."""

    months: tuple[MonthCount, ...]
    target: int | None

    @property
    def below_target(self) -> bool:
        """Whether a whole month before this one fell short of the target (this month is
        not over yet, so it is not counted short)."""
        target = self.target
        return target is not None and any(m.sessions < target for m in self.months[:-1])


def _month_before(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def supervision_pace(
    sessions: Iterable[SupervisionSession],
    today: dt.date,
    target: int | None,
    months: int = PACE_MONTHS,
) -> SupervisionPace:
    """Sessions a month over the ``months`` calendar months ending with today's (sessions
    dated after today are not counted)."""
    firsts = [today.replace(day=1)]
    while len(firsts) < months and firsts[-1] > dt.date(dt.MINYEAR, 1, 1):
        firsts.append(_month_before(firsts[-1]))
    firsts.reverse()
    counts = dict.fromkeys(firsts, 0)
    for session in sessions:
        first = session.date.replace(day=1)
        if first in counts and session.date <= today:
            counts[first] += 1
    return SupervisionPace(tuple(MonthCount(m, n) for m, n in counts.items()), target)
