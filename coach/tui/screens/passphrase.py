"""The passphrase dialogs of settings: set one, change it, remove it, make a new recovery key;
and the dialog that shows a new recovery key, once.

Each does the same work as ``coach passphrase set|change|remove`` and ``coach recovery-key
new``, through the same functions (``coach.journal.encryption``), in a thread worker: deriving
a key takes a moment on purpose, and the screen must not freeze. Every box is a password box;
the dialog stays open until the work is done, saying in its one problem line what was wrong
(a wrong passphrase, two new ones not the same, a weak one), so nothing typed is lost to a
mistake. Setting or removing the passphrase rewrites every file under a new sealing: the app
is told before (``Resealing``: the draft waits) and after (``Resealed``, with the journal
opened again under its new sealing), so what is being written is kept throughout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input
from textual.worker import Worker, WorkerState

from coach.journal import Journal, JournalError, WrongPassphrase
from coach.journal.encryption import change_passphrase, decrypt, encrypt, new_recovery, unlock
from coach.journal.passphrases import MIN_LENGTH, passphrase_problem
from coach.tui.base import CoachModal, failure_message, in_background
from coach.tui.messages import Resealed, Resealing
from coach.tui.screens.form import FormDialog
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.passphrase_settings import Action

# The boxes each action asks for, in order: the current passphrase, the new one twice.
BOXES: dict[Action, tuple[str, ...]] = {
    "set": ("new", "again"),
    "change": ("current", "new", "again"),
    "remove": ("current",),
    "recovery": ("current",),
}
WORK = "passphrase-work"


@dataclass(frozen=True)
class Done:
    """What was done: the action, and a new recovery key to show once (set, recovery)."""

    action: Action
    recovery: str | None = None


class PassphraseDialog(FormDialog[Done]):
    """The boxes ``BOXES`` names for ``action``, a problem line, and Keep / Cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="passphrase.cancel"),
    ]
    FORM = "passphrase"
    CANCEL = "passphrase.cancel"
    DISCARD = "passphrase.discard"

    def __init__(self, action: Action, data_dir: Path) -> None:
        super().__init__()
        self.action = action
        self.data_dir = data_dir
        self._working = False

    def compose(self) -> ComposeResult:
        """The title, what it does, the boxes and the buttons."""
        words = self.app.catalog.prompt
        with Vertical(classes="dialog", id="passphrase-dialog"):
            yield Literal(words(f"passphrase.{self.action}_title"), classes="step-title")
            yield Literal(words(f"passphrase.{self.action}_intro", length=MIN_LENGTH))
            for box in BOXES[self.action]:
                yield Literal(words(f"passphrase.{box}"), classes="question")
                yield Input(password=True, compact=True, id=f"passphrase-{box}")
            yield from self.buttons(f"passphrase.keep_{self.action}")

    def on_mount(self) -> None:
        """Ready to type in the first box."""
        self.remember_start()
        self.query(Input).first().focus()

    def _typed(self, box: str) -> str:
        return self.query_one(f"#passphrase-{box}", Input).value

    def action_cancel(self) -> None:
        """Not while the work is under way: it finishes, and the dialog then closes itself."""
        if not self._working:
            super().action_cancel()

    def action_keep(self) -> None:
        """Check what was typed here (nothing empty, the new one twice the same and strong
        enough), then do the work in the background."""
        if self._working:
            return
        words = self.app.catalog.prompt
        typed = {box: self._typed(box) for box in BOXES[self.action]}
        if not all(typed.values()):
            self.say(words("passphrase.empty"))
            return
        new = typed.get("new")
        if new is not None:
            problem = passphrase_problem(new)
            if problem is not None:
                self.say(words("passphrase.weak", problem=problem))
                return
            if typed["again"] != new:
                self.say(words("passphrase.not_same"))
                return
        self._set_working(True)
        self.say(words("passphrase.working"))
        if self.action in ("set", "remove"):
            self.app.post_message(Resealing())
        self._work(typed.get("current", ""), new or "")

    def _set_working(self, working: bool) -> None:
        self._working = working
        for widget in (*self.query(Input).results(Input), *self.query(Button).results(Button)):
            widget.disabled = working
        if not working:
            self.query(Input).first().focus()

    @in_background("Nothing was changed", group=WORK, exclusive=True)
    def _work(self, current: str, new: str) -> Done:
        """The CLI's own work; setting or removing opens the journal again, resealed."""
        recovery = None
        if self.action == "set":
            recovery = encrypt(self.data_dir, new)
            self._resealed(Journal(self.data_dir, sealing=unlock(self.data_dir, new)))
        elif self.action == "remove":
            decrypt(self.data_dir, current)
            self._resealed(Journal(self.data_dir))
        elif self.action == "change":
            change_passphrase(self.data_dir, current, new)
        else:
            recovery = new_recovery(self.data_dir, current)
        return Done(self.action, recovery)

    def _resealed(self, journal: Journal | None) -> None:
        self.app.post_message(Resealed(journal))  # thread-safe: the app takes it on its own

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Done: close with what was done. A failure is said in the problem line."""
        worker: Worker[Any] = event.worker
        if worker.group != WORK:
            return
        if worker.state is WorkerState.SUCCESS and isinstance(worker.result, Done):
            self.dismiss(worker.result)
        elif worker.state is WorkerState.ERROR:
            self.worker_failed(worker)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Said here, in one line: a wrong passphrase in the content's words, any other
        problem (a busy or damaged journal) in its own; the boxes are ready again."""
        if self.action in ("set", "remove"):
            self._resealed(None)  # nothing changed: the app carries on with the journal it has
        error = worker.error
        if isinstance(error, WrongPassphrase):
            self.say(self.app.catalog.prompt("passphrase.wrong"))
        elif isinstance(error, JournalError):
            self.say(str(error))
        else:
            self.say(failure_message(worker))
        self._set_working(False)


class RecoveryKeyDialog(CoachModal[None]):
    """A new recovery key, shown once, until the user says it is written down. No key but
    the button closes it: one stray escape must not lose the only showing of it."""

    def __init__(self, recovery: str) -> None:
        super().__init__()
        self.recovery = recovery

    def compose(self) -> ComposeResult:
        """What it is, the key, what it does, and the one button."""
        words = self.app.catalog.prompt
        with Vertical(classes="dialog", id="recovery-dialog"):
            yield Literal(words("passphrase.recovery_shown"))
            yield Literal(self.recovery, id="recovery-key")
            yield Literal(words("passphrase.recovery_note"))
            with Horizontal(classes="step-buttons"):
                yield Button(
                    Content(words("passphrase.recovery_done")),
                    id="recovery-done",
                    variant="primary",
                )

    def on_mount(self) -> None:
        """The button has the focus: enter closes it, once read."""
        self.query_one("#recovery-done", Button).focus()

    @on(Button.Pressed, "#recovery-done")
    def _written_down(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
