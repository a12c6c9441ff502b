"""One widget per kind of exercise field, so the practice screen renders any exercise from its
declaration: a screen never knows which exercise it shows.

Each ``FieldBox`` shows its label and hint, the box for its kind, and a line for what is wrong
with the answer; ``raw()`` gives what is typed in the form ``coach.exercises.check_answer``
reads, and the box starts filled with an answer kept before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.content import Content
from textual.widgets import Input, OptionList, RadioSet, TextArea
from textual.widgets.option_list import Option

from coach.content import Catalog
from coach.exercises import PERCENT_HIGH, RATING_HIGH, Field, FieldKind
from coach.text import visible
from coach.tui.widgets.literal import Literal, Prefill
from coach.tui.widgets.ticks import RadioChoice
from coach.vocabulary import TARGET


class RankedList(OptionList):
    """Items in order: ctrl+up and ctrl+down move the highlighted item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+up", "move(-1)", "Move up", id="ranked.up"),
        Binding("ctrl+down", "move(1)", "Move down", id="ranked.down"),
    ]

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(*(Option(Content(visible(item))) for item in items), id=id)
        self.items = list(items)

    def action_move(self, by: int) -> None:
        """Move the highlighted item up or down one place."""
        at = self.highlighted
        if at is None or not 0 <= at + by < len(self.items):
            return
        self.items[at], self.items[at + by] = self.items[at + by], self.items[at]
        self.clear_options()
        self.add_options([Option(Content(visible(item))) for item in self.items])
        self.highlighted = at + by


class FieldBox(VerticalGroup):
    """A field's label, hint, box and problem line."""

    def __init__(
        self, asked: Field, catalog: Catalog, kept: Any, source_items: Sequence[str] = ()
    ) -> None:
        super().__init__(classes="practice-field", id=f"field-{asked.id}")
        self.asked = asked
        self.catalog = catalog
        self.kept = kept
        self.source_items = list(source_items)
        # Stored text put back in a box: shown visibly, kept byte for byte unless edited.
        self.prefill = Prefill.for_input("")

    def compose(self) -> ComposeResult:
        """The label, a hint (the exercise's, else the kind's), the box, the problem line."""
        asked, kept = self.asked, self.kept
        yield Literal(asked.label, classes="practice-label")
        hint = asked.hint or self._kind_hint()
        if hint:
            yield Literal(hint, classes="settings-hint")
        box = f"box-{asked.id}"
        kind = asked.kind
        if kind is FieldKind.TEXT:
            self.prefill = Prefill.for_text_area(str(kept or ""))
            yield TextArea(self.prefill.shown, id=box, classes="practice-text")
        elif kind is FieldKind.LIST or (kind is FieldKind.RANKED and not asked.source):
            self.prefill = Prefill.for_text_area("\n".join(kept or ()))
            yield TextArea(self.prefill.shown, id=box, classes="practice-text")
        elif kind is FieldKind.RANKED:
            yield RankedList(self._ranked_items(), id=box)
        elif kind in (FieldKind.RATING, FieldKind.PERCENTAGE):
            high = RATING_HIGH if kind is FieldKind.RATING else PERCENT_HIGH
            yield Input(
                "" if kept is None else str(kept),
                restrict=r"\d{0,3}",
                id=box,
                placeholder=self.catalog.prompt("practice.number_placeholder", high=high),
            )
        elif kind is FieldKind.CHOICE:
            with RadioSet(id=box):
                for value, words in asked.choices:
                    yield RadioChoice(Content(words), value=value == kept)
        else:
            placeholder = self.catalog.prompt("practice.when_placeholder")
            self.prefill = Prefill.for_input(str(kept or ""))
            yield Input(self.prefill.shown, id=box, placeholder=placeholder)
        yield Literal("", classes="practice-problem", id=f"problem-{asked.id}")

    def _kind_hint(self) -> str:
        kind = self.asked.kind
        if kind is FieldKind.LIST or (kind is FieldKind.RANKED and not self.asked.source):
            return self.catalog.prompt("practice.list_hint")
        if kind is FieldKind.RANKED:
            return self.catalog.prompt("practice.ranked_hint")
        return ""

    def _ranked_items(self) -> list[str]:
        """The order kept before, when it still holds the source's items, else the source's."""
        kept = list(self.kept or ())
        return kept if sorted(kept) == sorted(self.source_items) else list(self.source_items)

    def raw(self) -> Any:
        """What is entered, as ``check_answer`` reads it."""
        kind, box = self.asked.kind, f"#box-{self.asked.id}"
        if kind is FieldKind.CHOICE:
            index = self.query_one(box, RadioSet).pressed_index
            return self.asked.choices[index][0] if index >= 0 else None
        if kind is FieldKind.RANKED and self.asked.source:
            return list(self.query_one(box, RankedList).items)
        if kind in (FieldKind.TEXT, FieldKind.LIST, FieldKind.RANKED):
            text = self.prefill.kept(self.query_one(box, TextArea).text)
            if kind is FieldKind.TEXT:
                return text.strip()
            return [line.strip() for line in text.splitlines() if line.strip()]
        typed = self.query_one(box, Input).value
        return (self.prefill.kept(typed) if kind is FieldKind.DATETIME else typed).strip()

    def say(self, problem: str) -> None:
        """Say in place what is wrong with this answer (or nothing)."""
        self.query_one(f"#problem-{self.asked.id}", Literal).update(problem)


class StoredText:
    """Stored text put back in a screen's boxes, by box id: shown visibly, and given back byte
    for byte unless the box was edited (``Prefill``)."""

    def __init__(self) -> None:
        self._prefills: dict[str, Prefill] = {}

    def text_area(self, box: str, stored: str, classes: str = "practice-text") -> TextArea:
        """A TextArea holding ``stored``."""
        prefill = self._prefills[box] = Prefill.for_text_area(stored)
        return TextArea(prefill.shown, id=box, classes=classes)

    def input(self, box: str, stored: str) -> Input:
        """An Input holding ``stored``."""
        prefill = self._prefills[box] = Prefill.for_input(stored)
        return Input(prefill.shown, id=box)

    def kept(self, box: str, typed: str) -> str:
        """What to keep of ``typed``, the box's text now."""
        return self._prefills[box].kept(typed)


def target_box(box: str, rating: int | None, catalog: Catalog) -> Input:
    """The box for the target rating (``coach.practice.TARGET``): digits only."""
    return Input(
        "" if rating is None else str(rating),
        id=box,
        restrict=r"\d{0,2}",
        placeholder=catalog.prompt("practice.number_placeholder", high=TARGET.high),
    )


def target_rating(typed: str) -> int | None:
    """A typed target rating, or None when none was typed; ``ValueError`` when it is off the
    scale."""
    text = typed.strip()
    if not text:
        return None
    rating = int(text) if text.isdecimal() else -1
    if not TARGET.low <= rating <= TARGET.high:
        raise ValueError(text)
    return rating
