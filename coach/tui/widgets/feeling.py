"""How I am: the one question both the reflection and the quick check-in ask, in one widget.

The points are the ``FEELING`` scale's, their words the content's (``scales.feeling``), so the
two flows can never offer different answers. A label may come from a service's overlay, so it
is shown literally.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioSet

from coach.model import FEELING
from coach.text import visible
from coach.tui.widgets.ticks import RadioChoice


class FeelingChoice(RadioSet):
    """Okay, low, struggling or not coping: one press, or none (the question is optional)."""

    def __init__(self, labels: tuple[str, ...], value: int | None, *, id: str = "feeling") -> None:
        super().__init__(
            *(
                RadioChoice(Content(visible(label)), value=point == value)
                for point, label in enumerate(labels, start=FEELING.low)
            ),
            id=id,
        )

    @staticmethod
    def feeling_of(event: RadioSet.Changed) -> int:
        """The point on the scale a press chose."""
        return FEELING.low + event.radio_set.pressed_index
