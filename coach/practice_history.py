"""Self-practice records in history, beside reflections: which pass the filters, and the one
newest-first stream of both that the history screen pages through.

History reads reflections a year at a time, newest first (``Journal.iter_newest_first`` or
``Journal.search``); a year's practice records are read only when the walk reaches that year,
then merged in by date, so a practice record costs nothing until its year is shown. Only
finished practice is listed: one left half way is resumed from the practice screen. Pure
functions: the reading is handed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from coach.exercises import Exercise, Field, FieldKind
from coach.history_filter import HistoryFilter, filtered
from coach.model import Reflection
from coach.practice import Practice

if TYPE_CHECKING:
    from coach.journal import Journal

PRACTICE_KIND = "practice"  # the kind filter's value for practice records

Row = Reflection | Practice


def sort_key(row: Row) -> tuple[dt.date, dt.datetime, str]:
    """Orders reflections and practice alike, oldest first (reverse it for newest first)."""
    return (row.date, row.created, row.id)


def search_text(practice: Practice) -> str:
    """What a search looks in: the exercise's title and the two reflections, case-folded.
    Never the exercise's answers, which history does not show."""
    return "\n".join((practice.title, practice.personal, practice.practitioner)).casefold()


def practice_passes(practice: Practice, history_filter: HistoryFilter) -> bool:
    """Whether a practice record is listed under the filter: finished, within the dates, no
    reflection kind, challenge, value or action chosen (practice has none), and the text."""
    f = history_filter
    if not practice.finished or f.kind is not None:
        return False
    if f.challenge is not None or f.value is not None or f.action is not None:
        return False
    if f.since is not None and practice.date < f.since:
        return False
    if f.until is not None and practice.date > f.until:
        return False
    return not f.needle or f.needle in search_text(practice)


def with_practice(
    reflections: Iterable[Reflection],
    years: Iterable[int],
    practice_of: Callable[[int], Iterable[Practice]],
    history_filter: HistoryFilter,
) -> Iterator[Row]:
    """``reflections`` (newest first, already filtered) with the practice records that pass
    the filter merged in by date, newest first.

    ``years``: the journal's years; ``practice_of(year)``: that year's practice records, called
    at most once a year and only when the walk reaches it (never for a year before ``since``).
    """
    since = history_filter.since
    waiting = sorted((y for y in years if since is None or y >= since.year), reverse=True)
    pending: list[Practice] = []

    def read_down_to(year: int) -> None:
        read = False
        while waiting and waiting[0] >= year:
            found = practice_of(waiting.pop(0))
            pending.extend(p for p in found if practice_passes(p, history_filter))
            read = True
        if read:
            pending.sort(key=sort_key, reverse=True)

    for reflection in reflections:
        read_down_to(reflection.date.year)
        while pending and sort_key(pending[0]) > sort_key(reflection):
            yield pending.pop(0)
        yield reflection
    read_down_to(dt.MINYEAR)
    yield from pending


def history_rows(journal: Journal, history_filter: HistoryFilter) -> Iterator[Row]:
    """Every row history lists under the filter, newest first: the reflections (searched for
    its text, when there is some) with the finished practice records merged in, each year's
    file read only as the walk reaches it."""
    needle = history_filter.needle
    source = journal.search(needle) if needle else journal.iter_newest_first()
    if history_filter.practice_only:  # no reflection can pass: none is read
        source = iter(())
    reflections = filtered(source, history_filter, newest_first=True, text_checked=True)

    def practice_of(year: int) -> list[Practice]:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return journal.records(Practice, since=first, until=last)

    return with_practice(reflections, journal.years(), practice_of, history_filter)


def answered_steps(
    practice: Practice, exercise: Exercise | None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each step taken, in order, with its answers: ``(step title, [(field label, answer)])``.

    Titles and labels are the exercise's as the content gives them now; a step or field the
    content no longer has is named by its id, so nothing that was written is ever hidden. A
    list is one item a line; a choice is said in its words.
    """
    steps = {step.id: step for step in exercise.steps} if exercise is not None else {}
    shown: list[tuple[str, list[tuple[str, str]]]] = []
    for step_id in dict.fromkeys(practice.taken):
        step = steps.get(step_id)
        fields = {f.id: f for f in step.fields} if step is not None else {}
        given = practice.answers.get(step_id) or {}
        order = [*fields, *(key for key in given if key not in fields)]
        lines: list[tuple[str, str]] = []
        for field_id in order:
            answer = given.get(field_id) if isinstance(given, Mapping) else None
            if answer is None or answer in ("", [], ()):
                continue
            asked = fields.get(field_id)
            lines.append((asked.label if asked else field_id, answer_text(asked, answer)))
        shown.append((step.title if step is not None else step_id, lines))
    return shown


def answer_text(asked: Field | None, answer: Any) -> str:
    """One answer as text: a list one item a line, a choice in its words, a number as it is."""
    if isinstance(answer, list | tuple):
        return "\n".join(f"- {item}" for item in answer)
    if asked is not None and asked.kind is FieldKind.CHOICE:
        return dict(asked.choices).get(str(answer), str(answer))
    return str(answer)
