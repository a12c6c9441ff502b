"""Words that respect practitioners: the shipped content no longer says the things a clinical
review found wanting, and the kinder words the screens need are there."""

from __future__ import annotations

import pytest

from coach.content import Catalog, load_catalog
from coach.model import Category, Dimension


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def every_word(catalog: Catalog) -> str:
    return str(catalog.to_dict())


@pytest.mark.parametrize(
    "retired",
    [
        "held on to",  # a closing that claimed values were kept on a day that pulled against them
        "Well done for making the time",
        "easier to hold when you can see what they were in the service of",
        "taking that personally",
        "can wait until tomorrow",  # risk tasks cannot
        "a treat",
        "How closely did I live my values",
    ],
)
def test_retired_wording_is_gone(shipped: Catalog, retired: str) -> None:
    assert retired not in every_word(shipped)


def test_the_alignment_question_asks_what_the_day_allowed(shipped: Catalog) -> None:
    question = shipped.prompt("phase2.alignment")
    assert "let me work the way I want to" in question


def test_warmer_headings_name_each_side_and_category(shipped: Catalog) -> None:
    for dimension in Dimension:
        assert shipped.prompt(f"phase1.{dimension.value}") != dimension.value.capitalize()
    for category in Category:
        assert shipped.prompt(f"phase3.{category.value}") != category.value.capitalize()


def test_leave_is_what_there_is_to_look_forward_to(shipped: Catalog) -> None:
    option = shipped.coping_option("something-to-look-forward-to")
    assert option is not None
    assert "leave" in option.line
    assert "treat" not in option.line


def test_the_journal_line_counts_in_the_singular_and_says_empty(shipped: Catalog) -> None:
    assert shipped.prompt("home.journal_one", count=1, last="today").startswith(
        "Your journal: 1 entry,"
    )
    assert "none yet" not in shipped.prompt("home.journal_empty")


def test_no_streaks_and_no_guilt_about_missed_evenings(shipped: Catalog) -> None:
    words = every_word(shipped).casefold()
    assert "streak" not in words
    assert "you missed" not in words
    assert "whenever you're ready" in shipped.prompt("insights.rhythm_none", total=7).casefold()


def test_the_journal_is_said_to_be_the_users_alone_and_managed_computers_named(
    shipped: Catalog,
) -> None:
    assert "nobody can ask to see it" in shipped.support_text["about.yours"]
    assert "not a measure of your work" in shipped.support_text["about.yours"]
    assert "employer manages" in shipped.support_text["about.managed"]
