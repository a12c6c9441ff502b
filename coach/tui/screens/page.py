"""What the pages a user opens to read and then leaves share: escape back, and their keys.

History, an entry and insights are each a page opened from another; escape (or a Back button)
closes it and returns to where the user was, handing any result to the page that opened it.
Each page's keys are named ``<page>.<action>`` (``history.open``), so a keymap can rebind any
of them; ``page_keys`` writes them so, escape back first, so every page's footer starts alike.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.screen import ScreenResultType

from coach.tui.base import CoachScreen


def page_keys(page: str, *keys: tuple[str, str, str]) -> list[BindingType]:
    """Escape back, then each ``(key, action, description)``, each with id ``<page>.<action>``."""
    return [
        Binding(key, action, description, id=f"{page}.{action}")
        for key, action, description in (("escape", "back", "Back"), *keys)
    ]


class PageScreen(CoachScreen[ScreenResultType]):
    """A page opened from another; ``back`` closes it (escape, in ``page_keys``).

    Textual's ``Screen`` comes first, ``ReportsFailures`` after: Textual takes a screen's CSS
    type names (``Screen.-wide``) and default CSS from the first base only.
    """

    # The pages' own CSS (history, an entry, insights) is the app's ``history.tcss``, read at
    # start-up: history's first page, opened straight after, does not wait for Textual to read
    # more CSS and restyle every screen (~25 ms at its first opening, by bench_history.py).
    CSS_PATH = None

    def action_back(self) -> None:
        """Back to where the user was."""
        self.dismiss()
