"""The coach's commands in the command palette (ctrl+p), before Textual's own.

Support and help are always there; the rest only once the journal is open (an encrypted one
shows nothing of itself until its passphrase is given). On home, its own actions too. Apart
from the app so ``app.py`` stays about the app's own work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from coach.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


def palette_commands(
    app: CoachApp, screen: Screen[Any], textual_own: Iterable[SystemCommand]
) -> Iterator[SystemCommand]:
    """The coach's commands for ``screen``, then ``textual_own``."""
    from coach.tui.screens.about import open_about
    from coach.tui.screens.people import open_people
    from coach.tui.screens.settings import open_settings

    yield SystemCommand("Support now", "Where to find help now (F2)", app.action_support)
    yield SystemCommand("Help", "The keys of this screen, shown or hidden (F1)", app.action_help)
    if not app.unlocked:  # locked: nothing of the journal's until it is opened
        yield from textual_own
        return
    yield SystemCommand("About", "What the coach is and is not", lambda: open_about(app))
    yield SystemCommand(
        "Settings", "Core values, my own support, theme (s)", lambda: open_settings(app)
    )
    if not app.breaks.taking():
        yield SystemCommand(
            "Take a break", "A timed break away from the screen (F3)", app.action_take_break
        )
    if isinstance(screen, HomeScreen):
        yield SystemCommand("Reflect", "End-of-day reflection (r)", screen.action_reflect)
        yield SystemCommand("Quick check-in", "Under a minute (c)", screen.action_check_in)
        yield SystemCommand("History", "Every reflection, with search (h)", screen.action_history)
        yield SystemCommand(
            "Insights", "What helps, and how it is going (i)", screen.action_insights
        )
        yield SystemCommand("Tools", "Leave, breaks, closing the day (t)", screen.action_tools)
        yield SystemCommand("Plan leave", "My leave, in view (l)", screen.action_plan_leave)
        yield SystemCommand(
            "Self-practice", "Exercises on myself, my programme (p)", screen.action_practice
        )
        yield SystemCommand(
            "My people", "People I can turn to; I reached out (t, p)", lambda: open_people(app)
        )
    yield from textual_own
