"""Self-practice exercises, as the content declares them, and the walk through one.

An exercise is data, not a screen of code: ``content/exercises/<id>.toml`` (a service adds or
replaces one with ``--content DIR``, ``DIR/exercises/*.toml``) declares it::

    [exercise]
    id = "worry-tree"
    title = "The worry tree"
    purpose = "Sort a worry into what I can act on and what I can set down."

    [[steps]]
    id = "name"
    title = "Name the worry"
    prompt = "What is the worry, in a sentence?"
      [[steps.fields]]
      id = "worry"
      kind = "text"              # text | list | rating | percentage | choice | datetime | ranked
      label = "The worry"
      [[steps.fields]]
      id = "type"
      kind = "choice"
      label = "Is it about a problem now, or a 'what if'?"
      choices = [["current", "A problem I have now"], ["hypothetical", "A 'what if'"]]
      [[steps.branches]]        # checked in order after the step; the first that holds wins
      field = "type"
      equals = "hypothetical"
      goto = "let-go"

A step without a branch that holds goes on to ``next`` when it names one, else to the step
after it in the file; ``end = true`` ends the exercise there. A ``ranked`` field orders the
items of an earlier ``list`` field (``source = "STEP-ID.FIELD-ID"``) or its own. A step may
name an exercise it ``opens`` (the worry tree's "act on it" opens problem solving).

Every exercise ends with the same self-reflection (SP/SR): the personal self and the
practitioner self. Those questions are the content's prompts, asked once by the practice screen
after the last step, not written into each exercise.

``parse_exercise`` checks a file's table and raises ``ExerciseError`` naming the file,
exercise, step and field of the first problem (a branch to a missing step names that step id).
``Walk`` is the engine: given an exercise and the answers so far, which step comes next.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from coach.text import FORBIDDEN

RATING_HIGH = 10  # a rating field is 0-10
PERCENT_HIGH = 100
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

Answer = str | int | tuple[str, ...] | None
Answers = Mapping[str, Mapping[str, Any]]  # step id -> field id -> answer (as stored)


class FieldKind(StrEnum):
    """What a field asks for, and how its answer is kept."""

    TEXT = "text"  # free text: str
    LIST = "list"  # a few items: list of str
    RATING = "rating"  # 0-10: int
    PERCENTAGE = "percentage"  # 0-100: int
    CHOICE = "choice"  # one of ``choices``: its value, str
    DATETIME = "datetime"  # a day, or a day and a time: "2026-11-30" or "2026-11-30 17:30"
    RANKED = "ranked"  # items in order, easiest (or least) first: list of str


class ExerciseError(ValueError):
    """An exercise file that cannot be used; one line naming where (file, exercise, step,
    field) and what is wrong."""


@dataclass(frozen=True)
class Field:
    """One thing a step asks."""

    id: str
    kind: FieldKind
    label: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, words) for a choice
    source: str = ""  # a ranked field's list: "STEP-ID.FIELD-ID"
    optional: bool = True


@dataclass(frozen=True)
class Branch:
    """After the step: when ``field`` was answered ``equals``, go to ``goto``."""

    field: str
    equals: str
    goto: str


@dataclass(frozen=True)
class Step:
    """One step of an exercise."""

    id: str
    title: str
    prompt: str = ""
    fields: tuple[Field, ...] = ()
    branches: tuple[Branch, ...] = ()
    next: str = ""
    end: bool = False
    opens: str = ""  # an exercise this step offers to open (its id)


@dataclass(frozen=True)
class Exercise:
    """An exercise: its id, title, what it is for, and its steps in file order."""

    id: str
    title: str
    purpose: str
    steps: tuple[Step, ...]
    source: str = ""  # the file it came from, for messages
    extra: Mapping[str, Any] = field(default_factory=dict)

    def step(self, step_id: str) -> Step:
        """The step with this id (``KeyError`` if none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def first(self) -> Step:
        """Where the exercise starts."""
        return self.steps[0]


# --- reading an exercise file ---------------------------------------------------------------


class _Where:
    """Names where a problem is: ``worry-tree.toml: exercise 'worry-tree', step 'name',
    field 'type'``."""

    def __init__(self, source: str) -> None:
        self.parts = [source]

    def at(self, part: str) -> _Where:
        found = _Where("")
        found.parts = [*self.parts, part]
        return found

    def error(self, problem: str) -> ExerciseError:
        return ExerciseError(f"{': '.join(self.parts[:1])}: {', '.join(self.parts[1:])}"
                             f"{': ' if len(self.parts) > 1 else ''}{problem}")  # fmt: skip


def _text(table: Mapping[str, Any], key: str, where: _Where, *, required: bool) -> str:
    found = table.get(key, "")
    if not isinstance(found, str):
        raise where.error(f"{key} must be text")
    if FORBIDDEN.search(found):  # the screens show content as it is: no control codes in it
        raise where.error(f"{key} must not hold control characters")
    if required and not found.strip():
        raise where.error(f"{key} is missing")
    return found


def _id(table: Mapping[str, Any], key: str, where: _Where) -> str:
    found = _text(table, key, where, required=True)
    if not _ID.fullmatch(found):
        raise where.error(f"{key} {found!r} must be lower-case letters, digits and dashes")
    return found


def _tables(table: Mapping[str, Any], key: str, where: _Where) -> list[Mapping[str, Any]]:
    found = table.get(key, [])
    if not isinstance(found, list) or not all(isinstance(item, Mapping) for item in found):
        raise where.error(f"{key} must be a list of tables ([[{key}]])")
    return found


def _choices(table: Mapping[str, Any], where: _Where) -> tuple[tuple[str, str], ...]:
    found = table.get("choices", [])
    pairs = []
    ok = isinstance(found, list) and bool(found)
    for item in found if ok else ():
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
        ):
            ok = False
            break
        if any(FORBIDDEN.search(words) for words in item):
            raise where.error("choices must not hold control characters")
        pairs.append((item[0], item[1]))
    if not ok:
        raise where.error('choices must be a list of ["value", "words"] pairs')
    values = [value for value, _ in pairs]
    if len(set(values)) != len(values):
        raise where.error("choices must not repeat a value")
    return tuple(pairs)


