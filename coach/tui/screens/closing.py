"""Close the day: a two-minute ritual for the boundary between work and home.

Tomorrow's first task (so it need not be carried home), anything to hand over or raise with
duty (with the reminder that risk goes through the service's procedure, not the journal), and
"I've done what I can today". Kept as a ``Closing`` in the journal, in a thread worker.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Header, Input
from textual.worker import Worker, WorkerState

from coach.model import new_id
from coach.time_away import Closing
from coach.tui.base import CoachScreen, in_background
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.ticks import TickBox

SAVE = "closing-save"


class ClosingScreen(CoachScreen[bool]):
    """Three small things, then home; dismisses True once the day is closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="closing.back"),
        Binding("ctrl+s", "close_day", "Close the day", id="closing.save", priority=True),
    ]

    def compose(self) -> ComposeResult:
        """The words, two boxes, the reminder about risk, the tick and the button."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="closing-body"):
            yield Literal(catalog.prompt("closing.title"), classes="step-title")
            yield Literal(catalog.prompt("closing.intro"), classes="step-intro")
            yield Literal(catalog.prompt("closing.first_task"), classes="question")
            yield Input(id="closing-first-task")
            yield Literal(catalog.prompt("closing.hand_over"), classes="question")
            yield Input(id="closing-hand-over")
            yield Literal(catalog.prompt("closing.risk"), id="closing-risk", classes="step-intro")
            yield TickBox(Content(catalog.prompt("closing.done")), id="closing-done")
            with Horizontal(classes="step-buttons"):
                label = Content(f"{catalog.prompt('closing.save')}  (ctrl+s)")
                yield Button(label, id="close-day", variant="primary")
        yield CoachFooter()

    def on_mount(self) -> None:
        """Ready to type tomorrow's first task."""
        self.query_one("#closing-first-task", Input).focus()

    @on(Button.Pressed, "#close-day")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close_day()

    def action_back(self) -> None:
        """Leave without closing the day."""
        self.dismiss(False)

    def action_close_day(self) -> None:
        """Keep the closing in the journal, then go back."""
        self.query_one("#close-day", Button).disabled = True
        moment = self.app.clock()
        closing = Closing(
            id=new_id(),
            date=moment.date(),
            created=moment,
            first_task=self.query_one("#closing-first-task", Input).value,
            hand_over=self.query_one("#closing-hand-over", Input).value,
            done_what_i_can=self.query_one("#closing-done", Checkbox).value,
        )
        self._save(closing)

    @in_background("The day was not closed", group=SAVE, exclusive=True)
    def _save(self, closing: Closing) -> None:
        self.app.journal.save_record(closing)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Kept: say so and go back."""
        worker: Worker[Any] = event.worker
        if worker.group == SAVE and worker.state is WorkerState.SUCCESS:
            self.notify(self.app.catalog.prompt("closing.saved"))
            self.dismiss(True)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Not kept: everything typed stays, and the button can be pressed again."""
        if worker.group == SAVE:
            self.query_one("#close-day", Button).disabled = False
        super().worker_failed(worker)
