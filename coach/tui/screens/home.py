"""Home: what the journal holds, at a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class HomeScreen(Screen[None]):
    """Today at a glance."""

    def compose(self) -> ComposeResult:
        """The summary of the journal."""
        yield Header()
        with Vertical(id="home-body"):
            yield Static(id="journal-summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill in the summary from the journal."""
        journal = self.app.journal  # type: ignore[attr-defined]
        latest = journal.latest()
        count = journal.count()
        lines = [
            f"Reflections in your journal: {count}",
            f"Last reflection: {latest.date.isoformat() if latest else 'none yet'}",
            f"Your journal lives in: {journal.data_dir}",
        ]
        self.query_one("#journal-summary", Static).update("\n".join(lines))
