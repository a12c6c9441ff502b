"""What the coach says once a reflection is saved: a struggle acknowledged, values reflected
back honestly (never "held on to" on a day that pulled against them)."""

from __future__ import annotations

import pytest

from coach.closing import ALIGNED_AT, PULLED_AT, closing_line, closing_words, saved_words
from coach.content import Catalog, load_catalog
from coach.model import FEELING, Reflection, Value


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


VALUES = (Value("compassion", "Compassion"), Value("hope", "Hope"))


@pytest.mark.parametrize("feeling", [None, 0, 1])
def test_okay_or_low_hears_rest_well(catalog: Catalog, feeling: int | None) -> None:
    words = saved_words(Reflection.new(feeling=feeling), catalog)
    assert words == catalog.prompt("summary.saved")
    assert "Rest well" in words


@pytest.mark.parametrize("feeling", [2, FEELING.high])
def test_struggling_or_not_coping_is_acknowledged_not_told_to_rest(
    catalog: Catalog, feeling: int
) -> None:
    words = closing_words(Reflection.new(feeling=feeling, values=VALUES), catalog)
    assert words.startswith(catalog.prompt("summary.saved_struggling"))
    assert "Rest well" not in words
    assert "struggling" in words
    assert "F2" in words


def test_the_closing_line_never_claims_values_were_held_on_a_pulled_day(catalog: Catalog) -> None:
    low = closing_line(Reflection.new(values=VALUES, alignment=PULLED_AT), catalog)
    high = closing_line(Reflection.new(values=VALUES, alignment=ALIGNED_AT), catalog)
    middle = closing_line(Reflection.new(values=VALUES, alignment=5), catalog)
    unsaid = closing_line(Reflection.new(values=VALUES), catalog)
    assert low == catalog.prompt("summary.closing_pulled", values="compassion and hope")
    assert high == catalog.prompt("summary.closing_aligned", values="compassion and hope")
    assert middle == unsaid == catalog.prompt("summary.closing", values="compassion and hope")
    assert len({low, high, middle}) == 3
    for line in (low, middle):
        assert "held on to" not in line
        assert "in line with" not in line
    assert closing_line(Reflection.new(), catalog) == catalog.prompt("summary.closing_no_values")
