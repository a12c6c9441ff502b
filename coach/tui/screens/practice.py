"""Self-practice (``p`` from home, and the palette): the exercises, my SP/SR programme, and
the practice I have done, unfinished ones to resume.

The exercises are the content's (``catalog.exercises()``); this screen only lists them and
opens the one runner (``practice_run``), which draws any exercise from its declaration.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header
from textual.worker import get_current_worker

from coach.dates import day_and_month
from coach.exercises import Exercise, ExerciseError
from coach.practice import Practice, Programme, open_programme
from coach.practice_flow import opened
from coach.shape import Record
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.practice_run import PracticeRunScreen, begin
from coach.tui.screens.programme import ProgrammeScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

RECENT = 10  # past practices listed


@dataclass(frozen=True)
class PracticeSummary:
    """What the hub shows, read off the UI thread."""

    exercises: tuple[Exercise, ...]
    practices: tuple[Practice, ...]  # newest first
    programmes: tuple[Programme, ...]


class PracticeScreen(CoachScreen[None]):
    """The exercises, my programme, my past practice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="practice.back"),
        Binding("g", "programme", "My programme", id="practice.programme", show=False),
    ]

    summary: PracticeSummary | None = None

    def compose(self) -> ComposeResult:
        """The words at once; the lists once read."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="practice-hub"):
            yield Literal(catalog.prompt("practice.title"), classes="step-title")
            yield Literal(catalog.prompt("practice.intro"), classes="step-intro")
            yield Literal(catalog.prompt("practice.exercises"), classes="practice-label")
            yield VerticalGroup(id="practice-exercises")
            yield Literal(catalog.prompt("practice.programme"), classes="practice-label")
            yield VerticalGroup(id="practice-programme")
            yield Literal(catalog.prompt("practice.past"), classes="practice-label")
            yield VerticalGroup(id="practice-past")
        yield CoachFooter(compact=True)

    def on_mount(self) -> None:
        """Read the exercises and the journal's practice in the background."""
        self.refresh_summary()

    @in_background("Your practice could not be read", group="practice-hub")
    def refresh_summary(self, saving: Record | None = None) -> None:
        """Save what a practice or the programme screen handed back (when the journal can be
        written), then read the exercises (from content, on first use) and the practice kept."""
        journal = self.app.journal
        if saving is not None and journal.read_only is None:
            journal.save_record(saving)
        try:
            exercises = tuple(self.app.catalog.exercises().values())
        except ExerciseError as problem:
            self.app.call_from_thread(self.app.notify, str(problem), severity="error")
            exercises = ()
        since = self.app.today() - dt.timedelta(days=366)
        practices = sorted(
            journal.records(Practice, since=since), key=lambda p: p.created, reverse=True
        )
        summary = PracticeSummary(exercises, tuple(practices), tuple(journal.records(Programme)))
        if not get_current_worker().is_cancelled:  # the hub has closed
            self.app.call_from_thread(self._show, summary)

    def _returned(self, record: Practice | Programme | None) -> None:
        """Back from practising or the programme: keep what came back and read again; offer
        the exercise a finished practice's step opened."""
        self.refresh_summary(record)
        if not isinstance(record, Practice) or not record.finished or self.summary is None:
            return
        exercises = {exercise.id: exercise for exercise in self.summary.exercises}
        exercise = exercises.get(record.exercise)
        opens = opened(record, exercise, exercises) if exercise is not None else ""
        if not opens:
            return
        catalog, following = self.app.catalog, exercises[opens]
        asked = ConfirmScreen(
            catalog.prompt("practice.open_question", title=following.title),
            confirm=catalog.prompt("practice.open_confirm"),
            keep=catalog.prompt("practice.open_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(following, begin(self.app, following, record.programme))

        self.app.push_screen(asked, answered)

    def _run(self, exercise: Exercise, practice: Practice) -> None:
        self.app.push_screen(PracticeRunScreen(exercise, practice), self._returned)

    def _show(self, summary: PracticeSummary) -> None:
        self.summary = summary
        self.run_worker(self._fill(summary), group="practice-fill", exclusive=True)

    async def _fill(self, summary: PracticeSummary) -> None:
        """Put the lists on screen."""
        catalog = self.app.catalog
        listed = self.query_one("#practice-exercises", VerticalGroup)
        await listed.remove_children()
        for exercise in summary.exercises:
            group = VerticalGroup(classes="tool")
            await listed.mount(group)
            await group.mount(
                Button(Content(exercise.title), id=f"exercise-{exercise.id}"),
                Literal(exercise.purpose, classes="settings-hint"),
            )
        programme = open_programme(summary.programmes)
        where = self.query_one("#practice-programme", VerticalGroup)
        await where.remove_children()
        if programme is None:
            await where.mount(
                Literal(catalog.prompt("practice.programme_none"), classes="settings-hint"),
                Button(Content(catalog.prompt("practice.programme_start")), id="programme-open"),
            )
        else:
            done = sum(1 for p in summary.practices if p.programme == programme.id and p.finished)
            await where.mount(
                Literal(
                    catalog.prompt("practice.programme_on", target=programme.target, count=done),
                    classes="settings-hint",
                ),
                Button(Content(catalog.prompt("practice.programme_review")), id="programme-open"),
            )
        past = self.query_one("#practice-past", VerticalGroup)
        await past.remove_children()
        if not summary.practices:
            await past.mount(Literal(catalog.prompt("practice.past_none"), classes="settings-hint"))
        for practice in summary.practices[:RECENT]:
            key = "practice.past_done" if practice.finished else "practice.past_unfinished"
            words = catalog.prompt(key, title=practice.title, day=day_and_month(practice.date))
            await past.mount(Button(Content(words), id=f"past-{practice.id}"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """An exercise to begin, a practice to resume, or the programme."""
        name, summary = event.button.id or "", self.summary
        if summary is None:
            return
        event.stop()
        exercises = {exercise.id: exercise for exercise in summary.exercises}
        if name.startswith("exercise-"):
            exercise = exercises[name.removeprefix("exercise-")]
            programme = open_programme(summary.programmes)
            within = programme.id if programme is not None and programme.safeguard_who else ""
            self._run(exercise, begin(self.app, exercise, within))
        elif name.startswith("past-"):
            practice = next(p for p in summary.practices if p.id == name.removeprefix("past-"))
            if practice.exercise in exercises:
                self._run(exercises[practice.exercise], practice)
            else:
                self.app.notify(self.app.catalog.prompt("practice.gone"), severity="warning")
        elif name == "programme-open":
            self.action_programme()

    def action_programme(self) -> None:
        """Start my programme, or change and review the one under way."""
        if self.summary is None:
            return
        programme = open_programme(self.summary.programmes)
        self.app.push_screen(ProgrammeScreen(programme, self.summary.practices), self._returned)


def open_practice(app: App[Any]) -> None:
    """Show self-practice, unless it is showing already (home's ``p`` and the palette)."""
    if not isinstance(app.screen, PracticeScreen):
        app.push_screen(PracticeScreen())
