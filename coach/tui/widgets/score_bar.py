"""A rating on one of the model's scales: arrows or digits to choose, a click works too."""

from __future__ import annotations

from time import monotonic
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from coach.model import Scale


class ScoreBar(Widget, can_focus=True):
    """A rating on ``scale`` (or not yet rated), with the scale's words from the content: one
    for each point, shown beside the choice, or one for each end, shown at the ends."""

    DEFAULT_CSS = """
    ScoreBar { height: auto; width: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("home", "pick_end(0)", "Lowest", show=False),
        Binding("end", "pick_end(1)", "Highest", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The rating changed."""

        def __init__(self, score_bar: ScoreBar, value: int | None) -> None:
            super().__init__()
            self.score_bar = score_bar
            self.value = value

        @property
        def control(self) -> ScoreBar:
            """The score bar that changed."""
            return self.score_bar

    def __init__(
        self,
        scale: Scale,
        words: tuple[str, ...],
        *,
        value: int | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.scale = scale
        self.low = scale.low
        self.high = scale.high
        self.ends = (words[0], words[-1]) if scale.ends else None
        self.labels = None if scale.ends else words
        self._one_typed_at = 0.0
        self.set_reactive(ScoreBar.value, value)

    def render(self) -> Content:
        """The numbers, the chosen one highlighted, and what the choice means: on one line
        where it fits, else the ends' words on a line of their own below the numbers (never a
        word cut or wrapped mid-phrase, at 80 columns or 60)."""
        return self._content(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or two where the ends' words go below (as ``render`` lays it out)."""
        return 1 + self._content(width).plain.count("\n")

    def _content(self, width: int) -> Content:
        """The bar as it is laid out in ``width`` columns."""
        numbers: list[Content | tuple[str, str] | str] = []
        for number in range(self.low, self.high + 1):
            numbers.append((f" {number} ", "reverse bold" if number == self.value else ""))
        meaning: list[tuple[str, str]] = []
        if self.labels and self.value is not None:
            meaning.append((f"  {self.labels[self.value - self.low]}", "italic"))
        elif self.value is None:
            meaning.append(("  (not rated)", "dim"))
        if not self.ends:
            return Content.assemble(*numbers, *meaning)
        low, high = self.ends
        line = Content.assemble((f"{low} ", "dim"), *numbers, (f" {high}", "dim"), *meaning)
        if line.cell_length <= width:
            return line
        ends = (f"{self.low}: {low} · {self.high}: {high}", "dim")
        return Content.assemble(*numbers, *meaning, "\n", ends)

    def watch_value(self, value: int | None) -> None:
        """Tell the screen."""
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        """Move the rating by one."""
        start = (self.low + self.high + 1) // 2 if self.value is None else self.value + delta
        self.value = max(self.low, min(self.high, start))

    def action_pick_end(self, end: int) -> None:
        """Jump to the lowest or highest rating."""
        self.value = self.high if end else self.low

    def action_clear(self) -> None:
        """Back to not rated."""
        self.value = None

    def on_key(self, event: events.Key) -> None:
        """A digit picks that rating directly (``1`` then ``0`` within a moment gives 10)."""
        if event.character and event.character.isdigit():
            digit = int(event.character)
            typed_one_just_now = monotonic() - self._one_typed_at < 1.0
            if self.high >= 10 and digit == 0 and self.value == 1 and typed_one_just_now:
                self.value = 10
            elif self.low <= digit <= self.high:
                self.value = digit
            self._one_typed_at = monotonic() if digit == 1 else 0.0
            event.stop()

    def on_click(self, event: events.Click) -> None:
        """Clicking a number picks it."""
        offset = event.x - (len(self.ends[0]) + 1 if self.ends else 0)
        number = offset // 3
        if offset >= 0 and self.low <= number <= self.high:
            self.value = number
