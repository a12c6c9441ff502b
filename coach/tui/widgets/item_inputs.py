"""One text box per chosen item: a note on each challenge, when for each action."""

from __future__ import annotations

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from coach.text import visible
from coach.tui.widgets.literal import Prefill


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

    def show(self, items: list[tuple[str, str]]) -> None:
        """One Input per (text, placeholder), replacing the ones before.

        Both may hold stored text (a note, a when, an item's label), so both are shown visibly
        (see ``Prefill``); a text the user has not edited is reported as it was stored.
        """
        self.remove_children()
        self._made += 1  # fresh ids: the old inputs may not be gone yet
        self._prefills = [Prefill.for_input(text) for text, _ in items]
        self.mount_all(
            Input(
                self._prefills[index].shown,
                placeholder=visible(placeholder),
                id=self._id_for(index),
                classes=self.input_class,
            )
            for index, (_, placeholder) in enumerate(items)
        )

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
