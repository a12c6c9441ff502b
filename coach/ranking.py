"""Which coping strategies to suggest tonight, and why: a pure ranking (phase 3 of the model).

Phase 2 shapes phase 3: a strategy scores one point for each of today's challenges it fits,
half a point (``VALUE_WEIGHT``) for each value at stake today that it serves, and up to one
point either way for how helpful this person has rated it in follow-ups. Strategies that fit
a challenge come first, then the rest, each part best score first.

Ties are broken on purpose, never by file order (which would put self-care first, because
the catalogue lists it first): when today's challenges are mostly systemic (``mostly_systemic``)
relational strategies come first, then boundaries, then individual ones; otherwise individual,
boundaries, relational. Then by label, then by key, so the order is the same whatever order
a service's overlay lists them in.

The study is clear that pressures which sit with the service are met at the service level
(supervision, a manager, peers, raising it), not with more self-care, and that a service's
pressure must never become a practitioner's personal failure. So when the day was mostly
systemic, at least one of the top three is relational: if the scores alone leave none there,
the best-placed relational strategy takes third place (``TOP``).

One rating is never presented as proof: a strategy's personal score is pulled towards neutral
until there are a few ratings, and it rests on the same count the reason shows ("helped you 3
of 4 times").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.content import Catalog, ChallengeOption, CopingOption
from coach.model import Category, Reflection, mostly_systemic
from coach.outcomes import ActionTally, tally_actions

_PRIOR_WEIGHT = 2.0  # imaginary ratings, one each way, that temper a short history
VALUE_WEIGHT = 0.5  # a value at stake that a strategy serves counts half a challenge it fits
TOP = 3  # how many suggestions the screen shows above the fold; one of them is relational
_USUAL_ORDER = (Category.INDIVIDUAL, Category.BOUNDARIES, Category.RELATIONAL)
_SYSTEMIC_ORDER = (Category.RELATIONAL, Category.BOUNDARIES, Category.INDIVIDUAL)


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
    serves: tuple[str, ...] = ()  # labels of today's values at stake it serves
    serve_keys: tuple[str, ...] = ()


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


def _reason(
    fit_labels: Sequence[str], serve_labels: Sequence[str], record: ActionTally | None
) -> str:
    parts = [f"fits: {', '.join(fit_labels)}"] if fit_labels else []
    if serve_labels:
        parts.append(f"serves: {', '.join(serve_labels)}")
    parts.append(_history_reason(record))
    return "; ".join(part for part in parts if part)


def _relational_in_top(ranked: list[Suggestion]) -> list[Suggestion]:
    """``ranked`` with a relational strategy in the top ``TOP``, moving the best-placed one
    up to the last of those places if none is there already."""
    if any(s.option.category is Category.RELATIONAL for s in ranked[:TOP]):
        return ranked
    best = next((s for s in ranked if s.option.category is Category.RELATIONAL), None)
    if best is None:
        return ranked
    rest = [s for s in ranked if s is not best]
    return [*rest[: TOP - 1], best, *rest[TOP - 1 :]]


def rank_suggestions(
    catalog: Catalog,
    challenge_keys: Sequence[str],
    reflections: Iterable[Reflection],
    value_keys: Sequence[str] = (),
) -> list[Suggestion]:
    """Every catalogue coping strategy, best suggestion first, each with its reason.

    ``challenge_keys``: today's challenges; ``value_keys``: the values at stake today (keys
    not in the catalogue are ignored); ``reflections``: the journal history, read once.
    """
    history = tally_actions(reflections)
    chosen = [found for key in challenge_keys if (found := catalog.challenge(key)) is not None]
    today = {found.key: found.label for found in chosen}
    at_stake = {key: value.label for key in value_keys if (value := catalog.value(key)) is not None}
    systemic = mostly_systemic(found.dimension for found in chosen)
    order = _SYSTEMIC_ORDER if systemic else _USUAL_ORDER
    scored: list[tuple[tuple[bool, float, int, str, str], Suggestion]] = []
    for option in catalog.coping:
        fit_keys = tuple(key for key in today if key in option.fits)
        serve_keys = tuple(key for key in at_stake if key in option.serves)
        fit_labels = tuple(today[key] for key in fit_keys)
        serve_labels = tuple(at_stake[key] for key in serve_keys)
        record = history.get(option.key)
        suggestion = Suggestion(
            option=option,
            fits=fit_labels,
            helped=record.helped if record else 0,
            rated=record.rated if record else 0,
            mean_helpfulness=record.mean_helpfulness if record else None,
            reason=_reason(fit_labels, serve_labels, record),
            fit_keys=fit_keys,
            serves=serve_labels,
            serve_keys=serve_keys,
        )
        score = len(fit_keys) + VALUE_WEIGHT * len(serve_keys) + (boost(record) if record else 0)
        tie = (order.index(option.category), option.label.casefold(), option.key)
        scored.append(((not fit_keys, -score, *tie), suggestion))
    scored.sort(key=lambda ranked: ranked[0])
    ranked = [suggestion for _, suggestion in scored]
    return _relational_in_top(ranked) if systemic else ranked
