"""The rows of history: a reflection's line or a practice record's, its cells as literal
``Content`` (user text never read as markup), laid out for the screen's width, with the text
searched for marked; and what is said when there are none."""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.content import Content

from coach.content import Catalog
from coach.dates import dated_weekday
from coach.history_filter import HistoryFilter
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


def row_cells(
    row: Row, widths: dict[str, int], catalog: Catalog, search: str = ""
) -> list[Content]:
    """The cells of any row of history, the text searched for marked in them (``marked``)."""
    if isinstance(row, Practice):
        cells = practice_row(row, widths, catalog)
    else:
        cells = history_row(row, widths, catalog)
    return [marked(cell, search) for cell in cells]


MATCH_STYLE = "bold underline"  # seen without colour too (NO_COLOR, the high-contrast theme)


def marked(cell: Content, search: str) -> Content:
    """``cell`` with each place it holds the searched text (ignoring case) marked: a span over
    the literal text, which is never read as markup. Text cut off with "…" is not marked."""
    needle = search.strip()
    if not needle:
        return cell
    for found in re.finditer(re.escape(needle), cell.plain, re.IGNORECASE):
        cell = cell.stylize(MATCH_STYLE, found.start(), found.end())
    return cell


def count_line(rows: Iterable[Row], exhausted: bool) -> str:
    """How many entries are shown: "reflections", or "entries" once an imported note or a
    practice record is among them (neither is a reflection); "so far" while more can be read."""
    shown = list(rows)
    count = len(shown)
    if count == 0:
        return ""
    many = "reflection" if count == 1 else "reflections"
    if any(isinstance(row, Practice) or row.imported is not None for row in shown):
        many = "entry" if count == 1 else "entries"
    if not exhausted:
        return f"{count} {many} so far, newest first; more as you scroll"
    return f"{count} {many}, newest first"


def nothing_shown(history_filter: HistoryFilter, catalog: Catalog, clear_key: str) -> str:
    """What history says where its rows would be when there are none: nothing written yet, or
    nothing that matches the search and filters (and the key that clears them)."""
    if history_filter.is_empty:
        return catalog.prompt("history.none_yet")
    return catalog.prompt("history.nothing_matches", clear_key=clear_key)
