"""Self-practice, for insights: exercises finished lately and this year, and how much the
programme's target problem troubles me over time (at the start, then after each exercise).

A pure function of the practice records and programmes (any order) and the day it is worked
out on (``today``), so a test can reach every case. The ratings are the practitioner's own
self-monitoring of one chosen problem, never a score of anything else; they are shown as they
were given, with no verdict on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.content import Catalog
from coach.practice import Practice, Programme, open_programme, target_ratings


@dataclass(frozen=True)
class PracticeFigures:
    """Exercises finished in the window and this year, and the current programme's ratings."""

    days: int
    in_window: int
    this_year: int
    year: int
    ratings: tuple[int, ...]  # the target at the start, then after each exercise that rated it


def current_programme(programmes: Iterable[Programme]) -> Programme | None:
    """The programme under way, else the one begun last (None: none): insights still show a
    closed programme's ratings until another begins."""
    ordered = sorted(programmes, key=lambda p: (p.created, p.id))
    return open_programme(ordered) or (ordered[-1] if ordered else None)


def practice_figures(
    practices: Iterable[Practice], programmes: Iterable[Programme], today: dt.date, days: int
) -> PracticeFigures:
    """The figures for the ``days`` days to ``today`` (both ends counted) and ``today``'s year."""
    done = [p for p in practices if p.finished and p.date <= today]
    first = today - dt.timedelta(days=days - 1)
    programme = current_programme(programmes)
    ratings = [rating for _, rating in target_ratings(programme, done)] if programme else []
    return PracticeFigures(
        days=days,
        in_window=sum(1 for p in done if p.date >= first),
        this_year=sum(1 for p in done if p.date.year == today.year),
        year=today.year,
        ratings=tuple(ratings),
    )


def practice_text(figures: PracticeFigures, catalog: Catalog) -> str:
    """The figures in the content's words: one gentle line when nothing is finished yet."""
    if figures.this_year == 0 and not figures.ratings:
        return catalog.prompt("insights.practice_none")
    lines = [catalog.prompt("insights.practice_done", done=figures.in_window, days=figures.days,
                            year=figures.year, year_done=figures.this_year)]  # fmt: skip
    if figures.ratings:
        series = " → ".join(str(rating) for rating in figures.ratings)
        lines.append(catalog.prompt("insights.practice_target", ratings=series))
    return "\n".join(lines)
