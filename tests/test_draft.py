"""The reflection in progress: conversion to a Reflection, and the saved-draft round trip."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.draft import MAX_ACTIONS, ReflectionDraft, own_action, own_challenge, own_key
from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    ModelError,
    Reflection,
    Status,
    Value,
)

DAY = dt.date(2026, 11, 26)
CREATED = dt.datetime(2026, 11, 26, 17, 45, tzinfo=dt.UTC)


def full_draft() -> ReflectionDraft:
    return ReflectionDraft(
        day=DAY,
        step="coping",
        strain=7,
        alignment=6,
        challenges=[Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC, "[bold]42")],
        narrative="Hard [/] day",
        values=[Value("kindness", "Kindness")],
        meaning="A thank-you card",
        comprehensible=3,
        manageable=2,
        meaningful=4,
        actions=[CopingAction("protect-lunch", "Protect lunch", Category.BOUNDARIES, "12:30")],
        notes="n",
        feeling=1,
    )


def test_a_draft_becomes_the_reflection_it_describes() -> None:
    reflection = full_draft().to_reflection(created=CREATED)
    assert reflection.date == DAY
    assert reflection.created == CREATED
    assert reflection.appraisal == Appraisal(3, 2, 4)
    assert reflection.challenges[0].note == "[bold]42"
    assert reflection.actions[0].when == "12:30"
    assert reflection.kind is Kind.REFLECTION


def test_appraisal_is_absent_until_all_three_are_answered() -> None:
    draft = full_draft()
    draft.manageable = None
    assert draft.appraisal is None
    assert draft.to_reflection(created=CREATED).appraisal is None


def test_editing_a_reflection_with_more_than_three_actions_keeps_them_all() -> None:
    imported = Reflection(
        id="many",
        date=DAY,
        created=CREATED,
        actions=tuple(own_action(f"thing {n}", Category.INDIVIDUAL) for n in range(5)),
    )
    assert MAX_ACTIONS == 3
    edited = ReflectionDraft.from_reflection(imported).to_reflection()
    assert edited.actions == imported.actions


def test_saved_state_round_trips() -> None:
    draft = full_draft()
    assert ReflectionDraft.from_state(draft.to_state()) == draft


def test_editing_keeps_id_created_and_unknown_fields() -> None:
    original = Reflection(
        id="abc",
        date=DAY,
        created=CREATED,
        kind=Kind.CHECK_IN,
        strain=3,
        actions=(CopingAction("walk", "Walk", Category.INDIVIDUAL, "", Status.DONE, 4),),
        extra={"mood_colour": "blue"},
    )
    draft = ReflectionDraft.from_reflection(original)
    draft.strain = 5
    edited = draft.to_reflection(created=CREATED + dt.timedelta(days=3))
    assert edited.id == "abc"
    assert edited.created == CREATED
    assert edited.extra == {"mood_colour": "blue"}
    assert edited.actions[0].helpfulness == 4
    assert edited == original.with_changes(strain=5)
    restored = ReflectionDraft.from_state(draft.to_state())
    assert restored.editing_id == "abc"
    assert restored.created == CREATED


def test_a_fresh_draft_is_empty_until_something_is_entered() -> None:
    draft = ReflectionDraft(day=DAY)
    assert draft.is_empty
    draft.strain = 0
    assert not draft.is_empty


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"strain": 11}, "strain"),
        ({"comprehensible": 9}, "comprehensible"),
        ({"day": "yesterday"}, "date"),
        ({"actions": [{"key": "x", "label": "X", "category": "nope"}]}, "actions[0].category"),
    ],
)
def test_a_damaged_draft_names_the_bad_field(change: dict[str, object], field: str) -> None:
    state = {**full_draft().to_state(), **change}
    with pytest.raises(ModelError) as raised:
        ReflectionDraft.from_state(state)
    assert raised.value.field == field


def test_own_words_get_stable_keys() -> None:
    assert own_key("Too many DNAs!") == "own:too-many-dnas"
    assert own_key("[bold]") == "own:bold"
    assert own_key("!!!") == "own:item"
    challenge = own_challenge("  Cover for a colleague ", Dimension.SYSTEMIC)
    assert challenge.label == "Cover for a colleague"
    assert challenge.dimension is Dimension.SYSTEMIC


def test_a_draft_saves_under_one_id_however_often_and_after_a_resume() -> None:
    draft = full_draft()
    first = draft.to_reflection(created=CREATED)
    again = draft.to_reflection(created=CREATED)
    resumed = ReflectionDraft.from_state(draft.to_state()).to_reflection(created=CREATED)
    assert first.id == again.id == resumed.id
    assert ReflectionDraft(day=DAY).reflection_id != ReflectionDraft(day=DAY).reflection_id


def test_a_draft_saved_by_an_older_version_gets_an_id() -> None:
    state = full_draft().to_state()
    del state["reflection_id"]
    assert ReflectionDraft.from_state(state).reflection_id


def test_a_draft_in_the_shape_saved_before_the_declaration_was_shared_still_loads() -> None:
    """The exact state an earlier version wrote: no ``appraisal_extra``, every other key."""
    state = {
        "kind": "check-in",
        "day": "2026-11-26",
        "step": "values",
        "editing_id": None,
        "reflection_id": "7d3c9a1e-0d5b-4c1e-9a53-2b8e1f0f6a11",
        "created": None,
        "strain": 7,
        "alignment": None,
        "challenges": [
            {"key": "caseload", "label": "Caseload", "dimension": "systemic", "note": "n"}
        ],
        "narrative": "Hard day",
        "values": [{"key": "kindness", "label": "Kindness"}],
        "meaning": "",
        "comprehensible": 3,
        "manageable": None,
        "meaningful": 4,
        "actions": [
            {
                "key": "walk",
                "label": "Walk",
                "category": "individual",
                "when": "",
                "status": "planned",
                "helpfulness": None,
            }
        ],
        "notes": "",
        "feeling": 2,
        "extra": {"later": 1},
    }
    draft = ReflectionDraft.from_state(state)
    assert draft == ReflectionDraft(
        kind=Kind.CHECK_IN,
        day=DAY,
        step="values",  # type: ignore[arg-type]
        reflection_id="7d3c9a1e-0d5b-4c1e-9a53-2b8e1f0f6a11",
        strain=7,
        challenges=[Challenge("caseload", "Caseload", Dimension.SYSTEMIC, "n")],
        narrative="Hard day",
        values=[Value("kindness", "Kindness")],
        comprehensible=3,
        meaningful=4,
        actions=[CopingAction("walk", "Walk", Category.INDIVIDUAL)],
        feeling=2,
        extra={"later": 1},
    )
    in_words = ("weighed_most", "mine_to_influence", "with_the_service", "to_a_colleague")
    empty = {"served": None, "cpd": None} | dict.fromkeys(in_words, "")
    assert draft.to_state() == {**state, "appraisal_extra": {}, **empty}


@pytest.mark.parametrize("state", [0, 1, 2, 3])
def test_a_draft_takes_each_feeling_on_the_scale(state: int) -> None:
    saved = {**full_draft().to_state(), "feeling": state}
    assert ReflectionDraft.from_state(saved).feeling == state
    assert ReflectionDraft.from_state(saved).to_reflection(created=CREATED).feeling == state


@pytest.mark.parametrize("state", [0, 1, 2, 3])
def test_a_draft_saved_before_feeling_reads_its_check_in_state_as_feeling(state: int) -> None:
    saved = {k: v for k, v in full_draft().to_state().items() if k != "feeling"}
    saved["checkin_state"] = state
    assert ReflectionDraft.from_state(saved).feeling == state


@pytest.mark.parametrize("state", [-1, 4, True, "2"])
def test_a_draft_refuses_a_check_in_state_off_the_scale(state: object) -> None:
    saved = {**full_draft().to_state(), "feeling": state}
    with pytest.raises(ModelError) as raised:
        ReflectionDraft.from_state(saved)
    assert raised.value.field == "feeling"


def test_an_edit_keeps_fields_a_later_version_added_to_the_appraisal() -> None:
    original = Reflection(
        id="abc",
        date=DAY,
        created=CREATED,
        appraisal=Appraisal(1, 2, 3, extra={"reason": "later"}),
    )
    draft = ReflectionDraft.from_reflection(original)
    draft.manageable = 4
    resumed = ReflectionDraft.from_state(draft.to_state())
    assert resumed.to_reflection().appraisal == Appraisal(1, 4, 3, extra={"reason": "later"})
