"""Where the user is in the reflection: a one-line step indicator."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from coach.content import Catalog
from coach.model import Step


class StepIndicator(Static):
    """Shows every step, numbered in order and named in the content's words, the current one
    highlighted."""

    DEFAULT_CSS = """
    StepIndicator { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: Step, catalog: Catalog) -> None:
        super().__init__(self._content(current, catalog))

    @staticmethod
    def _content(current: Step, catalog: Catalog) -> Content:
        parts: list[tuple[str, str] | str] = []
        for number, step in enumerate(Step, start=1):
            if number > 1:
                parts.append("  ›  ")
            title = f"{number} {catalog.step_title(step)}"
            parts.append((title, "bold reverse" if step is current else ""))
        return Content.assemble(*parts)
