"""Support now: UK signposting from the content, and the user's own support, from anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class SupportScreen(Screen[None]):
    """A calm list of where to turn; escape returns exactly where the user was."""

    app: CoachApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="support.back"),
    ]

    def compose(self) -> ComposeResult:
        """Each line of support: who, how to reach them, when, and a word on what they offer."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="support-body"):
            yield Static("Support now", classes="step-title")
            yield Static(catalog.support_text.get("intro", ""), markup=False)
            for line in catalog.support:
                yield Static(f"{line.name}: {line.contact}", classes="question", markup=False)
                yield Static(f"{line.when}. {line.line}", classes="support-line", markup=False)
        yield Footer()
