"""The reflection in progress, and the rules of starting, resuming, editing and letting go.

One object knows what is being written (``draft``, which says itself whether it edits a saved
reflection) and what the journal's draft file holds (``kept``). Every thing a user can do is a
named transition that returns what should happen next: open the steps, ask whether to carry on
with a draft, follow up last time's plans first, refuse with a reason, or stay home. The app
carries that out on screen (``coach.tui.app``); nothing here knows of screens or files, so every
rule is tested on its own (``tests/test_session.py``).

The rules:

- a new reflection in progress is never set aside: starting again resumes it, and editing a
  saved one is refused until it is saved;
- an edit in progress is never dropped without asking, whatever the user starts next;
- a draft an earlier run left is offered before anything new is started; letting it go
  carries on with what the user asked for;
- a reflection starts by following up the plans that wait (which ones: ``coach.follow_up``);
  going home from the follow-up drops the empty new draft;
- resuming reopens every step up to the one the draft was on;
- once it is done, an edit goes back to where it was begun (history, or the entry), showing
  the entry as it is now; a new reflection goes home (``ends_where_begun``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from coach.draft import STEPS, ReflectionDraft
from coach.model import Kind, Reflection, Step


@dataclass(frozen=True)
class SavedDraft:
    """A draft an earlier run left in the journal, and when it was kept."""

    saved: dt.datetime
    draft: ReflectionDraft


@dataclass(frozen=True)
class OpenSteps:
    """Show these steps of ``draft``, in order (the last is the one to work on)."""

    draft: ReflectionDraft
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class OpenCheckIn:
    """Show the quick check-in (one screen) of ``draft``."""

    draft: ReflectionDraft


@dataclass(frozen=True)
class AskToCarryOn:
    """Ask whether to carry on with ``draft`` (kept at ``saved``, or open now) or let it go."""

    draft: ReflectionDraft
    saved: dt.datetime | None


@dataclass(frozen=True)
class FollowUpFirst:
    """Ask how the plans waiting went (newest reflection first) before the first step."""

    earlier: tuple[Reflection, ...]


@dataclass(frozen=True)
class Refuse:
    """Do nothing, and say why (a prompt key in the content)."""

    reason: str


@dataclass(frozen=True)
class StayHome:
    """Nothing to open."""


Next = OpenSteps | OpenCheckIn | AskToCarryOn | FollowUpFirst | Refuse | StayHome

FINISH_FIRST = "flow.finish_first"  # the content's words for "save the one in progress first"


class ReflectionSession:
    """The one reflection in progress, and what each thing the user does leads to."""

    def __init__(self, today: Callable[[], dt.date]) -> None:
        self._today = today
        self.draft: ReflectionDraft | None = None
        self.kept: dict[str, Any] | None = None  # the state the journal's draft file holds
        self._asked: AskToCarryOn | None = None
        self._if_let_go: Callable[[], Next] = StayHome
        # Where the steps lead once done: back where an edit was begun (True), or home.
        self.ends_where_begun = False

    # --- what is in progress ---------------------------------------------------------------

    @property
    def in_progress(self) -> ReflectionDraft | None:
        """The reflection being written, if anything has been entered in it."""
        draft = self.draft
        return draft if draft is not None and not draft.is_empty else None

    def to_keep(self) -> dict[str, Any] | None:
        """The draft's state if it holds something the draft file does not have yet."""
        draft = self.in_progress
        if draft is None:
            return None
        state = draft.to_state()
        return state if state != self.kept else None

    def was_kept(self, state: dict[str, Any] | None) -> None:
        """The draft file now holds ``state`` (None: it was cleared)."""
        self.kept = state

    # --- starting, editing, resuming -------------------------------------------------------

    def start(
        self, kind: Kind, *, saved: SavedDraft | None = None, earlier: Sequence[Reflection] = ()
    ) -> Next:
        """The user asked for a new reflection or check-in (``r`` or ``c`` on home)."""
        in_progress = self.in_progress
        if in_progress is not None and in_progress.editing_id is None:
            return self._resume(in_progress)
        if in_progress is not None:  # an edit under way: never dropped without asking
            return self._ask(in_progress, None, lambda: self.start(kind, earlier=earlier))
        if saved is not None:
            return self._ask(saved.draft, saved.saved, lambda: self.start(kind, earlier=earlier))
        self.draft = ReflectionDraft(kind=kind, day=self._today())
        self.ends_where_begun = False
        if earlier:
            return FollowUpFirst(tuple(earlier))
        return self._resume(self.draft)

    def edit(self, reflection: Reflection) -> Next:
        """The user asked to change a saved reflection."""
        in_progress = self.in_progress
        if in_progress is not None and in_progress.editing_id == reflection.id:
            return self._resume(in_progress)
        if in_progress is not None and in_progress.editing_id is None:
            return Refuse(FINISH_FIRST)
        if in_progress is not None:
            return self._ask(in_progress, None, lambda: self.edit(reflection))
        self.draft = ReflectionDraft.from_reflection(reflection)
        return self._resume(self.draft)

    def offer(self, saved: SavedDraft) -> Next:
        """At start-up: a draft an earlier run left is offered back."""
        return self._ask(saved.draft, saved.saved, StayHome)

    def _ask(
        self, draft: ReflectionDraft, saved: dt.datetime | None, then: Callable[[], Next]
    ) -> Next:
        self._asked = AskToCarryOn(draft, saved)
        self._if_let_go = then
        return self._asked

    def _resume(self, draft: ReflectionDraft) -> Next:
        self.draft = draft
        # An edit was begun from the entry (or history): that is where the user goes back to.
        self.ends_where_begun = draft.editing_id is not None
        if draft.kind is Kind.CHECK_IN:
            return OpenCheckIn(draft)
        return OpenSteps(draft, STEPS[: STEPS.index(draft.step) + 1])

    # --- answers to a question -------------------------------------------------------------

    def carry_on(self) -> Next:
        """Carry on with the draft asked about."""
        asked, _then = self._take_asked()
        return self._resume(asked.draft) if asked is not None else StayHome()

    def let_go(self) -> Next:
        """Let the draft asked about go (the app clears the draft file), then do what the user
        asked for in the first place."""
        asked, then = self._take_asked()
        if asked is None:
            return StayHome()
        self.draft = None
        self.kept = None
        return then()

    def later(self) -> Next:
        """Decide later: the draft stays in the journal, offered again next time."""
        self._take_asked()
        return StayHome()

    def _take_asked(self) -> tuple[AskToCarryOn | None, Callable[[], Next]]:
        """The question asked and what letting go leads to, both forgotten: answered once."""
        asked, then = self._asked, self._if_let_go
        self._asked, self._if_let_go = None, StayHome
        return asked, then

    def followed_up(self, went_on: bool) -> Next:
        """The follow-up is answered or skipped (``went_on``), or the user went home."""
        draft = self.draft
        if not went_on or draft is None:
            self.draft = None
            return StayHome()
        return self._resume(draft)

    # --- moving through the steps, and the end ---------------------------------------------

    def forward(self) -> Step | None:
        """The step after this one (the draft now on it), or None at the last."""
        draft = self.draft
        if draft is None or draft.step not in STEPS[:-1]:
            return None
        draft.step = STEPS[STEPS.index(draft.step) + 1]
        return draft.step

    def back(self) -> None:
        """Back one step (home from the first); everything entered stays in the draft."""
        draft = self.draft
        if draft is not None and draft.step in STEPS[1:]:
            draft.step = STEPS[STEPS.index(draft.step) - 1]

    def saved(self) -> None:
        """The reflection is in the journal: nothing is in progress (the app clears the draft
        file)."""
        self.draft = None
        self.kept = None
