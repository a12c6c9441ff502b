"""Self-practice in history and insights, headless: the merge of practice records into
history's newest-first reflections (a year read only when reached), the filters, the steps
and answers a record shows, the insights figures, and practice written up for CPD."""

from __future__ import annotations

import datetime as dt

from coach.content import load_catalog
from coach.exercises import Exercise, Field, FieldKind, Step
from coach.exports.cpd import cpd_statements
from coach.history_filter import HistoryFilter
from coach.model import CpdModel, CpdWriteUp, Kind, Reflection
from coach.practice import Practice, Programme
from coach.practice_figures import practice_figures, practice_text
from coach.practice_history import answered_steps, practice_passes, with_practice

TODAY = dt.date(2026, 11, 26)


def at(day: str, hour: int = 18) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), dt.UTC)


def reflection(rid: str, day: str) -> Reflection:
    return Reflection(id=rid, date=dt.date.fromisoformat(day), created=at(day))


def practice(pid: str, day: str, *, finished: bool = True, after: int | None = None,
             programme: str = "", cpd: CpdWriteUp | None = None) -> Practice:  # fmt: skip
    return Practice(id=pid, date=dt.date.fromisoformat(day), created=at(day, 12),
                    exercise="worry-tree", title="The worry tree", finished=finished,
                    personal="Slower than I expected", practitioner="Patients need time",
                    target_after=after, programme=programme, cpd=cpd)  # fmt: skip


ANY = HistoryFilter()


def merged(
    reflections: list[Reflection], practices: list[Practice], history_filter: HistoryFilter = ANY
) -> tuple[list[str], list[int]]:
    asked: list[int] = []

    def practice_of(year: int) -> list[Practice]:
        asked.append(year)
        return [p for p in practices if p.date.year == year]

    years = sorted({r.date.year for r in reflections} | {p.date.year for p in practices})
    rows = with_practice(reflections, years, practice_of, history_filter)
    return [row.id for row in rows], asked


def test_practice_is_merged_newest_first_and_a_year_is_read_once_when_reached() -> None:
    reflections = [reflection("r3", "2026-11-20"), reflection("r2", "2026-11-10"),
                   reflection("r1", "2024-03-01")]  # fmt: skip
    practices = [practice("p-new", "2026-11-25"), practice("p-mid", "2026-11-10"),
                 practice("p-2025", "2025-06-01"), practice("p-old", "2023-01-01"),
                 practice("p-half", "2026-11-21", finished=False)]  # fmt: skip
    ids, asked = merged(reflections, practices)
    # p-mid was begun at noon, r2 written at six: the reflection is newer.
    assert ids == ["p-new", "r3", "r2", "p-mid", "p-2025", "r1", "p-old"]
    assert asked == [2026, 2025, 2024, 2023]


def test_a_year_is_not_read_until_the_walk_reaches_it() -> None:
    reflections = [reflection("r3", "2026-11-20"), reflection("r1", "2024-03-01")]
    asked: list[int] = []

    def practice_of(year: int) -> list[Practice]:
        asked.append(year)
        return []

    rows = with_practice(iter(reflections), [2026, 2025, 2024], practice_of, HistoryFilter())
    assert next(rows).id == "r3"
    assert asked == [2026]


def test_the_filters_for_practice() -> None:
    done = practice("p", "2026-11-10")
    assert practice_passes(done, HistoryFilter(practice_only=True))
    assert practice_passes(done, HistoryFilter(text="PATIENTS need"))
    assert not practice_passes(done, HistoryFilter(text="nowhere"))
    assert not practice_passes(done, HistoryFilter(kind=Kind.REFLECTION))
    assert not practice_passes(done, HistoryFilter(challenge="caseload"))
    assert not practice_passes(done, HistoryFilter(since=dt.date(2026, 11, 11)))
    assert not practice_passes(done, HistoryFilter(until=dt.date(2026, 11, 9)))
    assert not practice_passes(practice("h", "2026-11-10", finished=False), HistoryFilter())
    ids, asked = merged([], [done, practice("old", "2020-01-01")],
                        HistoryFilter(since=dt.date(2026, 1, 1)))  # fmt: skip
    assert ids == ["p"]
    assert asked == [2026]  # a year before "since" is never read


def test_the_steps_and_answers_a_record_shows() -> None:
    exercise = Exercise(
        id="worry-tree", title="The worry tree", purpose="",
        steps=(Step(id="name", title="Name the worry", fields=(
            Field("worry", FieldKind.TEXT, "The worry"),
            Field("type", FieldKind.CHOICE, "Now or what if?",
                  choices=(("current", "A problem I have now"),)),
            Field("ideas", FieldKind.LIST, "Ideas"))),),
    )  # fmt: skip
    record = Practice(id="p", date=TODAY, created=at("2026-11-26"), exercise="worry-tree",
                      title="The worry tree", taken=("name", "gone"),
                      answers={"name": {"ideas": ["a", "b"], "worry": "[bold]x", "type": "current"},
                               "gone": {"old": 7}})  # fmt: skip
    assert answered_steps(record, exercise) == [
        ("Name the worry", [("The worry", "[bold]x"), ("Now or what if?", "A problem I have now"),
                            ("Ideas", "- a\n- b")]),
        ("gone", [("old", "7")]),
    ]  # fmt: skip
    assert answered_steps(record, None)[0][0] == "name"


def test_the_insights_figures() -> None:
    programmes = [
        Programme(id="old", created=at("2026-01-01"), target_start=9, closed=True),
        Programme(id="now", created=at("2026-10-01"), target_start=8),
    ]
    practices = [
        practice("a", "2026-10-02", after=7, programme="now"),
        practice("b", "2026-11-20", after=5, programme="now"),
        practice("c", "2026-11-21", programme="now"),  # not rated
        practice("d", "2026-11-22", after=1, programme="now", finished=False),
        practice("e", "2026-02-01", after=2, programme="old"),
        practice("f", "2025-12-30"),
        practice("g", "2026-11-27"),  # after today
    ]
    figures = practice_figures(practices, programmes, TODAY, 30)
    assert (figures.in_window, figures.this_year, figures.year) == (2, 4, 2026)
    assert figures.ratings == (8, 7, 5)
    text = practice_text(figures, load_catalog())
    assert "2 in the last 30 days, 4 in 2026" in text
    assert "8 → 7 → 5" in text
    nothing = practice_figures([], [], TODAY, 30)
    assert nothing.ratings == ()
    assert "No exercises finished yet" in practice_text(nothing, load_catalog())


def test_practice_written_up_for_cpd_is_in_the_cpd_export() -> None:
    write_up = CpdWriteUp(model=CpdModel.WHAT_SO_WHAT, what="PRACTISED the worry tree")
    made = cpd_statements(
        [reflection("r", "2026-11-01")],
        load_catalog(),
        practice=[practice("p", "2026-11-03", cpd=write_up), practice("q", "2026-11-04")],
        since=dt.date(2026, 11, 2),
    )
    assert "PRACTISED the worry tree" in made.text
    assert "Self-practice: The worry tree" in made.text
    assert "1 entry" in made.text
    assert ("CPD entry of 3 Nov 2026", "What?", "PRACTISED the worry tree") in made.pieces
