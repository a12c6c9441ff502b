"""The demo year: the same for a seed, varied like a real one, valid; real journals untouched."""

from __future__ import annotations

import argparse
import datetime as dt
import stat
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from coach.content import Catalog, load_catalog
from coach.demo import (
    HARD_STRETCH_WEEKS_AGO,
    demo_core_values,
    demo_reflections,
    demo_time_away,
)
from coach.journal import Journal, resolve_data_dir
from coach.model import Dimension, Kind, Reflection, Status
from coach.nudges import HIGH_STRAIN_RUN, high_strain_run
from coach.time_away import Break, Closing, Leave

END = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def year(catalog: Catalog) -> list[Reflection]:
    return demo_reflections(catalog, end=END)


def test_the_same_seed_gives_the_same_year(catalog: Catalog, year: list[Reflection]) -> None:
    assert demo_reflections(catalog, end=END) == year
    other = demo_reflections(catalog, end=END, seed=7)
    assert [r.to_dict() for r in other] != [r.to_dict() for r in year]
    assert demo_core_values(catalog) == demo_core_values(catalog)


def test_a_year_of_working_days_oldest_first(year: list[Reflection]) -> None:
    assert 120 <= len(year) <= 260
    assert year == sorted(year, key=lambda r: r.sort_key)
    assert year[0].date >= END - dt.timedelta(days=365)
    assert year[-1].date < END  # today is left for the user
    assert all(r.date.weekday() < 5 for r in year)
    assert len({r.id for r in year}) == len(year)


def test_leave_leaves_gaps(year: list[Reflection]) -> None:
    days = sorted({r.date for r in year})
    longest_gap = max((later - earlier).days for earlier, later in pairwise(days))
    assert longest_gap >= 9  # at least a week off, with its weekends
    assert not any(dt.date(END.year - 1, 12, 25) == r.date for r in year)


def test_the_year_is_varied(catalog: Catalog, year: list[Reflection]) -> None:
    kinds = Counter(r.kind for r in year)
    assert 5 <= kinds[Kind.CHECK_IN] <= len(year) // 4
    challenges = {c.key for r in year for c in r.challenges}
    assert len(challenges) >= 12
    assert {c.dimension for r in year for c in r.challenges} == set(Dimension)
    assert len({v.key for r in year for v in r.values}) >= 4
    assert len({a.key for r in year for a in r.actions}) >= 12
    assert len({r.strain for r in year}) >= 6
    assert any(r.narrative for r in year)
    assert any(r.meaning for r in year)
    assert any(r.appraisal is not None for r in year)
    known = {c.key for c in catalog.challenges}
    assert all(c.key in known or c.key.startswith("own:") for r in year for c in r.challenges)


def test_actions_are_followed_up_except_the_newest(year: list[Reflection]) -> None:
    *older, newest = year
    assert newest.actions
    assert all(a.status is Status.PLANNED for a in newest.actions)
    statuses = Counter(a.status for r in older for a in r.actions)
    assert statuses[Status.PLANNED] == 0
    assert statuses[Status.DONE] > statuses[Status.PARTLY] > 0
    assert statuses[Status.SKIPPED] > 0
    ratings = [a.helpfulness for r in older for a in r.actions if a.status is Status.DONE]
    assert any(rating is None for rating in ratings)
    assert {rating for rating in ratings if rating is not None} <= set(range(5))
    skipped = [a for r in older for a in r.actions if a.status is Status.SKIPPED]
    assert all(a.helpfulness is None for a in skipped)


def test_one_hard_week_in_the_past(year: list[Reflection]) -> None:
    start = END - dt.timedelta(weeks=HARD_STRETCH_WEEKS_AGO)
    end_of_week = start + dt.timedelta(days=6)
    assert high_strain_run(year, end_of_week) >= HIGH_STRAIN_RUN
    assert high_strain_run(year, END) < HIGH_STRAIN_RUN


def test_every_reflection_survives_the_journal(tmp_path: Path, year: list[Reflection]) -> None:
    with Journal(tmp_path / "data") as journal:
        report = journal.import_reflections(year)
        assert report.added == len(year)
        assert list(journal.iter_newest_first()) == year[::-1]


def test_many_years_of_daily_reflections_for_benchmarks(catalog: Catalog) -> None:
    daily = demo_reflections(catalog, end=END, years=2, reflect_chance=1.0, weekends=True)
    assert len(daily) == 2 * 365
    assert len({r.date for r in daily}) == 2 * 365


# --- coach --demo ------------------------------------------------------------------------


def demo_args() -> argparse.Namespace:
    return argparse.Namespace(content=None, data_dir=None, demo=True)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


async def test_demo_opens_a_throwaway_journal_and_never_creates_the_real_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.tui.launch import opened_app

    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "real"))
    real = resolve_data_dir()
    assert real == tmp_path / "real"
    with opened_app(demo_args()) as app:
        demo_dir = app.journal.data_dir
        assert not demo_dir.is_relative_to(real)
        assert stat.S_IMODE(demo_dir.parent.stat().st_mode) == 0o700
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.app.workers.wait_for_complete()
            assert app.journal.count() > 100
            assert app.journal.settings()["core_values"]
    assert not demo_dir.exists()  # thrown away on the way out
    assert not real.exists()


async def test_demo_leaves_an_existing_real_journal_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.tui.launch import opened_app

    real = tmp_path / "real"
    with Journal(real) as journal:
        journal.add(Reflection.new(END, narrative="mine"))
    before = files_of(real)
    monkeypatch.setenv("COACH_DATA_DIR", str(real))
    with opened_app(demo_args()) as app:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("h")
            await pilot.app.workers.wait_for_complete()
            assert app.journal.data_dir != real
    assert files_of(real) == before


def test_the_demo_takes_time_away_on_the_days_it_writes_nothing(
    catalog: Catalog, year: list[Reflection], tmp_path: Path
) -> None:
    away = demo_time_away(catalog, end=END)
    assert away == demo_time_away(catalog, end=END)  # the same for a seed
    leave = [r for r in away if isinstance(r, Leave)]
    breaks = [r for r in away if isinstance(r, Break)]
    closings = [r for r in away if isinstance(r, Closing)]
    assert any(period.start > END for period in leave)  # leave to look forward to
    written = {r.date for r in year if r.kind is Kind.REFLECTION and r.date.weekday() < 5}
    on_leave = {period.start + dt.timedelta(days=n) for period in leave for n in range(period.days)}
    hard = {
        END - dt.timedelta(weeks=HARD_STRETCH_WEEKS_AGO) + dt.timedelta(days=n) for n in range(7)
    }
    assert not (written - hard) & on_leave  # nobody reflects on work from the beach
    recent = END - dt.timedelta(weeks=8)
    for record in (*breaks, *closings):
        day = record.date
        assert recent <= day < END
        assert day.weekday() < 5
        assert day not in on_leave
    assert breaks
    assert closings
    with Journal(tmp_path / "demo") as journal:
        report = journal.import_records(away)
        assert report.added == len(away)
        assert journal.records(Leave) == leave
