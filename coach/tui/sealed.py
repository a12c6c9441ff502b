"""An encrypted journal in the app: opened by its passphrase, locked again when left idle, and
re-opened under a new sealing when a passphrase is set, changed or removed in settings.

A part of ``CoachApp`` (``coach.tui.app``) kept apart, so the app's own file holds the
reflection in progress and the way around. It reads and sets the app's journal fields
(``_journal``, ``_locked``), which only the app and this part touch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events

from coach.journal import Journal, JournalError, LockedJournal
from coach.settings import Settings, read_settings
from coach.tui.base import in_background
from coach.tui.break_keeper import BreakKeeper
from coach.tui.kept_choices import KeptChoices
from coach.tui.messages import Resealed, Resealing, Unlocked
from coach.tui.read_ahead import ReadsAhead
from coach.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from coach.session import ReflectionSession


class KeepsJournalSealed(ReadsAhead):
    """Unlocking, idle locking and resealing, for ``CoachApp``."""

    _journal: Journal | None
    _locked: LockedJournal | None
    _resealing: bool
    _session: ReflectionSession | None  # the reflection in progress, if one was begun
    _flow_base: int
    _last_input: float
    idle_clock: Callable[[], float]
    _to_keep: Callable[[], dict[str, Any] | None]  # the draft as it should be kept now
    breaks: BreakKeeper
    kept_choices: KeptChoices

    def _journal_open(self) -> None:
        """What the app does once its journal is open (``CoachApp``)."""
        raise NotImplementedError

    def save_draft_soon(self) -> None:
        """Keep the reflection in progress now (``CoachApp``)."""
        raise NotImplementedError

    def on_journal_unlocked(self, message: Unlocked) -> None:
        """The passphrase opened the journal: home, in the user's theme and keys."""
        self._journal, self._locked = message.journal, None
        self._last_input = self.idle_clock()
        self.kept_choices.apply_saved()
        while len(self.screen_stack) > 1:  # the unlock screen (and F2's support, if open)
            self.pop_screen()
        home = self.screen_stack[0]
        if isinstance(home, HomeScreen):
            home.refresh_summary()
        self._journal_open()
        self._warm_journal()

    def on_journal_resealing(self, message: Resealing) -> None:
        """The journal's files are being rewritten: the draft waits, so it is never written
        under the sealing being replaced (that write would be refused)."""
        self._resealing = True

    def on_journal_resealed(self, message: Resealed) -> None:
        """The passphrase was set or removed in settings: the journal opened again under its
        new sealing replaces the old one, screens stay as they are, and the draft is kept in
        it at once."""
        self._resealing = False
        was, opened = self._journal, message.journal
        if opened is not None:
            self._journal = opened
            if was is not None and was is not opened:
                was.close()
        self.save_draft_soon()

    async def on_event(self, event: events.Event) -> None:
        """Every key, click and mouse move counts as use (for locking when idle)."""
        if isinstance(event, events.InputEvent):
            self._last_input = self.idle_clock()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        """Lock an encrypted journal left unused for the minutes the settings say."""
        journal = self._journal
        if journal is None or not journal.encrypted:
            return
        try:
            minutes = read_settings(journal).lock_after_minutes
        except (JournalError, OSError):
            minutes = Settings().lock_after_minutes
        if self.idle_clock() - self._last_input >= minutes * 60:
            self.lock(minutes)

    @in_background("Not locked", group="lock", exclusive=True)
    def lock(self, minutes: int) -> None:
        """Keep what is being written (encrypted, as the journal keeps everything), then lock.

        If the draft cannot be kept the journal stays open and says why: locking must never
        lose what someone wrote.
        """
        journal = self._journal
        if journal is None:
            return
        state = self._to_keep()
        if state is not None and journal.read_only is None:
            journal.save_draft(state)
        # A break under way is ended where the screen ticks (so it cannot end twice) and
        # noted as it stands: its screen closes with the rest.
        for ended in self.call_from_thread(self.breaks.end_for_lock):
            if journal.read_only is None:
                journal.save_record(ended)
        self.call_from_thread(self._locked_now, journal, minutes)

    def _locked_now(self, journal: Journal, minutes: int) -> None:
        """Every screen closed, the journal let go, the unlock screen shown."""
        if self._journal is not journal:
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._session = None  # nothing in progress: a new session when one begins
        self._flow_base = 1
        self._locked, self._journal = LockedJournal(journal.data_dir), None
        journal.close()
        self._show_unlock(
            self._locked, notice=self.catalog.prompt("unlock.locked_idle", minutes=minutes)
        )

    def _show_unlock(self, locked: LockedJournal, *, notice: str = "") -> None:
        """The unlock screen, over home (which reads nothing until the journal is open)."""
        from coach.tui.screens.unlock import UnlockScreen

        self.push_screen(UnlockScreen(locked, notice=notice))
