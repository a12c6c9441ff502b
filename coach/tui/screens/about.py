"""About: what the coach is and is not, where the journal lives, and how to delete it.

The words are the content's (``[support.about]`` in ``content/support.toml``), so a service's
``--content`` overlay can reword them; the journal's folder is the one open now.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header

from coach.tui.base import CoachScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

# The About words, in the order shown; each is a key under [support.about] in support.toml.
ABOUT_PARAGRAPHS = ("is", "study", "is_not")
ABOUT_PRIVACY = ("private", "yours", "managed", "delete")


def paragraphs(words: Mapping[str, str], keys: tuple[str, ...]) -> str:
    """The About words under ``keys``, a blank line between each."""
    return "\n\n".join(text for key in keys if (text := words.get(f"about.{key}", "")))


class AboutScreen(CoachScreen[None]):
    """A calm page about the coach; escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="about.back"),
    ]

    def compose(self) -> ComposeResult:
        """What it is, what it is not, where the journal lives, how to delete it."""
        words = self.app.catalog.support_text
        yield Header()
        with VerticalScroll(classes="step-body", id="about-body"):
            yield Literal(words.get("about.title", "About"), classes="step-title")
            yield Literal(paragraphs(words, ABOUT_PARAGRAPHS), id="about-what")
            yield Literal(words.get("about.where", ""), classes="question")
            yield Literal(str(self.app.journal.data_dir), id="about-data-dir")
            privacy = paragraphs(words, ABOUT_PRIVACY)
            yield Literal(f"\n{privacy}", id="about-privacy")
        yield CoachFooter()


def open_about(app: App[Any]) -> None:
    """Show About, unless it is showing already (the palette and help both call this)."""
    if not isinstance(app.screen, AboutScreen):
        app.push_screen(AboutScreen())
