"""Summary: the whole reflection as history will show it, then save (in a worker)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Button

from coach.model import Reflection, Step
from coach.tui.screens.step import SavingStepScreen
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.reflection_view import ReflectionView


class SummaryScreen(SavingStepScreen):
    """Read it through; save it; hear your values back."""

    STEP: ClassVar[Step | None] = Step.SUMMARY

    def compose_step(self) -> ComposeResult:
        """The reflection laid out by phase."""
        title = self.app.catalog.prompt("summary.title")
        yield Literal(title, classes="step-title")
        self.reflection = self.draft.to_reflection(created=self.app.clock())
        yield ReflectionView(self.reflection, self.app.catalog, id="summary-view")
        yield Literal("", id="closing")

    def on_mount(self) -> None:
        """The save button has the focus: enter saves."""
        self.query_one("#next", Button).focus()

    def reflection_to_save(self) -> Reflection:
        """Exactly the reflection shown."""
        return self.reflection
