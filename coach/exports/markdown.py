"""Reflections as a readable Markdown journal.

User text is written as it was typed and never escaped; it is placed so it can never start a
block of its own: short text follows a fixed lead on its line, and free text is an indented
block. So nothing a user writes can forge a heading or hide a line. Its control characters and
bidi overrides are shown through ``coach.text.visible``, so neither the file nor ``cat`` of it
can drive a terminal; the JSON export keeps them, escaped, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from coach.dates import clock_time, long_date
from coach.exports.json_format import newest_first
from coach.model import (
    ALIGNMENT,
    APPRAISAL,
    APPRAISAL_PARTS,
    FEELING,
    HELPFULNESS,
    KIND_TITLES,
    STRAIN,
    Kind,
    Reflection,
    Scale,
)
from coach.text import visible

# What Markdown (CommonMark) takes as the end of a line.
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")


def after_lead(lead: str, text: str, indent: int = 0) -> list[str]:
    """``lead`` (a list item) then user text; any further lines of it indented so they stay text.

    A line indented four columns past the item's content continues its paragraph (or, after a
    blank line, is a code block): it can never start a heading, list, quote or link definition.
    """
    first, *rest = (visible(line) for line in _LINE_ENDINGS.split(text))
    pad = " " * (indent + 6)
    return [f"{' ' * indent}{lead}{first}", *(f"{pad}{line}" if line else "" for line in rest)]


def text_block(text: str, indent: int = 0) -> list[str]:
    """Free text as an indented block, blank lines around it; its controls made visible."""
    pad = " " * (indent + 4)
    shown = (visible(line) for line in _LINE_ENDINGS.split(text))
    lines = [f"{pad}{line}" if line.strip(" \t") else "" for line in shown]
    return ["", *lines, ""]


def _score(found: int | None, scale: Scale) -> str:
    return "not rated" if found is None else f"{found} of {scale.high}"


def _hard_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for challenge in reflection.challenges:
        lines += after_lead(f"- {challenge.dimension.value.capitalize()}: ", challenge.label)
        if challenge.note.strip():
            lines += text_block(challenge.note, indent=2)
    if reflection.strain is not None:
        lines += ["", f"Strain (how demanding the day felt): {_score(reflection.strain, STRAIN)}"]
    if reflection.feeling is not None:
        lines += ["", f"How I was (okay to not coping): {_score(reflection.feeling, FEELING)}"]
    if reflection.narrative.strip():
        lines += ["", "What happened:", *text_block(reflection.narrative)]
    return lines


def _matters_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for value in reflection.values:
        lines += after_lead("- Value: ", value.label)
    if reflection.meaning.strip():
        lines += ["", "A moment that mattered:", *text_block(reflection.meaning)]
    weighed = reflection.weighed_most_challenge
    if weighed is not None:
        lines += ["", *after_lead("- Weighed most: ", weighed.label)]
    if reflection.served is not None:
        lines += after_lead("- In the service of: ", reflection.served.label)
    for lead, text in (  # no catalogue here: fixed leads, as for the other parts
        ("Mine to influence:", reflection.mine_to_influence),
        ("With the service or team:", reflection.with_the_service),
        ("What I'd say to a colleague who had this day:", reflection.to_a_colleague),
    ):
        if text.strip():
            lines += ["", lead, *text_block(text)]
    if reflection.appraisal is not None:
        appraisal = reflection.appraisal
        parts = (
            f"{part} {_score(getattr(appraisal, part), APPRAISAL)}" for part in APPRAISAL_PARTS
        )
        lines += ["", f"Seen in the light of these values, the day was: {', '.join(parts)}"]
    if reflection.alignment is not None:
        aligned = _score(reflection.alignment, ALIGNMENT)
        lines += ["", f"Alignment (how much the day let me work the way I want to): {aligned}"]
    return lines


def _help_part(reflection: Reflection) -> list[str]:
    lines: list[str] = []
    for action in reflection.actions:
        lines += after_lead(f"- {action.category.value.capitalize()}: ", action.label)
        if action.when.strip():
            lines += after_lead("- When: ", action.when, indent=2)
        lines.append(f"  - Status: {action.status.value}")
        lines.append(f"  - Helpfulness: {_score(action.helpfulness, HELPFULNESS)}")
    return lines


def _imported_part(reflection: Reflection) -> list[str]:
    """An imported note: where it came from, its title, tags, mood and star, then its text;
    each of the source's words shown literally, as the other parts' text is."""
    imported = reflection.imported
    if imported is None:
        return []
    lines = [f"- From: {imported.source.value}"]
    if imported.title.strip():
        lines += after_lead("- Title: ", imported.title)
    if imported.tags:
        lines += after_lead("- Tags: ", ", ".join(imported.tags))
    if imported.mood.strip():
        lines += after_lead("- Mood: ", imported.mood)
    if imported.starred:
        lines.append("- Starred")
    if reflection.narrative.strip():
        lines += ["", "What I wrote:", *text_block(reflection.narrative)]
    return lines


def _section(title: str, level: int, body: list[str]) -> list[str]:
    if not body:
        return []
    while body and not body[0]:
        body = body[1:]
    return ["", f"{'#' * level} {title}", "", *body]


def _reflection_lines(reflection: Reflection, level: int) -> list[str]:
    kind = KIND_TITLES[reflection.kind]
    title = f"{kind}, {clock_time(reflection.created)}"
    if level == 1:
        title = f"{kind}: {long_date(reflection.date)}, {clock_time(reflection.created)}"
    lines = [f"{'#' * level} {title}"]
    if reflection.kind is Kind.IMPORTED:  # its text is shown with its source's words
        lines += ["", *_imported_part(reflection)]
        reflection = reflection.with_changes(narrative="")
    lines += _section("What was hard", level + 1, _hard_part(reflection))
    lines += _section("What matters", level + 1, _matters_part(reflection))
    lines += _section("What will help", level + 1, _help_part(reflection))
    if reflection.notes.strip():
        lines += _section("Notes", level + 1, text_block(reflection.notes))
    if len(lines) == 1:
        lines += ["", "Nothing was written in this one."]
    return lines


def finish_lines(lines: list[str]) -> str:
    """Join lines, with no runs of blank lines and one trailing newline."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + "\n"


def reflection_markdown(reflection: Reflection) -> str:
    """One reflection as a Markdown document, laid out by phase."""
    return finish_lines(_reflection_lines(reflection, level=1))


def export_markdown(reflections: Iterable[Reflection], exported: dt.datetime | None = None) -> str:
    """A readable journal: newest first, one section per day, each reflection by phase."""
    ordered = newest_first(reflections)
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    count = f"{len(ordered)} reflection{'' if len(ordered) == 1 else 's'}"
    lines = [
        "# My reflection journal",
        "",
        f"From pwp-coach, {moment.strftime('%Y-%m-%d %H:%M')}: {count}, newest first.",
    ]
    day: dt.date | None = None
    for reflection in ordered:
        if reflection.date != day:
            day = reflection.date
            lines += ["", f"## {long_date(day)}"]
        lines += ["", *_reflection_lines(reflection, level=3)]
    return finish_lines(lines)
