"""What every step of the reflection shares: the step indicator, back and next, the draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from coach.draft import ReflectionDraft
from coach.tui.widgets.steps import StepIndicator

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class StepScreen(Screen[None]):
    """One step of the reflection; subclasses fill ``compose_step`` and keep the draft current."""

    app: CoachApp
    STEP: ClassVar[str] = ""
    NEXT_LABEL: ClassVar[str] = "Next"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="step.back"),
        Binding("ctrl+n", "next", "Next step", id="step.next", priority=True),
    ]

    def __init__(self, draft: ReflectionDraft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        """Header, where we are, the step itself, back and next, footer."""
        yield Header()
        yield StepIndicator(self.STEP)
        with VerticalScroll(classes="step-body"):
            yield from self.compose_step()
            with Horizontal(classes="step-buttons"):
                yield Button("Back", id="back")
                yield Button(self.NEXT_LABEL, id="next", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start at the top of the step, whatever the first focused question scrolled to."""
        self.set_timer(0.05, self._to_top)

    def _to_top(self) -> None:
        self.query_one(".step-body", VerticalScroll).scroll_home(animate=False)

    def compose_step(self) -> ComposeResult:
        """The step's own widgets."""
        yield from ()

    def heading(self, title_key: str, intro_key: str) -> ComposeResult:
        """The step's title and a line on what it is for, from the content."""
        catalog = self.app.catalog
        yield Static(catalog.prompt(title_key), classes="step-title", markup=False)
        yield Static(catalog.prompt(intro_key), classes="step-intro", markup=False)

    def label(self, prompt_key: str, **fields: object) -> Static:
        """A question from the content, as a plain label."""
        return Static(
            self.app.catalog.prompt(prompt_key, **fields), classes="question", markup=False
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Back and next buttons."""
        if event.button.id == "back":
            event.stop()
            self.action_back()
        elif event.button.id == "next":
            event.stop()
            self.action_next()

    def action_back(self) -> None:
        """Back one step; everything entered stays in the draft."""
        self.app.previous_step()

    def action_next(self) -> None:
        """On to the next step."""
        self.app.next_step()
