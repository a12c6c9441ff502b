"""What the app reads ahead once home has settled: the other screens' CSS, and the whole journal
for history and search. Neither is needed for home, so neither is read at start-up; read ahead,
neither is waited for when first needed.

A part of ``CoachApp`` (``coach.tui.app``) kept apart, as ``coach.tui.sealed`` is.
"""

from __future__ import annotations

import contextlib
import gc

from coach.journal import Journal, JournalError
from coach.tui.base import SCREENS_CSS, CoachAppBase, in_background
from coach.tui.messages import ReadAhead

WARM_UP_AFTER_SECONDS = 0.5  # home has settled by then
WARM_UP = "warm-up"  # the worker group reading the journal ahead


class ReadsAhead(CoachAppBase):
    """Reading ahead, for ``CoachApp`` (which starts it ``WARM_UP_AFTER_SECONDS`` in)."""

    _journal: Journal | None

    def _started(self) -> None:
        """Start-up is over: let the collector run again if the launch paused it for the start
        (``coach.tui.launch.opened_app``), then read ahead the other screens' CSS, and the
        journal for history and search."""
        gc.enable()
        self._read_screens_css()
        self._read_ahead()

    def _read_screens_css(self) -> None:
        """The other screens' CSS, read now that home has settled (home needs none of it), so
        the first screen opened need not: as Textual reads a screen's CSS when it first opens
        (and then finds it read)."""
        stylesheet = self.stylesheet
        unread = [path for path in SCREENS_CSS if not stylesheet.has_source(str(path))]
        for path in unread:
            stylesheet.read(path)
        if unread:
            stylesheet.reparse()
            stylesheet.update(self)

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
