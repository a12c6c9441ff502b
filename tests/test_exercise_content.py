"""The shipped self-practice exercises: each one read and checked, every step reachable, every
way through ending, and ``coach content check|show`` reading them (and a service's own).

The walk is the real engine (``Walk.after``) given every answer a branch can read, so a step a
branch cannot reach, or a loop with no way out, fails here before a practitioner meets it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.cli import main
from coach.content import load_catalog, shipped_content_dir
from coach.exercise_files import load_exercises
from coach.exercises import Exercise, FieldKind, Step, Walk

SHIPPED = load_exercises(shipped_content_dir())
IDS = (
    "behavioural-activation",
    "worry-tree",
    "problem-solving",
    "thought-record",
    "sleep",
    "graded-exposure",
)


def answer_sets(step: Step) -> Iterator[dict[str, str]]:
    """Every combination of answers to the choice fields a branch of ``step`` reads (each
    value, and none when the field may be left)."""
    read = [f for f in step.fields if any(b.field == f.id for b in step.branches)]
    options = [[*(value for value, _ in f.choices), *([None] if f.optional else [])] for f in read]
    for combination in itertools.product(*options):
        yield {f.id: value for f, value in zip(read, combination, strict=True) if value}


def successors(exercise: Exercise, step: Step) -> set[str | None]:
    """Where the engine can go from ``step`` (None: the exercise ends there)."""
    walk = Walk(exercise)
    return {walk.after(step.id, {step.id: answers}) for answers in answer_sets(step)}


def reachable(exercise: Exercise, without: str = "") -> set[str]:
    """The steps the engine can reach from the first, never passing through ``without``."""
    seen: set[str] = set()
    waiting = [exercise.first.id]
    while waiting:
        step_id = waiting.pop()
        if step_id in seen or step_id == without:
            continue
        seen.add(step_id)
        waiting += [s for s in successors(exercise, exercise.step(step_id)) if s]
    return seen


def path(exercise: Exercise, answers: dict[str, dict[str, str]]) -> list[str]:
    """The steps taken with these answers, first to last (a loop fails the test)."""
    walk, taken = Walk(exercise), [exercise.first.id]
    while (after := walk.after(taken[-1], answers)) is not None:
        assert after not in taken, f"{exercise.id} loops at {after}"
        taken.append(after)
    return taken


def test_the_six_exercises_are_shipped_each_saying_what_it_is_for() -> None:
    assert set(SHIPPED) == set(IDS)
    for exercise in SHIPPED.values():
        assert Path(exercise.source).name == f"{exercise.id}.toml"
        assert exercise.title.strip()
        assert len(exercise.purpose.split()) >= 8, exercise.id
        for step in exercise.steps:
            assert step.title.strip(), (exercise.id, step.id)
            assert step.prompt.strip(), (exercise.id, step.id)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_step_is_reachable_and_every_way_through_ends(exercise_id: str) -> None:
    exercise = SHIPPED[exercise_id]
    assert reachable(exercise) == {step.id for step in exercise.steps}
    # From every step the exercise can still end: a loop back always has a way out.
    ending = {s.id for s in exercise.steps if None in successors(exercise, s)}
    grown = True
    while grown:
        before = len(ending)
        ending |= {s.id for s in exercise.steps if successors(exercise, s) & ending}
        grown = len(ending) > before
    assert ending == {step.id for step in exercise.steps}


@pytest.mark.parametrize(
    ("answers", "leaf"),
    [
        ({"name": {"type": "current"}, "act": {"when": "now"}}, "act-now"),
        ({"name": {"type": "current"}, "act": {"when": "later"}}, "later"),
        ({"name": {"type": "hypothetical"}, "what-if": {"choice": "let-go"}}, "let-go"),
        ({"name": {"type": "hypothetical"}, "what-if": {"choice": "park"}}, "park"),
    ],
)
def test_each_branch_of_the_worry_tree_ends_at_its_own_leaf(
    answers: dict[str, dict[str, str]], leaf: str
) -> None:
    tree = SHIPPED["worry-tree"]
    taken = path(tree, answers)
    assert taken[-1] == leaf
    assert len(taken) == 3
    leaves = {"act-now", "later", "let-go", "park"}
    assert set(taken[:-1]).isdisjoint(leaves)  # one leaf only: never through another
    assert tree.step("act-now").opens == "problem-solving"
    park = tree.step("park")
    assert "worry time" in f"{park.title} {park.prompt}".lower()


def test_problem_solving_goes_back_when_it_did_not_work_and_ends_when_it_did() -> None:
    exercise = SHIPPED["problem-solving"]
    ids = [step.id for step in exercise.steps]
    walk = Walk(exercise)
    review = exercise.steps[-1]
    assert walk.after(review.id, {review.id: {"worked": "yes"}}) is None
    for value in ("adjust", "another"):
        back = walk.after(review.id, {review.id: {"worked": value}})
        assert back is not None
        assert ids.index(back) < ids.index(review.id)
    straight = path(exercise, {review.id: {"worked": "yes"}})
    assert straight == ids  # the first time through: every step in order


def test_each_ranked_field_orders_a_list_answered_on_every_way_to_it() -> None:
    ranked = 0
    for exercise in SHIPPED.values():
        for step in exercise.steps:
            for field in (f for f in step.fields if f.kind is FieldKind.RANKED):
                ranked += 1
                source_step, _, source_field = field.source.partition(".")
                listed = {f.id: f for f in exercise.step(source_step).fields}[source_field]
                assert listed.kind is FieldKind.LIST
                if source_step != step.id:  # the list's step lies on every way to this one
                    assert step.id not in reachable(exercise, without=source_step)
    assert ranked == 2  # behavioural activation, easiest first; graded exposure, least first


def test_the_words_are_about_my_own_life_not_patients() -> None:
    for exercise in SHIPPED.values():
        words = [exercise.title, exercise.purpose]
        for step in exercise.steps:
            words += [step.title, step.prompt]
            for field in step.fields:
                words += [field.label, field.hint, *(said for _, said in field.choices)]
        text = " ".join(words).lower()
        for unwanted in ("patient", "client", "{", "["):  # own life; shown literally, as written
            assert unwanted not in text, (exercise.id, unwanted)


def test_the_sleep_diary_is_a_week_then_a_light_habits_check() -> None:
    sleep = SHIPPED["sleep"]
    nights = [s for s in sleep.steps if s.id.startswith("night-")]
    assert len(nights) == 7
    assert all([f.kind for f in n.fields] == [f.kind for f in nights[0].fields] for n in nights)
    habits = sleep.step("habits")
    assert habits.fields
    assert all(f.kind is FieldKind.CHOICE for f in habits.fields)


# --- coach content check / show --------------------------------------------------------------

WORRY = """
[exercise]
id = "worry-tree"
title = "Our service's worry tree"
purpose = "The worry tree, in the words our service uses."

