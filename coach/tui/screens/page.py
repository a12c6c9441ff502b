"""What the pages a user opens to read and then leaves share: escape back, and their keys.

History, an entry and insights are each a page opened from another; escape (or a Back button)
closes it and returns to where the user was, handing any result to the page that opened it.
Each page's keys are named ``<page>.<action>`` (``history.open``), so a keymap can rebind any
of them; ``page_keys`` writes them so, escape back first, so every page's footer starts alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.screen import Screen, ScreenResultType

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


def page_keys(page: str, *keys: tuple[str, str, str]) -> list[BindingType]:
    """Escape back, then each ``(key, action, description)``, each with id ``<page>.<action>``."""
    return [
        Binding(key, action, description, id=f"{page}.{action}")
        for key, action, description in (("escape", "back", "Back"), *keys)
    ]


class PageScreen(Screen[ScreenResultType]):
    """A page opened from another; ``back`` closes it (escape, in ``page_keys``)."""

    app: CoachApp

    def action_back(self) -> None:
        """Back to where the user was."""
        self.dismiss()
