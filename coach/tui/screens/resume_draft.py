"""Offer to resume a reflection an earlier run left unsaved, or to let it go.

Letting it go throws away what was written, so it is asked again first (one press of ``d`` or
of the button never discards); resuming, the safe choice, has the focus.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from coach.dates import clock_time, day_and_month, long_date
from coach.draft import ReflectionDraft
from coach.tui.base import CoachModal
from coach.tui.screens.confirm import ConfirmScreen
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
        catalog = self.app.catalog
        kind = catalog.kind_word(self.draft.kind, "noun")
        with Vertical(classes="dialog"):
            yield Literal(catalog.prompt("draft.resume", saved=when))
            yield Literal(catalog.prompt("draft.unsaved", kind=kind, day=long_date(self.draft.day)))
            with Horizontal(classes="step-buttons"):
                yield Button(catalog.prompt("draft.resume_button"), id="resume", variant="primary")
                yield Button(catalog.prompt("draft.discard_button"), id="discard", variant="error")

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
        self.action_discard()

    def action_resume(self) -> None:
        """Carry on where it was left."""
        self.dismiss(True)

    def action_discard(self) -> None:
        """Let the draft go, once the user says so a second time."""
        catalog = self.app.catalog
        kind = catalog.kind_word(self.draft.kind, "noun")
        asked = ConfirmScreen(
            catalog.prompt("draft.discard_question", kind=kind),
            confirm=catalog.prompt("draft.discard_confirm"),
            keep=catalog.prompt("draft.discard_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(False)

        self.app.push_screen(asked, answered)

    def action_later(self) -> None:
        """Close without deciding: the draft stays on disk and is offered again."""
        self.dismiss(None)
