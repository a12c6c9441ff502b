"""Ask where to save a file outside the journal (a Markdown copy of an entry), then save it.

Nothing is saved without asking: the dialog shows where the file will go (a name not yet
taken, in the user's documents folder), says plainly that it is not encrypted, and writes only
a new file, never over an existing one and never into the journal's own folder. The write runs
in a background worker; a refusal (the name is taken, the folder is missing) is shown in the
dialog, which stays open for another name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input
from textual.worker import Worker

from coach.journal.outside import write_new_file
from coach.tui.base import (
    EXPECTED,
    CoachModal,
    failure_message,
    in_background,
)
from coach.tui.widgets.literal import Literal

NOT_ENCRYPTED = (
    "This file is not encrypted: anyone who can open that folder can read it. "
    "An existing file is never replaced."
)


class SaveFileScreen(CoachModal[Path | None]):
    """Dismisses with the path the file was written to, or None when the user cancels.

    A name that is not a full path is taken inside the suggested folder, never the folder the
    app was started from.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save.cancel"),
    ]

    def __init__(self, *, title: str, suggested: Path, payload: bytes, data_dir: Path) -> None:
        super().__init__()
        self.title_text = title
        self.suggested = suggested
        self.payload = payload
        self.data_dir = data_dir
        self.writing = False

    def compose(self) -> ComposeResult:
        """Where to save (a full path, editable), the warning, any problem, and the buttons."""
        with Vertical(classes="dialog", id="save-dialog"):
            yield Literal(self.title_text, id="save-title")
            yield Input(str(self.suggested), id="save-path", select_on_focus=False)
            yield Literal(NOT_ENCRYPTED, id="save-warning")
            yield Literal("", id="save-problem")
            with Horizontal(classes="step-buttons"):
                yield Button("Cancel", id="cancel", action="screen.cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        """The name has the focus, ready to change or to save with enter."""
        path = self.query_one("#save-path", Input)
        path.focus()
        path.cursor_position = len(path.value)

    def target(self) -> Path | None:
        """The file the user asked for; a bare name lands in the suggested folder."""
        typed = self.query_one("#save-path", Input).value.strip()
        if not typed:
            return None
        chosen = Path(typed).expanduser()
        return chosen if chosen.is_absolute() else self.suggested.parent / chosen

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save")
    def save(self, event: Input.Submitted | Button.Pressed) -> None:
        """Enter in the name, or Save: write the file in the background."""
        event.stop()
        if self.writing:
            return
        target = self.target()
        if target is None:
            self.show_problem("Give a name for the file.")
            return
        self.writing = True
        self.query_one("#save", Button).disabled = True
        self.show_problem("")
        self._write(target)

    def action_cancel(self) -> None:
        """Close without saving (not while a save is under way: it finishes in a moment)."""
        if not self.writing:
            self.dismiss(None)

    @in_background("Not saved", group="save-file", exclusive=True)
    def _write(self, target: Path) -> None:
        written = write_new_file(target, self.payload, data_dir=self.data_dir)
        self.app.call_from_thread(self._saved, written)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Save is open again. A refusal, or a folder the system would not write to, is said
        here in the dialog, next to the name to change; only a fault in the coach is a notice."""
        self.writing = False
        self.query_one("#save", Button).disabled = False
        self.query_one("#save-path", Input).focus()
        if isinstance(worker.error, EXPECTED):
            self.show_problem(f"{failure_message(worker)}.")
        else:
            super().worker_failed(worker)

    def _saved(self, written: Path) -> None:
        self.writing = False
        if self.is_attached:
            self.dismiss(written)

    def show_problem(self, problem: str) -> None:
        """Say in the dialog why the file was not saved (or clear it)."""
        shown = self.query_one("#save-problem", Literal)
        shown.update(problem)
        shown.display = bool(problem)
