"""Choose my core values: once, then shown at every reflection, editable any time.

Keeping is what Tab then Enter does from the list (its button comes first), and closing with
ticks changed asks first: the ticks are never lost to one key.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, SelectionList
from textual.widgets.selection_list import Selection

from coach.text import visible
from coach.tui.base import CoachModal
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.ticks import TickList


class CoreValuesScreen(CoachModal[list[str] | None]):
    """Tick the values that matter most; dismisses with their keys, or None to cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="core_values.cancel"),
        Binding("ctrl+s", "keep", "Keep these", id="core_values.keep", priority=True),
    ]

    def __init__(self, current: list[str]) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """The values from the content, the current ones ticked, each with its line."""
        catalog = self.app.catalog
        with Vertical(classes="dialog", id="core-values-dialog"):
            yield Literal(catalog.prompt("phase2.choose_core_values"), classes="step-title")
            yield TickList(
                *(
                    Selection(
                        Content(visible(f"{v.label} · {v.line}")), v.key, v.key in self.current
                    )
                    for v in catalog.values
                ),
                id="core-values-list",
            )
            with Horizontal(classes="step-buttons"):
                yield Button("Keep these", id="keep", variant="primary", action="screen.keep")
                yield Button("Cancel", id="cancel", action="screen.cancel")

    def action_keep(self) -> None:
        """Return the ticked values."""
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        """Return nothing (no change): at once when no tick changed, else once the user says
        so."""
        if set(self.query_one(SelectionList).selected) == set(self.current):
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("core_values.discard_question"),
            confirm=catalog.prompt("core_values.discard_confirm"),
            keep=catalog.prompt("core_values.discard_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(asked, answered)
