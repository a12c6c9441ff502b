"""Figures about my people: days since I last reached out, the nudge, and what the screen lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from coach.content import Catalog, load_catalog
from coach.people import Contact, ReachOut
from coach.people_figures import (
    days_since_reaching_out,
    for_display,
    last_by_contact,
    nudge_due,
    reaching_out,
    reaching_out_lines,
    recent_log,
)
from coach.vocabulary import Role

TODAY = dt.date(2026, 11, 26)
SAM = Contact.new("Sam", Role.PEER, "Teams, after 4")
JO = Contact.new("Jo", Role.SUPERVISOR)


def reached(contact: Contact, days_ago: int, note: str = "") -> ReachOut:
    return ReachOut.new(contact, note, day=TODAY - dt.timedelta(days=days_ago))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_days_since_counts_from_the_last_reach_out_and_ignores_ones_ahead() -> None:
    log = [reached(SAM, 9), reached(JO, 3), reached(SAM, -2)]  # the last one typed ahead
    assert days_since_reaching_out(log, TODAY) == 3
    assert days_since_reaching_out([reached(SAM, 0)], TODAY) == 0
    assert days_since_reaching_out([], TODAY) is None
    assert days_since_reaching_out([reached(SAM, -1)], TODAY) is None


def test_the_nudge_is_due_from_the_nudge_day_on_and_never_without_a_log() -> None:
    assert not nudge_due([reached(SAM, 13)], TODAY, 14)
    assert nudge_due([reached(SAM, 14)], TODAY, 14)
    assert nudge_due([reached(SAM, 40)], TODAY, 14)
    assert not nudge_due([reached(SAM, 40), reached(JO, 2)], TODAY, 14)
    assert not nudge_due([reached(SAM, 8)], TODAY, 14)
    assert nudge_due([reached(SAM, 8)], TODAY, 7)  # the setting decides
    assert not nudge_due([], TODAY, 1)  # nothing to count from: never a nag


def test_last_by_contact_keeps_each_ones_newest() -> None:
    older, newer, jo = reached(SAM, 10, "old"), reached(SAM, 4, "new"), reached(JO, 20)
    last = last_by_contact([newer, jo, older], TODAY)
    assert last == {SAM.id: newer, JO.id: jo}


def test_contacts_are_listed_by_role_then_name() -> None:
    contacts = [
        Contact.new("zoe", Role.OTHER),
        Contact.new("Sam", Role.PEER),
        Contact.new("alex", Role.PEER),
        Contact.new("Priya", Role.MANAGER),
        Contact.new("Jo", Role.SUPERVISOR),
    ]
    assert [c.name for c in for_display(contacts)] == ["Jo", "Priya", "alex", "Sam", "zoe"]


def test_the_log_is_newest_first_and_keeps_a_deleted_contacts_name() -> None:
    gone = Contact.new("Former colleague")
    log = [reached(SAM, 5), reached(gone, 1, "[b]x[/b]"), reached(JO, 30), reached(SAM, -1)]
    recent = recent_log(log, TODAY, limit=2)
    assert [(r.name, (TODAY - r.date).days) for r in recent] == [
        ("Former colleague", 1),
        ("Sam", 5),
    ]
    assert recent[0].note == "[b]x[/b]"
    first, second = reached(SAM, 0), reached(JO, 0)
    same_day = [first, replace(second, created=first.created + dt.timedelta(minutes=5))]
    assert [r.name for r in recent_log(same_day, TODAY)] == ["Jo", "Sam"]  # noted last, first


def test_the_lines_say_days_since_and_the_nudge_in_the_contents_words(catalog: Catalog) -> None:
    def lines(contacts: list[Contact], log: list[ReachOut], days: int = 14) -> str:
        return reaching_out_lines(reaching_out(contacts, log, TODAY, days), catalog)

    assert lines([], []) == catalog.prompt("people.since_no_people")
    assert lines([SAM], []) == catalog.prompt("people.since_none")
    assert lines([SAM], [reached(SAM, 0)]) == "You reached out to Sam today."
    assert lines([SAM], [reached(SAM, 1)]) == "You last reached out yesterday, to Sam."
    assert lines([SAM], [reached(SAM, 13)]) == "13 days since you last reached out (to Sam)."
    due = lines([SAM], [reached(SAM, 14)])
    assert due.splitlines() == [
        "14 days since you last reached out (to Sam).",
        catalog.prompt("people.nudge", days=14),
    ]
    assert "14 days" in due.splitlines()[1]
    figures = reaching_out([SAM, JO], [reached(JO, 3)], TODAY, 14)
    assert (figures.contacts, figures.days_since, figures.nudge_due) == (2, 3, False)
