"""The footer every screen shows: Textual's own, its keys styled once as they are made."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports no name for it (pinned 8.2.8)

# Keys a crowded screen may leave out of its footer when narrow (``coach.tcss`` says which
# screens): the break (F3) and writing an entry up for CPD (c, in history and an entry) give
# way, so that they never push "f2 Support now" out of sight.
GIVES_WAY = {"take_break": "-gives-way", "cpd": "-gives-way"}
# In a tight footer (``TIGHT_WIDTH``, a 60-column terminal) these give way too, on every screen:
# each has a button on its screen, or works everywhere and is in F1's keys (quit), so what stays
# is the screen's own few keys, F1 and F2.
GIVES_WAY_WHEN_TIGHT = frozenset(
    {"quit", "take_break", "cpd", "history", "insights", "tools", "markdown", "clear", "filters"}
    | {"skip", "delete"}
)
TIGHT_WIDTH = 70


class CoachFooter(Footer):
    """Textual's ``Footer``, unchanged on screen, cheaper to remake.

    Textual remakes a footer's keys whenever the bindings change (three times as a screen
    opens), and each new key then restyles itself as its bound ``compact`` setting arrives: with
    this app's stylesheet about 30 ms of home's start-up (measured with
    ``benchmarks/bench_startup.py``). Each key here is made already in its compact state, so
    that restyle finds nothing to change.
    """

    def on_resize(self, event: events.Resize) -> None:
        """Tight (under ``TIGHT_WIDTH`` columns): compact, the palette's key and the keys that
        give way hidden (``coach.tcss``), so that F1 and F2 are never pushed off the end."""
        tight = event.size.width < TIGHT_WIDTH
        self.set_class(tight, "-tight")
        if tight:  # the palette's key gives way too: ctrl+p still opens it, and F1 lists it
            self.compact = True
            self.show_command_palette = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Textual binds each key's setting to the footer's, except the palette's key,
                # which keeps its own (compact).
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
                if widget.action in GIVES_WAY:
                    widget.add_class(GIVES_WAY[widget.action], update=False)
                if widget.action.removeprefix("app.") in GIVES_WAY_WHEN_TIGHT:
                    widget.add_class("-tight-gives-way", update=False)
            yield widget
