"""Where the user is in the reflection: a one-line step indicator."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

STEP_TITLES = (
    ("challenges", "1 What was hard"),
    ("values", "2 What matters"),
    ("coping", "3 What will help"),
    ("summary", "4 Summary"),
)


class StepIndicator(Static):
    """Shows the steps, the current one highlighted."""

    DEFAULT_CSS = """
    StepIndicator { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self._content(current))

    @staticmethod
    def _content(current: str) -> Content:
        parts: list[tuple[str, str] | str] = []
        for index, (key, title) in enumerate(STEP_TITLES):
            if index:
                parts.append("  ›  ")
            parts.append((title, "bold reverse" if key == current else ""))
        return Content.assemble(*parts)