def _field(table: Mapping[str, Any], where: _Where) -> Field:
    field_id = _id(table, "id", where)
    where = where.at(f"field {field_id!r}")
    kind_name = table.get("kind")
    try:
        kind = FieldKind(str(kind_name))
    except ValueError:
        allowed = " | ".join(kind.value for kind in FieldKind)
        raise where.error(f"kind must be one of {allowed}, not {kind_name!r}") from None
    choices = _choices(table, where) if kind is FieldKind.CHOICE else ()
    source = _text(table, "source", where, required=False)
    if source and kind is not FieldKind.RANKED:
        raise where.error("source is only for a ranked field")
    optional = table.get("optional", True)
    if not isinstance(optional, bool):
        raise where.error("optional must be true or false")
    return Field(
        id=field_id,
        kind=kind,
        label=_text(table, "label", where, required=True),
        hint=_text(table, "hint", where, required=False),
        choices=choices,
        source=source,
        optional=optional,
    )


def _step(table: Mapping[str, Any], where: _Where) -> Step:
    step_id = _id(table, "id", where)
    where = where.at(f"step {step_id!r}")
    fields = tuple(_field(item, where) for item in _tables(table, "fields", where))
    ids = [f.id for f in fields]
    for repeated in {i for i in ids if ids.count(i) > 1}:
        raise where.error(f"field id {repeated!r} is used twice")
    branches = []
    for item in _tables(table, "branches", where):
        branch = Branch(
            field=_text(item, "field", where, required=True),
            equals=_text(item, "equals", where, required=True),
            goto=_text(item, "goto", where, required=True),
        )
        if branch.field not in ids:
            raise where.error(f"a branch reads field {branch.field!r}, which this step lacks")
        branches.append(branch)
    end = table.get("end", False)
    if not isinstance(end, bool):
        raise where.error("end must be true or false")
    return Step(
        id=step_id,
        title=_text(table, "title", where, required=True),
        prompt=_text(table, "prompt", where, required=False),
        fields=fields,
        branches=tuple(branches),
        next=_text(table, "next", where, required=False),
        end=end,
        opens=_text(table, "opens", where, required=False),
    )


