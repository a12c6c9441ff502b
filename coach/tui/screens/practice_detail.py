"""One finished self-practice record, read-only, opened from history: each step taken with
its answers as written, the two SP/SR reflections, and ``c`` to write it up for CPD.

Nothing here changes what was practised (the practice screen is where an exercise is done);
the answers are the practitioner's own words, shown literally, never as markup. The step
titles and field labels are the content's now (``coach.practice_history.answered_steps``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header

from coach.dates import long_date
from coach.exercises import Exercise, ExerciseError
from coach.practice import Practice
from coach.practice_history import answered_steps
from coach.tui.screens.cpd import CpdScreen, Entry
from coach.tui.screens.page import PageScreen, page_keys
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal


class PracticeDetailScreen(PageScreen[None]):
    """A practice record to read; ``practice`` is as last saved (a CPD write-up made here)."""

    AUTO_FOCUS = "#practice-record-body"
    BINDINGS: ClassVar[list[BindingType]] = page_keys("practice_record", ("c", "cpd", "CPD"))

    def __init__(self, practice: Practice) -> None:
        super().__init__()
        self.practice = practice

    def _exercise(self) -> Exercise | None:
        """The exercise as the content declares it now, or None (gone, or content not read):
        then steps and fields are named by their ids."""
        try:
            return self.app.catalog.exercises().get(self.practice.exercise)
        except ExerciseError:
            return None

    def compose(self) -> ComposeResult:
        """The record by step, the reflections, and Back and CPD as buttons for the mouse."""
        catalog = self.app.catalog
        practice = self.practice
        yield Header()
        with VerticalScroll(id="practice-record-body"):
            yield Literal(practice.title, classes="step-title", id="practice-record-title")
            yield Literal(long_date(practice.date), classes="step-intro")
            marked = Literal(catalog.prompt("cpd.marked"), id="practice-record-cpd")
            marked.display = practice.cpd is not None
            yield marked
            for title, answers in answered_steps(practice, self._exercise()):
                yield Literal(title, classes="question")
                if not answers:
                    yield Literal(catalog.prompt("practice_history.no_answers"))
                for label, answer in answers:
                    yield Literal(label, classes="step-intro")
                    yield Literal(answer)
            if practice.target_after is not None:
                rating = practice.target_after
                rated = catalog.prompt("practice_history.target_after", rating=rating)
                yield Literal(rated, classes="question")
            reflections = (
                ("practice_history.personal", practice.personal),
                ("practice_history.practitioner", practice.practitioner),
            )
            for key, text in reflections:
                yield Literal(catalog.prompt(key), classes="question")
                yield Literal(text or catalog.prompt("practice_history.not_written"))
            with Horizontal(classes="step-buttons", id="practice-record-buttons"):
                yield Button("Back", id="back", action="screen.back")
                yield Button("CPD  (c)", id="practice-record-cpd-button", action="screen.cpd")
        yield CoachFooter(compact=True)

    def action_cpd(self) -> None:
        """Write this practice up for CPD, or read and change its write-up."""

        def done(saved: Entry | None) -> None:
            if isinstance(saved, Practice):
                self.practice = saved
                self.query_one("#practice-record-cpd", Literal).display = saved.cpd is not None

        self.app.push_screen(CpdScreen(self.practice), done)
