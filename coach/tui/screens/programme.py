"""My SP/SR programme: a personal target problem, a safeguard before the first exercise, and
a closing review across the programme with the target ratings over time.

One screen, in the order a programme runs: choosing the target (with guidance on what makes a
good one and when to stop), how much it troubles me at the start, who I would talk to if
practice stirs things up, whether my practice export may name the target, and (once practice
is under way) the closing review. Kept with ctrl+s as a ``Programme`` record; escape asks
before anything typed is thrown away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Header, Input, TextArea

from coach.practice import Practice, Programme, target_ratings
from coach.tui.base import CoachScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.practice_fields import StoredText, target_box, target_rating
from coach.tui.widgets.ticks import TickBox


class ProgrammeScreen(CoachScreen[Programme | None]):
    """Set up, change or close my programme."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="programme.back"),
        Binding("ctrl+s", "keep", "Keep", id="programme.keep", priority=True),
    ]

    def __init__(self, programme: Programme | None, practices: Sequence[Practice] = ()) -> None:
        super().__init__()
        self.programme = programme
        self.practices = tuple(practices)
        self._started: tuple[object, ...] = ()
        self.stored = StoredText()

    def compose(self) -> ComposeResult:
        """Target, start rating, safeguard, sharing; the review once under way."""
        catalog, kept = self.app.catalog, self.programme or Programme.new()
        low, high = catalog.scale("target_ends")
        yield Header()
        with VerticalScroll(classes="step-body", id="programme-body"):
            yield Literal(catalog.prompt("programme.title"), classes="step-title")
            yield Literal(catalog.prompt("programme.guidance"), classes="step-intro")
            yield Literal(catalog.prompt("programme.stop"), classes="step-intro")
            yield Literal(catalog.prompt("programme.target"), classes="practice-label")
            yield self.stored.input("programme-target", kept.target)
            yield Literal(
                catalog.prompt("programme.target_start", low=low, high=high),
                classes="practice-label",
            )
            yield target_box("programme-start", kept.target_start, catalog)
            yield Literal(catalog.prompt("programme.safeguard"), classes="step-intro")
            yield Literal(catalog.prompt("programme.safeguard_who"), classes="practice-label")
            yield self.stored.input("programme-who", kept.safeguard_who)
            yield Literal(catalog.prompt("programme.safeguard_where"), classes="practice-label")
            yield self.stored.input("programme-where", kept.safeguard_where)
            yield TickBox(
                Content(catalog.prompt("programme.share_target")),
                kept.share_target,
                id="programme-share",
            )
            if self.programme is not None:
                yield from self._review(self.programme)
            yield Literal("", classes="practice-problem", id="programme-problem")
            with Horizontal(classes="step-buttons"):
                keep = Content(f"{catalog.prompt('programme.keep')}  (ctrl+s)")
                yield Button(keep, id="programme-keep", variant="primary", action="screen.keep")
        yield CoachFooter(compact=True)

    def _review(self, programme: Programme) -> ComposeResult:
        """The target ratings over time, and the closing review."""
        catalog = self.app.catalog
        yield Literal(catalog.prompt("programme.review"), classes="step-title")
        ratings = target_ratings(programme, self.practices)
        lines = [
            catalog.prompt("programme.rating_start", rating=rating)
            if not title
            else catalog.prompt("programme.rating_after", title=title, rating=rating)
            for title, rating in ratings
        ]
        yield Literal(
            "\n".join(lines) or catalog.prompt("programme.ratings_none"), id="programme-ratings"
        )
        yield Literal(catalog.prompt("programme.review_changed"), classes="practice-label")
        yield self.stored.text_area("programme-changed", programme.review_changed)
        yield Literal(catalog.prompt("programme.review_patients"), classes="practice-label")
        yield self.stored.text_area("programme-patients", programme.review_patients)
        yield TickBox(
            Content(catalog.prompt("programme.close")), programme.closed, id="programme-closed"
        )

    def on_mount(self) -> None:
        """Note what the boxes start with, to know on escape whether anything was typed."""
        self._started = self._entered()
        self.query_one("#programme-target", Input).focus()

    def _entered(self) -> tuple[object, ...]:
        typed = tuple(box.value for box in self.query(Input).results(Input))
        texts = tuple(box.text for box in self.query(TextArea).results(TextArea))
        return typed + texts + tuple(box.value for box in self.query(Checkbox).results(Checkbox))

    def _value(self, name: str) -> str:
        box = f"programme-{name}"
        return self.stored.kept(box, self.query_one(f"#{box}", Input).value).strip()

    def _text(self, name: str) -> str:
        box = f"programme-{name}"
        return self.stored.kept(box, self.query_one(f"#{box}", TextArea).text).strip()

    def _say(self, key: str) -> None:
        self.query_one("#programme-problem", Literal).update(self.app.catalog.prompt(key))

    def action_keep(self) -> None:
        """Check and keep the programme; say in place what is missing."""
        target, who = self._value("target"), self._value("who")
        if not target:
            self._say("programme.no_target")
            return
        try:
            start = target_rating(self.query_one("#programme-start", Input).value)
        except ValueError:
            self._say("practice.target_range")
            return
        if not who:
            self._say("programme.no_safeguard")
            return
        programme = replace(
            self.programme or replace(Programme.new(), created=self.app.clock()),
            target=target,
            target_start=start,
            safeguard_who=who,
            safeguard_where=self._value("where"),
            share_target=self.query_one("#programme-share", Checkbox).value,
        )
        if self.programme is not None:
            programme = replace(
                programme,
                review_changed=self._text("changed"),
                review_patients=self._text("patients"),
                closed=self.query_one("#programme-closed", Checkbox).value,
            )
        self.app.notify(self.app.catalog.prompt("programme.kept"))
        self.dismiss(programme)  # the hub saves it, then reads the journal again

    def action_back(self) -> None:
        """Back at once when nothing was typed, else once the user says so."""
        if self._entered() == self._started:
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("practice.leave_question"),
            confirm=catalog.prompt("practice.leave_confirm"),
            keep=catalog.prompt("practice.leave_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(asked, answered)
