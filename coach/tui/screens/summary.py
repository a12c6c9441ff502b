"""Summary: the whole reflection as history will show it, then save (in a worker)."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from coach.content import Catalog
from coach.journal import JournalError
from coach.model import Reflection
from coach.tui.screens.step import StepScreen
from coach.tui.widgets.reflection_view import ReflectionView


def closing_line(reflection: Reflection, catalog: Catalog) -> str:
    """The line that reflects the chosen values back, once the reflection is saved."""
    labels = [v.label.casefold() for v in reflection.values]
    if not labels:
        return catalog.prompt("summary.closing_no_values")
    values = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    return catalog.prompt("summary.closing", values=values)


class SummaryScreen(StepScreen):
    """Read it through; save it; hear your values back."""

    STEP: ClassVar[str] = "summary"
    NEXT_LABEL: ClassVar[str] = "Save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "next", "Save", id="summary.save", priority=True),
    ]

    def compose_step(self) -> ComposeResult:
        """The reflection laid out by phase."""
        title = self.app.catalog.prompt("summary.title")
        yield Static(title, classes="step-title", markup=False)
        self.reflection = self.draft.to_reflection(created=self.app.clock())
        yield ReflectionView(self.reflection, self.app.catalog, id="summary-view")
        yield Static("", id="closing", markup=False)

    def on_mount(self) -> None:
        """The save button has the focus: enter saves."""
        self.query_one("#next", Button).focus()

    saved = False

    def action_back(self) -> None:
        """Back to coping; once saved, home."""
        if self.saved:
            self.app.return_home()
        else:
            super().action_back()

    def action_next(self) -> None:
        """Save the reflection (or, once saved, go home)."""
        button = self.query_one("#next", Button)
        if self.saved:
            self.app.return_home()
            return
        button.disabled = True
        self._save(self.reflection)

    @work(thread=True, exclusive=True, group="save")
    def _save(self, reflection: Reflection) -> None:
        try:
            self.app.journal.save(reflection)
        except (JournalError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._saved, reflection)

    def _failed(self, problem: str) -> None:
        self.notify(f"Not saved: {problem}. Your draft is kept.", severity="error", timeout=15)
        self.query_one("#next", Button).disabled = False

    def _saved(self, reflection: Reflection) -> None:
        catalog = self.app.catalog
        self.app.draft = None
        self.app.discard_draft()
        self.saved = True
        closing = closing_line(reflection, catalog)
        self.query_one("#closing", Static).update(f"{catalog.prompt('summary.saved')}\n\n{closing}")
        self.query_one("#back", Button).display = False
        button = self.query_one("#next", Button)
        button.label = "Done"
        button.disabled = False
        button.focus()
        self.query_one("#closing", Static).scroll_visible()
