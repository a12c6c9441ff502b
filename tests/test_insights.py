"""The insights screen's figures, worked out by hand on small constructed journals.

The calendar used throughout: 2026-11-26 is a Thursday, so 11-21/22 and 11-14/15 are weekends.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coach.content import load_catalog
from coach.insights import (
    ActionOutcome,
    WeekMean,
    journal_insights,
    mean_over_days,
    score_series,
    values_at_stake,
    what_helps,
)
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Status,
    Value,
)
from coach.nudges import (
    SERVICE_PRESSURE_DAYS,
    Nudge,
    Rhythm,
    high_strain_run,
    mostly_service_pressures,
    nudges,
    rhythm,
    working_days,
)
from coach.tui.widgets.insight_text import nudge_line

AS_OF = dt.date(2026, 11, 26)  # a Thursday


def day(number: int) -> dt.date:
    """A day of November 2026."""
    return dt.date(2026, 11, number)


def made(rid: str, when: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(when.year, when.month, when.day, 18, 0, tzinfo=dt.UTC)
    return Reflection(id=rid, date=when, created=created, **parts)  # type: ignore[arg-type]


def action(key: str, status: Status = Status.PLANNED, helped: int | None = None) -> CopingAction:
    return CopingAction(key, key.capitalize(), Category.INDIVIDUAL, "", status, helped)


# --- strain and alignment over time ------------------------------------------------------


def series_journal() -> list[Reflection]:
    return [
        made("a", day(17), strain=4, alignment=7),  # Tuesday, the window's first day
        made("b", day(17), strain=6),  # the same day: daily mean (4 + 6) / 2
        made("c", day(20), strain=8, alignment=5),  # Friday
        made("d", day(24), strain=3),  # Tuesday of the next week
        made("e", day(26)),  # unrated: left out
        made("f", day(16), strain=10, alignment=0),  # the day before the window
        made("g", day(27), strain=10),  # after as_of
    ]


def test_score_series_by_day_and_by_week() -> None:
    series = score_series(series_journal(), "strain", AS_OF, 10)
    assert series.start == day(17)
    assert series.end == AS_OF
    assert series.daily == (5.0, None, None, 8.0, None, None, None, 3.0, None, None)
    # Week of Monday 16th, seen from the 17th: 4, 6, 8; week of the 23rd: 3.
    assert series.weekly == (WeekMean(day(17), 6.0, 3), WeekMean(day(23), 3.0, 1))
    assert series.rated == 4
    assert series.mean == pytest.approx((4 + 6 + 8 + 3) / 4)


def test_score_series_mean_is_the_same_figure_as_stats() -> None:
    journal = series_journal()
    for field in ("strain", "alignment"):
        series = score_series(journal, field, AS_OF, 10)  # type: ignore[arg-type]
        assert series.mean == mean_over_days(journal, field, AS_OF, 10)  # type: ignore[arg-type]


def test_alignment_series_leaves_unrated_days_empty() -> None:
    series = score_series(series_journal(), "alignment", AS_OF, 10)
    assert series.daily[0] == 7.0
    assert series.daily[3] == 5.0
    assert sum(value is not None for value in series.daily) == 2
    assert series.weekly == (WeekMean(day(17), 6.0, 2), WeekMean(day(23), None, 0))


def test_score_series_of_an_empty_journal() -> None:
    series = score_series([], "strain", AS_OF, 30)
    assert len(series.daily) == 30
    assert set(series.daily) == {None}
    assert series.mean is None
    assert series.rated == 0
    assert all(week.mean is None and week.rated == 0 for week in series.weekly)
    # 30 days ending Thursday 26th start on Wednesday 28 October; four Mondays follow.
    starts = [dt.date(2026, 10, 28), day(2), day(9), day(16), day(23)]
    assert [week.start for week in series.weekly] == starts


def test_score_series_of_one_entry() -> None:
    series = score_series([made("only", AS_OF, strain=7)], "strain", AS_OF, 7)
    assert series.daily == (None,) * 6 + (7.0,)
    assert series.weekly[-1] == WeekMean(day(23), 7.0, 1)
    assert series.mean == 7.0


# --- what helps --------------------------------------------------------------------------


def test_what_helps_puts_the_well_rated_first_and_never_promotes_a_single_rating() -> None:
    journal = [
        made(
            "1", day(2), actions=(action("walk", Status.DONE, 2), action("break", Status.DONE, 4))
        ),
        made(
            "2", day(3), actions=(action("walk", Status.DONE, 2), action("break", Status.DONE, 3))
        ),
        made(
            "3", day(4), actions=(action("walk", Status.PARTLY, 2), action("break", Status.DONE, 4))
        ),
        made(
            "4", day(5), actions=(action("break", Status.PARTLY, 3), action("once", Status.DONE, 4))
        ),
        made("5", day(6), actions=(action("peer"), action("peer", Status.SKIPPED))),
    ]
    helps = what_helps(journal)
    assert [outcome.key for outcome in helps] == ["break", "walk", "once", "peer"]
    by_key = {outcome.key: outcome for outcome in helps}
    assert by_key["break"] == ActionOutcome("break", "Break", 4, 4, 4, 3.5)
    assert by_key["break"].enough_ratings
    assert by_key["walk"].helpfulness_mean == 2.0
    # Rated 4 of 4 once: the highest mean, yet not ahead of strategies rated three times.
    assert by_key["once"].helpfulness_mean == 4.0
    assert not by_key["once"].enough_ratings
    assert by_key["peer"] == ActionOutcome("peer", "Peer", 2, 0, 0, None)


def test_what_helps_of_an_empty_journal() -> None:
    assert what_helps([]) == []


# --- values at stake ---------------------------------------------------------------------

CARE = Value("care", "Compassion")
TEAM = Value("team", "Teamwork")


def test_values_at_stake_with_the_alignment_on_those_days() -> None:
    journal = [
        made("1", day(2), values=(CARE, TEAM), alignment=8),
        made("2", day(3), values=(CARE, CARE), alignment=4),  # named twice: counts once
        made("3", day(4), values=(TEAM,)),  # alignment not rated
        made("4", day(5), values=(Value("care", "Care for people"),), alignment=6),
        made("5", day(6), alignment=10),  # no value at stake
    ]
    found = values_at_stake(journal)
    assert [value.key for value in found] == ["care", "team"]
    care, team = found
    assert care.label == "Care for people"  # the newest label
    assert (care.count, care.rated) == (3, 3)
    assert care.alignment_mean == pytest.approx((8 + 4 + 6) / 3)
    assert (team.count, team.rated, team.alignment_mean) == (2, 1, 8.0)


def test_values_at_stake_of_an_empty_journal_and_of_one_entry() -> None:
    assert values_at_stake([]) == []
    (only,) = values_at_stake([made("1", AS_OF, values=(TEAM,))])
    assert (only.count, only.rated, only.alignment_mean) == (1, 0, None)


# --- rhythm ------------------------------------------------------------------------------


def test_working_days_skip_weekends() -> None:
    assert working_days(day(23), 7) == (
        day(13),
        day(16),
        day(17),
        day(18),
        day(19),
        day(20),
        day(23),
    )


def test_rhythm_counts_working_days_and_waits_for_today() -> None:
    journal = [
        made("1", day(25)),  # Wednesday
        made("2", day(23), kind=Kind.CHECK_IN),  # Monday: a check-in counts too
        made("3", day(21)),  # Saturday: not a working day
        made("4", day(19)),
        made("5", day(19)),  # the same day twice counts once
        made("6", day(17)),
        made("7", day(14)),  # a Saturday before the seven days
    ]
    # Nothing yet today (Thursday 26th): the seven working days end on Wednesday 25th.
    assert rhythm(journal, AS_OF) == Rhythm(
        4, (day(17), day(18), day(19), day(20), day(23), day(24), day(25))
    )
    # Once today holds a reflection, today counts and the 17th drops out.
    found = rhythm([*journal, made("8", AS_OF)], AS_OF)
    assert found.reflected == 4
    assert found.days[-1] == AS_OF
    assert found.days[0] == day(18)


def test_rhythm_of_an_empty_journal_and_of_one_entry() -> None:
    assert rhythm([], AS_OF).reflected == 0
    assert len(rhythm([], AS_OF).days) == 7
    assert rhythm([made("1", AS_OF)], AS_OF).reflected == 1
    assert rhythm([made("1", day(27))], AS_OF).reflected == 0  # after as_of


# --- nudges ------------------------------------------------------------------------------


def strained(*pairs: tuple[int, int]) -> list[Reflection]:
    return [made(f"{number}-{strain}", day(number), strain=strain) for number, strain in pairs]


HARD_WEEK = strained((25, 9), (24, 8), (23, 10), (23, 2), (21, 8), (20, 8), (19, 7))


def test_high_strain_run_passes_over_an_unrated_weekend() -> None:
    # Wed 9, Tue 8, Mon 10 (its highest), Sun not rated (passed over), Sat 8, Fri 8; Thu 7 ends it.
    assert high_strain_run(HARD_WEEK, AS_OF) == 5
    assert nudges(HARD_WEEK, AS_OF) == [Nudge("supervision", 5, support_key="F2")]


def test_a_working_day_without_a_rating_ends_the_run() -> None:
    journal = [r for r in HARD_WEEK if r.date != day(20)]
    assert high_strain_run(journal, AS_OF) == 4
    assert nudges(journal, AS_OF) == []


def test_today_counts_once_it_is_rated() -> None:
    assert high_strain_run([*HARD_WEEK, *strained((26, 9))], AS_OF) == 6
    assert high_strain_run([*HARD_WEEK, *strained((26, 3))], AS_OF) == 0
    assert nudges([*HARD_WEEK, *strained((26, 3))], AS_OF) == []


def test_nudges_of_an_empty_journal_and_of_one_entry() -> None:
    assert high_strain_run([], AS_OF) == 0
    assert nudges([], AS_OF) == []
    assert high_strain_run(strained((26, 10)), AS_OF) == 1
    assert nudges(strained((26, 10)), AS_OF) == []


# --- everything together -----------------------------------------------------------------


def test_journal_insights_of_an_empty_journal() -> None:
    insights = journal_insights([], AS_OF, 30)
    assert insights.reflections == 0
    assert insights.strain.mean is None
    assert insights.alignment.mean is None
    assert insights.challenges == []
    assert insights.dimensions == {"individual": 0, "systemic": 0}
    assert insights.helps == []
    assert insights.values == []
    assert insights.rhythm.reflected == 0
    assert insights.nudges == []


def test_journal_insights_of_one_entry() -> None:
    only = made(
        "1",
        day(25),
        strain=6,
        alignment=7,
        values=(TEAM,),
        actions=(action("walk", Status.DONE, 3),),
    )
    insights = journal_insights([only], AS_OF, 30)
    assert insights.reflections == 1
    assert insights.strain.mean == 6.0
    assert insights.alignment.daily[-2] == 7.0
    assert insights.helps == [ActionOutcome("walk", "Walk", 1, 1, 1, 3.0)]
    assert [(v.key, v.alignment_mean) for v in insights.values] == [("team", 7.0)]
    assert insights.rhythm.reflected == 1


def test_journal_insights_window_leaves_older_entries_out_but_not_the_nudges() -> None:
    old = made("old", dt.date(2026, 9, 1), strain=2, values=(CARE,))
    insights = journal_insights([*HARD_WEEK, old], AS_OF, 30)
    assert insights.reflections == len(HARD_WEEK)
    assert [value.key for value in insights.values] == []
    assert insights.nudges == [Nudge("supervision", 5, support_key="F2")]
    assert journal_insights([*HARD_WEEK, old], AS_OF, 90).reflections == len(HARD_WEEK) + 1


def test_support_is_offered_at_strain_9_and_10_and_when_not_coping() -> None:
    from coach.nudges import support_offered

    assert [support_offered(s) for s in (None, 0, 8, 9, 10)] == [False, False, False, True, True]
    # how the person is counts, not only how hard the day was: struggling or not coping
    assert [support_offered(None, f) for f in (None, 0, 1, 2, 3)] == [
        False,
        False,
        False,
        True,
        True,
    ]
    assert support_offered(2, 3)
    assert support_offered(9, 0)


# --- service pressures over four weeks -----------------------------------------------------


def pressured(when: dt.date, *dimensions: Dimension) -> Reflection:
    challenges = tuple(
        Challenge(f"c{index}", f"C{index}", dimension) for index, dimension in enumerate(dimensions)
    )
    return made(f"p-{when}", when, challenges=challenges)


def test_mostly_service_pressures_over_four_weeks_is_said_in_words() -> None:
    sys, ind = Dimension.SYSTEMIC, Dimension.INDIVIDUAL
    month = [pressured(day(3), sys, sys), pressured(day(10), sys, ind), pressured(day(24), sys)]
    assert mostly_service_pressures(month, AS_OF)
    assert Nudge("service_pressures", SERVICE_PRESSURE_DAYS) in nudges(month, AS_OF)
    line = nudge_line(Nudge("service_pressures", SERVICE_PRESSURE_DAYS), load_catalog())
    assert "28 days" in line
    assert "supervision" in line
    assert "manager" in line
    # balanced, too few, or outside the four weeks: nothing said
    assert not mostly_service_pressures([*month, pressured(day(25), ind, ind, ind)], AS_OF)
    assert not mostly_service_pressures([pressured(day(24), sys, sys)], AS_OF)
    old = [pressured(dt.date(2026, 10, 1), sys, sys, sys), pressured(day(24), ind)]
    assert not mostly_service_pressures(old, AS_OF)
    assert journal_insights(month, AS_OF, 7).nudges == [
        Nudge("service_pressures", SERVICE_PRESSURE_DAYS)
    ]
