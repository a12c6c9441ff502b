"""Help: the keys, and what the coach is and is not."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header

from coach.tui.widgets.literal import Literal

KEYS = """\
Home
  r  reflect at the end of the day        c  quick check-in
  h  history                               i  insights
  s  settings                              q  quit
Everywhere
  ctrl+q  quit (what you are writing is kept as a draft)
  ctrl+p  command palette                 f1  this help
  f2      support now                     escape  back one step
In a reflection
  tab / shift+tab  move between questions
  space            tick or untick a challenge, value or action
  left / right     change a rating (or type the number)
  ctrl+n           next step              ctrl+s  save
History
  /  search as you type    f  filters    x  clear them    enter  open the entry
An entry
  e  edit it    d  delete it (after asking)    m  save it as Markdown
Insights
  w  next window    1 / 2 / 3  the last 30, 90 or 365 days
Here
  a  about the coach: what it is, what it is not, where your journal lives"""


class HelpScreen(Screen[None]):
    """Keys and a word on what the coach is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="help.back"),
        Binding("a", "about", "About", id="help.about"),
    ]

    def compose(self) -> ComposeResult:
        """The keys, then what the coach is."""
        yield Header()
        with VerticalScroll(classes="step-body"):
            yield Literal("Help", classes="step-title")
            yield Literal(KEYS)
        yield Footer()

    def action_about(self) -> None:
        """What the coach is and is not, where the journal lives, how to delete it."""
        from coach.tui.screens.about import open_about

        open_about(self.app)
