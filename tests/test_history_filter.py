"""History's filters: each part alone, all together, date bounds as typed, the early stop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from coach.history_filter import DateBoundError, HistoryFilter, filtered, parse_bound
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Value,
)

CASELOAD = Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC)
RISK = Challenge("risk", "Risk and safeguarding", Dimension.SYSTEMIC, note="Mrs K again")
CARE = Value("care", "Compassion")
LUNCH = CopingAction("lunch", "Protect my lunch", Category.BOUNDARIES)
PEER = CopingAction("peer", "Talk to a peer", Category.RELATIONAL)


def made(rid: str, when: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(when.year, when.month, when.day, 18, 0, tzinfo=dt.UTC)
    return Reflection(id=rid, date=when, created=created, **parts)  # type: ignore[arg-type]


JOURNAL = [  # newest first, as the journal reads
    made("d", dt.date(2026, 11, 26), challenges=(CASELOAD,), actions=(LUNCH,), values=(CARE,)),
    made("c", dt.date(2026, 11, 3), kind=Kind.CHECK_IN, challenges=(RISK,), actions=(PEER,)),
    made("b", dt.date(2026, 3, 14), narrative="The SAFEGUARDING call", values=(CARE,)),
    made("a", dt.date(2025, 12, 31), challenges=(CASELOAD, RISK), actions=(PEER, LUNCH)),
]


def ids(history_filter: HistoryFilter) -> list[str]:
    return [r.id for r in filtered(JOURNAL, history_filter)]


def test_no_filter_keeps_everything_in_order() -> None:
    assert HistoryFilter().is_empty
    assert HistoryFilter(text="  ").is_empty
    assert ids(HistoryFilter()) == ["d", "c", "b", "a"]


@pytest.mark.parametrize(
    ("history_filter", "expected"),
    [
        (HistoryFilter(text="safeguarding"), ["c", "b", "a"]),  # challenge label and narrative
        (HistoryFilter(text="mrs k"), ["c", "a"]),  # a challenge's note, any case
        (HistoryFilter(since=dt.date(2026, 3, 14)), ["d", "c", "b"]),
        (HistoryFilter(until=dt.date(2026, 3, 14)), ["b", "a"]),
        (HistoryFilter(challenge="caseload"), ["d", "a"]),
        (HistoryFilter(value="care"), ["d", "b"]),
        (HistoryFilter(action="peer"), ["c", "a"]),
        (HistoryFilter(kind=Kind.CHECK_IN), ["c"]),
        (HistoryFilter(kind=Kind.REFLECTION), ["d", "b", "a"]),
    ],
)
def test_each_filter_alone(history_filter: HistoryFilter, expected: list[str]) -> None:
    assert not history_filter.is_empty
    assert ids(history_filter) == expected


def test_filters_combine() -> None:
    both = HistoryFilter(text="risk", action="lunch", since=dt.date(2025, 1, 1))
    assert ids(both) == ["a"]
    assert ids(HistoryFilter(challenge="risk", kind=Kind.REFLECTION)) == ["a"]
    assert ids(HistoryFilter(value="care", until=dt.date(2026, 1, 1))) == []


def test_text_already_checked_by_the_journal_search_is_not_checked_again() -> None:
    found = filtered(JOURNAL, HistoryFilter(text="nowhere"), text_checked=True)
    assert [r.id for r in found] == ["d", "c", "b", "a"]


def test_newest_first_stops_at_the_first_reflection_older_than_the_range() -> None:
    read: list[str] = []

    def journal() -> Iterator[Reflection]:
        for reflection in JOURNAL:
            read.append(reflection.id)
            yield reflection

    since = HistoryFilter(since=dt.date(2026, 11, 1))
    assert [r.id for r in filtered(journal(), since, newest_first=True)] == ["d", "c"]
    assert read == ["d", "c", "b"]  # "a" was never read


@pytest.mark.parametrize(
    ("typed", "end", "expected"),
    [
        ("", False, None),
        ("  ", True, None),
        ("2026-03-14", False, dt.date(2026, 3, 14)),
        (" 2026-03-14 ", True, dt.date(2026, 3, 14)),
        ("2026-03", False, dt.date(2026, 3, 1)),
        ("2026-03", True, dt.date(2026, 3, 31)),
        ("2026-2", True, dt.date(2026, 2, 28)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2026-12", True, dt.date(2026, 12, 31)),
        ("2026", False, dt.date(2026, 1, 1)),
        ("2026", True, dt.date(2026, 12, 31)),
    ],
)
def test_date_bounds_as_typed(typed: str, end: bool, expected: dt.date | None) -> None:
    assert parse_bound(typed, end=end) == expected


@pytest.mark.parametrize("typed", ["yesterday", "2026-13", "2026-02-30", "26/11/2026", "20"])
def test_a_date_that_is_not_one_says_what_to_type(typed: str) -> None:
    with pytest.raises(DateBoundError, match="try 2026-03-14, 2026-03 or 2026"):
        parse_bound(typed, end=False)


@pytest.mark.parametrize(
    "needle", ["PACED the calls", "booked in", "one person could", "Timely access"]
)
def test_search_finds_the_appraisal_in_words(needle: str) -> None:
    appraised = made(
        "e",
        dt.date(2026, 11, 27),
        challenges=(CASELOAD,),
        weighed_most="caseload",
        served=Value("access-to-care", "Timely access to care"),
        mine_to_influence="How I paced the calls.",
        with_the_service="How many were booked in.",
        to_a_colleague="You did what one person could.",
    )
    found = list(filtered([appraised, *JOURNAL], HistoryFilter(text=needle)))
    assert [r.id for r in found] == ["e"]
