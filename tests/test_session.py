"""The rules of the reflection in progress, transition by transition, without any screen."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.draft import STEPS, ReflectionDraft
from coach.model import Category, CopingAction, Kind, Reflection, Step
from coach.session import (
    FINISH_FIRST,
    AskToCarryOn,
    FollowUpFirst,
    OpenCheckIn,
    OpenSteps,
    ReflectionSession,
    Refuse,
    SavedDraft,
    StayHome,
)

TODAY = dt.date(2026, 11, 26)
KEPT_AT = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.UTC)


def session() -> ReflectionSession:
    return ReflectionSession(today=lambda: TODAY)


def saved(day: str = "2026-11-20", **parts: object) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(17), dt.UTC)
    return Reflection(id=f"r-{day}", date=date, created=created, **parts)  # type: ignore[arg-type]


def typed_into(draft: ReflectionDraft) -> ReflectionDraft:
    draft.narrative = "something entered"
    return draft


# --- starting ----------------------------------------------------------------------------


def test_start_opens_the_first_step_of_a_new_draft_for_today() -> None:
    flow = session()
    step = flow.start(Kind.REFLECTION)
    assert isinstance(step, OpenSteps)
    assert step.steps == (Step.CHALLENGES,)
    assert step.draft is flow.draft
    assert (step.draft.kind, step.draft.day) == (Kind.REFLECTION, TODAY)


def test_a_check_in_opens_its_one_screen() -> None:
    flow = session()
    step = flow.start(Kind.CHECK_IN)
    assert step == OpenCheckIn(flow.draft)  # type: ignore[arg-type]


def test_start_follows_up_last_times_plans_first_then_opens_the_steps() -> None:
    flow = session()
    earlier = saved(actions=(CopingAction("walk", "A walk", Category.INDIVIDUAL),))
    assert flow.start(Kind.REFLECTION, earlier=[earlier]) == FollowUpFirst((earlier,))
    after = flow.followed_up(went_on=True)
    assert isinstance(after, OpenSteps)
    assert after.steps == (Step.CHALLENGES,)


def test_going_home_from_the_follow_up_drops_the_empty_draft() -> None:
    flow = session()
    flow.start(Kind.REFLECTION, earlier=[saved()])
    assert flow.followed_up(went_on=False) == StayHome()
    assert flow.draft is None


def test_nothing_waiting_opens_the_steps_at_once() -> None:
    assert isinstance(session().start(Kind.REFLECTION, earlier=[]), OpenSteps)


def test_starting_again_resumes_a_new_reflection_in_progress_whatever_was_asked() -> None:
    flow = session()
    flow.start(Kind.REFLECTION)
    draft = typed_into(flow.draft)  # type: ignore[arg-type]
    flow.forward()
    step = flow.start(Kind.CHECK_IN)
    assert step == OpenSteps(draft, (Step.CHALLENGES, Step.VALUES))


def test_an_untouched_draft_is_not_in_progress_and_a_new_start_replaces_it() -> None:
    flow = session()
    flow.start(Kind.REFLECTION)
    first = flow.draft
    step = flow.start(Kind.CHECK_IN)
    assert isinstance(step, OpenCheckIn)
    assert step.draft is not first


# --- a draft from an earlier run ----------------------------------------------------------


def test_a_draft_left_by_an_earlier_run_is_offered_before_anything_new() -> None:
    flow = session()
    left = typed_into(ReflectionDraft(kind=Kind.REFLECTION, day=TODAY, step=Step.COPING))
    step = flow.start(Kind.CHECK_IN, saved=SavedDraft(KEPT_AT, left))
    assert step == AskToCarryOn(left, KEPT_AT)
    resumed = flow.carry_on()
    assert resumed == OpenSteps(left, (Step.CHALLENGES, Step.VALUES, Step.COPING))
    assert flow.draft is left


def test_letting_a_left_draft_go_carries_on_with_what_was_asked() -> None:
    flow = session()
    left = typed_into(ReflectionDraft(kind=Kind.REFLECTION, day=TODAY))
    flow.start(Kind.CHECK_IN, saved=SavedDraft(KEPT_AT, left))
    step = flow.let_go()
    assert isinstance(step, OpenCheckIn)
    assert step.draft is not left
    assert flow.kept is None


def test_deciding_later_keeps_the_left_draft_and_opens_nothing() -> None:
    flow = session()
    left = typed_into(ReflectionDraft(kind=Kind.REFLECTION, day=TODAY))
    assert flow.offer(SavedDraft(KEPT_AT, left)) == AskToCarryOn(left, KEPT_AT)
    assert flow.later() == StayHome()
    assert flow.draft is None
    assert flow.carry_on() == StayHome()  # the question was answered once: nothing to resume


# --- editing -------------------------------------------------------------------------------


def test_edit_opens_a_saved_reflection_prefilled_to_save_in_place() -> None:
    flow = session()
    entry = saved(narrative="as it was")
    step = flow.edit(entry)
    assert isinstance(step, OpenSteps)
    assert step.draft.editing_id == entry.id
    assert step.draft.narrative == "as it was"


def test_editing_the_same_entry_again_resumes_the_edit() -> None:
    flow = session()
    entry = saved()
    flow.edit(entry)
    draft = typed_into(flow.draft)  # type: ignore[arg-type]
    assert flow.edit(entry) == OpenSteps(draft, (Step.CHALLENGES,))


def test_an_edit_while_another_edit_is_open_asks_and_letting_go_opens_the_new_one() -> None:
    flow = session()
    first, second = saved("2026-11-01"), saved("2026-11-02")
    flow.edit(first)
    open_edit = typed_into(flow.draft)  # type: ignore[arg-type]
    assert flow.edit(second) == AskToCarryOn(open_edit, None)
    step = flow.let_go()
    assert isinstance(step, OpenSteps)
    assert step.draft.editing_id == second.id


def test_carrying_on_with_the_open_edit_keeps_it() -> None:
    flow = session()
    flow.edit(saved("2026-11-01"))
    open_edit = typed_into(flow.draft)  # type: ignore[arg-type]
    flow.start(Kind.REFLECTION)
    assert flow.carry_on() == OpenSteps(open_edit, (Step.CHALLENGES,))


def test_editing_is_refused_while_a_new_reflection_is_in_progress() -> None:
    flow = session()
    flow.start(Kind.REFLECTION)
    in_progress = typed_into(flow.draft)  # type: ignore[arg-type]
    assert flow.edit(saved()) == Refuse(FINISH_FIRST)
    assert flow.draft is in_progress


# --- the steps, quitting and saving --------------------------------------------------------


def test_forward_and_back_move_the_draft_through_the_steps() -> None:
    flow = session()
    flow.start(Kind.REFLECTION)
    assert [flow.forward() for _ in STEPS] == [*STEPS[1:], None]
    flow.back()
    assert flow.draft is not None
    assert flow.draft.step is STEPS[-2]


@pytest.mark.parametrize("steps_done", [0, 1, 2])
def test_quitting_mid_step_keeps_what_was_entered_once(steps_done: int) -> None:
    flow = session()
    assert flow.to_keep() is None  # nothing started
    flow.start(Kind.REFLECTION)
    assert flow.to_keep() is None  # nothing entered: not worth a draft
    typed_into(flow.draft)  # type: ignore[arg-type]
    for _ in range(steps_done):
        flow.forward()
    state = flow.to_keep()
    assert state is not None
    assert ReflectionDraft.from_state(state) == flow.draft
    flow.was_kept(state)
    assert flow.to_keep() is None  # already in the draft file


def test_saving_ends_the_reflection_in_progress() -> None:
    flow = session()
    flow.start(Kind.REFLECTION)
    flow.was_kept(typed_into(flow.draft).to_state())  # type: ignore[arg-type]
    flow.saved()
    assert (flow.draft, flow.kept, flow.in_progress) == (None, None, None)


def test_a_saved_edit_ends_where_it_was_begun_and_a_new_reflection_at_home() -> None:
    flow = session()
    flow.edit(saved())
    typed_into(flow.draft)  # type: ignore[arg-type]
    flow.saved()
    assert flow.ends_where_begun  # back to history, or the entry, not home
    flow.start(Kind.REFLECTION)
    typed_into(flow.draft)  # type: ignore[arg-type]
    flow.saved()
    assert not flow.ends_where_begun


def test_an_edit_carried_on_from_a_new_start_still_ends_where_it_was_begun() -> None:
    flow = session()
    flow.edit(saved("2026-11-01"))
    typed_into(flow.draft)  # type: ignore[arg-type]
    flow.start(Kind.REFLECTION)
    flow.carry_on()
    assert flow.ends_where_begun
    flow.start(Kind.REFLECTION)
    flow.let_go()  # the edit let go: the new reflection goes home
    assert not flow.ends_where_begun
