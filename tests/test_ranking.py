"""Ranking coping suggestions: fit to today's challenges, personal helpfulness, honest reasons."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest

from coach.content import Catalog, ChallengeOption, CopingOption, load_catalog
from coach.journal import Journal
from coach.model import Category, CopingAction, Dimension, Reflection, Status, mostly_systemic
from coach.outcomes import tally_actions
from coach.ranking import TOP, Suggestion, rank_suggestions

CHALLENGES = {
    "caseload-volume": ("Caseload volume", Dimension.SYSTEMIC),
    "self-doubt": ("Self-doubt", Dimension.INDIVIDUAL),
    "targets": ("Targets", Dimension.SYSTEMIC),
}
# key, category, fits: catalogue order matters for the ties.
COPING = (
    ("hobby", Category.INDIVIDUAL, ()),
    ("protect-lunch", Category.BOUNDARIES, ("caseload-volume",)),
    ("ask-my-manager", Category.RELATIONAL, ("caseload-volume", "targets")),
    ("talk-to-a-peer", Category.RELATIONAL, ("self-doubt",)),
    ("proper-break", Category.INDIVIDUAL, ("caseload-volume",)),
    ("leave-on-time", Category.BOUNDARIES, ()),
    ("team-chat", Category.RELATIONAL, ()),
    ("routine", Category.INDIVIDUAL, ()),
)


@pytest.fixture
def catalog() -> Catalog:
    """A small real catalogue, so each expected order can be reasoned out by hand."""
    return Catalog(
        challenges=tuple(
            ChallengeOption(key, label, dimension, "A line.", 1)
            for key, (label, dimension) in CHALLENGES.items()
        ),
        values=(),
        reconnect=(),
        coping=tuple(
            CopingOption(
                key,
                key.replace("-", " ").capitalize(),
                category,
                "A line.",
                fits,
                "Tomorrow.",
                3,
                Dimension.SYSTEMIC if category is Category.RELATIONAL else Dimension.INDIVIDUAL,
            )
            for key, category, fits in COPING
        ),
        prompts=MappingProxyType({}),
        scales=MappingProxyType({}),
        support=(),
        support_text=MappingProxyType({}),
    )


def reflection(day: int, *actions: tuple[str, Status, int | None]) -> Reflection:
    """A reflection on 2026-03-<day> with actions (key, status, helpfulness)."""
    return Reflection.new(
        dt.date(2026, 3, day),
        actions=tuple(
            CopingAction(key, key, Category.INDIVIDUAL, status=status, helpfulness=rating)
            for key, status, rating in actions
        ),
    )


def keys(suggestions: list[Suggestion]) -> list[str]:
    return [suggestion.option.key for suggestion in suggestions]


def test_empty_history_orders_by_fit_then_relational_first_on_a_systemic_day(
    catalog: Catalog,
) -> None:
    ranked = rank_suggestions(catalog, ["caseload-volume", "targets"], [])
    assert keys(ranked) == [
        "ask-my-manager",  # fits both of today's challenges
        "protect-lunch",  # fits one: boundaries before individual on a systemic day
        "proper-break",
        "talk-to-a-peer",  # the rest: relational, boundaries, individual, then by label
        "team-chat",
        "leave-on-time",
        "hobby",
        "routine",
    ]
    assert ranked[0].fits == ("Caseload volume", "Targets")
    assert ranked[0].fit_keys == ("caseload-volume", "targets")
    assert ranked[0].reason == "fits: Caseload volume, Targets"
    assert ranked[3].fits == ()
    assert ranked[3].reason == ""
    assert (ranked[0].helped, ranked[0].rated, ranked[0].mean_helpfulness) == (0, 0, None)


def test_no_challenges_today_gives_every_option_by_category_then_label(catalog: Catalog) -> None:
    ranked = rank_suggestions(catalog, ["my-own-words"], [])
    assert len(ranked) == len(COPING)
    categories = [suggestion.option.category for suggestion in ranked]
    assert categories == sorted(categories, key=list(Category).index)
    assert all(suggestion.fits == () for suggestion in ranked)
    assert keys(ranked)[:3] == ["hobby", "proper-break", "routine"]  # by label, not file order


def test_no_tie_is_broken_by_file_order(catalog: Catalog) -> None:
    """The same catalogue listed backwards ranks the same way, on every kind of day."""
    backwards = replace(catalog, coping=tuple(reversed(catalog.coping)))
    for today in ([], ["self-doubt"], ["caseload-volume"], ["caseload-volume", "self-doubt"]):
        assert keys(rank_suggestions(catalog, today, [])) == keys(
            rank_suggestions(backwards, today, [])
        )


def test_personal_helpfulness_raises_a_strategy_among_equal_fits(catalog: Catalog) -> None:
    history = [
        reflection(d, ("proper-break", Status.DONE, 4), ("protect-lunch", Status.DONE, 1))
        for d in (1, 2, 3, 4)
    ]
    ranked = rank_suggestions(catalog, ["caseload-volume"], history)
    # with no history the three that fit one (systemic) challenge go relational first
    assert keys(rank_suggestions(catalog, ["caseload-volume"], []))[:3] == [
        "ask-my-manager",
        "protect-lunch",
        "proper-break",
    ]
    assert keys(ranked)[:3] == ["proper-break", "ask-my-manager", "protect-lunch"]
    top = next(s for s in ranked if s.option.key == "proper-break")
    assert (top.helped, top.rated, top.mean_helpfulness) == (4, 4, 4.0)
    assert top.reason == "fits: Caseload volume; helped you 4 of 4 times"


def test_a_strong_record_can_lift_a_one_fit_strategy_past_an_unhelpful_one(
    catalog: Catalog,
) -> None:
    history = [
        reflection(d, ("proper-break", Status.DONE, 4), ("ask-my-manager", Status.DONE, 0))
        for d in range(1, 11)
    ]
    ranked = rank_suggestions(catalog, ["caseload-volume", "targets"], history)
    assert keys(ranked)[0] == "proper-break"
    manager = next(s for s in ranked if s.option.key == "ask-my-manager")
    assert manager.reason == "fits: Caseload volume, Targets; not helped you yet in 10 tries"


def test_helpfulness_raises_within_the_rest_too(catalog: Catalog) -> None:
    history = [reflection(d, ("routine", Status.PARTLY, 3)) for d in (1, 2, 3)]
    ranked = rank_suggestions(catalog, [], history)
    assert keys(ranked)[:3] == ["routine", "hobby", "proper-break"]
    assert ranked[0].reason == "helped you 3 of 3 times"


def test_one_rating_is_not_presented_as_proof(catalog: Catalog) -> None:
    once = [reflection(1, ("team-chat", Status.DONE, 4))]
    ranked = rank_suggestions(catalog, [], once)
    chat = next(s for s in ranked if s.option.key == "team-chat")
    assert chat.reason == "rated once so far: it helped that time"
    assert "of 1" not in chat.reason
    # one glowing rating does not outrank a steady record of three good ones
    steady = once + [reflection(d, ("talk-to-a-peer", Status.DONE, 3)) for d in (2, 3, 4)]
    ranked = rank_suggestions(catalog, [], steady)
    assert keys(ranked).index("talk-to-a-peer") < keys(ranked).index("team-chat")
    low = rank_suggestions(catalog, [], [reflection(1, ("team-chat", Status.DONE, 0))])
    assert next(s for s in low if s.option.key == "team-chat").reason == (
        "rated once so far: not much help that time"
    )


def test_planned_but_not_done_or_not_rated(catalog: Catalog) -> None:
    history = [
        reflection(1, ("hobby", Status.SKIPPED, None)),
        reflection(2, ("hobby", Status.PLANNED, None)),
    ]
    ranked = rank_suggestions(catalog, [], history)
    hobby = next(s for s in ranked if s.option.key == "hobby")
    assert hobby.reason == "planned twice, not rated yet"
    assert hobby.rated == 0
    record = tally_actions(history)["hobby"]
    assert (record.planned, record.done, record.ratings) == (2, 0, [])


def test_the_tally_counts_done_partly_and_ratings_of_done_ones_only() -> None:
    history = [
        reflection(1, ("hobby", Status.DONE, 4), ("my-own-thing", Status.PARTLY, 2)),
        reflection(2, ("hobby", Status.PARTLY, None), ("hobby", Status.SKIPPED, None)),
        reflection(3, ("hobby", Status.DONE, 1)),
        reflection(4, ("hobby", Status.SKIPPED, 4)),  # a stray rating of something not done
    ]
    records = tally_actions(history)
    assert (records["hobby"].planned, records["hobby"].done) == (5, 3)
    assert sorted(records["hobby"].ratings) == [1, 4]
    assert records["hobby"].helped == 1
    assert records["hobby"].mean_helpfulness == 2.5
    assert records["my-own-thing"].ratings == [2]


def test_ranking_reads_a_real_journal_with_the_shipped_catalogue(tmp_path: Path) -> None:
    shipped = load_catalog()
    with Journal(tmp_path / "journal") as journal:
        for day in (2, 3, 4):
            journal.add(reflection(day, ("ask-my-manager", Status.DONE, 4)))
        ranked = rank_suggestions(shipped, ["caseload-volume"], journal.iter_newest_first())
    assert ranked[0].option.key == "ask-my-manager"
    assert ranked[0].reason == "fits: Caseload volume; helped you 3 of 3 times"
    assert len(ranked) == len(shipped.coping)
    fitting = [s for s in ranked if s.fits]
    assert all("caseload-volume" in s.option.fits for s in fitting)
    # caseload is a service pressure: the rest start with the relational strategies
    assert ranked[len(fitting)].option.category is Category.RELATIONAL


def test_values_at_stake_shape_the_ranking_and_the_reason() -> None:
    shipped = load_catalog()
    plain = rank_suggestions(shipped, ["caseload-volume"], [])
    valued = rank_suggestions(shipped, ["caseload-volume"], [], ["fairness", "advocacy"])
    manager = next(s for s in valued if s.option.key == "ask-my-manager")
    assert manager.serve_keys == ("fairness", "advocacy")
    assert manager.serves == ("Fairness", "Speaking up")
    assert manager.reason == "fits: Caseload volume; serves: Fairness, Speaking up"
    assert keys(valued)[0] == "ask-my-manager"
    # looking after myself at stake lifts the self-care that serves it above the ones that don't
    selfcare = rank_suggestions(shipped, ["work-in-my-head"], [], ["looking-after-myself"])
    served = [s.option.key for s in selfcare if s.serve_keys and s.fit_keys]
    unserved = [s.option.key for s in selfcare if s.fit_keys and not s.serve_keys]
    assert served
    assert unserved
    assert max(keys(selfcare).index(k) for k in served) < min(
        keys(selfcare).index(k) for k in unserved
    )
    assert keys(plain) != keys(selfcare)


def test_the_reason_says_fits_serves_and_record_together(tmp_path: Path) -> None:
    shipped = load_catalog()
    history = [reflection(d, ("ask-my-manager", Status.DONE, 4)) for d in (1, 2, 3)]
    history.append(reflection(4, ("ask-my-manager", Status.DONE, 1)))
    ranked = rank_suggestions(shipped, ["caseload-volume"], history, ["fairness"])
    manager = next(s for s in ranked if s.option.key == "ask-my-manager")
    assert manager.reason == "fits: Caseload volume; serves: Fairness; helped you 3 of 4 times"


def test_every_shipped_systemic_challenge_is_met_by_a_relational_strategy() -> None:
    shipped = load_catalog()
    relational_fits = {
        key
        for option in shipped.coping
        if option.category is Category.RELATIONAL
        for key in option.fits
    }
    systemic = {c.key for c in shipped.challenges if c.dimension is Dimension.SYSTEMIC}
    assert systemic
    assert systemic <= relational_fits, systemic - relational_fits
    manager = shipped.coping_option("ask-my-manager")
    assert manager is not None
    assert {"relentless-pace", "caseload-volume", "short-staffing", "targets"} <= set(manager.fits)


def test_on_a_systemic_day_a_relational_strategy_is_always_in_the_top_three() -> None:
    """Every combination of one to three shipped systemic challenges, with no history and with
    a history in which every self-care strategy always helped and every relational one never
    did: the rule holds, not just the scores."""
    shipped = load_catalog()
    systemic = [c.key for c in shipped.challenges if c.dimension is Dimension.SYSTEMIC]
    fond_of_selfcare = [
        reflection(
            day,
            *(
                (o.key, Status.DONE, 0 if o.category is Category.RELATIONAL else 4)
                for o in shipped.coping
            ),
        )
        for day in range(1, 11)
    ]
    checked = 0
    for size in (1, 2, 3):
        for today in itertools.combinations(systemic, size):
            for history in ([], fond_of_selfcare):
                ranked = rank_suggestions(shipped, list(today), history)
                top = [s.option.category for s in ranked[:TOP]]
                assert Category.RELATIONAL in top, (today, keys(ranked)[:TOP])
                assert len(ranked) == len(shipped.coping)
                checked += 1
    assert checked == 2 * sum(len(list(itertools.combinations(systemic, n))) for n in (1, 2, 3))


def test_mostly_systemic_means_more_than_half() -> None:
    sys, ind = Dimension.SYSTEMIC, Dimension.INDIVIDUAL
    assert mostly_systemic([sys])
    assert mostly_systemic([sys, sys, ind])
    assert not mostly_systemic([])
    assert not mostly_systemic([sys, ind])
    assert not mostly_systemic([ind])


def test_an_individual_day_keeps_self_care_first_among_equals(catalog: Catalog) -> None:
    ranked = rank_suggestions(catalog, ["my-own-words"], [])
    assert ranked[0].option.category is Category.INDIVIDUAL
