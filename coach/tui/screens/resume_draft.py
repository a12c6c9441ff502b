"""Offer to resume a reflection an earlier run left unsaved, or to let it go."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from coach.dates import clock_time, day_and_month
from coach.draft import ReflectionDraft
from coach.tui.base import CoachModal
from coach.tui.widgets.literal import Literal


class ResumeDraftScreen(CoachModal[bool | None]):
    """Dismisses with True to resume, False to discard, None to decide later."""

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

    @on(Button.Pressed, "#resume")
    def _resume_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#discard")
    def _discard_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_resume(self) -> None:
        """Carry on where it was left."""
        self.dismiss(True)

    def action_discard(self) -> None:
        """Let the draft go."""
        self.dismiss(False)

    def action_later(self) -> None:
        """Close without deciding: the draft stays on disk and is offered again."""
        self.dismiss(None)
