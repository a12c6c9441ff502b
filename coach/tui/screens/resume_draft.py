"""Offer to resume a reflection an earlier run left unsaved, or to let it go."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from coach.dates import clock_time, day_and_month
from coach.draft import ReflectionDraft
from coach.tui.widgets.literal import Literal

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class ResumeDraftScreen(ModalScreen[bool]):
    """Dismisses with True to resume, False to discard."""

    app: CoachApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "resume", "Resume", id="draft.resume", show=False),
        Binding("d", "discard", "Discard", id="draft.discard"),
        Binding("escape", "later", "Decide later", id="draft.later"),
    ]

    def __init__(self, saved: dt.datetime, draft: ReflectionDraft) -> None:
        super().__init__()
        self.saved = saved
        self.draft = draft

    def compose(self) -> ComposeResult:
        """When it was saved, what it holds, and the two choices."""
        saved = self.saved.astimezone()
        when = f"{day_and_month(saved)} at {clock_time(saved)}"
        kind = self.app.catalog.kind_word(self.draft.kind, "noun")
        with Vertical(classes="dialog"):
            yield Literal(self.app.catalog.prompt("draft.resume", saved=when))
            yield Literal(f"An unsaved {kind} for {self.draft.day.isoformat()}.")
            with Horizontal(classes="step-buttons"):
                yield Button("Discard", id="discard", variant="error")
                yield Button("Resume", id="resume", variant="primary")

    def on_mount(self) -> None:
        """Resume is the safe default."""
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Resume or discard."""
        event.stop()
        self.dismiss(event.button.id == "resume")

    def action_resume(self) -> None:
        """Carry on where it was left."""
        self.dismiss(True)

    def action_discard(self) -> None:
        """Let the draft go."""
        self.dismiss(False)

    def action_later(self) -> None:
        """Close without deciding: the draft stays on disk and is offered again."""
        self.app.pop_screen()
