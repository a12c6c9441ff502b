"""A small bar chart of a 0-N rating over time, on a fixed scale, with gaps left visible.

Textual's ``Sparkline`` stretches whatever it is given between its lowest and highest value, so
a run of 6s and 7s would look like a cliff; a rating needs its true scale, and says it: the
scale's top number heads the left edge and its bottom number ends it (``scale_edge``). Each
column is the mean of the days it covers; a column with no rating shows a faint dot on the
baseline.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"


def buckets(points: Sequence[float | None], columns: int) -> list[float | None]:
    """``points`` shrunk to at most ``columns`` columns, each the mean of the points it covers."""
    if columns <= 0 or not points:
        return []
    if len(points) <= columns:
        return list(points)
    shrunk: list[float | None] = []
    for column in range(columns):
        start = column * len(points) // columns
        stop = (column + 1) * len(points) // columns
        found = [p for p in points[start:stop] if p is not None]
        shrunk.append(sum(found) / len(found) if found else None)
    return shrunk


def fit_columns(points: Sequence[float | None], width: int) -> list[float | None]:
    """The chart's columns for ``width`` cells: shrunk by ``buckets``, or each point widened
    (up to three cells) when there is room, so a month fills a wide screen too."""
    columns = buckets(points, width)
    repeat = max(1, min(3, width // len(columns))) if columns else 1
    return [column for column in columns for _ in range(repeat)]


def chart_rows(columns: Sequence[float | None], high: float, height: int) -> list[str]:
    """The chart's text lines, top first: 0 is the lowest visible bar, ``high`` a full column.

    A column with no rating is a dot on the bottom line and blank above it.
    """
    steps = height * 8
    levels = [
        None if value is None else 1 + round(max(0.0, min(value, high)) / high * (steps - 1))
        for value in columns
    ]
    rows: list[str] = []
    for line in range(height - 1, -1, -1):
        cells = []
        for level in levels:
            if level is None:
                cells.append("·" if line == 0 else " ")
            else:
                cells.append(BLOCKS[max(0, min(8, level - line * 8))])
        rows.append("".join(cells))
    return rows


def scale_edge(low: int, high: int, height: int) -> list[str]:
    """The scale down the chart's left edge, a line a row: ``high`` beside the top row (a full
    column), ``low`` beside the bottom one, blank between, each followed by a space. A chart
    one line tall has no room for both ends, and no edge."""
    if height < 2:
        return [""] * height
    width = len(str(high))
    middle = [" " * (width + 1)] * (height - 2)
    return [f"{high:>{width}} ", *middle, f"{low:>{width}} "]


class ScoreChart(Widget):
    """A rating over time (oldest on the left), ``height`` lines tall, scaled ``low`` (0) to
    ``high``, with that scale at its left edge."""

    DEFAULT_CSS = """
    ScoreChart { height: 2; width: 1fr; color: $accent; }
    """

    def __init__(
        self,
        points: Sequence[float | None] = (),
        *,
        high: int,
        low: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.points: tuple[float | None, ...] = tuple(points)
        self.high = high
        self.low = low

    def show(self, points: Sequence[float | None]) -> None:
        """Chart new points."""
        self.points = tuple(points)
        self.refresh()

    def render(self) -> Content:
        """The scale, then the bars in the rest of the width, gaps as faint dots."""
        height = max(self.size.height, 1)
        edge = scale_edge(self.low, self.high, height)
        width = max(self.size.width - len(edge[0]), 1)
        rows = chart_rows(fit_columns(self.points, width), self.high, height)
        parts: list[Content] = []
        for index, (scale, row) in enumerate(zip(edge, rows, strict=True)):
            bars = ((cell, "dim") if cell == "·" else cell for cell in row)
            line = Content.assemble(scale, *bars)
            parts.append(line if index == len(rows) - 1 else line + "\n")
        return Content.assemble(*parts)
