"""Follow-up: did the plans waiting happen, and did they help?

Which plans wait, and what answering and skipping do, are ``coach.follow_up``'s rules; this
screen shows them and asks. Save comes before Skip, so Tab then Enter after the last answer
saves; skipping with answers entered asks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Select
from textual.worker import Worker

from coach.dates import day_and_month
from coach.follow_up import Answer, PlanAt, answered, pending, skip_asks_first
from coach.model import HELPFULNESS, Reflection, Status
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.options import literal

STATUS_CHOICES = (("Done", Status.DONE), ("Partly", Status.PARTLY), ("Not done", Status.SKIPPED))


class FollowUpScreen(CoachScreen[bool | None]):
    """One compact screen: each plan waiting, done / partly / not done, and how helpful.

    Dismisses with True when saved, False when skipped, None when the user went back home.
    """

    AUTO_FOCUS = "Select"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home", id="followup.home"),
        Binding("ctrl+s", "save", "Save and go on", id="followup.save", priority=True),
        Binding("ctrl+k", "skip", "Skip", id="followup.skip", priority=True),
    ]

    def __init__(self, earlier: Sequence[Reflection]) -> None:
        super().__init__()
        self.earlier = tuple(earlier)
        self.saved: tuple[Reflection, ...] = ()  # the reflections as saved with the answers
        # Row n of the screen (``status-n``, ``helpful-n``) is this plan.
        self.rows: list[PlanAt] = [(r.id, index) for r, index, _ in pending(self.earlier)]

    def compose(self) -> ComposeResult:
        """A heading per reflection, a row per plan waiting; Save, then Skip."""
        catalog = self.app.catalog
        helpfulness = list(enumerate(catalog.scale(HELPFULNESS.labels), start=HELPFULNESS.low))
        yield Header()
        with VerticalScroll(classes="step-body"):
            yield Literal(catalog.prompt("followup.title"), classes="step-title")
            yield Literal(catalog.prompt("followup.intro"))
            shown: str | None = None
            for row, (reflection, _index, action) in enumerate(pending(self.earlier)):
                if reflection.id != shown:
                    shown = reflection.id
                    day = day_and_month(reflection.date)
                    yield Literal(catalog.prompt("followup.from", day=day), classes="step-intro")
                when = f" ({action.when})" if action.when else ""
                yield Literal(f"{action.label}{when}", classes="question")
                with Horizontal(classes="followup-row"):
                    yield Select(
                        [(label, status.value) for label, status in STATUS_CHOICES],
                        prompt="Did it happen?",
                        id=f"status-{row}",
                        compact=True,
                    )
                    yield Select(
                        [(literal(f"{n} {label}"), n) for n, label in helpfulness],
                        prompt="How helpful?",
                        id=f"helpful-{row}",
                        compact=True,
                        disabled=True,
                    )
            with Horizontal(classes="step-buttons"):
                yield Button("Save and go on", id="save", variant="primary", action="screen.save")
                yield Button("Skip", id="skip", action="screen.skip")
        yield CoachFooter()

    def on_select_changed(self, event: Select.Changed) -> None:
        """How helpful only applies to what was done, or partly done."""
        if event.select.id and event.select.id.startswith("status-"):
            row = event.select.id.removeprefix("status-")
            done = event.value in (Status.DONE.value, Status.PARTLY.value)
            self.query_one(f"#helpful-{row}", Select).disabled = not done

    def answers(self) -> dict[PlanAt, Answer]:
        """What the user said, by where each plan is."""
        found: dict[PlanAt, Answer] = {}
        for row, plan in enumerate(self.rows):
            status = self.query_one(f"#status-{row}", Select).value
            if not isinstance(status, str):
                continue
            helpful = self.query_one(f"#helpful-{row}", Select).value
            found[plan] = (Status(status), helpful if isinstance(helpful, int) else None)
        return found

    def action_skip(self) -> None:
        """Go on without answering; the plans wait for next time. Answers entered are not
        thrown away without asking."""
        if not skip_asks_first(self.answers()):
            self.dismiss(False)
            return
        catalog = self.app.catalog
        question = ConfirmScreen(
            catalog.prompt("followup.skip_question"),
            confirm=catalog.prompt("followup.skip_confirm"),
            keep=catalog.prompt("followup.skip_keep"),
        )
        self.app.push_screen(question, self._skip_answered)

    def _skip_answered(self, skip: bool | None) -> None:
        if skip:
            self.dismiss(False)

    def action_home(self) -> None:
        """Back home without starting."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Save the answers onto the reflections that made the plans, then go on."""
        changed = answered(self.earlier, self.answers())
        if not changed:
            self.dismiss(False)
            return
        self.query_one("#save", Button).disabled = True
        self._save(changed)

    @in_background("Not saved", group="save", exclusive=True)
    def _save(self, changed: list[Reflection]) -> None:
        for updated in changed:
            self.app.journal.update(updated)
        self.saved = tuple(changed)
        self.app.call_from_thread(self.dismiss, True)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The answers stay on screen, to be saved again."""
        if worker.group == "save":
            self.query_one("#save", Button).disabled = False
        super().worker_failed(worker)
