"""Ranking coping suggestions: fit to today's challenges, personal helpfulness, honest reasons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

import pytest

from coach.content import Catalog, ChallengeOption, CopingOption, load_catalog
from coach.journal import Journal
from coach.model import Category, CopingAction, Dimension, Reflection, Status
from coach.outcomes import tally_actions
from coach.ranking import Suggestion, rank_suggestions

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


def test_empty_history_orders_by_fit_then_category(catalog: Catalog) -> None:
    ranked = rank_suggestions(catalog, ["caseload-volume", "targets"], [])
    assert keys(ranked) == [
        "ask-my-manager",  # fits both of today's challenges
        "protect-lunch",  # fits one, catalogue order
        "proper-break",
        "hobby",  # the rest: individual, boundaries, relational, each in catalogue order
        "routine",
        "leave-on-time",
        "talk-to-a-peer",
        "team-chat",
    ]
    assert ranked[0].fits == ("Caseload volume", "Targets")
    assert ranked[0].fit_keys == ("caseload-volume", "targets")
    assert ranked[0].reason == "fits: Caseload volume, Targets"
    assert ranked[3].fits == ()
    assert ranked[3].reason == ""
    assert (ranked[0].helped, ranked[0].rated, ranked[0].mean_helpfulness) == (0, 0, None)


def test_no_challenges_today_gives_every_option_by_category(catalog: Catalog) -> None:
    ranked = rank_suggestions(catalog, ["my-own-words"], [])
    assert len(ranked) == len(COPING)
    categories = [suggestion.option.category for suggestion in ranked]
    assert categories == sorted(categories, key=list(Category).index)
    assert all(suggestion.fits == () for suggestion in ranked)


def test_personal_helpfulness_raises_a_strategy_among_equal_fits(catalog: Catalog) -> None:
    history = [
        reflection(d, ("proper-break", Status.DONE, 4), ("protect-lunch", Status.DONE, 1))
        for d in (1, 2, 3, 4)
    ]
    ranked = rank_suggestions(catalog, ["caseload-volume"], history)
    # with no history the three that fit one challenge keep catalogue order
    assert keys(rank_suggestions(catalog, ["caseload-volume"], []))[:3] == [
        "protect-lunch",
        "ask-my-manager",
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
    assert ranked[len(fitting)].option.category is Category.INDIVIDUAL
