"""The Textual application: the journal, the content, the reflection in progress, the way around.

Screens stay thin: the app owns the ``ReflectionDraft`` being written, saves it as the journal's
draft every few seconds and at every step, and runs every journal write in a thread worker so
the screen never freezes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from coach.content import Catalog
from coach.draft import STEPS, ReflectionDraft
from coach.journal import Journal, JournalError
from coach.model import Kind, ModelError, Reflection, Step, now
from coach.text import visible
from coach.tui.kept_choices import KeptChoices
from coach.tui.messages import Begin, EditEntry
from coach.tui.screens.home import HomeScreen

AUTOSAVE_SECONDS = 3.0


class CoachApp(App[None]):
    """pwp-coach in the terminal."""

    TITLE = "pwp-coach"
    CSS_PATH = ["coach.tcss", "history.tcss"]  # noqa: RUF012 (Textual's own type)
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's own type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
        Binding("f2", "support", "Support now", id="support", priority=True),
    ]

    def __init__(
        self,
        journal: Journal,
        catalog: Catalog,
        *,
        clock: Callable[[], dt.datetime] = now,
        offer_draft: bool = True,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.catalog = catalog
        self.clock = clock
        self.offer_draft = offer_draft
        self.draft: ReflectionDraft | None = None
        self._saved_state: dict[str, Any] | None = None
        self._draft_problem: str | None = None  # the last reason a draft could not be saved
        self.kept_choices = KeptChoices(self)
        self.kept_choices.apply_saved()  # before the first frame, so it is drawn in that theme

    # --- start and stop ------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Home is the bottom of the stack."""
        return HomeScreen()

    def on_mount(self) -> None:
        """Offer to resume a reflection an earlier run left unsaved, and start autosaving.

        A journal that can only be read (a read-only disk or copy) is said so once, plainly,
        and nothing is autosaved into it.
        """
        if self.journal.read_only is not None:
            notice = f"{self.catalog.prompt('home.read_only')}\n{self.journal.read_only}"
            self.notify(notice, severity="warning", timeout=30)
        else:
            self.set_interval(AUTOSAVE_SECONDS, self.autosave_draft)
        self.set_timer(0.5, self._warm_journal)
        self.kept_choices.start()
        if self.offer_draft:
            self.call_after_refresh(self._offer_saved_draft)

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_journal(self) -> None:
        """Read the whole journal in the background, so history and search answer at once."""
        try:
            self.journal.warm_up()
        except (JournalError, OSError):
            return  # home reports a damaged file; history reports it again if opened

    def _saved_draft_waiting(self) -> bool:
        try:
            return self.journal.load_draft() is not None
        except (JournalError, OSError):
            return False

    def _offer_saved_draft(self) -> None:
        from coach.tui.screens.resume_draft import ResumeDraftScreen

        try:
            saved = self.journal.load_draft()
        except (JournalError, OSError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        if saved is None:
            return
        try:
            draft = ReflectionDraft.from_state(saved.state)
        except ModelError as error:
            self.notify(f"An unsaved reflection could not be read ({error}); it is kept on disk.")
            return

        def answer(resume: bool | None) -> None:
            if resume:
                self.resume(draft)
            else:
                self.draft = None
                self.discard_draft()

        self.push_screen(ResumeDraftScreen(saved.saved, draft), answer)

    async def action_quit(self) -> None:
        """Keep what is being written, then quit."""
        self.save_draft_now()
        self.exit()

    # --- the reflection in progress ------------------------------------------------------

    def on_flow_begin(self, message: Begin) -> None:
        """Home asked to start a reflection or check-in."""
        self.begin(message.kind)

    def on_flow_edit_entry(self, message: EditEntry) -> None:
        """An entry asked to be changed; a new reflection in progress is never set aside."""
        draft = self.draft
        if draft is not None and draft.editing_id is None and not draft.is_empty:
            self.notify(
                "You have a reflection in progress. Save it first (r on the home screen), "
                "then come back to edit this one.",
                severity="warning",
            )
            return
        self.edit(message.reflection)

    def today(self) -> dt.date:
        """Today's date by the app's clock."""
        return self.clock().date()

    def _in_progress(self) -> ReflectionDraft | None:
        """The reflection being written, if anything has been entered in it."""
        return self.draft if self.draft is not None and not self.draft.is_empty else None

    def _carry_on_or_let_go(self, draft: ReflectionDraft, then: Callable[[], None]) -> None:
        """Ask whether to carry on with ``draft``; if the user lets it go, do ``then``."""
        from coach.tui.screens.resume_draft import ResumeDraftScreen

        def answer(resume: bool | None) -> None:
            if resume:
                self.resume(draft)
            elif resume is False:
                self.draft = None
                self.discard_draft()
                then()

        self.push_screen(ResumeDraftScreen(self.clock(), draft), answer)

    def begin(self, kind: Kind, *, offer_saved: bool = True) -> None:
        """Start a reflection or check-in: follow up last time's actions first, if any."""
        from coach.tui.screens.followup import FollowUpScreen

        in_progress = self._in_progress()
        if in_progress is not None and in_progress.editing_id is None:
            self.resume(in_progress)
            return
        if in_progress is not None:  # an edit under way: never dropped without asking
            self._carry_on_or_let_go(in_progress, lambda: self.begin(kind, offer_saved=False))
            return
        if offer_saved and self.draft is None and self._saved_draft_waiting():
            self._offer_saved_draft()
            return
        self.draft = ReflectionDraft(kind=kind, day=self.today())
        try:
            earlier = self.followup_target()
        except (JournalError, OSError) as error:  # a damaged file: say so, let them write
            self.notify(str(error), severity="error", timeout=15)
            earlier = None

        def after_followup(went_on: bool | None = False) -> None:
            if went_on is None:  # the user went back home from the follow-up
                self.draft = None
                return
            self.open_first_step()

        if earlier is not None:
            self.push_screen(FollowUpScreen(earlier), after_followup)
        else:
            after_followup()

    def edit(self, reflection: Reflection) -> None:
        """Reopen a saved reflection in the steps, prefilled, to save it in place."""
        in_progress = self._in_progress()
        if in_progress is not None and in_progress.editing_id == reflection.id:
            self.resume(in_progress)
            return
        if in_progress is not None:
            self._carry_on_or_let_go(in_progress, lambda: self.edit(reflection))
            return
        self.draft = ReflectionDraft.from_reflection(reflection)
        self.open_first_step()

    def resume(self, draft: ReflectionDraft) -> None:
        """Carry on with a draft: reopen every step up to the one it was on."""
        self.draft = draft
        if draft.kind is Kind.CHECK_IN:
            self.open_first_step()
            return
        for step in STEPS[: STEPS.index(draft.step) + 1]:
            self.push_screen(self.step_screen(step))

    def open_first_step(self) -> None:
        """The check-in screen, or the first phase of a reflection."""
        from coach.tui.screens.checkin import CheckInScreen

        assert self.draft is not None
        if self.draft.kind is Kind.CHECK_IN:
            self.push_screen(CheckInScreen(self.draft))
        else:
            self.push_screen(self.step_screen(STEPS[0]))

    def step_screen(self, step: Step) -> Screen[Any]:
        """The screen for one step of the reflection."""
        from coach.tui.screens.step import screen_for

        assert self.draft is not None
        self.draft.step = step
        return screen_for(step)(self.draft)

    def next_step(self) -> None:
        """Go on to the next step, keeping the draft."""
        assert self.draft is not None
        following = STEPS[STEPS.index(self.draft.step) + 1]
        self.push_screen(self.step_screen(following))
        self.save_draft_soon()

    def previous_step(self) -> None:
        """Back one step (or home from the first), keeping everything entered."""
        if self.draft is not None and self.draft.step in STEPS[1:]:
            self.draft.step = STEPS[STEPS.index(self.draft.step) - 1]
        self.save_draft_soon()
        self.pop_screen()

    def return_home(self) -> None:
        """Back to the home screen, refreshed."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_summary()

    def followup_target(self) -> Reflection | None:
        """The newest reflection, if it has actions not yet followed up (skippable; they wait)."""
        latest = self.journal.latest()
        return latest if latest is not None and latest.pending_actions else None

    # --- drafts ----------------------------------------------------------------------------

    def _draft_state(self) -> dict[str, Any] | None:
        if self.draft is None or self.draft.is_empty:
            return None
        return self.draft.to_state()

    def autosave_draft(self) -> None:
        """Save the draft if it changed since it was last saved (every few seconds)."""
        state = self._draft_state()
        if state is not None and state != self._saved_state:
            self._write_draft(state)

    def save_draft_soon(self) -> None:
        """Save the draft now, in the background (at every step change)."""
        state = self._draft_state()
        if state is not None:
            self._write_draft(state)

    def _remember_saved(self, state: dict[str, Any] | None) -> None:
        """What the draft file holds now: set only once a write has succeeded."""
        self._saved_state = state
        self._draft_problem = None

    def save_draft_now(self) -> None:
        """Save the draft before quitting, waiting for the write."""
        state = self._draft_state()
        if state is not None and state != self._saved_state:
            try:
                self.journal.save_draft(state)
            except (JournalError, OSError):
                return

    @work(thread=True, exclusive=True, group="draft")
    def _write_draft(self, state: dict[str, Any]) -> None:
        try:
            self.journal.save_draft(state)
        except (JournalError, OSError) as error:
            self.call_from_thread(self._draft_not_saved, str(error))
            return
        self.call_from_thread(self._remember_saved, state)

    def _draft_not_saved(self, problem: str) -> None:
        """Say once why the draft cannot be kept: autosave tries every few seconds, and the
        same notice again each time would bury everything else."""
        if problem != self._draft_problem:
            self._draft_problem = problem
            self.notify(f"Draft not saved: {problem}", severity="warning", timeout=15)

    @work(thread=True, group="draft")
    def discard_draft(self) -> None:
        """Forget the saved draft (after a save, or when the user lets it go)."""
        try:
            self.journal.discard_draft()
        except (JournalError, OSError) as error:
            self.call_from_thread(
                self.notify, f"Draft not cleared: {error}", severity="warning", markup=False
            )
            return
        self.call_from_thread(self._remember_saved, None)

    # --- everywhere ------------------------------------------------------------------------

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: the coach's own commands, then Textual's."""
        from coach.tui.screens.about import open_about
        from coach.tui.screens.settings import open_settings

        yield SystemCommand("Support now", "Where to find help now (F2)", self.action_support)
        yield SystemCommand(
            "Help", "The keys of this screen, shown or hidden (F1)", self.action_help
        )
        yield SystemCommand("About", "What the coach is and is not", lambda: open_about(self))
        yield SystemCommand(
            "Settings", "Core values, my own support, theme (s)", lambda: open_settings(self)
        )
        if isinstance(screen, HomeScreen):
            yield SystemCommand("Reflect", "End-of-day reflection (r)", screen.action_reflect)
            yield SystemCommand("Quick check-in", "Under a minute (c)", screen.action_check_in)
            yield SystemCommand(
                "History", "Every reflection, with search (h)", screen.action_history
            )
            yield SystemCommand(
                "Insights", "What helps, and how it is going (i)", screen.action_insights
            )
        # Textual's own "Keys" does what Help does: one way in is enough.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
