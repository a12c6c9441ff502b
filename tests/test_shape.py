"""The generic reading, writing and checking of records: what each declared type turns into.

Records declared here, not the model's, so the rules are pinned apart from any one record:
each kind of field, unknown fields at every level, and a declaration the shape cannot read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pytest

from coach.shape import ModelError, Record, Scale, meta, writer

STARS = Scale(1, 5, labels="stars")
ENDS = Scale(0, 10, labels="ends", ends=True)


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


def not_seven(found: int | None) -> None:
    if found == 7:
        raise ModelError("lucky", "must not be 7")


@dataclass(frozen=True, slots=True)
class Leaf(Record):
    name: str
    stars: int = field(metadata=meta(scale=STARS))
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tree(Record):
    name: str
    planted: dt.date
    seen: dt.datetime
    colour: Colour
    shade: Colour = Colour.BLUE
    kind: Colour = field(default=Colour.RED, metadata=meta(required=True))
    note: str = ""
    height: int | None = field(default=None, metadata=meta(scale=ENDS))
    lucky: int | None = field(default=None, metadata=meta(scale=ENDS, check=not_seven))
    leaves: tuple[Leaf, ...] = ()
    crown: Leaf | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


def tree_dict() -> dict[str, Any]:
    return {
        "name": "oak",
        "planted": "2026-03-01",
        "seen": "2026-03-01T09:30:00+00:00",
        "colour": "red",
        "shade": "red",
        "kind": "blue",
        "note": "by the gate",
        "height": 7,
        "lucky": 3,
        "leaves": [{"name": "a", "stars": 1}, {"name": "b", "stars": 5, "vein": [1]}],
        "crown": {"name": "top", "stars": 2},
        "later": {"kept": True},
    }


def test_every_kind_of_field_round_trips_in_declared_order() -> None:
    source = tree_dict()
    tree = Tree.from_dict(source)
    assert tree.planted == dt.date(2026, 3, 1)
    assert tree.seen.utcoffset() == dt.timedelta(0)
    assert (tree.colour, tree.shade, tree.kind) == (Colour.RED, Colour.RED, Colour.BLUE)
    assert tree.leaves[1] == Leaf("b", 5, {"vein": [1]})
    assert tree.crown == Leaf("top", 2)
    assert tree.extra == {"later": {"kept": True}}
    written = tree.to_dict()
    assert written == source
    assert list(written) == list(source)


def test_absent_optional_fields_read_as_their_defaults_and_write_back_in_full() -> None:
    source = {"name": "ash", "planted": "2026-01-02", "seen": "2026-01-02T00:00:00+01:00"}
    tree = Tree.from_dict({**source, "colour": "blue", "kind": "red"})
    assert (tree.shade, tree.note, tree.height, tree.leaves, tree.crown) == (
        Colour.BLUE,
        "",
        None,
        (),
        None,
    )
    assert tree.to_dict()["crown"] is None
    assert tree.to_dict()["leaves"] == []


def test_an_unknown_field_never_overrides_a_known_one() -> None:
    tree = Tree.from_dict(tree_dict())
    clashing = Tree(**{**vars_of(tree), "extra": {"name": "elm", "new": 1}})
    assert clashing.to_dict()["name"] == "oak"
    assert clashing.to_dict()["new"] == 1


def vars_of(tree: Tree) -> dict[str, Any]:
    return {name: getattr(tree, name) for name in Tree.__dataclass_fields__}


@pytest.mark.parametrize(
    ("change", "field_path", "problem"),
    [
        ({"name": None}, "name", "is missing"),
        ({"name": " "}, "name", "must not be empty"),
        ({"note": 4}, "note", "must be text, not int"),
        ({"planted": "1 March"}, "planted", "must be a date like 2026-11-26, not '1 March'"),
        ({"seen": "soon"}, "seen", "must be an ISO date and time, not 'soon'"),
        ({"colour": "green"}, "colour", "must be one of red | blue, not 'green'"),
        ({"kind": None}, "kind", "must be one of red | blue, not None"),
        ({"height": 11}, "height", "must be 0-10, not 11"),
        ({"height": True}, "height", "must be a whole number 0-10 or null"),
        ({"lucky": 7}, "lucky", "must not be 7"),
        ({"leaves": {}}, "leaves", "must be a list"),
        ({"leaves": [{"name": "a", "stars": 1}, 5]}, "leaves[1]", "must be an object"),
        ({"leaves": [{"name": "a", "stars": 0}]}, "leaves[0].stars", "must be 1-5, not 0"),
        ({"leaves": [{"name": "a"}]}, "leaves[0].stars", "is missing"),
        ({"crown": [1]}, "crown", "must be an object or null"),
        ({"crown": {"stars": 1}}, "crown.name", "is missing"),
    ],
)
def test_a_wrong_field_is_named_with_a_one_line_problem(
    change: dict[str, Any], field_path: str, problem: str
) -> None:
    with pytest.raises(ModelError) as caught:
        Tree.from_dict({**tree_dict(), **change})
    assert (caught.value.field, caught.value.problem) == (field_path, problem)
    assert str(caught.value) == f"{field_path}: {problem}"


def test_an_absent_enum_with_a_default_reads_the_default_unless_required() -> None:
    source = tree_dict()
    del source["shade"]
    assert Tree.from_dict(source).shade is Colour.BLUE
    del source["kind"]
    with pytest.raises(ModelError, match=r"^kind: must be one of"):
        Tree.from_dict(source)


def test_a_record_must_be_an_object() -> None:
    with pytest.raises(ModelError) as caught:
        Tree.from_dict([])  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.problem) == ("", "a tree must be an object")


def test_the_constructor_coerces_and_checks_what_it_is_given() -> None:
    day = dt.date(2026, 3, 1)
    seen = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    tree = Tree("oak", day, seen, "blue", leaves=[Leaf("a", 1)])  # type: ignore[arg-type]
    assert tree.colour is Colour.BLUE
    assert tree.leaves == (Leaf("a", 1),)
    with pytest.raises(ValueError, match="green"):
        Tree("oak", day, seen, "green")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"^height: must be 0-10, not 12$"):
        Tree("oak", day, seen, Colour.RED, height=12)
    with pytest.raises(ModelError, match=r"^lucky: must not be 7$"):
        Tree("oak", day, seen, Colour.RED, lucky=7)
    with pytest.raises(ModelError, match=r"^stars: is missing$"):
        Leaf("a", None)  # type: ignore[arg-type]


def test_a_field_the_shape_cannot_read_is_named_on_first_use() -> None:
    @dataclass(frozen=True, slots=True)
    class Odd(Record):
        when: float

    with pytest.raises(TypeError, match="when"):
        Odd.from_dict({"when": 1.5})


def test_writer_turns_the_model_types_into_json_ready_values() -> None:
    assert writer(Colour)(Colour.RED) == "red"  # type: ignore[misc]
    assert writer(dt.date | None)(None) is None  # type: ignore[misc]
    assert writer(dt.date | None)(dt.date(2026, 1, 2)) == "2026-01-02"  # type: ignore[misc]
    assert writer(list[Leaf])([Leaf("a", 1)]) == [{"name": "a", "stars": 1}]  # type: ignore[misc]
    assert writer(str) is None
    assert writer(int | None) is None


def test_a_scale_knows_its_span_and_how_many_labels_it_takes() -> None:
    assert (STARS.span, STARS.label_count) == ("1-5", 5)
    assert (ENDS.span, ENDS.label_count) == ("0-10", 2)
    assert STARS.read("stars", None) is None
    assert STARS.read("stars", 5) == 5


@dataclass(frozen=True, slots=True)
class Named(Record):
    name: str


@dataclass(frozen=True, slots=True)
class Rose(Named):
    stars: int = field(metadata=meta(scale=STARS))


def test_fields_shared_by_records_are_declared_once_and_read_in_each() -> None:
    rose = Rose.from_dict({"name": "rambler", "stars": 4})
    assert rose == Rose("rambler", 4)
    assert rose.to_dict() == {"name": "rambler", "stars": 4}
    with pytest.raises(ModelError, match=r"^name: is missing$"):
        Rose.from_dict({"stars": 4})
    with pytest.raises(TypeError, match="Named"):
        Named("only shared")
