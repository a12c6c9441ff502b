"""Snapshots of the not-alone tools at 80x24 and 120x40: my people with a log, preparing for
supervision over the demo's last weeks, and a CPD write-up begun from history.

Stable by construction: a fixed clock, the demo year ending on that date, records with fixed
ids and days, a journal at a fixed path, and no cursor blink.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from coach.content import Catalog
from coach.demo import demo_reflections
from coach.journal import Journal
from coach.people import Contact, ReachOut
from coach.supervision import SupervisionSession
from coach.vocabulary import Role, SupervisionType
from tests.tui.conftest import (
    FIXED_NOW,
    SIZES,
    SnapCompare,
    journal_at_fixed_path,
    make_app,
    settle,
    snap,
    steady,
)

TODAY = FIXED_NOW.date()


@pytest.fixture
def not_alone_journal(catalog: Catalog) -> Iterator[Journal]:
    """The demo year, two people (one named with markup) and their log, and a session."""
    with journal_at_fixed_path("pwp-coach-snapshots-not-alone") as journal:
        journal.import_reflections(demo_reflections(catalog, end=TODAY))
        sam = Contact("p-sam", "Sam [b]not bold[/b]", Role.PEER, "Teams, or the kitchen at 1")
        priya = Contact("p-priya", "Priya", Role.SUPERVISOR, "Thursdays, room 4")
        for contact in (sam, priya):
            journal.save_record(contact)
        for days_ago, who, note in ((9, sam, "Coffee after clinic; it helped"), (20, priya, "")):
            day = TODAY - dt.timedelta(days=days_ago)
            when = FIXED_NOW - dt.timedelta(days=days_ago)
            journal.save_record(
                ReachOut(f"ro-{days_ago}", day, when, who.name, contact=who.id, note=note)
            )
        session_day = TODAY - dt.timedelta(days=14)
        journal.save_record(
            SupervisionSession("s-1", session_day, SupervisionType.CASE_MANAGEMENT, 60, "Risk")
        )
        yield journal


@pytest.mark.parametrize("size", SIZES)
def test_people(
    snap_compare: SnapCompare, not_alone_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, not_alone_journal, catalog, size, "t", "p")


@pytest.mark.parametrize("size", SIZES)
def test_supervision_prep(
    snap_compare: SnapCompare, not_alone_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, not_alone_journal, catalog, size, "t", "s", "p")


@pytest.mark.parametrize("size", SIZES)
def test_cpd_write_up(
    snap_compare: SnapCompare, not_alone_journal: Journal, catalog: Catalog, size: Any
) -> None:
    typed = steady(*"Ran my first group [b]alone[/b]")

    async def run_before(pilot: Pilot[None]) -> None:
        """Open the write-up, and type only once its boxes are built (they wait for the
        settings, which say the model), so no key is lost to a box not there yet."""
        await settle(pilot)
        for key in ("h", "c"):
            await pilot.press(key)
            await settle(pilot)
        await typed(pilot)

    app = make_app(not_alone_journal, catalog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
