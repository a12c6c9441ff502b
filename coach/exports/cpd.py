"""Reflections written up for CPD, as reflective statements in Markdown to paste into a
registration portfolio (``coach export --format cpd [--from DATE] [--to DATE]``).

Only the write-up leaves: its date, the reflective model, the hours when given, and the
learning, stage by stage under the headings the content gives each stage (``cpd.<stage>``).
Nothing else of the reflection (its narrative, challenges, notes) is in it: the write-up is
what the practitioner wrote for someone else to read. Every stage's text is also handed back
as a piece to check for patient-identifiable text (``coach.exports.shared``), named
"CPD entry of 3 Nov 2026" and by its heading, so a finding says where to look. A
self-practice record written up for CPD is a statement like any other, saying which exercise
it was (never its answers).

User text is placed as the Markdown journal places it (``coach.exports.markdown``): an
indented block whose control characters are made visible, so nothing typed can forge a
heading of the statement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coach.content import Catalog
from coach.cpd_figures import hours_text
from coach.dates import long_date, short_date
from coach.exports.json_format import newest_first
from coach.exports.markdown import after_lead, finish_lines, text_block
from coach.exports.shared import Piece, Shared, pieces_of
from coach.model import CpdWriteUp, Reflection
from coach.practice import Practice


def entry_name(day: dt.date) -> str:
    """How a statement is named, in the export and in a finding: ``CPD entry of 3 Nov 2026``."""
    return f"CPD entry of {short_date(day)} {day.year}"


def in_range(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether ``day`` is within the range, both ends included (None: open at that end)."""
    return (since is None or since <= day) and (until is None or day <= until)


def _statement(
    day: dt.date, cpd: CpdWriteUp, catalog: Catalog, practised: str | None = None
) -> tuple[list[str], list[Piece]]:
    model = catalog.prompt(f"cpd.model.{cpd.model.value}")
    lines = ["", f"## {entry_name(day)}", "", f"- Date: {long_date(day)}"]
    if practised is not None:  # the exercise's title: the content's words, not journal text
        lines += after_lead(f"- {catalog.prompt('practice_history.kind_title')}: ", practised)
    if cpd.hours is not None:
        hours = hours_text(cpd.hours)
        lines.append(f"- Hours: {hours} hour{'' if cpd.hours == 1 else 's'}")
    lines += [f"- Reflective model: {model}", "", "The learning, stage by stage:"]
    headed: list[tuple[str, str]] = []
    for stage, text in cpd.stages:
        heading = catalog.prompt(f"cpd.{stage}")
        headed.append((heading, text))
        body = text_block(text) if text.strip() else ["", "Nothing written in this stage.", ""]
        lines += ["", f"### {heading}", *body]
    return lines, list(pieces_of(entry_name(day), headed))


def cpd_statements(
    reflections: Iterable[Reflection],
    catalog: Catalog,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    exported: dt.datetime | None = None,
    practice: Iterable[Practice] = (),
) -> Shared:
    """The reflections (and ``practice`` records) written up for CPD dated from ``since`` to
    ``until`` (both included), oldest first, as one Markdown document and the pieces of
    journal text it holds."""
    chosen: list[tuple[dt.date, CpdWriteUp, str | None]] = [
        (reflection.date, reflection.cpd, None)
        for reflection in reversed(newest_first(reflections))
        if reflection.cpd is not None and in_range(reflection.date, since, until)
    ]
    chosen += [
        (p.date, p.cpd, p.title)
        for p in practice
        if p.cpd is not None and in_range(p.date, since, until)
    ]
    chosen.sort(key=lambda found: found[0])  # stable: a day's reflections keep their order
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    count = f"{len(chosen)} entr{'y' if len(chosen) == 1 else 'ies'}"
    span = ""
    if since is not None:
        span += f", from {long_date(since)}"
    if until is not None:
        span += f"{' to' if since else ', up to'} {long_date(until)}"
    lines = [
        "# My CPD reflective statements",
        "",
        f"From pwp-coach, {moment.strftime('%Y-%m-%d %H:%M')}: {count}{span}, oldest first.",
    ]
    if not chosen:
        lines += ["", "No reflections written up for CPD in this period."]
    pieces: list[Piece] = []
    for day, cpd, practised in chosen:
        more_lines, more_pieces = _statement(day, cpd, catalog, practised)
        lines += more_lines
        pieces += more_pieces
    return Shared(finish_lines(lines), tuple(pieces))
