"""One text box per chosen item: a note on each challenge, when for each action.

Each box is labelled with its item above it, not only in its placeholder: a placeholder goes
as soon as something is typed, and a box of text then no longer says what it is about.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from coach.text import visible
from coach.tui.widgets.literal import Literal, Prefill


class ItemInputs(Vertical):
    """A column of Inputs, rebuilt whenever the chosen items change.

    Posts ``ItemInputs.Changed`` with the item's position and the text as the user types.
    """

    DEFAULT_CSS = """
    ItemInputs { height: auto; }
    """

    class Changed(Message):
        """The text for one item changed."""

        def __init__(self, item_inputs: ItemInputs, index: int, value: str) -> None:
            super().__init__()
            self.item_inputs = item_inputs
            self.index = index
            self.value = value

        @property
        def control(self) -> ItemInputs:
            """The column the text box belongs to."""
            return self.item_inputs

    def __init__(self, *, input_class: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.input_class = input_class
        self._made = 0
        self._prefills: list[Prefill] = []

    def show(self, items: list[tuple[str, str, str]]) -> None:
        """A label and an Input per (text, label, placeholder), replacing the ones before.

        Each may hold stored text (a note, a when, an item's label), so each is shown visibly
        (``Literal``, ``Prefill``); a text the user has not edited is reported as it was stored.
        """
        self.remove_children()
        self._made += 1  # fresh ids: the old inputs may not be gone yet
        self._prefills = [Prefill.for_input(text) for text, _, _ in items]
        widgets: list[Literal | Input] = []
        for index, (_, label, placeholder) in enumerate(items):
            widgets.append(Literal(label, classes="item-label"))
            widgets.append(
                Input(
                    self._prefills[index].shown,
                    placeholder=visible(placeholder),
                    id=self._id_for(index),
                    classes=self.input_class,
                )
            )
        self.mount_all(widgets)

    def _id_for(self, index: int) -> str:
        return f"{self.id or 'item'}-{self._made}-{index}"

    def on_input_changed(self, event: Input.Changed) -> None:
        """Tell the screen which item's text changed."""
        event.stop()
        prefix = f"{self.id or 'item'}-{self._made}-"
        if event.input.id and event.input.id.startswith(prefix):
            index = int(event.input.id.removeprefix(prefix))
            if index < len(self._prefills):
                kept = self._prefills[index].kept(event.value)
                self.post_message(self.Changed(self, index, kept))
