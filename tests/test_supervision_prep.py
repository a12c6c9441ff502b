"""Preparing for supervision, headless: the default period, the themes with their stable keys,
supervision a month against the target, and the agenda as Markdown holding exactly what was
ticked (every piece of journal text in it named for the identifier check)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coach.content import Catalog, load_catalog
from coach.exports.shared import IdentifiersFound, checked
from coach.exports.supervision import period_agenda, supervision_markdown, theme_line
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Status,
)
from coach.supervision import Agenda, SupervisionSession
from coach.supervision_prep import (
    ThemeKind,
    Trend,
    default_since,
    latest_agenda,
    supervision_pace,
    themes,
)
from coach.vocabulary import SupervisionType

TODAY = dt.date(2026, 11, 26)
CASELOAD = Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC)
RISK = Challenge("risk", "Risk and safeguarding", Dimension.SYSTEMIC)
NEW = Challenge("own:new", "Being new to groups", Dimension.INDIVIDUAL)
LUNCH = "protect-lunch"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def made(day: int, **parts: Any) -> Reflection:
    date = dt.date(2026, 11, day)
    created = dt.datetime(2026, 11, day, 17, 0, tzinfo=dt.UTC)
    return Reflection(id=f"r-{day}", date=date, created=created, **parts)


def action(status: Status, helpfulness: int | None = None, label: str = "Protect my lunch"):
    return CopingAction(LUNCH, label, Category.BOUNDARIES, status=status, helpfulness=helpfulness)


def session(day: dt.date) -> SupervisionSession:
    return SupervisionSession.new(day, SupervisionType.CASE_MANAGEMENT, 60)


def test_the_period_starts_on_the_last_session_logged_else_four_weeks_back() -> None:
    assert default_since([], TODAY) == dt.date(2026, 10, 30)  # 28 days, today included
    sessions = [session(dt.date(2026, 11, 3)), session(dt.date(2026, 11, 17))]
    assert default_since(sessions, TODAY) == dt.date(2026, 11, 17)
    later = session(dt.date(2026, 12, 1))  # logged ahead: not yet the last one had
    assert default_since([*sessions, later], TODAY) == dt.date(2026, 11, 17)


def test_themes_name_the_top_challenges_the_side_they_sat_on_and_what_helped() -> None:
    period = [
        made(10, challenges=(CASELOAD, RISK), feeling=0, strain=3,
             actions=(action(Status.DONE, 4),)),
        made(12, challenges=(CASELOAD,), feeling=1, strain=4, actions=(action(Status.SKIPPED),)),
        made(20, challenges=(CASELOAD, NEW), feeling=2, strain=8,
             actions=(action(Status.DONE, 3, "Lunch away from my desk"),)),
        made(25, challenges=(NEW,), feeling=3, strain=9,
             actions=(action(Status.PLANNED, label="Lunch away from my desk"),)),
        made(1, challenges=(RISK,) * 5),  # before the period: not counted
    ]  # fmt: skip
    found = themes(period, dt.date(2026, 11, 5), TODAY)
    keys = [theme.key for theme in found]
    assert keys == [
        "challenge:caseload",
        "challenge:own:new",
        "challenge:risk",
        "pressures",
        "feeling",
        "strain",
        "helped:protect-lunch",
        "not-done:protect-lunch",
    ]
    by_key = {theme.key: theme for theme in found}
    assert (by_key["challenge:caseload"].count, by_key["challenge:caseload"].of) == (3, 4)
    assert by_key["challenge:caseload"].systemic
    assert not by_key["challenge:own:new"].systemic
    pressures = by_key["pressures"]
    assert (pressures.count, pressures.of, pressures.systemic) == (4, 6, True)
    assert by_key["feeling"].trend is Trend.RISING
    assert by_key["strain"].trend is Trend.RISING
    assert by_key["strain"].mean == 6.0
    helped = by_key["helped:protect-lunch"]
    assert (helped.label, helped.count, helped.of) == ("Lunch away from my desk", 2, 2)
    not_done = by_key["not-done:protect-lunch"]
    assert (not_done.count, not_done.of) == (1, 4)  # planned but not followed up is not "not done"


def test_mostly_service_pressures_follows_the_one_rule_half_is_not_most() -> None:
    period = [made(10, challenges=(CASELOAD, NEW))]
    [*_, pressures] = themes(period, TODAY - dt.timedelta(days=30), TODAY)
    assert pressures.kind is ThemeKind.PRESSURES
    assert not pressures.systemic


def test_a_feeling_rated_once_has_no_trend_and_small_changes_are_steady() -> None:
    once = themes([made(10, feeling=2)], dt.date(2026, 11, 1), TODAY)
    assert [(t.key, t.trend) for t in once] == [("feeling", Trend.FEW)]
    steady = themes([made(d, strain=s) for d, s in ((2, 5), (9, 5), (16, 5), (23, 6))],
                    dt.date(2026, 11, 1), TODAY)  # fmt: skip
    assert steady[0].trend is Trend.STEADY  # 5 to 5.5: under a tenth of the scale
    easing = themes([made(2, strain=9), made(3, strain=2)], dt.date(2026, 11, 1), TODAY)
    assert easing[0].trend is Trend.FALLING


def test_no_reflections_no_themes() -> None:
    assert themes([], dt.date(2026, 11, 1), TODAY) == []


def test_the_latest_agenda_is_the_one_prepared_last_optionally_from_a_day_on() -> None:
    def agenda(since: int, hour: int) -> Agenda:
        created = dt.datetime(2026, 11, 20, hour, tzinfo=dt.UTC)
        return Agenda(id=f"a-{since}-{hour}", created=created, since=dt.date(2026, 11, since),
                      until=TODAY)  # fmt: skip

    early, late = agenda(10, 9), agenda(3, 18)
    assert latest_agenda([]) is None
    assert latest_agenda([early, late]) == late
    assert latest_agenda([early, late], since=dt.date(2026, 11, 5)) == early
    assert latest_agenda([early, late], since=dt.date(2026, 11, 11)) is None


def test_supervision_a_month_against_the_target() -> None:
    sessions = [session(dt.date(2026, m, d)) for m, d in ((9, 2), (10, 1), (10, 20), (11, 3))]
    sessions.append(session(dt.date(2026, 11, 30)))  # after today: not yet had
    pace = supervision_pace(sessions, TODAY, target=2)
    assert [(m.month.month, m.sessions) for m in pace.months] == [(9, 1), (10, 2), (11, 1)]
    assert pace.below_target  # September fell short; November is not over
    assert not supervision_pace(sessions, TODAY, target=None).below_target
    assert not supervision_pace(sessions[1:3], TODAY, target=1, months=2).below_target


# --- the agenda as Markdown ----------------------------------------------------------------

TICKED_NARRATIVE = "I froze when the call turned to risk, and [b]learnt[/b] to pause."
UNTICKED_NARRATIVE = "UNTICKED: the group ran over and I felt out of my depth."
TICKED_NOTES = "Ask about pacing the first session."
UNTICKED_NOTES = "UNTICKED notes about a hard day."


@pytest.fixture
def journal_period() -> list[Reflection]:
    return [
        made(10, challenges=(CASELOAD, RISK), narrative=TICKED_NARRATIVE, notes=UNTICKED_NOTES,
             strain=7, actions=(action(Status.DONE, 4),)),
        made(12, kind=Kind.CHECK_IN, challenges=(NEW,), narrative=UNTICKED_NARRATIVE,
             notes=TICKED_NOTES, feeling=2),
        made(14, narrative=UNTICKED_NARRATIVE + " again", notes=UNTICKED_NOTES + " again"),
    ]  # fmt: skip


def test_the_markdown_holds_exactly_what_was_ticked(
    journal_period: list[Reflection], catalog: Catalog
) -> None:
    since = dt.date(2026, 11, 1)
    found = themes(journal_period, since, TODAY)
    agenda = Agenda.new(since, TODAY, themes=("challenge:caseload", "helped:protect-lunch"),
                        reflections=("r-10",), notes=("r-12",),
                        bring="How to pace myself\n# not a heading")  # fmt: skip
    by_id = {r.id: r for r in journal_period}
    shared = supervision_markdown(agenda, found, by_id, catalog.prompt)
    text = shared.text
    assert text.startswith("# Supervision: what I'd like to bring\n")
    assert "Caseload volume: named in 1 of 3 entries, a service pressure" in text
    assert "What helped: Protect my lunch, helpful 1 of the 1 times I did it" in text
    for theme in found:  # unticked themes are absent
        if theme.key not in agenda.themes:
            assert theme_line(theme, catalog.prompt) not in text
    assert TICKED_NARRATIVE in text
    assert "Risk and safeguarding" in text
    assert TICKED_NOTES in text
    assert "UNTICKED" not in text  # neither the unticked entry nor the unticked notes
    assert "Being new to groups" not in text  # the check-in's challenges: only its notes came
    assert "\n# not a heading" not in text
    assert "    # not a heading" in text
    assert "### Reflection of Tuesday 10 November 2026" in text
    assert "### Quick check-in of Thursday 12 November 2026" in text
    assert set(shared.pieces) == {
        ("agenda", "what I want to bring", agenda.bring),
        ("themes", "challenge", "Caseload volume"),
        ("themes", "what helped", "Protect my lunch"),
        ("reflection of 10 Nov 2026", "challenge", "Caseload volume"),
        ("reflection of 10 Nov 2026", "challenge", "Risk and safeguarding"),
        ("reflection of 10 Nov 2026", "narrative", TICKED_NARRATIVE),
        ("check-in of 12 Nov 2026", "notes", TICKED_NOTES),
    }
    assert all(piece in text for _, _, piece in shared.pieces if "\n" not in piece)


def test_an_identifier_in_a_ticked_piece_is_found_by_kind_and_place(
    journal_period: list[Reflection], catalog: Catalog
) -> None:
    journal_period[1] = journal_period[1].with_changes(notes="Call back on 07700 900123")
    by_id = {r.id: r for r in journal_period}
    agenda = Agenda.new(dt.date(2026, 11, 1), TODAY, notes=("r-12",))
    shared = supervision_markdown(agenda, [], by_id, catalog.prompt)
    with pytest.raises(IdentifiersFound) as raised:
        checked(shared)
    assert [f.line() for f in raised.value.findings] == [
        "phone number in check-in of 12 Nov 2026, notes"
    ]
    unticked = Agenda.new(dt.date(2026, 11, 1), TODAY, reflections=("r-12",))
    assert checked(supervision_markdown(unticked, [], by_id, catalog.prompt))  # notes not ticked


def test_controls_in_user_text_are_made_visible(catalog: Catalog) -> None:
    nasty = made(10, narrative="ok\x1b[31mred\u202e", challenges=(
        Challenge("own:x", "mine\x07\n# forged", Dimension.INDIVIDUAL),))  # fmt: skip
    agenda = Agenda.new(dt.date(2026, 11, 1), TODAY, reflections=("r-10",))
    text = supervision_markdown(agenda, [], {"r-10": nasty}, catalog.prompt).text
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\u202e" not in text
    assert "\n# forged" not in text


def test_with_nothing_prepared_the_export_is_themes_only(
    journal_period: list[Reflection], catalog: Catalog
) -> None:
    since = dt.date(2026, 11, 1)
    found = themes(journal_period, since, TODAY)
    agenda = period_agenda(since, TODAY, found)
    by_id = {r.id: r for r in journal_period}
    shared = supervision_markdown(agenda, found, by_id, catalog.prompt, prepared=False)
    assert "Nothing else was chosen to bring" in shared.text
    assert all(theme_line(theme, catalog.prompt) in shared.text for theme in found)
    for reflection in journal_period:
        assert reflection.narrative not in shared.text
        assert reflection.notes not in shared.text
    assert {entry for entry, _, _ in shared.pieces} == {"themes"}


def test_an_empty_agenda_says_nothing_was_ticked(catalog: Catalog) -> None:
    agenda = Agenda.new(dt.date(2026, 11, 1), TODAY)
    shared = supervision_markdown(agenda, [], {}, catalog.prompt)
    assert "Nothing was ticked to bring this time." in shared.text
    assert shared.pieces == ()
