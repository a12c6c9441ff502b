"""What the app does on every screen: plain notices, ctrl+c's hint, help (F1), support (F2), a
break (F3) and the command palette's commands.

A part of ``CoachApp`` (``coach.tui.app``) kept apart, so the app's own file holds the
reflection in progress and the way around.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from textual.app import SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from coach.text import visible
from coach.tui.base import CoachAppBase
from coach.tui.break_keeper import BreakKeeper
from coach.tui.palette import palette_commands

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class EverywhereKeys(CoachAppBase):
    """Notices, help, support, a break and the palette, for ``CoachApp``."""

    breaks: BreakKeeper

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice is plain text, whatever the caller asked: notices quote file names,
        errors, stored ids and content a service wrote, and none of it may be read as markup
        or reach the terminal with its control characters (``visible``)."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's): say which key quits, in plain words (Textual's own notice is
        markup, which ``notify`` here shows literally)."""
        keys = [k for k, active in self.active_bindings.items() if active.binding.action == "quit"]
        if keys:
            shown = self.get_key_display(Binding(keys[0], ""))
            words = self.catalog.prompt("quit.hint", quit_key=shown)
            self.notify(words, title=self.catalog.prompt("quit.title"))

    def action_help(self) -> None:
        """Show, or hide again, the keys of the screen in use (Textual's keys panel).

        It lists the bindings that screen and its focused widget really have, with any the user
        moved in settings, so help can never name a key that does nothing here.
        """
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_support(self) -> None:
        """Show where to find support now, from any screen."""
        from coach.tui.screens.support import SupportScreen

        if not isinstance(self.screen, SupportScreen):
            self.push_screen(SupportScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No break is offered while an encrypted journal is locked: it is noted in the
        journal (and the unlock screen is no place to leave a timer running)."""
        if action == "take_break":
            return self.unlocked and not self.breaks.taking()
        return True

    def action_take_break(self) -> None:
        """Choose how long, then the countdown, over whatever is showing (not over itself)."""
        self.breaks.take()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: the coach's own commands (``coach.tui.palette``), then
        Textual's own but "Keys", which does what Help does."""
        own = (c for c in super().get_system_commands(screen) if c.title != "Keys")
        return palette_commands(cast("CoachApp", self), screen, own)  # a part of CoachApp
