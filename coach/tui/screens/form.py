"""A form dialog: a few boxes, a line saying what is wrong, and Keep / Cancel.

Leave, a supervision session, a contact and "I reached out" are each one, and what they share
is said here once: the problem line and the two buttons (ids from the form's ``FORM`` name:
``leave-problem``, ``leave-keep``, ``leave-cancel``), enter in a box or Keep to keep, Cancel to
cancel, and, for a form that names its ``DISCARD`` words, a question before anything typed is
thrown away, so one key never loses it. Each form declares its own keys (their ids are a
keymap's interface), its boxes, and ``action_keep``, which checks what was typed and dismisses
it or says in place (``say``) what is wrong.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Select

from coach.tui.base import CoachModal
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.literal import Literal

T = TypeVar("T")


class FormDialog(CoachModal[T | None]):
    """Boxes, a problem line and Keep / Cancel; dismisses what was kept, or None."""

    FORM: ClassVar[str]  # the prefix of the problem line's and the buttons' ids
    CANCEL: ClassVar[str]  # the content's word for the Cancel button
    # The content's words asking before typing is thrown away (``<DISCARD>_question``,
    # ``_confirm`` and ``_keep``), or None: Cancel closes at once.
    DISCARD: ClassVar[str | None] = None

    _started: tuple[object, ...] = ()

    def buttons(self, keep: str) -> ComposeResult:
        """The problem line, then Keep (in the content's word ``keep``) and Cancel."""
        catalog = self.app.catalog
        yield Literal("", id=f"{self.FORM}-problem")
        with Horizontal(classes="step-buttons"):
            yield Button(Content(catalog.prompt(keep)), id=f"{self.FORM}-keep", variant="primary")
            yield Button(Content(catalog.prompt(self.CANCEL)), id=f"{self.FORM}-cancel")

    def say(self, problem: str) -> None:
        """Say in place what is wrong with what was typed."""
        self.query_one(f"#{self.FORM}-problem", Literal).update(problem)

    def remember_start(self) -> None:
        """Note what the boxes start with (from ``on_mount``), to know whether anything was
        typed when the form is cancelled."""
        self._started = self._entered()

    def _entered(self) -> tuple[object, ...]:
        typed = tuple(box.value for box in self.query(Input).results(Input))
        return typed + tuple(box.value for box in self.query(Select).results(Select))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.FORM}-keep":
            event.stop()
            self.action_keep()
        elif event.button.id == f"{self.FORM}-cancel":
            event.stop()
            self.action_cancel()

    def action_cancel(self) -> None:
        """Nothing kept: at once when nothing was typed (or the form does not ask), else once
        the user says so."""
        if self.DISCARD is None or self._entered() == self._started:
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt(f"{self.DISCARD}_question"),
            confirm=catalog.prompt(f"{self.DISCARD}_confirm"),
            keep=catalog.prompt(f"{self.DISCARD}_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(asked, answered)

    def action_keep(self) -> None:
        """Check what was typed, and dismiss it or ``say`` what is wrong (each form's own)."""
        raise NotImplementedError
