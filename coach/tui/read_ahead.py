"""What the app does once home has settled: the collector runs again, and the whole journal is
read ahead for history and search (home needs none of it, so start-up does not wait for it).

A part of ``CoachApp`` (``coach.tui.app``) kept apart, as ``coach.tui.sealed`` is.
"""

from __future__ import annotations

import contextlib
import gc

from coach.journal import Journal, JournalError
from coach.tui.base import CoachAppBase, in_background
from coach.tui.messages import ReadAhead

WARM_UP_AFTER_SECONDS = 0.5  # home has settled by then
WARM_UP = "warm-up"  # the worker group reading the journal ahead


class ReadsAhead(CoachAppBase):
    """After start-up, for ``CoachApp`` (which starts it ``WARM_UP_AFTER_SECONDS`` in)."""

    _journal: Journal | None

    def _started(self) -> None:
        """Start-up is over: let the collector run again if the launch paused it for the start
        (``coach.tui.launch.opened_app``), then read the journal ahead for history and search.

        What start-up made (the modules, home, the content) lives as long as the app, so it is
        first put out of the collector's sight (``gc.freeze``): a full collection then looks
        only at what came after, rather than pausing the screen for the whole start-up's heap
        (30-120 ms, even on an empty journal, as a screen opens: ``bench_history.py``). The app
        lets it go again as it closes (``on_unmount``).
        """
        gc.freeze()
        gc.enable()
        self._read_ahead()

    def on_unmount(self) -> None:
        """The app is closing: what was put out of the collector's sight is in it again
        (``gc.unfreeze``), so whatever of it is garbage now can be collected."""
        gc.unfreeze()

    def on_journal_read_ahead(self, _message: ReadAhead) -> None:
        """A screen found the journal not held whole (a year changed since): read it again."""
        self._read_ahead()

    def _read_ahead(self) -> None:
        """Read the journal ahead in the background, one reading at a time: a request while
        one runs adds nothing (a year changed after it passed is read on the next request)."""
        reading = any(w.group == WARM_UP and not w.is_finished for w in self.workers)
        if self._journal is not None and not reading:
            self._warm_journal()

    @in_background("The journal could not be read ahead", group=WARM_UP)
    def _warm_journal(self) -> None:
        """Read the whole journal in the background, so history and search answer at once."""
        with contextlib.suppress(JournalError, OSError):
            # Damage is said by the screen that reads it (home, history, search, insights),
            # once each, not by a read the user did not ask for.
            self.journal.warm_up()
        # The journal read ahead is held until a year changes: out of the collector's sight
        # too, or every full collection would look through all of it (a year let go is still
        # freed at once: what the journal holds makes no cycles). Not once the app has closed
        # (a thread runs on to its end): all it froze is in sight again (``on_unmount``).
        if self.is_running:
            gc.freeze()
