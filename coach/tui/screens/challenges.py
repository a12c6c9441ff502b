"""Phase 1, "What was hard today": challenges by dimension, strain, how I am, what happened."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, OptionList, RadioSet, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from coach.draft import own_challenge
from coach.model import FEELING, STRAIN, Challenge, Dimension, Step
from coach.nudges import support_offered
from coach.text import visible
from coach.tui.screens.step import StepScreen
from coach.tui.screens.support import SupportOffer
from coach.tui.widgets.feeling import FeelingChoice
from coach.tui.widgets.item_inputs import ItemInputs
from coach.tui.widgets.literal import Literal, Prefill
from coach.tui.widgets.score_bar import ScoreBar
from coach.tui.widgets.ticks import TickList


class ChallengesScreen(StepScreen):
    """Name what made the day hard, individual and systemic, and how demanding it felt."""

    STEP: ClassVar[Step | None] = Step.CHALLENGES
    FIRST_FOCUS: ClassVar[str] = "#filter"

    def compose_step(self) -> ComposeResult:
        """Filter, two lists by dimension, own words, notes, strain, narrative."""
        catalog = self.app.catalog
        yield from self.heading("phase1.title", "phase1.intro")
        yield Input(placeholder=catalog.prompt("phase1.filter_placeholder"), id="filter")
        with Horizontal(id="challenge-lists"):
            for dimension in Dimension:
                options = TickList(id=f"list-{dimension.value}", classes="challenge-list")
                options.border_title = catalog.prompt(f"phase1.{dimension.value}")
                yield options
        with Horizontal(id="own-row"):
            yield Input(placeholder=catalog.prompt("phase1.own_placeholder"), id="own-challenge")
            yield Select(
                [(Content(catalog.prompt(f"phase1.{d.value}")), d.value) for d in Dimension],
                value=Dimension.INDIVIDUAL.value,
                allow_blank=False,
                id="own-dimension",
                compact=True,
            )
        yield ItemInputs(id="challenge-notes", input_class="challenge-note")
        yield self.label("phase1.strain")
        yield ScoreBar(STRAIN, catalog.scale(STRAIN.labels), value=self.draft.strain, id="strain")
        yield self.label("feeling.question")
        yield FeelingChoice(catalog.scale(FEELING.labels), self.draft.feeling)
        yield SupportOffer(id="support-offer")
        yield self.label("phase1.narrative")
        yield Literal(catalog.prompt("phase1.privacy"), classes="step-intro")
        self._narrative = Prefill.for_text_area(self.draft.narrative)
        yield TextArea(self._narrative.shown, id="narrative", soft_wrap=True)

    def on_mount(self) -> None:
        """Fill the lists and notes from the draft."""
        self._fill_lists("")
        self._show_notes()
        self._show_support_offer()

    # --- the two lists -------------------------------------------------------------------

    def _options(self) -> list[Challenge]:
        """Every challenge on offer: the catalogue's, then the user's own from this draft."""
        offered = [Challenge(o.key, o.label, o.dimension) for o in self.app.catalog.challenges]
        known = {challenge.key for challenge in offered}
        return offered + [c for c in self.draft.challenges if c.key not in known]

    def _fill_lists(self, needle: str) -> None:
        chosen = set(self.draft.challenge_keys())
        needle = needle.casefold().strip()
        lines = {o.key: o.line for o in self.app.catalog.challenges}
        for dimension in Dimension:
            options = self.query_one(f"#list-{dimension.value}", SelectionList)
            # Neither the rebuild nor its first highlight says anything: a highlight message
            # still queued when the next key empties the list would name a row that is gone
            # (Textual's SelectionList then fails building its own message).
            with options.prevent(SelectionList.SelectedChanged, OptionList.OptionHighlighted):
                options.clear_options()
                options.add_options(
                    Selection(Content(visible(c.label)), c.key, c.key in chosen)
                    for c in self._options()
                    if c.dimension is dimension
                    and (not needle or needle in f"{c.label} {lines.get(c.key, '')}".casefold())
                )
                if options.option_count:
                    options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        if event.input.id == "filter":
            self._fill_lists(event.value)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Keep the draft's challenges in step with what is ticked in the visible options."""
        visible = {event.selection_list.get_option_at_index(i).value
                   for i in range(event.selection_list.option_count)}  # fmt: skip
        ticked = set(event.selection_list.selected)
        by_key = {c.key: c for c in self._options()}
        kept = [c for c in self.draft.challenges if c.key not in visible or c.key in ticked]
        have = {c.key for c in kept}
        kept += [by_key[key] for key in event.selection_list.selected if key not in have]
        if [c.key for c in kept] != self.draft.challenge_keys():
            self.draft.challenges[:] = kept
            self._show_notes()

    # --- own words and notes ---------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Add a challenge in the user's own words, ticked."""
        if event.input.id == "own-challenge":
            self.keep_typed()

    def keep_typed(self) -> None:
        """A challenge typed in the user's own words is added, even without enter."""
        typed = self.query_one("#own-challenge", Input)
        if not typed.value.strip():
            return
        dimension = Dimension(str(self.query_one("#own-dimension", Select).value))
        challenge = own_challenge(typed.value, dimension)
        if challenge.key not in self.draft.challenge_keys():
            self.draft.challenges.append(challenge)
        typed.value = ""
        self._fill_lists(self.query_one("#filter", Input).value)
        self._show_notes()

    def _show_notes(self) -> None:
        """A note box per challenge; one about patient risk asks how it left the user, never
        for the patient's details (the journal is not a clinical record)."""
        catalog = self.app.catalog

        def asks(challenge: Challenge) -> str:
            found = catalog.challenge(challenge.key)
            risk = found is not None and found.risk
            return catalog.prompt(
                "phase1.risk_note_placeholder" if risk else "phase1.note_placeholder"
            )

        self.query_one("#challenge-notes", ItemInputs).show(
            [(c.note, c.label, asks(c)) for c in self.draft.challenges]
        )

    def on_item_inputs_changed(self, event: ItemInputs.Changed) -> None:
        """Keep the note on each challenge in the draft."""
        if event.index < len(self.draft.challenges):
            old = self.draft.challenges[event.index]
            self.draft.challenges[event.index] = replace(old, note=event.value)

    # --- strain and narrative ----------------------------------------------------------------

    def on_score_bar_changed(self, event: ScoreBar.Changed) -> None:
        """Keep strain in the draft; offer support when the day was very hard."""
        self.draft.strain = event.value
        self._show_support_offer()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """How I am, not only how hard the day was; struggling or not coping offers support."""
        self.draft.feeling = FeelingChoice.feeling_of(event)
        self._show_support_offer()

    def _show_support_offer(self) -> None:
        offer = self.query_one("#support-offer", SupportOffer)
        offer.display = support_offered(self.draft.strain, self.draft.feeling)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep what happened in the draft (as stored, until it is edited)."""
        self.draft.narrative = self._narrative.kept(event.text_area.text)
