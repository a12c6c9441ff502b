"""What every step of the reflection shares: the step indicator, back and next, the draft;
and, for the steps that end it (summary, quick check-in), saving in a worker."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header
from textual.worker import Worker

from coach.closing import closing_words
from coach.dates import long_date
from coach.draft import ReflectionDraft, as_stored_now
from coach.model import Reflection, Step
from coach.tui.base import CoachScreen, in_background
from coach.tui.messages import GoHome, Saved, SaveNow, StepBack, StepForward
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.steps import StepIndicator


class StepScreen(CoachScreen[None]):
    """One step of the reflection; subclasses fill ``compose_step`` and keep the draft current.

    A subclass that is a step of the reflection says which in ``STEP``, and so becomes that
    step's screen (``screen_for``); one without a step (the quick check-in) shows no steps.
    """

    STEP: ClassVar[Step | None] = None
    NEXT_LABEL: ClassVar[str] = "Next"
    # The question that has the focus when the step opens (AUTO_FOCUS would scroll to it).
    FIRST_FOCUS: ClassVar[str] = ""
    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="step.back"),
        Binding("ctrl+n", "next", "Next step", id="step.next", priority=True),
        # As on the summary, from every step: what is not answered yet stays blank.
        Binding("ctrl+s", "save_now", "Save", id="step.save", priority=True, show=False),
    ]

    _for_step: ClassVar[dict[Step, type[StepScreen]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "STEP" in cls.__dict__ and cls.STEP is not None:
            StepScreen._for_step[cls.STEP] = cls

    def __init__(self, draft: ReflectionDraft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        """Header, where we are, the step itself, back and next, footer."""
        yield Header()
        if self.STEP is not None:
            yield StepIndicator(self.STEP, self.app.catalog)
        if self.draft.editing_id is not None:  # an entry from history, not a new one
            day = long_date(self.draft.day)
            yield Literal(self.app.catalog.prompt("flow.editing", day=day), classes="editing")
        with VerticalScroll(classes="step-body"):
            yield from self.compose_step()
            with Horizontal(classes="step-buttons"):
                yield Button("Back", id="back")
                yield Button(self.NEXT_LABEL, id="next", variant="primary")
        yield CoachFooter()

    def on_mount(self) -> None:
        """Focus the first question without scrolling to it: a step opens at its top."""
        candidates = self.query(self.FIRST_FOCUS) if self.FIRST_FOCUS else None
        if candidates and candidates.first().focusable:
            self.set_focus(candidates.first(), scroll_visible=False)

    def compose_step(self) -> ComposeResult:
        """The step's own widgets."""
        yield from ()

    def heading(self, title_key: str, intro_key: str) -> ComposeResult:
        """The step's title and a line on what it is for, from the content."""
        catalog = self.app.catalog
        yield Literal(catalog.prompt(title_key), classes="step-title")
        yield Literal(catalog.prompt(intro_key), classes="step-intro")

    def label(self, prompt_key: str, **fields: object) -> Literal:
        """A question from the content, as a plain label."""
        return Literal(self.app.catalog.prompt(prompt_key, **fields), classes="question")

    @on(Button.Pressed, "#back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    @on(Button.Pressed, "#next")
    def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()

    def keep_typed(self) -> None:
        """Keep anything typed but not yet added (an item in the user's own words)."""

    def action_back(self) -> None:
        """Back one step; everything entered stays in the draft."""
        self.keep_typed()
        self.post_message(StepBack())

    def action_next(self) -> None:
        """On to the next step."""
        self.keep_typed()
        self.post_message(StepForward())

    def action_save_now(self) -> None:
        """Save from this step: on through the rest to the summary, which saves."""
        self.keep_typed()
        self.post_message(SaveNow())


def screen_for(step: Step) -> type[StepScreen]:
    """The screen of one step of the reflection: the subclass whose ``STEP`` it is."""
    # Each step's module, imported here (not at the top: they import this one) so that its
    # screen has said which step it is before it is looked up.
    from coach.tui.screens import challenges, coping, summary, values  # noqa: F401

    return StepScreen._for_step[step]


CLOSE_DAY_KEY = "d"  # close the day, once a reflection is saved (the closing words say so)


class SavingStepScreen(StepScreen):
    """A step that ends the reflection: Save (in a worker), then Done goes home.

    Subclasses yield a ``Literal`` with id ``closing`` where the saved message goes.
    """

    NEXT_LABEL: ClassVar[str] = "Save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "next", "Save", id="step.save", priority=True),
        Binding("ctrl+n", "next", "Save", id="step.next", show=False, priority=True),
        Binding(CLOSE_DAY_KEY, "close_day", "Close the day", id="step.close_day"),
    ]

    saved = False
    saving = False

    def reflection_to_save(self) -> Reflection:
        """The reflection this step saves."""
        return self.draft.to_reflection(created=self.app.clock())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Closing the day is offered once the reflection is saved."""
        if action == "close_day":
            return self.saved
        return super().check_action(action, parameters)

    def action_close_day(self) -> None:
        """Close the day (offered at the end of a reflection); home once it is closed."""
        from coach.tui.screens.closing import ClosingScreen

        def closed(done: bool | None) -> None:
            if done:
                self.post_message(GoHome())

        self.app.push_screen(ClosingScreen(), closed)

    def action_back(self) -> None:
        """Back a step; once saved, home."""
        if self.saved:
            self.post_message(GoHome())
        else:
            super().action_back()

    def action_next(self) -> None:
        """Save the reflection (once saved, go home)."""
        if self.saved:
            self.post_message(GoHome())
            return
        if self.saving:  # ctrl+s again while the first save runs: one save is enough
            return
        self.saving = True
        self.query_one("#next", Button).disabled = True
        self._save(self.reflection_to_save())

    @in_background("Not saved, your draft is kept", group="save", exclusive=True)
    def _save(self, reflection: Reflection) -> None:
        journal = self.app.journal
        reflection = as_stored_now(reflection, journal.get(reflection.id))
        journal.save(reflection)
        self.app.call_from_thread(self._saved, reflection)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """A save that failed can be tried again: the draft is kept."""
        if worker.group == "save":
            self.saving = False
            self.query_one("#next", Button).disabled = False
        super().worker_failed(worker)

    def _saved(self, reflection: Reflection) -> None:
        self.saved = True
        self.add_class("-saved")  # its footer makes room for "close the day" (coach.tcss)
        self.saving = False
        self.post_message(Saved(reflection))
        catalog = self.app.catalog
        closing = self.query_one("#closing", Literal)
        offer = catalog.prompt("closing.offer", closing_key=CLOSE_DAY_KEY)
        closing.update(f"{closing_words(reflection, catalog)}\n\n{offer}")
        self.refresh_bindings()
        self.query_one("#back", Button).display = False
        button = self.query_one("#next", Button)
        button.label = "Done"
        button.disabled = False
        button.focus()
        closing.scroll_visible()
