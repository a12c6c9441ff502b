"""The rows of history: a reflection's line or a practice record's, its cells as literal
``Content`` (user text never read as markup), laid out for the screen's width; and the check
on the date boxes above them."""

from __future__ import annotations

from textual.content import Content
from textual.validation import ValidationResult, Validator

from coach.content import Catalog
from coach.dates import dated_weekday
from coach.history_filter import DateBoundError, parse_bound
from coach.model import Reflection
from coach.practice import Practice
from coach.practice_history import Row
from coach.text import visible

NARROW_WIDTH = 100


def _fit(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def column_widths(total: int) -> dict[str, int]:
    """How wide each column's text is for a screen ``total`` cells wide."""
    wide = total >= NARROW_WIDTH
    # The kind column has room for "reflection CPD": a write-up is said in words, not colour.
    widths = {"date": 14 if wide else 10, "kind": 14, "strain": 6, "alignment": 5}
    # Each column takes two cells of padding; the scroll bar takes one more.
    spare = max(total - 1 - sum(widths.values()) - 2 * 6, 20)
    widths["challenge"] = spare // 2
    widths["actions"] = spare - widths["challenge"]
    return widths


def history_row(reflection: Reflection, widths: dict[str, int], catalog: Catalog) -> list[Content]:
    """The cells of one reflection's line: user text as literal ``Content``, never markup.

    Labels are made visible before they are cut to fit, so the width counts what is shown.
    """
    day = dated_weekday(reflection.date) if widths["date"] >= 14 else reflection.date.isoformat()
    challenge = visible(reflection.challenges[0].label) if reflection.challenges else ""
    if reflection.imported is not None:  # its title where a reflection names its challenge
        challenge = visible(reflection.imported.title or reflection.narrative)
    if len(reflection.challenges) > 1:
        more = f" +{len(reflection.challenges) - 1}"
        challenge = _fit(challenge, widths["challenge"] - len(more)) + more
    actions = "; ".join(visible(action.label) for action in reflection.actions)

    def score(found: int | None, width: int) -> Content:
        return Content(f"{'–' if found is None else found:>{width}}")

    return [
        Content(day),
        Content(kind_cell(reflection, catalog)),
        score(reflection.strain, widths["strain"]),
        score(reflection.alignment, widths["alignment"]),
        Content(_fit(challenge, widths["challenge"])),
        Content(_fit(actions, widths["actions"])),
    ]


def kind_cell(row: Row, catalog: Catalog) -> str:
    """The kind of entry, and "CPD" after it when it is written up as a CPD entry."""
    if isinstance(row, Practice):
        kind = catalog.prompt("practice_history.kind")
    else:
        kind = catalog.kind_word(row.kind, "short")
    return f"{kind} {catalog.prompt('cpd.mark')}" if row.cpd is not None else kind


def practice_row(practice: Practice, widths: dict[str, int], catalog: Catalog) -> list[Content]:
    """The cells of a practice record's line: its kind in words, no ratings, the exercise's
    title where a reflection names its challenge (never any of its answers)."""
    wide = widths["date"] >= 14
    day = dated_weekday(practice.date) if wide else practice.date.isoformat()
    return [
        Content(day),
        Content(kind_cell(practice, catalog)),
        Content(f"{'–':>{widths['strain']}}"),
        Content(f"{'–':>{widths['alignment']}}"),
        Content(_fit(visible(practice.title), widths["challenge"])),
        Content(""),
    ]


def row_cells(row: Row, widths: dict[str, int], catalog: Catalog) -> list[Content]:
    """The cells of any row of history."""
    if isinstance(row, Practice):
        return practice_row(row, widths, catalog)
    return history_row(row, widths, catalog)


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
