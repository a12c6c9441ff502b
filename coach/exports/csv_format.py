"""The journal as one CSV table: a row for each entry (reflection, check-in, imported note).

RFC 4180 (Python's ``csv``, the excel dialect: fields quoted when they must be, rows ended
``\\r\\n``), UTF-8 without a byte-order mark, a header row first, entries oldest first. The
columns (``COLUMNS``) are fixed, in this order, each always present (empty when the entry has
nothing there):

- ``id``, ``date`` (YYYY-MM-DD, the day the entry is about), ``time`` (HH:MM, when it was
  written, on the clock where it was written), ``created`` (ISO 8601 with its offset), ``kind``
  (``reflection``, ``check-in``, ``imported-note``);
- the ratings as whole numbers: ``strain`` (0-10), ``feeling`` (0-3), ``alignment`` (0-10);
- ``challenges``, ``challenge_sides`` (individual or systemic, one for each challenge, in the
  same order), ``narrative``, ``values``, ``meaning``, ``weighed_most``, ``served``,
  ``mine_to_influence``, ``with_the_service``, ``to_a_colleague``, ``appraisal``
  (``comprehensible 3, manageable 2, meaningful 4``), ``coping_actions`` (each ``label
  (category, status[, helped N of 4])``), ``notes``, ``cpd`` (the model of a CPD write-up, if
  there is one: its text stays in the JSON export);
- an imported note's ``source``, ``title``, ``tags``, ``mood`` and ``starred`` (yes or empty).

A cell holding several things joins them with `` | `` (as Daylio does).

Text is as it was typed, with two exceptions, both for safety when the file is opened or
printed: a cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) gets
an apostrophe in front (``'=SUM(A1)``), which spreadsheets show as text, never run as a
formula (OWASP's advice against CSV injection); and control characters and bidi overrides are
shown through ``coach.text.visible`` (``␛``, ``\\u202e``), so printing the file cannot drive a
terminal. Newlines and tabs inside text are kept (the cell is quoted). For text byte for byte,
use the JSON export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from coach.exports.json_format import newest_first
from coach.model import APPRAISAL_PARTS, HELPFULNESS, Reflection
from coach.text import visible

COLUMNS = (
    "id",
    "date",
    "time",
    "created",
    "kind",
    "strain",
    "feeling",
    "alignment",
    "challenges",
    "challenge_sides",
    "narrative",
    "values",
    "meaning",
    "weighed_most",
    "served",
    "mine_to_influence",
    "with_the_service",
    "to_a_colleague",
    "appraisal",
    "coping_actions",
    "notes",
    "cpd",
    "source",
    "title",
    "tags",
    "mood",
    "starred",
)
JOINER = " | "
# What a spreadsheet may take as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """User text as a cell: controls made visible, a formula's start defused."""
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return visible(text)


def _number(found: int | None) -> str:
    return "" if found is None else str(found)


def _actions(reflection: Reflection) -> str:
    shown: list[str] = []
    for action in reflection.actions:
        parts = [action.category.value, action.status.value]
        if action.when.strip():
            parts.insert(1, action.when)
        if action.helpfulness is not None:
            parts.append(f"helped {action.helpfulness} of {HELPFULNESS.high}")
        shown.append(f"{action.label} ({', '.join(parts)})")
    return JOINER.join(shown)


def csv_row(reflection: Reflection) -> list[str]:
    """One entry's cells, in ``COLUMNS`` order."""
    imported = reflection.imported
    appraisal = reflection.appraisal
    weighed = reflection.weighed_most_challenge
    text = {
        "challenges": JOINER.join(c.label for c in reflection.challenges),
        "narrative": reflection.narrative,
        "values": JOINER.join(v.label for v in reflection.values),
        "meaning": reflection.meaning,
        "weighed_most": weighed.label if weighed is not None else "",
        "served": reflection.served.label if reflection.served is not None else "",
        "mine_to_influence": reflection.mine_to_influence,
        "with_the_service": reflection.with_the_service,
        "to_a_colleague": reflection.to_a_colleague,
        "coping_actions": _actions(reflection),
        "notes": reflection.notes,
        "title": imported.title if imported is not None else "",
        "tags": JOINER.join(imported.tags) if imported is not None else "",
        "mood": imported.mood if imported is not None else "",
    }
    fixed = {
        "id": reflection.id,
        "date": reflection.date.isoformat(),
        "time": reflection.created.strftime("%H:%M"),
        "created": reflection.created.isoformat(),
        "kind": reflection.kind.value,
        "strain": _number(reflection.strain),
        "feeling": _number(reflection.feeling),
        "alignment": _number(reflection.alignment),
        "challenge_sides": JOINER.join(c.dimension.value for c in reflection.challenges),
        "appraisal": ", ".join(f"{part} {getattr(appraisal, part)}" for part in APPRAISAL_PARTS)
        if appraisal is not None
        else "",
        "cpd": reflection.cpd.model.value if reflection.cpd is not None else "",
        "source": imported.source.value if imported is not None else "",
        "starred": "yes" if imported is not None and imported.starred else "",
    }
    # The fixed cells are never a formula or a control, but pass through ``cell`` with the
    # text all the same, so no column is left unguarded.
    cells = {**fixed, **text}
    return [cell(cells[name]) for name in COLUMNS]


def export_csv(reflections: Iterable[Reflection]) -> str:
    """Every entry as a CSV table, a header row first, oldest first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for reflection in reversed(newest_first(reflections)):
        writer.writerow(csv_row(reflection))
    return out.getvalue()
