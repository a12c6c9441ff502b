"""Breaks taken with F3 from any screen: one at a time, only while the journal is open, and
ended as they stand when an encrypted journal locks itself.

The app keeps one ``BreakKeeper`` (beside ``KeptChoices``); its F3 action, its check of that
action and its lock ask it. Apart from the app so ``app.py`` stays about the app's own work.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, cast

from textual.app import App

from coach.tui.base import CoachAppBase

if TYPE_CHECKING:
    from coach.time_away import Break


# The screens of a break: choosing how long, then the countdown.
_BREAK_SCREENS = (
    ("coach.tui.screens.break_choice", "BreakChoiceScreen"),
    ("coach.tui.screens.break_timer", "BreakScreen"),
)


class BreakKeeper:
    """Chooses, starts and ends the break under way, over whatever is showing."""

    def __init__(self, app: App[Any]) -> None:
        # What every screen may know of the app (never coach.tui.app, which imports this).
        self.app = cast(CoachAppBase, app)

    def taking(self) -> bool:
        """Whether a break is being chosen or counted down (F3 then opens nothing more)."""
        # A break's screen can only be showing once its module is imported: looked up, not
        # imported here, as Textual asks this (through the app's check of F3) on every start.
        kinds = tuple(
            getattr(sys.modules[module], name)
            for module, name in _BREAK_SCREENS
            if module in sys.modules
        )
        return any(isinstance(s, kinds) for s in self.app.screen_stack)

    def take(self) -> None:
        """Choose how long, then the countdown (not over a break already under way)."""
        from coach.tui.screens.break_choice import BreakChoiceScreen

        if self.app.unlocked and not self.taking():
            self.app.push_screen(BreakChoiceScreen(), self._start)

    def _start(self, minutes: int | None) -> None:
        """The countdown of the minutes chosen, from now by the app's clock."""
        from coach.breaks import BreakTimer
        from coach.tui.screens.break_timer import BreakScreen

        if minutes is not None and self.app.unlocked:
            timer = BreakTimer(started=self.app.clock(), planned=minutes)
            self.app.push_screen(BreakScreen(timer))

    def end_for_lock(self) -> list[Break]:
        """End the break under way, if there is one, as it stands (the journal is locking)."""
        from coach.tui.screens.break_timer import BreakScreen

        stack = self.app.screen_stack
        return [s.end_now() for s in stack if isinstance(s, BreakScreen) and s.ended is None]
