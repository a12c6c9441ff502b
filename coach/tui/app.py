"""The Textual application: holds the journal and opens the home screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from coach.journal import Journal
from coach.tui.screens.home import HomeScreen


class CoachApp(App[None]):
    """pwp-coach in the terminal."""

    TITLE = "pwp-coach"
    CSS_PATH = "coach.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def on_mount(self) -> None:
        """Start on the home screen."""
        self.push_screen(HomeScreen())
