"""Every field of a reflection, found by walking its declaration, survives every form it takes.

The sample is built from ``dataclasses.fields``, not from a list typed here: a field added to
the model is in it at once, with a value that is not its default, and must survive the draft
(saved to and read back from a real journal's draft file), the reflection, the JSON export and
the import, with an unknown field kept at the top and in every part.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import itertools
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from coach.draft import SHARED, ReflectionDraft
from coach.exports import export_json, read_export
from coach.journal import Journal
from coach.model import APPRAISAL, APPRAISAL_PARTS, CPD_STAGES, Kind, Reflection
from coach.shape import EXTRA, Record, Scale

SAMPLE_DAY = dt.date(2025, 2, 14)
SAMPLE_TIME = dt.datetime(
    2025, 2, 14, 21, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
)
_counter = itertools.count(1)


def _unwrap(kind: Any) -> Any:
    if get_origin(kind) in (Union, types.UnionType):
        return next(arg for arg in get_args(kind) if arg is not type(None))
    return kind


def _value_for(spec: dataclasses.Field[Any], kind: Any, owner: type) -> Any:
    """A value for one field that is valid, and never the field's default."""
    base = _unwrap(kind)
    scale: Scale | None = spec.metadata.get("scale")
    if scale is not None:
        return scale.low + 1 + next(_counter) % (scale.high - scale.low)
    if spec.name == EXTRA:
        return {f"later-{owner.__name__.lower()}": {"kept": [1, "two", None]}}
    if base is str:
        return f"{spec.name}-{next(_counter)}"
    if base is bool:
        return not spec.default
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return list(base)[-1]  # every default is the first member
    if base is float:
        return 1.5
    if base is dt.datetime:
        return SAMPLE_TIME
    if base is dt.date:
        return SAMPLE_DAY
    if get_origin(base) is tuple:
        part = get_args(base)[0]
        if part is str:
            return (f"{spec.name}-{next(_counter)}", f"{spec.name}-{next(_counter)}")
        return (sample(part), sample(part))
    if isinstance(base, type) and issubclass(base, Record):
        return sample(base)
    raise AssertionError(f"{owner.__name__}.{spec.name}: no sample for {kind!r}; add one here")


def sample(record: type[Record]) -> Any:
    """A record with every declared field set to a value that is not its default."""
    kinds = get_type_hints(record)
    found = {
        spec.name: _value_for(spec, kinds[spec.name], record)
        for spec in dataclasses.fields(record)  # type: ignore[arg-type]
    }
    # Fields a record's dict form leaves out (a CPD write-up's other model's stages) must stay
    # empty; test_not_alone_records samples each model of its own.
    left_out = getattr(record, "left_out", None)
    probe = record(**{k: v for k, v in found.items() if k not in _stage_names(record)})
    for name in left_out(probe) if left_out else ():
        found[name] = dataclasses.fields(record)[_index(record, name)].default
    for spec in dataclasses.fields(record):  # type: ignore[arg-type]
        if left_out and spec.name in left_out(probe):
            continue
        default = (
            spec.default_factory()
            if spec.default_factory is not dataclasses.MISSING
            else spec.default
        )
        assert found[spec.name] != default, f"{record.__name__}.{spec.name} kept its default"
    return record(**found)


def _stage_names(record: type[Record]) -> set[str]:
    if getattr(record, "left_out", None) is None:
        return set()
    return {n for stages in CPD_STAGES.values() for n in stages}


def _index(record: type[Record], name: str) -> int:
    return [spec.name for spec in dataclasses.fields(record)].index(name)  # type: ignore[arg-type]


# A reflection's fields a draft never holds: an imported note (kind imported-note, the last
# kind, so the sample's) is never edited through the steps, so its source is not drafted.
NOT_DRAFTED = ("imported",)


def drafted(reflection: Reflection) -> Reflection:
    """The sample as the steps can write it: a check-in (the kind before imported-note)."""
    return reflection.with_changes(kind=Kind.CHECK_IN, imported=None)


def test_the_sample_sets_every_field_of_every_part() -> None:
    reflection = sample(Reflection)
    written = reflection.to_dict()
    assert written["later-reflection"] == {"kept": [1, "two", None]}
    assert "later-appraisal" in written["appraisal"]
    assert "later-copingaction" in written["actions"][0]
    assert "later-challenge" in written["challenges"][0]
    assert "later-value" in written["values"][0]
    assert "later-importedfrom" in written["imported"]
    assert written["imported"]["tags"][0].startswith("tags-")


def test_every_field_of_an_imported_note_survives_journal_export_and_import(
    tmp_path: Path,
) -> None:
    original = sample(Reflection)
    assert original.kind is Kind.IMPORTED
    with Journal(tmp_path / "data") as journal:
        journal.save(original)
    with Journal(tmp_path / "data") as journal:
        assert journal.get(original.id) == original
    assert read_export(export_json([original]).encode("utf-8")) == [original]


def test_every_field_survives_draft_journal_reflection_export_and_import(tmp_path: Path) -> None:
    original = drafted(sample(Reflection))
    draft = ReflectionDraft.from_reflection(original)
    with Journal(tmp_path / "data") as journal:
        journal.save_draft(draft.to_state())
        saved = journal.load_draft()
    assert saved is not None
    resumed = ReflectionDraft.from_state(saved.state)
    assert resumed == draft
    finished = resumed.to_reflection(created=SAMPLE_TIME + dt.timedelta(days=1))
    assert finished == original
    imported = read_export(export_json([finished]).encode("utf-8"))
    assert imported == [original]
    assert imported[0].to_dict() == original.to_dict()


def test_the_draft_holds_every_field_of_the_reflection_and_each_appraisal_part() -> None:
    """A field added to the reflection but not to the draft would be lost by an edit."""
    own = {spec.name: spec for spec in dataclasses.fields(ReflectionDraft)}
    by_hand = {"id", "date", "created", "appraisal", EXTRA, *NOT_DRAFTED}
    assert {spec.name for spec in dataclasses.fields(Reflection)} - by_hand == set(SHARED)
    for part in APPRAISAL_PARTS:
        assert own[part].metadata["scale"] is APPRAISAL
