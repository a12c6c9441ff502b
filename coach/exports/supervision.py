"""A supervision agenda as Markdown, holding what was ticked and nothing else.

The journal is private; the practitioner shares what they choose. So the document holds:

- the ticked themes of the period (``coach.supervision_prep``), in the content's words;
- each ticked reflection: its kind and date, the challenges it named (their labels and side,
  not their notes) and what happened (its narrative). Nothing else of it: not its values,
  appraisal or coping, which were never offered for ticking;
- each reflection whose notes were ticked: its own notes (under the same heading when the
  reflection was ticked too, else under a heading of its own);
- "what I want to bring", in the practitioner's words.

Every piece of journal text in it is also in ``Shared.pieces`` (entry "reflection of 3 Nov
2026", field "narrative"; a theme's own label as entry "themes"), so the identifier check
covers all of it. User text is laid out as the Markdown journal lays it out
(``coach.exports.markdown``): after a fixed lead or as an indented block, its controls made
visible, so it can never forge a heading or drive a terminal. The words are the content's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from coach.dates import long_date, short_date
from coach.exports.markdown import after_lead, finish_lines, text_block
from coach.exports.shared import Piece, Shared, pieces_of
from coach.model import Dimension, Reflection
from coach.supervision import Agenda
from coach.supervision_prep import Theme, ThemeKind, Trend

Words = Callable[..., str]  # the content's prompt: words(key, **placeholders)

THEMES_ENTRY = "themes"
AGENDA_ENTRY = "agenda"
BRING_FIELD = "what I want to bring"
THEME_FIELDS = {ThemeKind.CHALLENGE: "challenge", ThemeKind.HELPED: "what helped",
                ThemeKind.NOT_DONE: "not done"}  # fmt: skip


def theme_line(theme: Theme, words: Words) -> str:
    """One theme in the content's words (the prepare screen shows the same line)."""
    kind = theme.kind
    if kind is ThemeKind.CHALLENGE or kind is ThemeKind.PRESSURES:
        side = "systemic" if theme.systemic else "individual"
        key = f"supervision.theme_{kind.value}_{side}"
    elif kind is ThemeKind.FEELING or kind is ThemeKind.STRAIN:
        key = f"supervision.theme_{kind.value}_{(theme.trend or Trend.FEW).value}"
    else:
        key = f"supervision.theme_{kind.value.replace('-', '_')}"
    mean = "" if theme.mean is None else f"{theme.mean:.1f}"
    return words(key, label=theme.label, count=theme.count, of=theme.of, mean=mean)


def entry_name(reflection: Reflection) -> str:
    """How a finding names a reflection: "reflection of 3 Nov 2026"."""
    return f"{reflection.kind.value} of {short_date(reflection.date)} {reflection.date.year}"


def side_lead(dimension: Dimension, words: Words) -> str:
    """The lead of a challenge's line: which side of the model it sat on."""
    return words(f"supervision.md_challenge_{dimension.value}")


def _reflection_part(
    reflection: Reflection, words: Words, *, whole: bool, notes: bool
) -> tuple[list[str], list[Piece]]:
    entry = entry_name(reflection)
    kind = words(f"kind.{reflection.kind.value}.title")
    lines = ["", f"### {words('supervision.md_entry', kind=kind, date=long_date(reflection.date))}"]
    pieces: list[Piece] = []
    if whole:
        lines.append("")
        for challenge in reflection.challenges:
            lines += after_lead(f"- {side_lead(challenge.dimension, words)}", challenge.label)
        pieces += pieces_of(entry, (("challenge", c.label) for c in reflection.challenges))
        if reflection.narrative.strip():
            lines += ["", words("supervision.md_what_happened"), *text_block(reflection.narrative)]
            pieces += pieces_of(entry, [("narrative", reflection.narrative)])
    if notes and reflection.notes.strip():
        lines += ["", words("supervision.md_notes"), *text_block(reflection.notes)]
        pieces += pieces_of(entry, [("notes", reflection.notes)])
    return lines, pieces


def supervision_markdown(
    agenda: Agenda,
    period_themes: Iterable[Theme],
    reflections: Mapping[str, Reflection],
    words: Words,
    *,
    prepared: bool = True,
) -> Shared:
    """The agenda as Markdown, and every piece of journal text it holds.

    ``period_themes``: the themes of the agenda's period as they stand now (only the ticked
    ones are written); ``reflections``: the journal's reflections by id (a ticked one since
    deleted is left out); ``prepared``: False for the themes-only document of a period no
    agenda was prepared for.
    """
    since, until = long_date(agenda.since), long_date(agenda.until)
    lines = [f"# {words('supervision.md_title')}", ""]
    if prepared:
        made = long_date(agenda.created.date())
        lines.append(words("supervision.md_prepared", prepared=made, since=since, until=until))
    else:
        lines.append(words("supervision.md_unprepared", since=since, until=until))
    pieces: list[Piece] = []
    if agenda.bring.strip():
        lines += ["", f"## {words('supervision.md_bring')}", *text_block(agenda.bring)]
        pieces += pieces_of(AGENDA_ENTRY, [(BRING_FIELD, agenda.bring)])
    ticked = set(agenda.themes)
    chosen = [theme for theme in period_themes if theme.key in ticked]
    if chosen:
        lines += ["", f"## {words('supervision.md_themes')}", ""]
        for theme in chosen:
            lines += after_lead("- ", theme_line(theme, words))
            if theme.kind in THEME_FIELDS:
                pieces += pieces_of(THEMES_ENTRY, [(THEME_FIELDS[theme.kind], theme.label)])
    brought = [
        reflections[rid]
        for rid in dict.fromkeys((*agenda.reflections, *agenda.notes))
        if rid in reflections
    ]
    brought.sort(key=lambda r: r.sort_key)
    if brought:
        lines += ["", f"## {words('supervision.md_entries')}"]
    for reflection in brought:
        whole, notes = reflection.id in agenda.reflections, reflection.id in agenda.notes
        part, found = _reflection_part(reflection, words, whole=whole, notes=notes)
        lines += part
        pieces += found
    if not (agenda.bring.strip() or chosen or brought):
        lines += ["", words("supervision.md_nothing")]
    return Shared(finish_lines(lines), tuple(pieces))


def period_agenda(since: dt.date, until: dt.date, period_themes: Iterable[Theme]) -> Agenda:
    """An agenda of every theme of a period and nothing else: what the export writes when
    none was prepared (never a reflection's text, which only a tick brings)."""
    return Agenda.new(since, until, themes=tuple(theme.key for theme in period_themes))
