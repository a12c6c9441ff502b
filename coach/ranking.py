"""Which coping strategies to suggest tonight, and why: a pure ranking (phase 3 of the model).

First the strategies that fit today's challenges, ordered by how many of them they fit and
raised by how helpful this person has rated them in follow-ups; then the rest, grouped by
category in catalogue order, also raised by their own ratings. One rating is never presented
as proof: a strategy's personal score is pulled towards neutral until there are a few ratings,
and it rests on the same count the reason shows ("helped you 3 of 4 times").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.content import Catalog, ChallengeOption, CopingOption
from coach.model import Category, Reflection
from coach.outcomes import ActionTally, tally_actions

_PRIOR_WEIGHT = 2.0  # imaginary ratings, one each way, that temper a short history
_CATEGORY_ORDER = (Category.INDIVIDUAL, Category.BOUNDARIES, Category.RELATIONAL)


def boost(tally: ActionTally) -> float:
    """How far the person's ratings raise (or lower) a strategy: between -1 and +1.

    The share of ratings that said it helped, pulled towards half by a couple of imaginary
    ratings either way, so one rating moves it only a little and a steady record most.
    """
    if tally.rated == 0:
        return 0.0
    share = (tally.helped + _PRIOR_WEIGHT / 2) / (tally.rated + _PRIOR_WEIGHT)
    return 2 * share - 1


@dataclass(frozen=True)
class Suggestion:
    """A coping strategy offered tonight, with what it fits and this person's record of it."""

    option: CopingOption
    fits: tuple[ChallengeOption | str, ...]  # labels of today's challenges it fits
    helped: int
    rated: int
    mean_helpfulness: float | None
    reason: str
    fit_keys: tuple[str, ...] = ()


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _history_reason(record: ActionTally | None) -> str:
    """Honest words for a person's record with a strategy; one rating is not a pattern."""
    if record is None:
        return ""  # nothing to say yet; "new to you" on every line was noise
    rated = record.rated
    if rated == 0:
        return f"planned {_times(record.planned)}, not rated yet"
    if rated == 1:
        if record.helped:
            return "rated once so far: it helped that time"
        return "rated once so far: not much help that time"
    if record.helped == 0:
        return f"not helped you yet in {rated} tries"
    return f"helped you {record.helped} of {rated} times"


def _reason(fit_labels: Sequence[str], record: ActionTally | None) -> str:
    parts = [f"fits: {', '.join(fit_labels)}"] if fit_labels else []
    parts.append(_history_reason(record))
    return "; ".join(part for part in parts if part)


def rank_suggestions(
    catalog: Catalog, challenge_keys: Sequence[str], reflections: Iterable[Reflection]
) -> list[Suggestion]:
    """Every catalogue coping strategy, best suggestion first, each with its reason.

    ``challenge_keys``: today's challenges (keys not in the catalogue are ignored);
    ``reflections``: the journal history, read once.
    """
    history = tally_actions(reflections)
    today = {
        key: found.label for key in challenge_keys if (found := catalog.challenge(key)) is not None
    }
    fitting: list[tuple[float, int, Suggestion]] = []
    rest: list[tuple[int, float, int, Suggestion]] = []
    for index, option in enumerate(catalog.coping):
        fit_keys = tuple(key for key in today if key in option.fits)
        labels = tuple(today[key] for key in fit_keys)
        record = history.get(option.key)
        suggestion = Suggestion(
            option=option,
            fits=labels,
            helped=record.helped if record else 0,
            rated=record.rated if record else 0,
            mean_helpfulness=record.mean_helpfulness if record else None,
            reason=_reason(labels, record),
            fit_keys=fit_keys,
        )
        raised = boost(record) if record else 0.0
        if fit_keys:
            fitting.append((-(len(fit_keys) + raised), index, suggestion))
        else:
            rest.append((_CATEGORY_ORDER.index(option.category), -raised, index, suggestion))
    fitting.sort(key=lambda ranked: ranked[:2])
    rest.sort(key=lambda ranked: ranked[:3])
    return [ranked[-1] for ranked in fitting] + [ranked[-1] for ranked in rest]
