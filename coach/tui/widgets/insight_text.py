"""The words around the figures of ``coach.insights``: plain text for the insights and home screens.

Labels come from the user's journal and are returned as they are; the screens show them in a
``Literal``, with markup off and control characters made visible. The coaching words (nudges,
the rhythm line) come from the content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.content import Catalog
from coach.dates import short_date
from coach.model import HELPFULNESS
from coach.nudges import HIGH_STRAIN, Nudge, Rhythm

if TYPE_CHECKING:  # only named here: home, which shows a nudge, need not import insights
    from coach.insights import ActionOutcome, ChallengeCount, ScoreSeries, ValueAtStake
    from coach.time_away_figures import TimeAway

SHOWN_WEEKS = 5


def nudge_line(nudge: Nudge, catalog: Catalog) -> str:
    """What the coach says for one nudge (the content has words for every nudge it knows)."""
    key = f"nudge.{nudge.key}"
    if key not in catalog.prompts:
        return ""
    return catalog.prompt(
        key, days=nudge.days, threshold=HIGH_STRAIN, support_key=nudge.support_key or "F2"
    )


def rhythm_line(rhythm: Rhythm, catalog: Catalog) -> str:
    """How many of the last working days hold a reflection, said without guilt."""
    total = len(rhythm.days)
    if rhythm.reflected == 0:
        return catalog.prompt("insights.rhythm_none", total=total)
    if rhythm.reflected == total:
        return catalog.prompt("insights.rhythm_all", total=total)
    return catalog.prompt("insights.rhythm_some", reflected=rhythm.reflected, total=total)


def _number(found: float | None) -> str:
    return "–" if found is None else f"{found:.1f}"


def _ratings(count: int) -> str:
    return f"{count} rating{'' if count == 1 else 's'}"


def series_numbers(series: ScoreSeries) -> str:
    """The figures beside a chart: the mean, then the latest weekly means, newest last."""
    if series.rated == 0:
        return "nothing rated yet"
    lines = [f"mean {_number(series.mean)} from {_ratings(series.rated)}"]
    weeks = series.weekly[-SHOWN_WEEKS:]
    lines.append("weeks to now: " + " ".join(_number(w.mean) for w in weeks))
    rated_weeks = [w for w in series.weekly if w.mean is not None]
    if len(series.weekly) > SHOWN_WEEKS and rated_weeks:
        top = max(rated_weeks, key=lambda w: (w.mean or 0.0, w.start))
        low = min(rated_weeks, key=lambda w: (w.mean or 0.0, -w.start.toordinal()))
        lines.append(f"highest week {_number(top.mean)} (w/c {_short(top.start)})")
        lines.append(f"lowest week {_number(low.mean)} (w/c {_short(low.start)})")
    return "\n".join(lines)


def _short(day: dt.date) -> str:
    return short_date(day)


@dataclass(frozen=True)
class Shortening:
    """How a long list on insights is shortened: to its top lines and "and 17 more", with the
    key (``key``, as the user has it) that shows them all; or all of it, once asked."""

    catalog: Catalog
    key: str
    all_shown: bool = False

    def __call__(self, lines: list[str], top: int) -> list[str]:
        """The first ``top`` lines and how many more there are, and the key that shows them
        all; or, once shown, every line and the key that shows the top again."""
        if len(lines) <= top:
            return lines
        if self.all_shown:
            return [*lines, self.catalog.prompt("insights.fewer", top=top, list_key=self.key)]
        more = len(lines) - top
        return [*lines[:top], self.catalog.prompt("insights.more", count=more, list_key=self.key)]


def challenge_lines(
    counts: list[ChallengeCount],
    dimensions: dict[str, int],
    top: int,
    shorten: Shortening,
) -> str:
    """The challenges named most (``Shortening``), then how the mentions split between the
    two sides."""
    if not counts:
        return "No challenges named in this time."
    width = len(str(counts[0].count)) + 2
    named = [f"{c.count:<{width}}{c.label}" for c in counts]
    lines = shorten(named, top)
    total = sum(dimensions.values()) or 1
    individual, systemic = dimensions.get("individual", 0), dimensions.get("systemic", 0)
    lines.append(
        f"Individual {individual} ({round(100 * individual / total)}%), "
        f"systemic {systemic} ({round(100 * systemic / total)}%)"
    )
    return "\n".join(lines)


def helps_line(outcome: ActionOutcome) -> str:
    """One coping action: planned, done, and how it helped, with how many ratings that rests on."""
    line = f"{outcome.label}: planned {outcome.planned}, done {outcome.done}"
    if outcome.helpfulness_mean is None:
        return f"{line}, not rated yet"
    mean = f"{outcome.helpfulness_mean:.1f} of {HELPFULNESS.high}"
    helped = f"helped {mean} from {_ratings(outcome.rated)}"
    if not outcome.enough_ratings:
        helped += ": early days"
    return f"{line}, {helped}"


def helps_lines(outcomes: list[ActionOutcome], top: int, shorten: Shortening) -> str:
    """What helps me, the best-evidenced first (``Shortening``)."""
    if not outcomes:
        return "No coping actions planned in this time."
    lines = [helps_line(outcome) for outcome in outcomes]
    return "\n".join(shorten(lines, top))


def values_lines(
    values: list[ValueAtStake],
    overall: float | None,
    top: int,
    shorten: Shortening,
) -> str:
    """The values most often at stake, with the alignment on the days each was
    (``Shortening``)."""
    if not values:
        return "No values named as at stake in this time."
    lines = []
    for value in values:
        times = "once" if value.count == 1 else f"{value.count} times"
        aligned = (
            f"alignment then {_number(value.alignment_mean)} ({_ratings(value.rated)})"
            if value.rated
            else "alignment not rated"
        )
        lines.append(f"{value.label}: at stake {times}; {aligned}")
    lines = shorten(lines, top)
    lines.append(f"Alignment on all days: {_number(overall)}")
    return "\n".join(lines)


def time_away_lines(figures: TimeAway, catalog: Catalog) -> str:
    """Leave, breaks beside strain, and closings, in the content's words: what happened, said
    as something the service makes room for, never as a test passed or failed."""
    weeks = figures.weeks_since_leave
    if figures.on_leave:
        lines = [catalog.prompt("insights.on_leave")]
    elif weeks is None:
        lines = [catalog.prompt("insights.leave_none")]
    elif weeks == 0:
        lines = [catalog.prompt("insights.leave_recent")]
    elif weeks == 1:
        lines = [catalog.prompt("insights.leave_one_week")]
    else:
        lines = [catalog.prompt("insights.leave_weeks", weeks=weeks)]
    lines.append("")
    if any(week.breaks for week in figures.breaks):
        lines.append(catalog.prompt("insights.breaks_intro"))
        lines += [
            catalog.prompt(
                "insights.breaks_week",
                week=short_date(week.start),
                breaks=week.breaks,
                minutes=week.minutes,
                strain=_number(week.strain_mean),
            )
            for week in figures.breaks
        ]
    else:
        lines.append(catalog.prompt("insights.breaks_none"))
    lines.append("")
    closings = figures.closings
    lines.append(
        catalog.prompt(
            "insights.closings", recent=closings.recent, days=closings.days, total=closings.total
        )
    )
    return "\n".join(lines)