def parse_exercise(document: Mapping[str, Any], source: str) -> Exercise:
    """The exercise a file declares (``document``: its TOML, parsed), every part checked; an
    ``ExerciseError`` names the first problem and where it is."""
    where = _Where(source)
    head = document.get("exercise")
    if not isinstance(head, Mapping):
        raise where.error("an [exercise] table with id, title and purpose is missing")
    exercise_id = _id(head, "id", where)
    where = where.at(f"exercise {exercise_id!r}")
    steps = tuple(_step(item, where) for item in _tables(document, "steps", where))
    if not steps:
        raise where.error("it has no steps ([[steps]])")
    ids = [s.id for s in steps]
    for repeated in {i for i in ids if ids.count(i) > 1}:
        raise where.error(f"step id {repeated!r} is used twice")
    for step in steps:
        at = where.at(f"step {step.id!r}")
        for target in (*(b.goto for b in step.branches), *([step.next] if step.next else [])):
            if target not in ids:
                raise at.error(f"goes to step {target!r}, which does not exist")
        for each in step.fields:
            if each.source:
                _check_source(each, step, steps, at.at(f"field {each.id!r}"))
    return Exercise(
        id=exercise_id,
        title=_text(head, "title", where, required=True),
        purpose=_text(head, "purpose", where, required=True),
        steps=steps,
        source=source,
    )


def _check_source(ranked: Field, step: Step, steps: Sequence[Step], where: _Where) -> None:
    step_id, _, field_id = ranked.source.partition(".")
    earlier = {s.id: s for s in steps[: list(steps).index(step) + 1]}
    found = earlier.get(step_id)
    listed = next((f for f in found.fields if f.id == field_id), None) if found else None
    if listed is None or listed.kind is not FieldKind.LIST:
        raise where.error(f"source {ranked.source!r} must name a list field of this or an "
                          "earlier step")  # fmt: skip


# --- checking one answer ---------------------------------------------------------------------


def check_answer(asked: Field, found: Any) -> Answer:
    """``found`` as ``asked`` keeps it, or ``ValueError`` saying what is wrong in words for the
    person typing (empty counts as not answered: None)."""
    if found is None or found == "" or found == [] or found == ():
        if not asked.optional:
            raise ValueError("this one is needed")
        return None
    kind = asked.kind
    if kind is FieldKind.TEXT:
        if not isinstance(found, str):
            raise ValueError("must be text")
        return found
    if kind in (FieldKind.LIST, FieldKind.RANKED):
        if not isinstance(found, list | tuple) or not all(isinstance(i, str) for i in found):
            raise ValueError("must be a list of text")
        return tuple(item for item in found if item.strip())
    if kind in (FieldKind.RATING, FieldKind.PERCENTAGE):
        high = RATING_HIGH if kind is FieldKind.RATING else PERCENT_HIGH
        number = found
        if isinstance(found, str):
            number = int(found.strip()) if found.strip().isdecimal() else None
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= high:
            raise ValueError(f"must be a whole number from 0 to {high}")
        return number
    if kind is FieldKind.CHOICE:
        if found not in {value for value, _ in asked.choices}:
            raise ValueError("must be one of the choices")
        return str(found)
    if not isinstance(found, str) or not _is_when(found.strip()):
        raise ValueError("must be a day like 2026-11-30, or a day and time like 2026-11-30 17:30")
    return found.strip()


def _is_when(text: str) -> bool:
    try:
        if len(text) == 10:
            dt.date.fromisoformat(text)
        else:
            dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        return False
    return True


# --- the walk --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Walk:
    """The engine: where an exercise goes from a step, given the answers so far.

    The steps a practice has taken are kept in order with it (``Practice.taken``), since a
    branch may lead back to an earlier step ("go back if it did not work"): answering a step
    again replaces its answers, and resuming starts at the last step taken.
    """

    exercise: Exercise

    def after(self, step_id: str, answers: Answers) -> str | None:
        """The id of the step after ``step_id``, or None when the exercise ends there."""
        step = self.exercise.step(step_id)
        given = answers.get(step_id, {})
        for branch in step.branches:
            if given.get(branch.field) == branch.equals:
                return branch.goto
        if step.end:
            return None
        if step.next:
            return step.next
        ids = [s.id for s in self.exercise.steps]
        index = ids.index(step_id)
        return ids[index + 1] if index + 1 < len(ids) else None
