"""Snapshots of the dialogs at 60x20, 80x24 and 120x40, and of home and a step in each theme.

Each dialog must fit the smallest size with its buttons in sight and its own keys (and F2) in
its footer. Stable by construction, as the other snapshots: a fixed clock, a journal at a fixed
path, no cursor blink.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from coach.content import Catalog
from coach.draft import ReflectionDraft
from coach.journal import Journal, beside
from coach.people import Contact
from coach.tui.screens.core_values import CoreValuesScreen
from coach.vocabulary import Role
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

THEMES = ("textual-dark", "textual-light", "high-contrast")


@pytest.fixture
def fixed_journal() -> Iterator[Journal]:
    """A journal at the same path every run, emptied first."""
    with journal_at_fixed_path("pwp-coach-snapshots-dialogs") as journal:
        yield journal


def keep_draft(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft kept at the fixed moment (the dialog says when it was kept)."""
    monkeypatch.setattr(beside, "_now", lambda: FIXED_NOW)
    journal.save_draft(ReflectionDraft(day=FIXED_NOW.date(), strain=4).to_state())


@pytest.mark.parametrize("size", SIZES)
def test_resume_draft(
    snap_compare: SnapCompare,
    fixed_journal: Journal,
    catalog: Catalog,
    size: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep_draft(fixed_journal, monkeypatch)
    assert snap(snap_compare, fixed_journal, catalog, size)


@pytest.mark.parametrize("size", SIZES)
def test_discard_draft_asked_again(
    snap_compare: SnapCompare,
    fixed_journal: Journal,
    catalog: Catalog,
    size: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep_draft(fixed_journal, monkeypatch)
    assert snap(snap_compare, fixed_journal, catalog, size, "d")


@pytest.mark.parametrize("size", SIZES)
def test_core_values(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    """Opened as settings' button opens it, but pushed, not pressed: a pressed button's
    shade lingers a moment behind the dialog, and a snapshot must not depend on when."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)  # home's summary read first, as it is before a user can press s
        await pilot.app.push_screen(CoreValuesScreen([catalog.values[1].key]))
        await steady()(pilot)

    app = make_app(fixed_journal, catalog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_leave_form(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    assert snap(snap_compare, fixed_journal, catalog, size, "l", "a")


@pytest.mark.parametrize("size", SIZES)
def test_contact_form(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, size: Any
) -> None:
    fixed_journal.save_record(Contact.new(name="Sam", role=Role.PEER))
    assert snap(snap_compare, fixed_journal, catalog, size, "t", "p", "a")


@pytest.mark.parametrize("theme", THEMES)
def test_home_in_each_theme(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, theme: str
) -> None:
    app = make_app(fixed_journal, catalog)
    app.theme = theme
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady())


@pytest.mark.parametrize("theme", THEMES)
def test_first_step_in_each_theme(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, theme: str
) -> None:
    app = make_app(fixed_journal, catalog)
    app.theme = theme
    keys = ("r", "tab", "space", "down", "space")  # two ticked, one not: told apart by glyph
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady(*keys))


# Each step and dialog in the other two themes at 80x24 (the sizes are covered in the default
# theme above and in test_snapshots_reflection): what to set up, and the keys from home.
IN_EACH_THEME: dict[str, tuple[str, ...]] = {
    "challenges": ("r",),
    "values": ("r", "ctrl+n"),
    "coping": ("r", "ctrl+n", "ctrl+n"),
    "summary": ("r", "ctrl+n", "ctrl+n", "ctrl+n"),
    "check_in": ("c",),
    "leave_form": ("l", "a"),
    "contact_form": ("t", "p", "a"),
    "break_choice": ("f3",),
}


@pytest.mark.parametrize("theme", THEMES[1:])
@pytest.mark.parametrize("shown", list(IN_EACH_THEME))
def test_steps_and_dialogs_in_each_theme(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, theme: str, shown: str
) -> None:
    app = make_app(fixed_journal, catalog)
    app.theme = theme
    keys = IN_EACH_THEME[shown]
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady(*keys))


@pytest.mark.parametrize("theme", THEMES[1:])
def test_resume_draft_in_each_theme(
    snap_compare: SnapCompare,
    fixed_journal: Journal,
    catalog: Catalog,
    theme: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep_draft(fixed_journal, monkeypatch)
    app = make_app(fixed_journal, catalog)
    app.theme = theme
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady())


@pytest.mark.parametrize("theme", THEMES[1:])
def test_core_values_in_each_theme(
    snap_compare: SnapCompare, fixed_journal: Journal, catalog: Catalog, theme: str
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.app.push_screen(CoreValuesScreen([catalog.values[1].key]))
        await steady()(pilot)

    app = make_app(fixed_journal, catalog)
    app.theme = theme
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
