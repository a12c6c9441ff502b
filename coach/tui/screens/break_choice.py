"""How long a break: 5, 10 or 15 minutes with one key, or a number of one's own.

A small dialog over whatever was showing. It dismisses with the minutes chosen, or None when
the user thinks better of it (escape). A number of one's own is checked as it is typed, by a
Textual validator over ``coach.breaks``' rule, and a number that will not do says why beside
the box, in place; enter starts the break only once it will.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input

from coach.breaks import BREAK_CHOICES, SHORTEST_BREAK_MINUTES, minutes_problem
from coach.content import Catalog
from coach.time_away import LONGEST_BREAK_MINUTES
from coach.tui.base import CoachModal
from coach.tui.widgets.literal import Literal

SPAN = {"shortest": SHORTEST_BREAK_MINUTES, "longest": LONGEST_BREAK_MINUTES}


class BreakMinutes(Validator):
    """Whole minutes a break can last (``coach.breaks.minutes_problem``), each problem in the
    content's words."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def validate(self, value: str) -> ValidationResult:
        problem = minutes_problem(value)
        if problem is None:
            return self.success()
        return self.failure(self.catalog.prompt(f"break.{problem}", **SPAN), value)


class BreakChoiceScreen(CoachModal[int | None]):
    """Dismisses with the minutes chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="break_choice.cancel"),
    ]

    def compose(self) -> ComposeResult:
        """The three lengths as buttons, then a box for minutes of one's own."""
        catalog = self.app.catalog
        with Vertical(classes="dialog", id="break-dialog"):
            yield Literal(catalog.prompt("break.title"), classes="step-title")
            yield Literal(catalog.prompt("break.intro"))
            with Horizontal(classes="step-buttons", id="break-choices"):
                for minutes in BREAK_CHOICES:
                    label = Content(catalog.prompt("break.minutes_choice", minutes=minutes))
                    yield Button(label, id=f"break-{minutes}", compact=True)
            yield Literal(catalog.prompt("break.custom"), classes="question")
            with Horizontal(id="break-custom-row"):
                yield Input(
                    placeholder=catalog.prompt("break.custom_placeholder", **SPAN),
                    id="break-minutes",
                    max_length=4,
                    validators=[BreakMinutes(catalog)],
                    validate_on=["changed", "submitted"],
                )
                yield Button(Content(catalog.prompt("break.custom_start")), id="break-custom")
            yield Literal("", id="break-problem")

    def on_mount(self) -> None:
        """Ten minutes has the focus: enter starts it; tab and the arrows reach the others."""
        self.query_one("#break-problem", Literal).display = False
        self.query_one(f"#break-{BREAK_CHOICES[1]}", Button).focus()

    @on(Button.Pressed, "#break-choices Button")
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        assert event.button.id is not None
        self.dismiss(int(event.button.id.removeprefix("break-")))

    @on(Input.Changed, "#break-minutes")
    def _typed(self, event: Input.Changed) -> None:
        """Say why as it is typed, once something is there; an emptied box says nothing."""
        result = event.validation_result
        if not event.value or result is None or result.is_valid:
            self.show_problem("")
        else:
            self.show_problem(result.failure_descriptions[0])

    @on(Input.Submitted, "#break-minutes")
    @on(Button.Pressed, "#break-custom")
    def _custom(self, event: Input.Submitted | Button.Pressed) -> None:
        """Start a break of the minutes typed, or say (in place) why they will not do."""
        event.stop()
        box = self.query_one("#break-minutes", Input)
        result = box.validate(box.value)
        if result is not None and not result.is_valid:
            self.show_problem(result.failure_descriptions[0])
            box.focus()
            return
        self.dismiss(int(box.value.strip()))

    def show_problem(self, problem: str) -> None:
        """Say beside the box why the minutes will not do (or clear it)."""
        shown = self.query_one("#break-problem", Literal)
        shown.update(problem)
        shown.display = bool(problem)

    def action_cancel(self) -> None:
        """No break after all."""
        self.dismiss(None)
