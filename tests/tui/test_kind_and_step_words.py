"""The words for each kind of entry and each step come from the content, in every place shown.

A service's overlay renames the quick check-in and a step; history's column and filter, the
entry's heading and its delete question, the offer to resume a draft and the line of steps
all say the new words, so none of them keeps a word of its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, OptionList

from coach.content import load_catalog
from coach.draft import ReflectionDraft
from coach.journal import Journal
from coach.model import Kind, Reflection, Step
from coach.tui.app import CoachApp
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.resume_draft import ResumeDraftScreen
from coach.tui.screens.step import screen_for
from coach.tui.widgets.steps import StepIndicator
from tests.tui.conftest import FIXED_NOW, fixed_clock, settle

OVERLAY = """[prompts]
kind.check-in.title = "Pulse check"
kind.check-in.noun = "pulse check"
kind.check-in.short = "pulse"
step.values = "Why it matters"
"""


def shown_text(app: CoachApp) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query("Literal, Static"))


async def test_a_services_words_for_kinds_and_steps_are_used_everywhere(tmp_path: Path) -> None:
    overlay = tmp_path / "service"
    overlay.mkdir()
    (overlay / "prompts.toml").write_text(OVERLAY, encoding="utf-8")
    catalog = load_catalog(overlay)
    earlier = Reflection(
        id="pulse",
        date=FIXED_NOW.date() - dt.timedelta(days=1),
        created=FIXED_NOW,
        strain=2,
        kind=Kind.CHECK_IN,
    )
    with Journal(tmp_path / "data") as journal:
        journal.add(earlier)
        app = CoachApp(journal, catalog, clock=fixed_clock, offer_draft=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("h")
            await settle(pilot)
            table = app.screen.query_one("#history-table", DataTable)
            assert table.get_row("pulse")[1].plain == "pulse"
            kinds = app.screen.query_one("#filter-kind SelectOverlay", OptionList)
            offered = [str(kinds.get_option_at_index(i).prompt) for i in range(kinds.option_count)]
            assert offered[1:] == ["Reflection", "Pulse check", "Imported note", "Self-practice"]
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, EntryDetailScreen)
            assert "Pulse check · " in shown_text(app)
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert "Delete the pulse of " in shown_text(app)

        journal.save_draft(
            ReflectionDraft(kind=Kind.CHECK_IN, day=FIXED_NOW.date(), strain=3).to_state()
        )
        app = CoachApp(journal, catalog, clock=fixed_clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ResumeDraftScreen)
            assert "An unsaved pulse check for " in shown_text(app)
            await pilot.press("d")
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            steps = str(app.screen.query_one(StepIndicator).render())
            assert (
                "1 What was hard  ›  2 Why it matters  ›  3 What will help  ›  4 Summary" in steps
            )


def test_every_step_has_the_screen_that_names_it() -> None:
    for step in Step:
        assert screen_for(step).STEP is step
