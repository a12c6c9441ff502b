"""Where the user is in the reflection: a one-line step indicator."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from coach.content import Catalog
from coach.model import Step


class StepIndicator(Static):
    """Shows every step, numbered in order and named in the content's words, the current one
    highlighted. Where the line does not fit (a 60-column terminal), the other steps keep only
    their numbers, so every step is still there and the current one is named."""

    DEFAULT_CSS = """
    StepIndicator { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: Step, catalog: Catalog) -> None:
        self._full = self._content(current, catalog, named=set(Step))
        self._short = self._content(current, catalog, named={current})
        super().__init__(self._full)

    def on_resize(self) -> None:
        """The full line where it fits, else the short one."""
        fits = self._full.cell_length <= self.content_size.width
        self.update(self._full if fits else self._short)

    @staticmethod
    def _content(current: Step, catalog: Catalog, *, named: set[Step]) -> Content:
        parts: list[tuple[str, str] | str] = []
        for number, step in enumerate(Step, start=1):
            if number > 1:
                parts.append("  ›  " if len(named) > 1 else " › ")
            title = f"{number} {catalog.step_title(step)}" if step in named else str(number)
            parts.append((title, "bold reverse" if step is current else ""))
        return Content.assemble(*parts)
