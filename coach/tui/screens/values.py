"""Phase 2, "What matters to me": core values, which were at stake, the appraisal in words
(the challenge that weighed most, what it served, what was mine and what the service's, what
I'd tell a colleague), the optional quick ratings, alignment. Every question is optional."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from coach.model import ALIGNMENT, APPRAISAL, APPRAISAL_IN_WORDS, APPRAISAL_PARTS, Step, Value
from coach.settings import change_settings, read_settings
from coach.text import visible
from coach.tui.base import in_background
from coach.tui.screens.core_values import CoreValuesScreen
from coach.tui.screens.step import StepScreen
from coach.tui.widgets.literal import Literal, Prefill
from coach.tui.widgets.options import literal
from coach.tui.widgets.score_bar import ScoreBar
from coach.tui.widgets.ticks import TickList


class ValuesScreen(StepScreen):
    """The core of the model: the day seen in the light of what matters to me."""

    STEP: ClassVar[Step | None] = Step.VALUES
    FIRST_FOCUS: ClassVar[str] = "#at-stake"

    def compose_step(self) -> ComposeResult:
        """Core values, values at stake, a moment that mattered, appraisal, alignment."""
        catalog = self.app.catalog
        yield from self.heading("phase2.title", "phase2.intro")
        yield Literal("", id="core-values")
        yield Button("Choose my core values", id="choose-core-values", classes="small-button")
        yield self.label("phase2.at_stake")
        yield TickList(id="at-stake")
        yield Literal(self._reconnect_prompt(), id="reconnect", classes="reconnect")
        yield self.label("phase2.moment")
        self._meaning = Prefill.for_text_area(self.draft.meaning)
        yield TextArea(self._meaning.shown, id="meaning", soft_wrap=True)
        yield from self._compose_in_words()
        yield self.label("phase2.appraisal_intro")
        appraisal_words = catalog.scale(APPRAISAL.labels)
        for part in APPRAISAL_PARTS:
            yield self.label(f"phase2.{part}")
            yield ScoreBar(APPRAISAL, appraisal_words, value=getattr(self.draft, part), id=part)
        yield self.label("phase2.alignment")
        alignment_words = catalog.scale(ALIGNMENT.labels)
        yield ScoreBar(ALIGNMENT, alignment_words, value=self.draft.alignment, id="alignment")

    def _compose_in_words(self) -> ComposeResult:
        """The appraisal in words, about the challenge that weighed most (the user picks it)."""
        draft = self.draft
        yield Literal(self.app.catalog.prompt("phase2.weighed_intro"), classes="step-intro")
        yield self.label("phase2.weighed_most")
        challenges = [(literal(c.label), c.key) for c in draft.challenges]
        chosen = draft.weighed_most if draft.weighed_most in draft.challenge_keys() else None
        yield Select(challenges, value=chosen or Select.NULL, id="weighed-most", compact=True)
        yield self.label("phase2.served")
        yield Select[str]([], id="served", compact=True)
        self._in_words: dict[str, tuple[str, Prefill]] = {}
        for name in APPRAISAL_IN_WORDS:  # each box's id is its field's, with hyphens
            box = name.replace("_", "-")
            yield self.label(f"phase2.{name}")
            self._in_words[box] = (name, Prefill.for_text_area(getattr(draft, name)))
            yield TextArea(self._in_words[box][1].shown, id=box, soft_wrap=True)

    def on_mount(self) -> None:
        """Show the values at stake now, then the core values once read (off the UI thread)."""
        self._core_keys: tuple[str, ...] = ()
        self._show_values()
        self._read_core_values()

    @in_background("Your core values could not be read", group="settings")
    def _read_core_values(self) -> None:
        keys = read_settings(self.app.journal).core_values
        self.app.call_from_thread(self._core_values_read, keys)

    def _core_values_read(self, keys: tuple[str, ...]) -> None:
        self._core_keys = keys
        self._show_values()

    def _reconnect_prompt(self) -> str:
        """One reconnecting prompt, the same all day, a different one the next."""
        prompts = self.app.catalog.reconnect
        return prompts[self.draft.day.toordinal() % len(prompts)].text if prompts else ""

    def core_values(self) -> list[Value]:
        """The user's core values, chosen once and kept in the journal's settings."""
        options = [self.app.catalog.value(key) for key in self._core_keys]
        return [Value(o.key, o.label) for o in options if o is not None]

    def _show_values(self) -> None:
        core = self.core_values()
        names = ", ".join(v.label for v in core) if core else "none chosen yet"
        self.query_one("#core-values", Literal).update(
            f"{self.app.catalog.prompt('phase2.core_values').rstrip(':')}: {names}"
        )
        offered = core or [Value(o.key, o.label) for o in self.app.catalog.values]
        offered_keys = {v.key for v in offered}
        offered += [v for v in self.draft.values if v.key not in offered_keys]
        chosen = {v.key for v in self.draft.values}
        at_stake = self.query_one("#at-stake", SelectionList)
        with at_stake.prevent(SelectionList.SelectedChanged):
            at_stake.clear_options()
            at_stake.add_options(
                Selection(Content(visible(v.label)), v.key, v.key in chosen) for v in offered
            )
        if at_stake.option_count:
            at_stake.highlighted = 0
        self._offered = {v.key: v for v in offered}
        self._show_served()

    def _show_served(self) -> None:
        """What the hardest challenge served: today's values at stake first, then the rest."""
        at_stake = {v.key for v in self.draft.values}
        ordered = sorted(self._offered.values(), key=lambda v: v.key not in at_stake)
        served = self.draft.served
        if served is not None and served.key not in self._offered:
            ordered.insert(0, served)
        select = self.query_one("#served", Select)
        with select.prevent(Select.Changed):
            select.set_options((literal(v.label), v.key) for v in ordered)
            select.value = served.key if served is not None else Select.NULL
        self._served_options = {v.key: v for v in ordered}

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Keep the values at stake in the draft, in the order ticked."""
        ticked = event.selection_list.selected
        kept = [v for v in self.draft.values if v.key in ticked]
        have = {v.key for v in kept}
        self.draft.values[:] = kept + [self._offered[k] for k in ticked if k not in have]
        self._show_served()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Keep which challenge weighed most, and what it was in the service of."""
        key = event.value if isinstance(event.value, str) else None
        if event.select.id == "weighed-most":
            self.draft.weighed_most = key or ""
        elif event.select.id == "served":
            self.draft.served = self._served_options.get(key) if key else None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the moment that mattered and the answers in words in the draft (as stored,
        until each is edited)."""
        box = event.text_area.id
        if box == "meaning":
            self.draft.meaning = self._meaning.kept(event.text_area.text)
        elif box in self._in_words:
            name, prefill = self._in_words[box]
            setattr(self.draft, name, prefill.kept(event.text_area.text))

    def on_score_bar_changed(self, event: ScoreBar.Changed) -> None:
        """Keep the appraisal and alignment in the draft."""
        if event.score_bar.id in (*APPRAISAL_PARTS, "alignment"):
            setattr(self.draft, event.score_bar.id, event.value)

    @on(Button.Pressed, "#choose-core-values")
    def _choose_core_values(self, event: Button.Pressed) -> None:
        """Choosing core values opens their picker."""
        event.stop()
        current = [v.key for v in self.core_values()]
        self.app.push_screen(CoreValuesScreen(current), self._core_values_chosen)

    def _core_values_chosen(self, keys: list[str] | None) -> None:
        if keys is not None:
            self._save_core_values(keys)

    @in_background("Core values not kept", group="settings")
    def _save_core_values(self, keys: list[str]) -> None:
        change_settings(self.app.journal, lambda now: replace(now, core_values=tuple(keys)))
        self.app.call_from_thread(self._core_values_read, tuple(keys))
