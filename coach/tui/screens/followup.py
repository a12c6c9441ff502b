"""Follow-up: did last time's planned actions happen, and did they help?"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Select
from textual.worker import Worker

from coach.dates import day_and_month
from coach.model import HELPFULNESS, Reflection, Status
from coach.tui.base import CoachScreen, in_background
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.options import literal

STATUS_CHOICES = (("Done", Status.DONE), ("Partly", Status.PARTLY), ("Not done", Status.SKIPPED))


def followed_up(
    reflection: Reflection, answers: dict[int, tuple[Status, int | None]]
) -> Reflection:
    """The earlier reflection with the answered actions' status and helpfulness filled in."""
    actions = list(reflection.actions)
    for index, (status, helpfulness) in answers.items():
        rated = helpfulness if status in (Status.DONE, Status.PARTLY) else None
        actions[index] = actions[index].followed(status, rated)
    return reflection.with_changes(actions=tuple(actions))


class FollowUpScreen(CoachScreen[bool | None]):
    """One compact screen: each planned action, done / partly / not done, and how helpful.

    Dismisses with True when saved, False when skipped, None when the user went back home.
    """

    AUTO_FOCUS = "Select"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home", id="followup.home"),
        Binding("ctrl+s", "save", "Save and go on", id="followup.save", priority=True),
        Binding("ctrl+k", "skip", "Skip", id="followup.skip", priority=True),
    ]

    def __init__(self, earlier: Reflection) -> None:
        super().__init__()
        self.earlier = earlier

    def compose(self) -> ComposeResult:
        """A row per planned action."""
        catalog = self.app.catalog
        helpfulness = list(enumerate(catalog.scale(HELPFULNESS.labels), start=HELPFULNESS.low))
        yield Header()
        with VerticalScroll(classes="step-body"):
            yield Literal(catalog.prompt("followup.title"), classes="step-title")
            intro = catalog.prompt("followup.intro")
            yield Literal(f"{intro} ({day_and_month(self.earlier.date)})")
            for index, action in enumerate(self.earlier.actions):
                if action.followed_up:
                    continue
                when = f" ({action.when})" if action.when else ""
                yield Literal(f"{action.label}{when}", classes="question")
                with Horizontal(classes="followup-row"):
                    yield Select(
                        [(label, status.value) for label, status in STATUS_CHOICES],
                        prompt="Did it happen?",
                        id=f"status-{index}",
                        compact=True,
                    )
                    yield Select(
                        [(literal(f"{n} {label}"), n) for n, label in helpfulness],
                        prompt="How helpful?",
                        id=f"helpful-{index}",
                        compact=True,
                        disabled=True,
                    )
            with Horizontal(classes="step-buttons"):
                yield Button("Skip", id="skip")
                yield Button("Save and go on", id="save", variant="primary")
        yield CoachFooter()

    def on_select_changed(self, event: Select.Changed) -> None:
        """How helpful only applies to what was done, or partly done."""
        if event.select.id and event.select.id.startswith("status-"):
            index = event.select.id.removeprefix("status-")
            done = event.value in (Status.DONE.value, Status.PARTLY.value)
            self.query_one(f"#helpful-{index}", Select).disabled = not done

    def answers(self) -> dict[int, tuple[Status, int | None]]:
        """What the user said, by the action's index in the earlier reflection."""
        found: dict[int, tuple[Status, int | None]] = {}
        for index, action in enumerate(self.earlier.actions):
            if action.followed_up:
                continue
            status = self.query_one(f"#status-{index}", Select).value
            if not isinstance(status, str):
                continue
            helpful = self.query_one(f"#helpful-{index}", Select).value
            found[index] = (Status(status), helpful if isinstance(helpful, int) else None)
        return found

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_skip()

    def action_skip(self) -> None:
        """Go on without answering; the question waits for next time."""
        self.dismiss(False)

    def action_home(self) -> None:
        """Back home without starting."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Save the answers onto the earlier reflection, then go on."""
        answers = self.answers()
        if not answers:
            self.dismiss(False)
            return
        self.query_one("#save", Button).disabled = True
        self._save(followed_up(self.earlier, answers))

    @in_background("Not saved", group="save", exclusive=True)
    def _save(self, updated: Reflection) -> None:
        self.app.journal.update(updated)
        self.app.call_from_thread(self.dismiss, True)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The answers stay on screen, to be saved again."""
        if worker.group == "save":
            self.query_one("#save", Button).disabled = False
        super().worker_failed(worker)
