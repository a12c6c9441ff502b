"""The Markdown export shows an imported note with where it came from, its title, tags, mood
and star, then its text, each shown literally: nothing in it can forge a heading or reach a
terminal raw."""

from __future__ import annotations

import datetime as dt

from coach.exports import export_markdown, reflection_markdown
from coach.imported import ImportedFrom, ImportSource
from coach.model import Kind, Reflection
from coach.text import FORBIDDEN
from tests.helpers.controls import NASTY
from tests.helpers.every_kind import NOTES

AT = dt.datetime(2026, 3, 4, 18, 7, tzinfo=dt.UTC)


def test_an_imported_note_shows_its_source_title_tags_mood_and_star() -> None:
    made = Reflection("n-1", AT.date(), AT, Kind.IMPORTED, narrative="Slept badly.\nWalked.",
                      imported=ImportedFrom(ImportSource.DAYLIO, "Monday", ("work", "sleep"),
                                            "meh", starred=True))  # fmt: skip
    assert reflection_markdown(made).splitlines() == [
        "# Imported note: Wednesday 4 March 2026, 18:07",
        "",
        "- From: daylio",
        "- Title: Monday",
        "- Tags: work, sleep",
        "- Mood: meh",
        "- Starred",
        "",
        "What I wrote:",
        "",
        "    Slept badly.",
        "    Walked.",
    ]


def test_a_notes_words_are_shown_literally_never_as_markdown_or_controls() -> None:
    hostile = f"# not a heading\n{NASTY}"
    kept = ImportedFrom(ImportSource.JRNL, hostile, (hostile,), hostile)
    made = Reflection("n-1", AT.date(), AT, Kind.IMPORTED, narrative=hostile, imported=kept)
    shown = export_markdown([made, *NOTES])
    assert not FORBIDDEN.search(shown)
    assert not [line for line in shown.splitlines() if line.startswith("# not")]
    assert "- Title: # not a heading" in shown