[[steps]]
id = "name"
title = "Name the worry"
  [[steps.fields]]
  id = "worry"
  kind = "text"
  label = "The worry"
  [[steps.fields]]
  id = "type"
  kind = "choice"
  label = "Now, or a what if?"
  choices = [["current", "Now"], ["hypothetical", "What if"]]
  [[steps.branches]]
  field = "type"
  equals = "hypothetical"
  goto = "let-go"

[[steps]]
id = "plan"
title = "Plan it"
end = true

[[steps]]
id = "let-go"
title = "Let it go"
"""


def overlay(tmp_path: Path, text: str, name: str = "ours.toml") -> Path:
    folder = tmp_path / "overlay"
    (folder / "exercises").mkdir(parents=True)
    (folder / "exercises" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        (
            WORRY.replace('kind = "text"', 'kind = "slider"'),
            "exercise 'worry-tree', step 'name', field 'worry': kind must be one of",
        ),
        (
            WORRY.replace('goto = "let-go"', 'goto = "set-aside"'),
            "exercise 'worry-tree', step 'name': goes to step 'set-aside', which does not exist",
        ),
        (
            WORRY.replace('id = "let-go"', 'id = "plan"'),
            "exercise 'worry-tree': step id 'plan' is used twice",
        ),
        (
            WORRY.replace('title = "Plan it"', 'title = "Plan it"\nopens = "budgeting"'),
            "exercise 'worry-tree', step 'plan': opens exercise 'budgeting', which does not exist",
        ),
        (WORRY.replace("[exercise]", "[exercise"), "cannot be read as TOML"),
    ],
)
def test_check_reports_a_broken_overlay_exercise_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str, said: str
) -> None:
    folder = overlay(tmp_path, broken)
    assert main(["content", "check", "--content", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert str(folder / "exercises" / "ours.toml") in lines[0]
    assert said in lines[0]
    assert main(["content", "show", "--json", "--content", str(folder)]) == 1  # show too
    assert capsys.readouterr().out == ""


def test_check_counts_the_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    assert f"  exercises: {len(IDS)}\n" in capsys.readouterr().out


def test_show_json_lists_each_exercise_with_its_steps_and_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["content", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in shown["exercises"]] == list(SHIPPED)
    tree = next(e for e in shown["exercises"] if e["id"] == "worry-tree")
    assert tree["purpose"] == SHIPPED["worry-tree"].purpose
    first = tree["steps"][0]
    assert first["id"] == "name"
    assert [f["id"] for f in first["fields"]] == ["worry", "type"]
    assert first["fields"][1]["kind"] == "choice"
    assert first["fields"][1]["choices"][0] == ["current", "A problem I have now"]
    assert {"field": "type", "equals": "hypothetical", "goto": "what-if"} in first["branches"]
    assert "source" not in tree  # where it was read from is not content


def test_an_overlay_exercise_with_a_shipped_id_replaces_it_in_place_and_a_new_one_is_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = overlay(tmp_path, WORRY, name="worry.toml")
    (folder / "exercises" / "kindness.toml").write_text(
        WORRY.replace('id = "worry-tree"', 'id = "self-kindness"'), encoding="utf-8"
    )
    assert main(["content", "check", "--content", str(folder)]) == 0
    assert "exercises: 7" in capsys.readouterr().out
    assert main(["content", "show", "--json", "--content", str(folder)]) == 0
    shown = json.loads(capsys.readouterr().out)["exercises"]
    assert [e["id"] for e in shown] == [*SHIPPED, "self-kindness"]
    tree = next(e for e in shown if e["id"] == "worry-tree")
    assert tree["title"] == "Our service's worry tree"
    assert [s["id"] for s in tree["steps"]] == ["name", "plan", "let-go"]
    catalog = load_catalog(folder)
    assert catalog.exercises()["worry-tree"].source == str(folder / "exercises" / "worry.toml")
