"""A break under way: a calm countdown, a bell at the end, and back to where the user was.

The screen is pushed over whatever was showing (like support), so closing it returns the user
there with everything they had typed in place. Time is never slept on: ``tick`` reads the
app's clock and asks ``coach.breaks`` how long is left (a test moves the clock and calls it).
Escape ends the break early without asking; either way the break is noted in the journal as it
was (started, planned, lasted), in a worker on the app, so the note is kept after the screen
has closed.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle, VerticalGroup
from textual.widgets import Digits

from coach.breaks import BreakTimer, clock_face
from coach.time_away import Break
from coach.tui.base import CoachScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

TICK_SECONDS = 0.25  # how often the clock is read: the seconds shown never lag by more


class BreakScreen(CoachScreen[None]):
    """The time left, large; one line about stepping away; escape to come back sooner."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "end_early", "End the break", id="break.end"),
    ]

    def __init__(self, timer: BreakTimer) -> None:
        super().__init__()
        self.timer = timer
        self.ended: Break | None = None  # the break as noted, once it has ended
        self._leaving = False

    def compose(self) -> ComposeResult:
        """Nothing to type and nothing to read but the time: a break is not a form."""
        catalog = self.app.catalog
        with Middle(id="break-body"):
            with Center():
                yield Digits(clock_face(self.timer.length), id="break-left")
            with Center(), VerticalGroup(id="break-words"):
                yield Literal(catalog.prompt("break.away"), id="break-away")
                yield Literal("", id="break-end-early")
        yield CoachFooter(compact=True)

    def on_mount(self) -> None:
        """Name the key that ends the break (the user may have moved it in settings), and
        read the clock a few times a second."""
        keys = [
            self.app.get_key_display(active.binding)
            for active in self.active_bindings.values()
            if active.binding.action == "end_early"
        ]
        if keys:
            words = self.app.catalog.prompt("break.end_early", end_key=keys[0])
            self.query_one("#break-end-early", Literal).update(words)
        self.set_interval(TICK_SECONDS, self.tick)
        self.tick()

    def tick(self) -> None:
        """Show the time left by the app's clock; end the break once it is over."""
        if self.ended is not None:
            return
        now = self.app.clock()
        self.query_one("#break-left", Digits).update(clock_face(self.timer.remaining(now)))
        if self.timer.over(now):
            self._end(early=False)

    def action_end_early(self) -> None:
        """Come back sooner: no question asked, and the minutes away are noted."""
        if self.ended is None:
            self._end(early=True)

    def end_now(self) -> Break:
        """End the break as it stands, quietly, and leave noting it to the caller (the app,
        locking an idle journal, which closes this screen itself)."""
        self.ended = self.timer.record(self.app.clock())
        return self.ended

    def _end(self, *, early: bool) -> None:
        """Note the break, say so (a bell too, at its planned end) and go back."""
        catalog = self.app.catalog
        self.ended = ended = self.timer.record(self.app.clock())
        self.app.keep_record(ended)
        if early:
            words = catalog.prompt("break.ended_early", lasted=ended.lasted, planned=ended.planned)
            self.app.notify(words)
        else:
            self.app.bell()
            self.app.notify(catalog.prompt("break.over"), timeout=30)
        if self.is_active:
            self._leave()
        # Otherwise support (F2) is open over the timer: it closes when support does.

    def on_screen_resume(self) -> None:
        """Back from something opened over the timer: go on, or go back if it ended."""
        if self.ended is not None:
            self._leave()
        else:
            self.tick()

    def _leave(self) -> None:
        """Back to where the user was, once (a resume can come as the screen closes)."""
        if not self._leaving:
            self._leaving = True
            self.dismiss(None)
