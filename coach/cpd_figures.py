"""This year's CPD, for insights: how many reflections were written up as CPD entries and the
hours they count for, beside the targets the user set.

A pure function of the reflections (any order), the settings and the day it is worked out on
(``today``), so a test can reach every case. A target of None means the user set none: the
figure is then given alone, never as a shortfall. Hours left empty on a write-up count as
none; the figures describe what was written up, they never judge it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.content import Catalog
from coach.model import MOST_CPD_HOURS, Reflection
from coach.practice import Practice
from coach.settings import Settings


@dataclass(frozen=True)
class CpdYear:
    """One calendar year's CPD entries and hours so far, and the user's yearly targets."""

    year: int
    entries: int
    hours: float
    entries_target: int | None
    hours_target: int | None


def cpd_year(
    reflections: Iterable[Reflection | Practice], settings: Settings, today: dt.date
) -> CpdYear:
    """The CPD entries of ``today``'s year dated up to ``today`` (reflections and practice
    records alike), their hours, and the targets."""
    written_up = [
        reflection.cpd
        for reflection in reflections
        if reflection.cpd is not None
        and reflection.date.year == today.year
        and reflection.date <= today
    ]
    return CpdYear(
        year=today.year,
        entries=len(written_up),
        hours=sum(cpd.hours for cpd in written_up if cpd.hours is not None),
        entries_target=settings.cpd_entries_per_year,
        hours_target=settings.cpd_hours_per_year,
    )


def hours_text(hours: float) -> str:
    """Hours as a person writes them: ``1.5``, ``2``, never ``2.0`` or ``0.30000000000000004``."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def read_hours(typed: str) -> float | None:
    """The hours typed for a write-up: empty is none given; else a number from 0 to the
    model's most (``1.5``, ``2``). ``ValueError`` when it is not one."""
    text = typed.strip()
    if not text:
        return None
    hours = float(text)  # ValueError for words
    if not 0 <= hours <= MOST_CPD_HOURS:  # also refuses nan and inf
        raise ValueError(f"{typed!r} is not from 0 to {MOST_CPD_HOURS:g}")
    return hours


def cpd_year_text(figures: CpdYear, catalog: Catalog) -> str:
    """The year's CPD in the content's words: entries, then hours, each against its target
    when the user set one; one gentle line when nothing is written up yet."""
    year = figures.year
    if figures.entries == 0:
        return catalog.prompt("insights.cpd_none", year=year)
    lines = []
    for figure, target, key, shown in (
        ("entries", figures.entries_target, "insights.cpd_entries", str(figures.entries)),
        ("hours", figures.hours_target, "insights.cpd_hours", hours_text(figures.hours)),
    ):
        if target is None:
            lines.append(catalog.prompt(key, year=year, **{figure: shown}))
        else:
            lines.append(
                catalog.prompt(f"{key}_target", year=year, target=target, **{figure: shown})
            )
    return "\n".join(lines)
