"""A tiny exercise of the tests' own (every kind of field, a branch, a step that opens another)
given through an overlay, and the keys that answer it, for the practice screens' tests."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioButton, RadioSet, TextArea

from coach.content import Catalog, load_catalog
from coach.journal import Journal
from coach.tui.app import CoachApp
from tests.tui.conftest import fixed_clock, settle

TINY = """
[exercise]
id = "tiny"
title = "A tiny exercise"
purpose = "Every kind of field, for the tests."

[[steps]]
id = "name"
title = "Name it"
prompt = "What is it?"
  [[steps.fields]]
  id = "what"
  kind = "text"
  label = "What"
  optional = false
  [[steps.fields]]
  id = "kind"
  kind = "choice"
  label = "Which way?"
  choices = [["a", "The long way"], ["b", "The short way"]]
  [[steps.branches]]
  field = "kind"
  equals = "b"
  goto = "other"

[[steps]]
id = "items"
title = "List them"
  [[steps.fields]]
  id = "things"
  kind = "list"
  label = "Things"
  [[steps.fields]]
  id = "how"
  kind = "rating"
  label = "How much"

[[steps]]
id = "order"
title = "Order them"
end = true
  [[steps.fields]]
  id = "ranked"
  kind = "ranked"
  label = "In order"
  source = "items.things"
  [[steps.fields]]
  id = "sure"
  kind = "percentage"
  label = "How sure"
  [[steps.fields]]
  id = "when"
  kind = "datetime"
  label = "When"

[[steps]]
id = "other"
title = "The short way"
opens = "second"
  [[steps.fields]]
  id = "note"
  kind = "text"
  label = "A note"
"""

SECOND = """
[exercise]
id = "second"
title = "A second exercise"
purpose = "Opened by the tiny one."

[[steps]]
id = "only"
title = "The only step"
  [[steps.fields]]
  id = "note"
  kind = "text"
  label = "A note"
"""


def tiny_catalog(folder: Path) -> Catalog:
    """The shipped content with the tests' two exercises added through an overlay."""
    (folder / "exercises").mkdir(parents=True)
    (folder / "exercises" / "tiny.toml").write_text(TINY, encoding="utf-8")
    (folder / "exercises" / "second.toml").write_text(SECOND, encoding="utf-8")
    return load_catalog(folder)


def tiny_app(journal: Journal, folder: Path) -> CoachApp:
    """The real app, on a real journal, with the tests' exercises."""
    return CoachApp(journal, tiny_catalog(folder), clock=fixed_clock)


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """Focus a box and type into it as a user does (a new line for each line)."""
    box = pilot.app.screen.query_one(selector)
    assert isinstance(box, Input | TextArea)
    box.focus()
    await pilot.pause()
    for number, line in enumerate(text.split("\n")):
        if number:
            await pilot.press("enter")
        await pilot.press(*line)


async def choose(pilot: Pilot[None], field_id: str, index: int) -> None:
    """Choose the ``index``th answer of a choice field, by keyboard."""
    pilot.app.screen.query_one(f"#box-{field_id}", RadioSet).focus()
    await pilot.pause()
    await pilot.press(*["down"] * index, "enter")
    await pilot.pause()
    buttons = list(pilot.app.screen.query(f"#box-{field_id} RadioButton").results(RadioButton))
    assert buttons[index].value


async def next_step(pilot: Pilot[None]) -> None:
    """Next (ctrl+n), then let the save and the new step settle."""
    await pilot.press("ctrl+n")
    await settle(pilot)


async def press_button(pilot: Pilot[None], selector: str) -> None:
    """Focus a button (scrolled into view) and press enter on it, as a keyboard user does."""
    button = pilot.app.screen.query_one(selector, Button)
    button.focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
