"""A reflection laid out by phase, as history shows it; user text is always literal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from coach.content import Catalog
from coach.dates import long_date
from coach.model import (
    ALIGNMENT,
    APPRAISAL,
    APPRAISAL_IN_WORDS,
    APPRAISAL_PARTS,
    FEELING,
    HELPFULNESS,
    STRAIN,
    Reflection,
    Scale,
    Status,
)
from coach.tui.widgets.literal import Literal

STATUS_WORDS = {
    Status.PLANNED: "planned",
    Status.DONE: "done",
    Status.PARTLY: "partly done",
    Status.SKIPPED: "not done",
}


def _score(found: int | None, scale: Scale) -> str:
    return "not rated" if found is None else f"{found}/{scale.high}"


def _in_words(reflection: Reflection, catalog: Catalog) -> list[str]:
    """The appraisal in words: each question the user answered, then their answer."""
    lines = []
    weighed = reflection.weighed_most_challenge
    if weighed is not None:
        lines.append(f"{catalog.prompt('phase2.weighed_most')} {weighed.label}")
    if reflection.served is not None:
        lines.append(f"{catalog.prompt('phase2.served')} {reflection.served.label}")
    for name in APPRAISAL_IN_WORDS:
        text = getattr(reflection, name)
        if text.strip():
            lines += [catalog.prompt(f"phase2.{name}"), text]
    return lines


def imported_sections(reflection: Reflection, catalog: Catalog) -> list[tuple[str, str]]:
    """An imported note as it came: where from, then its title, tags, mood and star, then its
    text; never laid out by phase, since it was not written through them."""
    note = reflection.imported
    assert note is not None
    kind = catalog.kind_word(reflection.kind)
    source = catalog.prompt(f"imported.source.{note.source.value}")
    about = [catalog.prompt("imported.from", source=source)]
    about.append(
        f"{catalog.prompt('imported.title')} {note.title or catalog.prompt('imported.untitled')}"
    )
    if note.tags:
        about.append(f"{catalog.prompt('imported.tags')} {', '.join(note.tags)}")
    if note.mood:
        about.append(f"{catalog.prompt('imported.mood')} {note.mood}")
    if note.starred:
        about.append(catalog.prompt("imported.starred"))
    return [
        (f"{kind} · {long_date(reflection.date)}", "\n".join(about)),
        ("", reflection.narrative),
    ]


def reflection_sections(reflection: Reflection, catalog: Catalog) -> list[tuple[str, str]]:
    """(heading, plain text) for each phase of a reflection that has something in it."""
    if reflection.imported is not None:
        return imported_sections(reflection, catalog)
    kind = catalog.kind_word(reflection.kind)
    sections = [(f"{kind} · {long_date(reflection.date)}", "")]
    hard = [f"Strain: {_score(reflection.strain, STRAIN)}"]
    if reflection.feeling is not None:
        feeling = catalog.scale(FEELING.labels)[reflection.feeling - FEELING.low]
        hard.append(f"{catalog.prompt('feeling.question')} {feeling}")
    for challenge in reflection.challenges:
        note = f": {challenge.note}" if challenge.note else ""
        side = catalog.prompt(f"phase1.{challenge.dimension.value}_short")
        hard.append(f"· {challenge.label} ({side}){note}")
    if reflection.narrative:
        hard.append(reflection.narrative)
    sections.append((catalog.prompt("phase1.title"), "\n".join(hard)))
    matters = []
    if reflection.values:
        matters.append("At stake: " + ", ".join(v.label for v in reflection.values))
    if reflection.meaning:
        matters.append(reflection.meaning)
    matters += _in_words(reflection, catalog)
    if reflection.appraisal is not None:
        labels = catalog.scale(APPRAISAL.labels)
        for part in APPRAISAL_PARTS:
            found = getattr(reflection.appraisal, part)
            label = labels[found - APPRAISAL.low]
            matters.append(
                f"{catalog.prompt(f'phase2.{part}')} {label} ({_score(found, APPRAISAL)})"
            )
    matters.append(f"Alignment with my values: {_score(reflection.alignment, ALIGNMENT)}")
    sections.append((catalog.prompt("phase2.title"), "\n".join(matters)))
    helps = []
    for action in reflection.actions:
        rated = (
            ""
            if action.helpfulness is None
            else f", helped {_score(action.helpfulness, HELPFULNESS)}"
        )
        when = f" ({action.when})" if action.when else ""
        helps.append(f"· {action.label}{when}: {STATUS_WORDS[action.status]}{rated}")
    sections.append((catalog.prompt("phase3.title"), "\n".join(helps) or "Nothing chosen."))
    if reflection.notes:
        sections.append(("Notes", reflection.notes))
    return sections


class ReflectionView(Vertical):
    """The whole reflection, phase by phase, as plain text."""

    DEFAULT_CSS = """
    ReflectionView { height: auto; }
    ReflectionView .section-heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, reflection: Reflection, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reflection = reflection
        self.catalog = catalog

    def show(self, reflection: Reflection) -> None:
        """Show ``reflection`` instead (the same entry, changed)."""
        self.reflection = reflection
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        """A heading and a body for each phase."""
        for heading, body in reflection_sections(self.reflection, self.catalog):
            if heading:
                yield Literal(heading, classes="section-heading")
            if body:
                yield Literal(body, classes="section-body")
