"""Tools (``t`` from home, and the palette): the small things of phase 3 that take seconds.

Each tool is a button with its key; the words are the content's.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header

from coach.tui.base import CoachScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal


class ToolsScreen(CoachScreen[None]):
    """Leave, a break (F3 from anywhere), closing the day and supervision."""

    """Leave, a break (F3 from anywhere), closing the day, and my people."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="tools.back"),
        # Each tool's key is on its button; all of them in the footer too would push "f2
        # Support now" out of sight at 80 columns.
        Binding("l", "leave", "Leave", id="tools.leave", show=False),
        Binding("d", "closing", "Close the day", id="tools.closing", show=False),
        Binding("s", "supervision", "Supervision", id="tools.supervision", show=False),
        Binding("p", "people", "My people", id="tools.people", show=False),
    ]

    def compose(self) -> ComposeResult:
        """A line of why, then each tool and what it is for."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="tools-body"):
            yield Literal(catalog.prompt("tools.title"), classes="step-title")
            yield Literal(catalog.prompt("tools.intro"), classes="step-intro")
            for name, key, action in (
                ("leave", "l", "screen.leave"),
                ("break", "f3", "app.take_break"),  # from anywhere, with its own key
                ("closing", "d", "screen.closing"),
                ("supervision", "s", "screen.supervision"),
                ("people", "p", "screen.people"),
            ):
                with VerticalGroup(classes="tool"):
                    label = Content(f"{catalog.prompt(f'tools.{name}')}  ({key})")
                    yield Button(label, id=f"tool-{name}", action=action)
                    yield Literal(catalog.prompt(f"tools.{name}_hint"), classes="settings-hint")
        yield CoachFooter()

    def action_leave(self) -> None:
        """The leave planner."""
        from coach.tui.screens.leave import LeaveScreen

        self.app.push_screen(LeaveScreen())

    def action_closing(self) -> None:
        """Close the day."""
        from coach.tui.screens.closing import ClosingScreen

        self.app.push_screen(ClosingScreen())

    def action_supervision(self) -> None:
        """The supervision log, and preparing for the next session."""
        from coach.tui.screens.supervision import SupervisionScreen

        self.app.push_screen(SupervisionScreen())

    def action_people(self) -> None:
        """My people, and reaching out to them."""
        from coach.tui.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen())


def open_tools(app: App[Any]) -> None:
    """Show the tools, unless they are showing already (home's ``t`` and the palette)."""
    if not isinstance(app.screen, ToolsScreen):
        app.push_screen(ToolsScreen())
