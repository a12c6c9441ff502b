"""The Textual application: the journal, the content, the reflection in progress, the way around.

The rules of the reflection in progress live in ``coach.session``; the app carries out what it
decides, on screen: it asks where the session asks (``push_screen_wait`` in a worker), opens
the steps, and keeps the draft in the journal every few seconds and at every step. Screens say
what the user did with messages (``coach.tui.messages``); every journal write runs in a thread
worker, so the screen never freezes, and a failure is said once (``coach.tui.base``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker

from coach.content import Catalog
from coach.follow_up import waiting
from coach.journal import Journal, JournalError, JournalLocked, LockedJournal
from coach.model import Kind, ModelError, Reflection, now
from coach.tui.base import failure_message, in_background
from coach.tui.break_keeper import BreakKeeper
from coach.tui.everywhere import EverywhereKeys
from coach.tui.kept_choices import KeptChoices
from coach.tui.messages import (
    Begin,
    EditEntry,
    EntryChanged,
    FollowUpNow,
    GoHome,
    Saved,
    SaveNow,
    StepBack,
    StepForward,
)
from coach.tui.read_ahead import WARM_UP_AFTER_SECONDS
from coach.tui.screens.home import HomeScreen
from coach.tui.sealed import KeepsJournalSealed
from coach.tui.themes import COACH_THEMES

if TYPE_CHECKING:
    from coach.draft import ReflectionDraft
    from coach.session import Next, ReflectionSession, SavedDraft

AUTOSAVE_SECONDS = 3.0
IDLE_CHECK_SECONDS = 10.0  # how often an encrypted journal's idle time is looked at


class CoachApp(KeepsJournalSealed, EverywhereKeys):
    """pwp-coach in the terminal (its encrypted journal's unlocking, idle locking and
    resealing: ``coach.tui.sealed``; what it does on every screen: ``coach.tui.everywhere``)."""

    TITLE = "pwp-coach"
    # Home's, the pages' (history, an entry, insights) and what is shared; the writing and the
    # tools' own are read when first needed (``SCREENS_CSS``, coach.tui.base).
    CSS_PATH = ["coach.tcss", "history.tcss"]  # noqa: RUF012 (Textual's own type)
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's own type)
    # Under 24 rows (a 60x20 pane) dialogs close up their spacing to keep their buttons in sight.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012 (Textual's own type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
        Binding("f2", "support", "Support now", id="support", priority=True),
        # Priority, as support's: a break is taken from a dialog or a box being typed in too.
        Binding("f3", "take_break", "Break", id="break", priority=True),
    ]

    def __init__(
        self,
        journal: Journal | LockedJournal,
        catalog: Catalog,
        *,
        clock: Callable[[], dt.datetime] = now,
        offer_draft: bool = True,
        idle_clock: Callable[[], float] = monotonic,
    ) -> None:
        """``journal``: the journal, or an encrypted one still ``LockedJournal`` (the app
        opens on the unlock screen). ``idle_clock``: seconds, for locking when idle."""
        super().__init__()
        self._journal = journal if isinstance(journal, Journal) else None
        self._locked = journal if isinstance(journal, LockedJournal) else None
        self.idle_clock = idle_clock
        self._last_input = idle_clock()
        self.catalog = catalog
        self.clock = clock
        self.offer_draft = offer_draft
        self._session: ReflectionSession | None = None  # made when first needed (``session``)
        self._draft_problem: str | None = None  # the last reason a draft could not be saved
        self._resealing = False  # a passphrase being set or removed: the draft waits
        self._flow_base = 1  # how many screens were open under the steps when they opened
        self.kept_choices = KeptChoices(self)
        self.breaks = BreakKeeper(self)
        for theme in COACH_THEMES:
            self.register_theme(theme)
        self.kept_choices.apply_saved()  # before the first frame, so it is drawn in that theme

    # --- start and stop ------------------------------------------------------------------

    @property
    def journal(self) -> Journal:
        """The journal open now; ``JournalLocked`` while an encrypted one is locked."""
        if self._journal is None:
            raise JournalLocked(self._locked.data_dir if self._locked else Path.cwd())
        return self._journal

    @property
    def unlocked(self) -> bool:
        """Whether a journal is open (an encrypted one is not, until its passphrase is given)."""
        return self._journal is not None

    def get_default_screen(self) -> Screen[Any]:
        """Home is the bottom of the stack (under an encrypted journal's unlock screen, which
        hides it until the journal is open)."""
        return HomeScreen()

    def on_mount(self) -> None:
        """Start autosaving and (once the journal is open) use it; an encrypted journal is
        watched for idleness."""
        self.set_interval(AUTOSAVE_SECONDS, self.autosave_draft)
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        self.set_timer(WARM_UP_AFTER_SECONDS, self._started)
        self.kept_choices.start()
        if self._locked is not None:
            self._show_unlock(self._locked)
        else:
            self._journal_open()

    def _journal_open(self) -> None:
        """Offer to resume a reflection an earlier run left unsaved.

        A journal that can only be read (a read-only disk or copy) is said so once, plainly,
        and nothing is autosaved into it.
        """
        if self.journal.read_only is not None and not self.journal.damaged:  # home says that
            notice = f"{self.catalog.prompt('home.read_only')}\n{self.journal.read_only}"
            self.notify(notice, severity="warning", timeout=30)
        if self.offer_draft:
            self.call_after_refresh(self._offer_saved_draft)

    def _saved_draft(self) -> SavedDraft | None:
        """The draft an earlier run left, if there is one that can be read (said if not)."""
        try:
            kept = self.journal.load_draft()
        except (JournalError, OSError) as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return None
        if kept is None:
            return None
        from coach.draft import ReflectionDraft  # not needed at all at most starts
        from coach.session import SavedDraft

        try:
            return SavedDraft(kept.saved, ReflectionDraft.from_state(kept.state))
        except ModelError as error:
            notice = f"An unsaved reflection could not be read ({error}); it is kept on disk."
            self.call_from_thread(self.notify, notice, severity="warning", timeout=15)
            return None

    def _follow_up(self) -> tuple[Reflection, ...]:
        """The reflections whose plans wait to be followed up (``coach.follow_up``'s rules; a
        damaged journal is said, and the user can still write)."""
        try:
            return waiting(self.journal.iter_newest_first(), self.today())
        except (JournalError, OSError) as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return ()

    async def action_quit(self) -> None:
        """Keep what is being written, then quit."""
        state = self._to_keep()
        if state is not None and self._journal is not None and self._journal.read_only is None:
            with contextlib.suppress(JournalError, OSError):
                self._journal.save_draft(state)
        self.exit()

    # --- the reflection in progress: the session decides, the app shows ------------------

    @property
    def session(self) -> ReflectionSession:
        """The reflection in progress and the rules it follows (``coach.session``), made when
        first needed: home's start-up imports none of it."""
        if self._session is None:
            from coach.session import ReflectionSession

            self._session = ReflectionSession(today=self.today)
        return self._session

    def _to_keep(self) -> dict[str, Any] | None:
        """What the draft file should hold now, if it changed (nothing, if nothing was begun)."""
        return None if self._session is None else self._session.to_keep()

    @property
    def draft(self) -> ReflectionDraft | None:
        """The reflection being written (``coach.session`` owns it)."""
        return self.session.draft

    def _offer_saved_draft(self) -> None:
        """At start-up: a draft an earlier run left is offered back (with none, the session is
        not made, nor its modules imported, for nothing)."""
        self._load_then(lambda saved, _earlier: self.session.offer(saved) if saved else None)

    def begin(self, kind: Kind) -> None:
        """Start a reflection or check-in, as the session's rules say."""
        self._load_then(
            lambda saved, earlier: self.session.start(kind, saved=saved, earlier=earlier),
            follow_up=True,
        )

    def edit(self, reflection: Reflection) -> None:
        """Reopen a saved reflection in the steps, prefilled, to save it in place."""
        self._show(self.session.edit(reflection))

    def on_flow_begin(self, message: Begin) -> None:
        """Home asked to start a reflection or check-in."""
        self.begin(message.kind)

    def on_flow_follow_up_now(self, message: FollowUpNow) -> None:
        """Home asked to follow up the plans waiting, without starting a reflection."""
        self._follow_up_now()

    @in_background("The journal could not be read", group="flow", exclusive=True)
    def _follow_up_now(self) -> None:
        earlier = self._follow_up()
        if earlier:
            self.call_from_thread(self._ask_follow_up, earlier)

    def _ask_follow_up(self, earlier: tuple[Reflection, ...]) -> None:
        from coach.tui.screens.followup import FollowUpScreen  # when first shown: see _show

        self.push_screen(FollowUpScreen(earlier), self._followed_up_from_home)

    def _followed_up_from_home(self, _went_on: bool | None) -> None:
        """Back home, showing what still waits."""
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_summary()

    def on_flow_edit_entry(self, message: EditEntry) -> None:
        """An entry asked to be changed."""
        self.edit(message.reflection)

    @in_background("The journal could not be read", group="flow", exclusive=True)
    def _load_then(
        self,
        decide: Callable[[SavedDraft | None, tuple[Reflection, ...]], Next | None],
        *,
        follow_up: bool = False,
    ) -> None:
        """Read what starting needs (a draft left by an earlier run, unless one is open now;
        last time's plans), then let the session decide, back on the UI thread (deciding
        nothing: there is nothing to show)."""
        in_progress = self._session is not None and self._session.in_progress
        saved = None if in_progress else self._saved_draft()
        earlier = self._follow_up() if follow_up else ()

        def carry_out() -> None:
            step = decide(saved, earlier)
            if step is not None:
                self._show(step)

        self.call_from_thread(carry_out)

    def _show(self, step: Next) -> None:
        """Carry out what the session decided; a question's answer goes back to it.

        The screens of the flow (and the widgets they bring: TextArea, Select, RadioSet) are
        imported when one is first shown, not at start-up: home needs none of them.
        """
        from coach.session import AskToCarryOn, FollowUpFirst, OpenCheckIn, OpenSteps, Refuse

        if isinstance(step, AskToCarryOn):
            from coach.tui.screens.resume_draft import ResumeDraftScreen

            asked = ResumeDraftScreen(step.saved or self.clock(), step.draft)
            self.push_screen(asked, self._answered)
        elif isinstance(step, FollowUpFirst):
            from coach.tui.screens.followup import FollowUpScreen

            self.push_screen(FollowUpScreen(step.earlier), self._followed_up)
        elif isinstance(step, OpenSteps):
            from coach.tui.screens.step import screen_for

            self._flow_base = len(self.screen_stack)
            for shown in step.steps:
                self.push_screen(screen_for(shown)(step.draft))
        elif isinstance(step, OpenCheckIn):
            from coach.tui.screens.checkin import CheckInScreen

            self._flow_base = len(self.screen_stack)
            self.push_screen(CheckInScreen(step.draft))
        elif isinstance(step, Refuse):
            self.notify(self.catalog.prompt(step.reason), severity="warning")

    def _answered(self, answer: bool | None) -> None:
        """Carry on (True), let go (False) or decide later (None) about a draft."""
        if answer is None:
            self._show(self.session.later())
        elif answer:
            self._show(self.session.carry_on())
        else:
            self.discard_draft()
            self._show(self.session.let_go())

    def _followed_up(self, went_on: bool | None) -> None:
        """The follow-up was saved or skipped (on to the steps), or left for home (None)."""
        self._show(self.session.followed_up(went_on is not None))

    def on_flow_step_forward(self, message: StepForward) -> None:
        """On to the next step, keeping the draft."""
        from coach.tui.screens.step import screen_for

        following = self.session.forward()
        if following is not None and self.session.draft is not None:
            self.push_screen(screen_for(following)(self.session.draft))
        self.save_draft_soon()

    def on_flow_save_now(self, message: SaveNow) -> None:
        """ctrl+s on a step: on to the summary, each step between shown as forward would
        show it, then the summary saves (as its own ctrl+s does)."""
        from coach.tui.screens.step import SavingStepScreen, screen_for

        while not isinstance(self.screen, SavingStepScreen):
            following = self.session.forward()
            if following is None or self.session.draft is None:
                return
            self.push_screen(screen_for(following)(self.session.draft))
        self.save_draft_soon()
        self.call_after_refresh(self.screen.action_next)

    def on_flow_step_back(self, message: StepBack) -> None:
        """Back one step (or home from the first), keeping everything entered."""
        self.session.back()
        self.save_draft_soon()
        self.pop_screen()

    def on_flow_saved(self, message: Saved) -> None:
        """The reflection is in the journal: nothing is in progress any more. Every open
        screen is told, so an edited entry under the steps (history, its detail) shows it
        as it is now, never the old text."""
        self.session.saved()
        self.discard_draft()
        for screen in self.screen_stack:
            screen.post_message(EntryChanged(message.reflection))

    def on_flow_go_home(self, message: GoHome) -> None:
        """The steps are done: back to where an edit was begun (history, or the entry), or
        home for a new reflection (``ReflectionSession.ends_where_begun``), refreshed."""
        stays = self._flow_base if self.session.ends_where_begun else 1
        while len(self.screen_stack) > max(stays, 1):
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_summary()

    # --- the draft file --------------------------------------------------------------------

    def autosave_draft(self) -> None:
        """Keep the draft if it changed since it was last kept (every few seconds)."""
        state = self._to_keep()
        journal = None if self._resealing else self._journal
        if state is not None and journal is not None and journal.read_only is None:
            self._write_draft(state)

    def save_draft_soon(self) -> None:
        """Keep the draft now, in the background (at every step change)."""
        self.autosave_draft()

    @in_background("Draft not saved", group="draft", exclusive=True)
    def _write_draft(self, state: dict[str, Any]) -> None:
        self.journal.save_draft(state)
        self.call_from_thread(self._kept, state)

    def _kept(self, state: dict[str, Any] | None) -> None:
        """What the draft file holds now: set only once a write has succeeded."""
        self.session.was_kept(state)
        self._draft_problem = None

    @in_background("Draft not cleared", group="draft")
    def discard_draft(self) -> None:
        """Forget the saved draft (after a save, or when the user lets it go)."""
        self.journal.discard_draft()
        self.call_from_thread(self._kept, None)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Say once why the draft cannot be kept: autosave tries every few seconds, and the
        same notice again each time would bury everything else."""
        if worker.group == "draft":
            message = failure_message(worker)
            if message == self._draft_problem:
                return
            self._draft_problem = message
        super().worker_failed(worker)
