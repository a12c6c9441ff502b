"""Ticks and choices that say what they are without colour.

Textual's checkbox, radio button and selection list draw the same ``▐X▌`` whether an item is
chosen or not, and tell the two apart only by shade: invisible in a monochrome terminal, under
``NO_COLOR``, to many colour-blind users, and in some themes. These subclasses keep everything
Textual's widgets do (keys, mouse, messages, CSS) and draw a tick (``✓``) or a dot (``●``) in
the box only when the item is chosen, and a blank box when it is not.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICK = "✓"  # a ticked box, a chosen item of a list
DOT = "●"  # the one chosen answer of a set
BLANK = " "  # not chosen: the box stays, empty


class TickBox(Checkbox):
    """A checkbox whose box holds a tick when ticked and nothing when not."""

    GLYPH = TICK

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = self.GLYPH if self.value else BLANK

    def watch_value(self) -> None:
        """Draw the glyph for the new value, then do what Textual does (its ``-on`` class and
        its ``Changed`` message)."""
        self.BUTTON_INNER = self.GLYPH if self.value else BLANK
        super().watch_value()


class RadioChoice(RadioButton):
    """A radio button whose box holds a dot when chosen and nothing when not."""

    GLYPH = DOT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = self.GLYPH if self.value else BLANK

    def watch_value(self) -> None:
        """Draw the glyph for the new value, then do what Textual does."""
        self.BUTTON_INNER = self.GLYPH if self.value else BLANK
        super().watch_value()


class TickList(SelectionList[str]):
    """A selection list whose chosen items show a tick in their box, the others a blank box."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the box's ``X`` swapped for a tick or a blank."""
        line = super().render_line(y)
        segments = list(line)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line  # not a line with a box (past the end of the list)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        glyph = TICK if selection.value in self._selected else BLANK
        segments[1] = Segment(glyph, segments[1].style, segments[1].control)
        return Strip(segments, line.cell_length)
