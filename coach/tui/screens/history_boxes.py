"""The boxes above history's rows: the check on the date boxes, and the filter drop-downs."""

from __future__ import annotations

from textual.validation import ValidationResult, Validator
from textual.widgets import Select

from coach.content import Catalog
from coach.history_filter import DateBoundError, parse_bound
from coach.model import Kind
from coach.practice_history import PRACTICE_KIND
from coach.tui.widgets.options import labelled, literal


class DateBound(Validator):
    """A date history understands (``parse_bound``); a failure says, in its words, what to type."""

    def __init__(self, *, end: bool) -> None:
        super().__init__()
        self.end = end

    def validate(self, value: str) -> ValidationResult:
        """Whether ``value`` is a day, a month or a year (empty is no bound, never a failure)."""
        try:
            parse_bound(value, end=self.end)
        except DateBoundError as error:
            return self.failure(str(error), value)
        return self.success()


def filter_selects(catalog: Catalog) -> list[Select[str]]:
    """The filter row: challenge, value, action and kind, each "any" until chosen."""
    kinds = [(literal(catalog.kind_word(kind)), kind.value) for kind in Kind]
    kinds.append((literal(catalog.prompt("practice_history.kind_title")), PRACTICE_KIND))
    return [
        Select[str](options, prompt=prompt, id=f"filter-{name}", compact=True)
        for name, prompt, options in (
            ("challenge", "Any challenge", labelled(catalog.challenges)),
            ("value", "Any value", labelled(catalog.values)),
            ("action", "Any action", labelled(catalog.coping)),
            ("kind", "Any kind", kinds),
        )
    ]
