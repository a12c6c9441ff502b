"""Quick check-in: how I am (kept as ``feeling``), strain, one challenge, one value and one
action; under a minute."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import RadioSet, Select

from coach.model import FEELING, STRAIN, Challenge, CopingAction, Value
from coach.nudges import support_offered
from coach.settings import read_settings
from coach.tui.base import in_background
from coach.tui.screens.step import SavingStepScreen
from coach.tui.screens.support import SupportOffer
from coach.tui.widgets.feeling import FeelingChoice
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.options import labelled, literal
from coach.tui.widgets.score_bar import ScoreBar


class CheckInScreen(SavingStepScreen):
    """The short path through the same three phases."""

    FIRST_FOCUS: ClassVar[str] = "#feeling"

    def compose_step(self) -> ComposeResult:
        """One question each, top to bottom."""
        catalog = self.app.catalog
        draft = self.draft
        yield Literal(catalog.prompt("checkin.title"), classes="step-title")
        yield Literal(catalog.prompt("checkin.intro"), classes="step-intro")
        yield Literal(catalog.prompt("feeling.question"), classes="question")
        yield FeelingChoice(catalog.scale(FEELING.labels), draft.feeling)
        yield Literal(catalog.prompt("checkin.strain"), classes="question")
        yield ScoreBar(STRAIN, catalog.scale(STRAIN.labels), value=draft.strain, id="strain")
        yield SupportOffer(id="support-offer")
        for name, kept, offered in (
            ("challenge", draft.challenges, catalog.challenges),
            ("value", draft.values, catalog.values),
            ("action", draft.actions, catalog.coping),
        ):
            yield Literal(catalog.prompt(f"checkin.{name}"), classes="question")
            options = labelled(offered)
            # An edited check-in may hold an item the catalogue no longer has: keep offering it.
            if kept and kept[0].key not in {key for _, key in options}:
                options.insert(0, (literal(kept[0].label), kept[0].key))
            yield Select(options, value=kept[0].key if kept else Select.NULL, id=name, compact=True)
        yield Literal("", id="closing")

    def on_mount(self) -> None:
        """Hide the support offer until it is needed; offer my core values first once read."""
        self._show_support_offer()
        self._read_core_values()

    @in_background("Your core values could not be read", group="settings")
    def _read_core_values(self) -> None:
        keys = read_settings(self.app.journal).core_values
        if keys:
            self.app.call_from_thread(self._core_values_read, keys)

    def _core_values_read(self, keys: tuple[str, ...]) -> None:
        """The value list again, core values at the top, the choice kept."""
        chosen = self.query_one("#value", Select)
        kept = chosen.value
        options = labelled(self.app.catalog.values_core_first(keys))
        if isinstance(kept, str) and kept not in {key for _, key in options}:
            options.insert(0, (literal(self.draft.values[0].label), kept))  # as in compose
        with chosen.prevent(Select.Changed):
            chosen.set_options(options)
            chosen.value = kept

    def _show_support_offer(self) -> None:
        offer = self.query_one("#support-offer", SupportOffer)
        offer.display = support_offered(self.draft.strain, self.draft.feeling)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """How I am: kept in the reflection; struggling or not coping offers support."""
        self.draft.feeling = FeelingChoice.feeling_of(event)
        self._show_support_offer()

    def on_score_bar_changed(self, event: ScoreBar.Changed) -> None:
        """Strain."""
        self.draft.strain = event.value
        self._show_support_offer()

    def on_select_changed(self, event: Select.Changed) -> None:
        """One challenge, one value, one action, kept in the draft.

        Selecting what the draft already holds changes nothing: a Select announces its first
        value too, and an edited check-in's action must keep its follow-up and its note.
        """
        catalog = self.app.catalog
        key = event.value if isinstance(event.value, str) else None
        if event.select.id == "challenge" and key not in self.draft.challenge_keys()[:1]:
            found = catalog.challenge(key) if key else None
            self.draft.challenges[:] = (
                [Challenge(found.key, found.label, found.dimension)] if found else []
            )
        elif event.select.id == "value" and key not in [v.key for v in self.draft.values[:1]]:
            value = catalog.value(key) if key else None
            self.draft.values[:] = [Value(value.key, value.label)] if value else []
        elif event.select.id == "action" and key not in [a.key for a in self.draft.actions[:1]]:
            option = catalog.coping_option(key) if key else None
            self.draft.actions[:] = (
                [CopingAction(option.key, option.label, option.category)] if option else []
            )
