"""Ask before something that cannot be undone, such as deleting an entry."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from coach.tui.base import CoachModal
from coach.tui.widgets.literal import Literal


class ConfirmScreen(CoachModal[bool]):
    """A question with two answers; dismisses True only when the user confirms.

    Keeping is the default: enter on the focused button, ``n`` and escape all keep.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.cancel"),
    ]

    def __init__(self, question: str, *, confirm: str = "Delete", keep: str = "Keep") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm
        self.keep_label = keep

    def compose(self) -> ComposeResult:
        """The question (plain text) and the two buttons."""
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Literal(self.question, id="confirm-question")
            with Horizontal(classes="step-buttons"):
                keep = Content(f"{self.keep_label}  (n)")
                confirm = Content(f"{self.confirm_label}  (y)")
                yield Button(keep, id="keep", variant="primary", action="screen.answer(False)")
                yield Button(confirm, id="confirm", variant="error", action="screen.answer(True)")

    def on_mount(self) -> None:
        """The safe answer has the focus."""
        self.query_one("#keep", Button).focus()

    def action_answer(self, confirmed: bool) -> None:
        """Answer, by key or by button."""
        self.dismiss(confirmed)
