"""Unlock: an encrypted journal opens here, at start and after the app locked itself.

The passphrase (or the recovery key) is typed into a password box and never shown; the key is
derived and the journal opened in a thread worker (Argon2id takes a moment on purpose), so the
screen never freezes. The opened journal goes up to the app in a message (``Unlocked``); the
screen knows only the folder. After three wrong tries each further try waits a little longer
(a short pause, never a lockout: nothing is ever lost by getting it wrong). F2 (support now)
works here as everywhere.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Header, Input
from textual.worker import Worker, WorkerState

from coach.journal import Journal, LockedJournal, WrongPassphrase
from coach.tui.base import CoachScreen, failure_message, in_background
from coach.tui.messages import Unlocked
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

FREE_TRIES = 3
PAUSE_SECONDS = 5  # after the free tries, each wrong one waits this much longer, up to:
LONGEST_PAUSE_SECONDS = 30


def pause_after(wrong_tries: int) -> int:
    """Seconds to wait before trying again after ``wrong_tries`` wrong passphrases."""
    if wrong_tries < FREE_TRIES:
        return 0
    return min(PAUSE_SECONDS * (wrong_tries - FREE_TRIES + 1), LONGEST_PAUSE_SECONDS)


class UnlockScreen(CoachScreen[None]):
    """A password box and a button; the journal opens in the background."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, locked: LockedJournal, *, notice: str = "") -> None:
        """``notice``: a line to show first (why the journal locked itself)."""
        super().__init__()
        self.locked = locked
        self.notice = notice
        self.wrong_tries = 0

    def compose(self) -> ComposeResult:
        """The words, the box and the button."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="unlock-body"):
            yield Literal(catalog.prompt("unlock.title"), classes="step-title")
            yield Literal(catalog.prompt("unlock.intro"), classes="step-intro")
            yield Input(
                password=True,
                placeholder=catalog.prompt("unlock.placeholder"),
                id="unlock-passphrase",
            )
            yield Button(catalog.prompt("unlock.button"), id="unlock", compact=True)
            yield Literal(self.notice, id="unlock-problem")
        yield CoachFooter()

    def on_mount(self) -> None:
        """Ready to type."""
        self.query_one("#unlock-passphrase", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#unlock-problem", Literal).update(text)

    def _ready(self, ready: bool) -> None:
        for widget in (self.query_one("#unlock-passphrase", Input), self.query_one("#unlock")):
            widget.disabled = not ready
        if ready:
            self.query_one("#unlock-passphrase", Input).focus()

    @on(Input.Submitted, "#unlock-passphrase")
    @on(Button.Pressed, "#unlock")
    def unlock(self) -> None:
        """Try what was typed (nothing typed: nothing to try)."""
        box = self.query_one("#unlock-passphrase", Input)
        secret = box.value
        if not secret:
            return
        box.value = ""  # the passphrase is not kept on screen a moment longer than needed
        self._ready(False)
        self._say(self.app.catalog.prompt("unlock.opening"))
        self._open(secret)

    @in_background("The journal could not be opened", group="unlock", exclusive=True)
    def _open(self, secret: str) -> Journal:
        """Derive the key and open the journal; the result is taken by ``_opened``."""
        return self.locked.open(secret)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Opened: the journal goes up to the app. (A failure comes to ``worker_failed``.)"""
        worker: Worker[Any] = event.worker
        opened = worker.result if worker.state is WorkerState.SUCCESS else None
        if worker.group == "unlock" and isinstance(opened, Journal):
            self.post_message(Unlocked(opened))

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Wrong: say so here (not as a notice), and pause after a few tries. Any other
        failure (a damaged key file, say) is said here in its own words."""
        if worker.group != "unlock":
            super().worker_failed(worker)
            return
        if isinstance(worker.error, WrongPassphrase):
            self.wrong_tries += 1
            pause = pause_after(self.wrong_tries)
            words = self.app.catalog.prompt("unlock.wrong")
            if pause:
                self._say(words + " " + self.app.catalog.prompt("unlock.wait", seconds=pause))
                self.set_timer(pause, lambda: self._ready(True))
                return
            self._say(words)
        else:
            self._say(failure_message(worker))
        self._ready(True)
