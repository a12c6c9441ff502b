"""Quick check-in: how I am, strain, one challenge, one value, one action; under a minute."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, RadioButton, RadioSet, Select, Static

from coach.draft import ReflectionDraft
from coach.journal import JournalError
from coach.model import Challenge, CopingAction, Reflection, Value
from coach.tui.screens.summary import closing_line
from coach.tui.screens.support import SupportOffer
from coach.tui.widgets.score_bar import ScoreBar

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

HIGH_STRAIN = 9


class CheckInScreen(Screen[None]):
    """The short path through the same three phases."""

    app: CoachApp
    AUTO_FOCUS = "#state"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="checkin.back"),
        Binding("ctrl+s", "save", "Save", id="checkin.save", priority=True),
    ]

    def __init__(self, draft: ReflectionDraft) -> None:
        super().__init__()
        self.draft = draft
        self.saved = False

    def compose(self) -> ComposeResult:
        """One question each, top to bottom."""
        catalog = self.app.catalog
        draft = self.draft
        yield Header()
        with VerticalScroll(classes="step-body"):
            yield Static(catalog.prompt("checkin.title"), classes="step-title", markup=False)
            yield Static(catalog.prompt("checkin.intro"), classes="step-intro", markup=False)
            yield Static(catalog.prompt("checkin.state"), classes="question", markup=False)
            with RadioSet(id="state"):
                for index, label in enumerate(catalog.scale("checkin_state")):
                    yield RadioButton(label, value=index == draft.checkin_state)
            yield Static(catalog.prompt("checkin.strain"), classes="question", markup=False)
            ends = catalog.scale("strain_ends")
            yield ScoreBar(10, value=draft.strain, ends=(ends[0], ends[1]), id="strain")
            yield SupportOffer(id="support-offer")
            yield Static(catalog.prompt("checkin.challenge"), classes="question", markup=False)
            yield Select(
                [(c.label, c.key) for c in catalog.challenges],
                value=draft.challenges[0].key if draft.challenges else Select.NULL,
                id="challenge",
                compact=True,
            )
            yield Static(catalog.prompt("checkin.value"), classes="question", markup=False)
            yield Select(
                [(v.label, v.key) for v in catalog.values],
                value=draft.values[0].key if draft.values else Select.NULL,
                id="value",
                compact=True,
            )
            yield Static(catalog.prompt("checkin.action"), classes="question", markup=False)
            yield Select(
                [(o.label, o.key) for o in catalog.coping],
                value=draft.actions[0].key if draft.actions else Select.NULL,
                id="action",
                compact=True,
            )
            yield Static("", id="closing", markup=False)
            with Horizontal(classes="step-buttons"):
                yield Button("Back", id="back")
                yield Button("Save", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Hide the support offer until it is needed; start at the top."""
        self._show_support_offer()
        body = self.query_one(".step-body", VerticalScroll)
        self.set_timer(0.05, lambda: body.scroll_home(animate=False))

    def _show_support_offer(self) -> None:
        states = len(self.app.catalog.scale("checkin_state"))
        not_coping = self.draft.checkin_state == states - 1
        high = self.draft.strain is not None and self.draft.strain >= HIGH_STRAIN
        self.query_one("#support-offer", SupportOffer).display = not_coping or high

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """How I am doing."""
        self.draft.checkin_state = event.radio_set.pressed_index
        self._show_support_offer()

    def on_score_bar_changed(self, event: ScoreBar.Changed) -> None:
        """Strain."""
        self.draft.strain = event.value
        self._show_support_offer()

    def on_select_changed(self, event: Select.Changed) -> None:
        """One challenge, one value, one action, kept in the draft."""
        catalog = self.app.catalog
        key = event.value if isinstance(event.value, str) else None
        if event.select.id == "challenge":
            found = catalog.challenge(key) if key else None
            self.draft.challenges[:] = (
                [Challenge(found.key, found.label, found.dimension)] if found else []
            )
        elif event.select.id == "value":
            value = catalog.value(key) if key else None
            self.draft.values[:] = [Value(value.key, value.label)] if value else []
        elif event.select.id == "action":
            option = catalog.coping_option(key) if key else None
            self.draft.actions[:] = (
                [CopingAction(option.key, option.label, option.category)] if option else []
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Back or save."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_back()

    def action_back(self) -> None:
        """Home; what was entered stays in the draft."""
        if self.saved:
            self.app.return_home()
            return
        self.app.save_draft_soon()
        self.app.pop_screen()

    def action_save(self) -> None:
        """Save the check-in (once saved, the button goes home)."""
        if self.saved:
            self.app.return_home()
            return
        self.query_one("#save", Button).disabled = True
        self._save(self.draft.to_reflection(created=self.app.clock()))

    @work(thread=True, exclusive=True, group="save")
    def _save(self, reflection: Reflection) -> None:
        try:
            self.app.journal.save(reflection)
        except (JournalError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._saved, reflection)

    def _failed(self, problem: str) -> None:
        self.notify(f"Not saved: {problem}. Your draft is kept.", severity="error", timeout=15)
        self.query_one("#save", Button).disabled = False

    def _saved(self, reflection: Reflection) -> None:
        self.saved = True
        self.app.draft = None
        self.app.discard_draft()
        catalog = self.app.catalog
        closing = self.query_one("#closing", Static)
        closing.update(f"{catalog.prompt('summary.saved')} {closing_line(reflection, catalog)}")
        closing.scroll_visible()
        self.query_one("#back", Button).display = False
        button = self.query_one("#save", Button)
        button.label = "Done"
        button.disabled = False
        button.focus()
