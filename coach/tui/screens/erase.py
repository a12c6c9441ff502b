"""Ask before erasing the whole journal: the user types a word, the same one ``coach erase`` asks.

The dialog says what will go and what deleting cannot promise (the content's words, scrolled
on a small terminal), then waits for the word. Enter in the box or the Erase button confirms;
anything but the word is said in the dialog, in the question's place, and deletes nothing;
escape or Keep closes it. It fits 80x24 whole: the box and buttons are compact. It dismisses
True only when the word was typed: the screen that opened it does the erasing (in a background
worker).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input

from coach.journal.erase import CONFIRM_WORD, is_confirmed
from coach.tui.base import CoachModal
from coach.tui.widgets.literal import Literal


class EraseScreen(CoachModal[bool]):
    """Dismisses True once the confirmation word is typed and confirmed; False on keep."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep my journal", id="erase.keep"),
    ]

    def compose(self) -> ComposeResult:
        """What goes, what deleting cannot promise, the word to type, and the two buttons."""
        words = self.app.catalog
        with Vertical(classes="dialog", id="erase-dialog"):
            yield Literal(words.prompt("erase.title"), id="erase-title")
            with VerticalScroll(id="erase-words"):  # scrolls on a small terminal
                yield Literal(words.prompt("erase.what_goes"), id="erase-what-goes")
                yield Literal(words.prompt("erase.caveats"), id="erase-caveats")
            yield Literal(words.prompt("erase.type_word", word=CONFIRM_WORD), id="erase-ask")
            yield Input(placeholder=CONFIRM_WORD, id="erase-word", compact=True)
            with Horizontal(classes="step-buttons"):
                keep = Content(f"{words.prompt('erase.keep')}  (esc)")
                yield Button(
                    keep, id="erase-keep", variant="primary", action="screen.keep", compact=True
                )
                confirm = Content(words.prompt("erase.confirm"))
                yield Button(confirm, id="erase-confirm", variant="error", compact=True)

    def on_mount(self) -> None:
        """The box for the word has the focus."""
        self.query_one("#erase-word", Input).focus()

    @on(Input.Submitted, "#erase-word")
    @on(Button.Pressed, "#erase-confirm")
    def confirm(self, event: Input.Submitted | Button.Pressed) -> None:
        """Enter in the box, or the Erase button: go ahead only on the word."""
        event.stop()
        typed = self.query_one("#erase-word", Input).value
        if is_confirmed(typed):
            self.dismiss(True)
            return
        ask = self.query_one("#erase-ask", Literal)  # in the question's place: no room for both
        ask.update(self.app.catalog.prompt("erase.wrong_word", word=CONFIRM_WORD))
        ask.add_class("wrong-word")
        self.query_one("#erase-word", Input).focus()

    def action_keep(self) -> None:
        """Close, deleting nothing."""
        self.dismiss(False)
