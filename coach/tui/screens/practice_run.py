"""Practising one exercise on myself: any exercise, step by step, from its declaration.

The screen knows no exercise: each step's fields are drawn by kind
(``coach.tui.widgets.practice_fields``), each answer checked by ``check_answer``, and the way on
chosen by the rules in ``coach.practice_flow``. After every step the practice is saved, so
leaving (escape) keeps what was done and the hub resumes it at the last step taken. After the
last step comes the SP/SR reflection, and within a programme the target rating after.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, TextArea

from coach.exercises import Exercise, check_answer
from coach.practice import Practice
from coach.practice_flow import answered, current_step, stored, went_back
from coach.tui.base import CoachScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.practice_fields import FieldBox, StoredText, target_box, target_rating

REFLECT = ""  # the stage after the last step: the SP/SR reflection


class PracticeRunScreen(CoachScreen[Practice | None]):
    """One exercise, a step at a time, then the reflection; dismissed with the practice as it
    stands, which the hub saves once more before reading the journal again (so it never shows
    an older version than this screen kept)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave (kept)", id="practice_run.leave"),
        Binding("ctrl+n", "next", "Next", id="practice_run.next", priority=True),
        Binding("ctrl+b", "back", "Back a step", id="practice_run.back", show=False),
    ]

    def __init__(self, exercise: Exercise, practice: Practice) -> None:
        super().__init__()
        self.exercise = exercise
        self.practice = practice
        self.stage = current_step(practice, exercise)
        self.stored = StoredText()
        if not practice.taken:
            self.practice = replace(practice, taken=(self.stage,))

    def compose(self) -> ComposeResult:
        """The step (or the reflection), its fields, and Back / Next."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="practice-body"):
            if self.stage == REFLECT:
                yield from self._reflection()
            else:
                step = self.exercise.step(self.stage)
                yield Literal(f"{self.exercise.title}: {step.title}", classes="step-title")
                if step.prompt:
                    yield Literal(step.prompt, classes="step-intro")
                kept = self.practice.answers.get(step.id, {})
                for asked in step.fields:
                    yield FieldBox(asked, catalog, kept.get(asked.id), self._source(asked.source))
                if step.opens and step.opens in catalog.exercises():
                    title = catalog.exercises()[step.opens].title
                    yield Literal(
                        catalog.prompt("practice.opens", title=title), classes="step-intro"
                    )
            with Horizontal(classes="step-buttons"):
                if len(self.practice.taken) > 1 or self.stage == REFLECT:
                    back = catalog.prompt("practice.back")
                    yield Button(
                        Content(f"{back}  (ctrl+b)"), id="practice-back", action="screen.back"
                    )
                word = "practice.finish" if self.stage == REFLECT else "practice.next"
                label = Content(f"{catalog.prompt(word)}  (ctrl+n)")
                yield Button(label, id="practice-next", variant="primary", action="screen.next")
        yield CoachFooter(compact=True)

    def _reflection(self) -> ComposeResult:
        """The SP/SR reflection: the personal self, the practitioner self, the target after."""
        catalog, practice = self.app.catalog, self.practice
        yield Literal(
            catalog.prompt("practice.reflect_title", title=self.exercise.title),
            classes="step-title",
        )
        yield Literal(catalog.prompt("practice.reflect_intro"), classes="step-intro")
        yield Literal(catalog.prompt("practice.personal"), classes="practice-label")
        yield self.stored.text_area("reflect-personal", practice.personal)
        yield Literal(catalog.prompt("practice.practitioner"), classes="practice-label")
        yield self.stored.text_area("reflect-practitioner", practice.practitioner)
        if practice.programme:
            low, high = catalog.scale("target_ends")
            yield Literal(
                catalog.prompt("practice.target_after", low=low, high=high),
                classes="practice-label",
            )
            yield target_box("reflect-target", practice.target_after, catalog)
        yield Literal("", classes="practice-problem", id="reflect-problem")

    def on_mount(self) -> None:
        """Focus the first box to type into."""
        self._keeper = _Keeper(self.app.journal)
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.query(
            "#practice-body Input, #practice-body TextArea, "
            "#practice-body RadioSet, #practice-body OptionList"
        ):
            widget.focus()
            return

    def _source(self, source: str) -> list[str]:
        """The items of the earlier list a ranked field orders."""
        if not source:
            return []
        step_id, _, field_id = source.partition(".")
        return list(self.practice.answers.get(step_id, {}).get(field_id) or ())

    def _checked(self, *, leaving: bool = False) -> dict[str, Any] | None:
        """This step's answers, checked; None (each problem said in place) if any is wrong.
        ``leaving`` (escape, back): a field left empty is simply not answered yet."""
        given: dict[str, Any] = {}
        fine = True
        for box in self.query(FieldBox).results(FieldBox):
            raw = box.raw()
            if leaving and raw in (None, "", []):
                continue
            try:
                given[box.asked.id] = check_answer(box.asked, raw)
                box.say("")
            except ValueError as problem:
                box.say(self.app.catalog.prompt("practice.problem", problem=problem))
                fine = False
        return stored(given) if fine else None

    async def _show(self, stage: str) -> None:
        self.stage = stage
        await self.recompose()
        self.query_one("#practice-body", VerticalScroll).scroll_home(animate=False)
        self._focus_first()

    async def action_next(self) -> None:
        """Keep this step's answers and go where they lead (or finish, after the reflection)."""
        if self.stage == REFLECT:
            self._finish()
            return
        given = self._checked()
        if given is None:
            return
        self.practice, following = answered(self.practice, self.exercise, self.stage, given)
        self.save(self.practice)
        await self._show(REFLECT if following is None else following)

    async def action_back(self) -> None:
        """Back to the step taken before (this step's answers are kept if they can be)."""
        if self.stage == REFLECT:
            self._keep_reflection()
            await self._show(current_step(self.practice, self.exercise))
            return
        if len(self.practice.taken) < 2:
            return
        given = self._checked(leaving=True)
        if given is not None:
            self.practice = replace(
                self.practice, answers={**self.practice.answers, self.stage: given}
            )
        self.practice = went_back(self.practice)
        self.save(self.practice)
        await self._show(self.practice.taken[-1])

    def _keep_reflection(self) -> bool:
        """Take the reflection as typed; False (said in place) if the rating is not 0-10."""
        texts = {
            box: self.stored.kept(box, self.query_one(f"#{box}", TextArea).text).strip()
            for box in ("reflect-personal", "reflect-practitioner")
        }
        personal, practitioner = texts["reflect-personal"], texts["reflect-practitioner"]
        after = self.practice.target_after
        for box in self.query("#reflect-target").results(Input):
            try:
                after = target_rating(box.value)
            except ValueError:
                problem = self.app.catalog.prompt("practice.target_range")
                self.query_one("#reflect-problem", Literal).update(problem)
                return False
        self.practice = replace(
            self.practice, personal=personal, practitioner=practitioner, target_after=after
        )
        return True

    def _finish(self) -> None:
        """The practice is done: kept as finished (the hub offers what a step opened)."""
        if not self._keep_reflection():
            return
        self.practice = replace(self.practice, finished=True)
        self.save(self.practice)
        self.app.notify(self.app.catalog.prompt("practice.finished"))
        self.dismiss(self.practice)

    def action_leave(self) -> None:
        """Leave: what was done is kept (this step's answers too, when they can be)."""
        if self.stage == REFLECT:
            if self._keep_reflection():
                self.save(self.practice)
                self.dismiss(self.practice)
            return
        given = self._checked(leaving=True)
        if given is not None:
            if given:
                answers = {**self.practice.answers, self.stage: given}
                self.practice = replace(self.practice, answers=answers)
                self.save(self.practice)
            self._leave()
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("practice.leave_question"),
            confirm=catalog.prompt("practice.leave_confirm"),
            keep=catalog.prompt("practice.leave_keep"),
        )

        def left(yes: bool | None) -> None:
            if yes:
                self._leave()

        self.app.push_screen(asked, left)

    def _leave(self) -> None:
        """Back to the hub with what was done; nothing at all when nothing was answered."""
        self.dismiss(self.practice if self.practice.answers else None)

    def save(self, practice: Practice) -> None:
        """Save the practice as it stands, in the background and on the app, so the save
        finishes (and a failure is said) even once this screen has closed."""
        self._keeper.latest = practice
        self.app.run_worker(
            self._keeper.save,
            thread=True,
            exit_on_error=False,
            group="practice-save",
            description="Your practice was not saved",
        )


class _Keeper:
    """Saves the newest version of a practice: saves run on threads in any order, so each
    saves whatever is newest when it runs, one at a time, and the last save is the newest."""

    def __init__(self, journal: Any) -> None:
        self.journal = journal
        self.latest: Practice | None = None
        self.lock = threading.Lock()

    def save(self) -> None:
        with self.lock:
            if self.latest is not None and self.journal.read_only is None:
                self.journal.save_record(self.latest)


def begin(app: Any, exercise: Exercise, programme: str = "") -> Practice:
    """A new practice of ``exercise`` dated by the app's clock (within ``programme``, if any)."""
    started = replace(Practice.new(exercise.id, exercise.title, programme), created=app.clock())
    return replace(started, date=started.created.date())
