"""The domain model: validation of ranges and enums, the dict form, and where errors point."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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

CREATED = dt.datetime(2026, 11, 26, 17, 45, 3, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def full_dict() -> dict[str, Any]:
    """A reflection with every field set, in its dict form."""
    return {
        "id": "3f0c7a52-7d1e-4f7e-9a53-2b8e1f0f6a11",
        "date": "2026-11-26",
        "created": "2026-11-26T17:45:03+01:00",
        "kind": "reflection",
        "strain": 7,
        "alignment": 6,
        "feeling": 2,
        "challenges": [
            {"key": "caseload", "label": "A full caseload", "dimension": "systemic", "note": ""},
            {"key": "own", "label": "A hard call", "dimension": "individual", "note": "Risk."},
        ],
        "narrative": "Long day. [bold]not markup[/]",
        "values": [{"key": "helping", "label": "Helping others"}],
        "meaning": "Why I'm here.",
        "weighed_most": "caseload",
        "served": {"key": "helping", "label": "Helping others"},
        "mine_to_influence": "My pacing.",
        "with_the_service": "The waiting list.",
        "to_a_colleague": "You did enough.",
        "appraisal": {"comprehensible": 3, "manageable": 2, "meaningful": 4},
        "actions": [
            {
                "key": "lunch",
                "label": "Take lunch away from the desk",
                "category": "individual",
                "when": "tomorrow 12:30",
                "status": "planned",
                "helpfulness": None,
            },
            {
                "key": "peer",
                "label": "Talk to a peer",
                "category": "relational",
                "when": "",
                "status": "done",
                "helpfulness": 4,
            },
        ],
        "notes": "Supervision on Friday.",
        "cpd": None,
    }


def with_change(path: tuple[str | int, ...], found: Any) -> dict[str, Any]:
    """``full_dict`` with one (possibly nested) field set to ``found``."""
    source = full_dict()
    holder: Any = source
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = found
    return source


def without(path: tuple[str | int, ...]) -> dict[str, Any]:
    """``full_dict`` with one (possibly nested) field removed."""
    source = full_dict()
    holder: Any = source
    for step in path[:-1]:
        holder = holder[step]
    del holder[path[-1]]
    return source


# --- the dict form -----------------------------------------------------------------------


def test_from_dict_reads_every_field() -> None:
    reflection = Reflection.from_dict(full_dict())
    assert reflection.date == dt.date(2026, 11, 26)
    assert reflection.created == CREATED
    assert reflection.kind is Kind.REFLECTION
    assert (reflection.strain, reflection.alignment) == (7, 6)
    assert reflection.challenges[1] == Challenge(
        "own", "A hard call", Dimension.INDIVIDUAL, "Risk."
    )
    assert reflection.values == (Value("helping", "Helping others"),)
    assert reflection.appraisal == Appraisal(3, 2, 4)
    assert reflection.actions[1].status is Status.DONE
    assert reflection.actions[1].category is Category.RELATIONAL
    assert reflection.actions[0].helpfulness is None
    assert reflection.narrative == "Long day. [bold]not markup[/]"


def test_to_dict_gives_back_the_same_dict_in_the_stable_order() -> None:
    source = full_dict()
    written = Reflection.from_dict(source).to_dict()
    assert written == source
    assert list(written) == list(source)


def test_round_trip_through_dict_is_equal() -> None:
    reflection = Reflection.from_dict(full_dict())
    assert Reflection.from_dict(reflection.to_dict()) == reflection


def test_from_dict_does_not_change_its_input() -> None:
    source = full_dict()
    before = copy.deepcopy(source)
    Reflection.from_dict(source)
    assert source == before


def test_optional_fields_may_be_null_or_absent() -> None:
    source = full_dict()
    source.update(strain=None, alignment=None, appraisal=None)
    for name in ("challenges", "values", "actions", "narrative", "meaning", "notes"):
        del source[name]
    reflection = Reflection.from_dict(source)
    assert reflection.strain is None
    assert reflection.alignment is None
    assert reflection.appraisal is None
    assert reflection.challenges == ()
    assert reflection.actions == ()
    assert (reflection.narrative, reflection.meaning, reflection.notes) == ("", "", "")
    written = reflection.to_dict()
    assert written["appraisal"] is None
    assert written["strain"] is None
    assert written["notes"] == ""
    assert written["actions"] == []


def test_action_status_defaults_to_planned() -> None:
    reflection = Reflection.from_dict(without(("actions", 0, "status")))
    assert reflection.actions[0].status is Status.PLANNED
    assert not reflection.actions[0].followed_up
    assert reflection.actions[1].followed_up
    assert reflection.pending_actions == (reflection.actions[0],)


# --- unknown fields ----------------------------------------------------------------------


def test_unknown_fields_are_kept_and_written_back_unchanged() -> None:
    source = full_dict()
    source["mood_colour"] = {"hue": 210, "words": ["calm", "blue"]}
    source["zzz"] = None
    reflection = Reflection.from_dict(source)
    assert reflection.extra == {"mood_colour": {"hue": 210, "words": ["calm", "blue"]}, "zzz": None}
    written = reflection.to_dict()
    assert written == source
    assert list(written)[-2:] == ["mood_colour", "zzz"]


def test_unknown_fields_survive_a_change_to_known_ones() -> None:
    source = {**full_dict(), "later_field": [1, 2, 3]}
    changed = Reflection.from_dict(source).with_changes(notes="Changed.")
    assert changed.to_dict()["later_field"] == [1, 2, 3]
    assert changed.to_dict()["notes"] == "Changed."


def test_extra_cannot_override_a_known_field() -> None:
    reflection = Reflection.from_dict(full_dict()).with_changes(extra={"strain": 0, "new": 1})
    written = reflection.to_dict()
    assert written["strain"] == 7
    assert written["new"] == 1


# --- validation: ranges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "found", "field"),
    [
        (("strain",), -1, "strain"),
        (("strain",), 11, "strain"),
        (("alignment",), 11, "alignment"),
        (("alignment",), -3, "alignment"),
        (("strain",), 7.0, "strain"),
        (("strain",), "7", "strain"),
        (("strain",), True, "strain"),
        (("appraisal", "comprehensible"), 5, "appraisal.comprehensible"),
        (("appraisal", "manageable"), -1, "appraisal.manageable"),
        (("appraisal", "meaningful"), None, "appraisal.meaningful"),
        (("appraisal", "meaningful"), 2.5, "appraisal.meaningful"),
        (("actions", 0, "helpfulness"), 5, "actions[0].helpfulness"),
        (("actions", 1, "helpfulness"), -1, "actions[1].helpfulness"),
        (("actions", 1, "helpfulness"), False, "actions[1].helpfulness"),
    ],
)
def test_out_of_range_scores_name_their_field(
    path: tuple[str | int, ...], found: Any, field: str
) -> None:
    with pytest.raises(ModelError) as caught:
        Reflection.from_dict(with_change(path, found))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


@pytest.mark.parametrize(("name", "low", "high"), [("strain", 0, 10), ("alignment", 0, 10)])
def test_score_bounds_are_inclusive(name: str, low: int, high: int) -> None:
    assert getattr(Reflection.from_dict(with_change((name,), low)), name) == low
    assert getattr(Reflection.from_dict(with_change((name,), high)), name) == high


def test_appraisal_and_helpfulness_bounds_are_inclusive() -> None:
    source = with_change(("appraisal",), {"comprehensible": 0, "manageable": 4, "meaningful": 0})
    source["actions"][0]["helpfulness"] = 0
    source["actions"][1]["helpfulness"] = 4
    reflection = Reflection.from_dict(source)
    assert reflection.appraisal == Appraisal(0, 4, 0)
    assert [a.helpfulness for a in reflection.actions] == [0, 4]


# --- validation: enums, required fields and shapes ---------------------------------------


@pytest.mark.parametrize(
    ("path", "found", "field"),
    [
        (("kind",), "diary", "kind"),
        (("kind",), None, "kind"),
        (("kind",), "Reflection", "kind"),
        (("challenges", 1, "dimension"), "cosmic", "challenges[1].dimension"),
        (("actions", 0, "category"), "other", "actions[0].category"),
        (("actions", 1, "status"), "maybe", "actions[1].status"),
        (("actions", 1, "status"), 1, "actions[1].status"),
    ],
)
def test_values_outside_an_enum_name_their_field(
    path: tuple[str | int, ...], found: Any, field: str
) -> None:
    with pytest.raises(ModelError) as caught:
        Reflection.from_dict(with_change(path, found))
    assert caught.value.field == field
    assert "must be one of" in caught.value.problem


def test_every_enum_member_is_accepted() -> None:
    for kind in Kind:
        source = with_change(("kind",), kind.value)
        if kind is Kind.IMPORTED:  # an imported note says where it came from
            source["imported"] = {"source": "jrnl"}
        assert Reflection.from_dict(source).kind is kind
    for dimension in Dimension:
        found = Reflection.from_dict(with_change(("challenges", 0, "dimension"), dimension.value))
        assert found.challenges[0].dimension is dimension
    for category in Category:
        found = Reflection.from_dict(with_change(("actions", 0, "category"), category.value))
        assert found.actions[0].category is category
    for status in Status:
        found = Reflection.from_dict(with_change(("actions", 0, "status"), status.value))
        assert found.actions[0].status is status


@pytest.mark.parametrize(
    ("source", "field"),
    [
        (without(("id",)), "id"),
        (with_change(("id",), "  "), "id"),
        (with_change(("id",), 42), "id"),
        (without(("date",)), "date"),
        (with_change(("date",), "2026-13-01"), "date"),
        (with_change(("date",), "26/11/2026"), "date"),
        (with_change(("created",), "yesterday"), "created"),
        (with_change(("created",), "2026-11-26T17:45:03"), "created"),
        (with_change(("narrative",), ["not", "text"]), "narrative"),
        (with_change(("notes",), 3), "notes"),
        (with_change(("challenges",), "caseload"), "challenges"),
        (with_change(("challenges", 0), "caseload"), "challenges[0]"),
        (without(("challenges", 1, "label")), "challenges[1].label"),
        (with_change(("challenges", 0, "note"), 1), "challenges[0].note"),
        (with_change(("values", 0, "label"), ""), "values[0].label"),
        (without(("values", 0, "key")), "values[0].key"),
        (with_change(("appraisal",), [3, 2, 4]), "appraisal"),
        (without(("appraisal", "manageable")), "appraisal.manageable"),
        (with_change(("actions",), {"0": {}}), "actions"),
        (without(("actions", 1, "category")), "actions[1].category"),
        (with_change(("actions", 0, "when"), 12), "actions[0].when"),
    ],
)
def test_wrong_or_missing_fields_name_their_path(source: dict[str, Any], field: str) -> None:
    with pytest.raises(ModelError) as caught:
        Reflection.from_dict(source)
    assert caught.value.field == field


def test_a_reflection_must_be_an_object() -> None:
    with pytest.raises(ModelError):
        Reflection.from_dict(["not", "an", "object"])  # type: ignore[arg-type]


def test_model_error_is_a_value_error_with_a_readable_message() -> None:
    with pytest.raises(ValueError, match=r"^actions\[0\]\.helpfulness: must be 0-4, not 9$"):
        Reflection.from_dict(with_change(("actions", 0, "helpfulness"), 9))


# --- validation when building objects directly -------------------------------------------


def test_constructors_check_ranges_and_offsets() -> None:
    with pytest.raises(ModelError) as caught:
        Reflection(id="x", date=dt.date(2026, 1, 1), created=CREATED, strain=11)
    assert caught.value.field == "strain"
    with pytest.raises(ModelError) as caught:
        Reflection(id="x", date=dt.date(2026, 1, 1), created=CREATED.replace(tzinfo=None))
    assert caught.value.field == "created"
    with pytest.raises(ModelError) as caught:
        Reflection(id="", date=dt.date(2026, 1, 1), created=CREATED)
    assert caught.value.field == "id"
    with pytest.raises(ModelError) as caught:
        Appraisal(comprehensible=1, manageable=5, meaningful=1)
    assert caught.value.field == "manageable"
    with pytest.raises(ModelError) as caught:
        CopingAction("k", "Label", Category.INDIVIDUAL, helpfulness=7)
    assert caught.value.field == "helpfulness"


def test_constructors_turn_strings_into_enums_and_reject_others() -> None:
    action = CopingAction("k", "Label", "boundaries", status="partly")  # type: ignore[arg-type]
    assert action.category is Category.BOUNDARIES
    assert action.status is Status.PARTLY
    assert Challenge("k", "L", "systemic").dimension is Dimension.SYSTEMIC  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="hobbies"):
        CopingAction("k", "Label", "hobbies")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="diary"):
        Reflection(id="x", date=dt.date(2026, 1, 1), created=CREATED, kind="diary")  # type: ignore[arg-type]


def test_new_makes_a_uuid4_id_and_an_offset_aware_time() -> None:
    first = Reflection.new(dt.date(2026, 3, 1))
    second = Reflection.new()
    assert uuid.UUID(first.id).version == 4
    assert first.id != second.id
    assert first.date == dt.date(2026, 3, 1)
    assert first.year == 2026
    assert first.created.utcoffset() is not None
    assert second.date == second.created.date()


def test_sort_key_orders_by_date_then_time() -> None:
    early = Reflection(id="b", date=dt.date(2026, 1, 2), created=CREATED)
    late = Reflection(id="a", date=dt.date(2026, 1, 2), created=CREATED + dt.timedelta(hours=1))
    older = Reflection(id="c", date=dt.date(2026, 1, 1), created=CREATED + dt.timedelta(days=3))
    assert sorted([late, older, early], key=lambda r: r.sort_key) == [older, early, late]


def test_search_text_holds_every_text_field_case_folded() -> None:
    text = Reflection.from_dict(full_dict()).search_text()
    for piece in ("long day", "why i'm here", "supervision on friday", "a full caseload", "risk."):
        assert piece in text
    for piece in ("helping others", "take lunch away from the desk", "tomorrow 12:30"):
        assert piece in text
    assert text == text.casefold()


# --- any text survives the dict form -----------------------------------------------------

_text = st.text(max_size=200)


@settings(max_examples=60, deadline=None)
@given(
    narrative=_text,
    notes=_text,
    label=_text.filter(lambda s: s.strip() != ""),
    strain=st.none() | st.integers(0, 10),
    helpfulness=st.none() | st.integers(0, 4),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=8).map(lambda s: f"x-{s}"),
        st.none() | st.booleans() | st.integers() | _text,
        max_size=3,
    ),
)
def test_any_text_round_trips_through_the_dict_form(
    narrative: str,
    notes: str,
    label: str,
    strain: int | None,
    helpfulness: int | None,
    extra: dict[str, Any],
) -> None:
    reflection = Reflection(
        id="r",
        date=dt.date(2026, 11, 26),
        created=CREATED,
        strain=strain,
        narrative=narrative,
        notes=notes,
        values=(Value("v", label),),
        actions=(CopingAction("a", label, Category.RELATIONAL, helpfulness=helpfulness),),
        extra=extra,
    )
    written = reflection.to_dict()
    assert Reflection.from_dict(written) == reflection
    assert Reflection.from_dict(written).to_dict() == written


def test_unknown_fields_inside_the_parts_are_kept() -> None:
    source = full_dict()
    source["actions"][0]["reminder"] = "09:00"
    source["challenges"][0]["weight"] = 2
    source["appraisal"]["note"] = "added by a later version"
    assert Reflection.from_dict(source).to_dict() == source


def test_the_appraisal_in_words_is_searched_and_names_its_challenge() -> None:
    reflection = Reflection.from_dict(full_dict())
    text = reflection.search_text()
    for words in ("my pacing.", "the waiting list.", "you did enough.", "helping others"):
        assert words in text
    weighed = reflection.weighed_most_challenge
    assert weighed is not None
    assert weighed.label == "A full caseload"
    assert reflection.with_changes(weighed_most="gone").weighed_most_challenge is None


def test_struggling_means_struggling_or_not_coping() -> None:
    source = full_dict()
    assert [
        Reflection.from_dict({**source, "feeling": f}).struggling for f in (None, 0, 1, 2, 3)
    ] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_an_imported_note_and_only_one_says_where_it_came_from() -> None:
    note = with_change(("kind",), Kind.IMPORTED.value)
    with pytest.raises(ModelError, match="imported"):
        Reflection.from_dict(note)  # an imported note without its source
    note["imported"] = {"source": "dayone", "title": "T", "tags": ["a", "b"], "starred": True}
    found = Reflection.from_dict(note)
    assert found.imported is not None
    assert found.imported.tags == ("a", "b")
    assert found.to_dict()["imported"]["mood"] == ""
    assert "t\na\nb" in found.search_text()
    reflection = with_change(("kind",), Kind.REFLECTION.value)
    reflection["imported"] = {"source": "jrnl"}
    with pytest.raises(ModelError, match="imported"):
        Reflection.from_dict(reflection)  # a reflection written here came from nowhere else
    assert "imported" not in Reflection.from_dict(with_change(("kind",), "reflection")).to_dict()
