"""Phase 3, "What will help": ranked coping suggestions, one to three chosen, and when.

A relational suggestion (supervision, peers, the team) can name one of my people: once one is
chosen, ctrl+o offers them, and the one picked goes into that action's "when" ("with Sam"), where
it can still be edited; the action keeps its catalogue key and label, so insights and the
ranking count it as before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Select, SelectionList
from textual.widgets.selection_list import Selection

from coach.draft import MAX_ACTIONS, own_action
from coach.journal import JournalError
from coach.model import Category, CopingAction, Step
from coach.people import Contact
from coach.people_figures import for_display
from coach.ranking import Suggestion, rank_suggestions
from coach.text import visible
from coach.time_away import COPING_TOOLS
from coach.tui.screens.step import StepScreen
from coach.tui.widgets.item_inputs import ItemInputs
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.ticks import TickList


class CopingScreen(StepScreen):
    """Choose one to three concrete things for tomorrow, ranked for today's challenges."""

    STEP: ClassVar[Step | None] = Step.COPING
    FIRST_FOCUS: ClassVar[str] = "#suggestions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "open_tool", "Open the tool", id="coping.tool"),
        Binding("ctrl+o", "name_someone", "Name someone", id="coping.name_someone"),
    ]
    offered: str | None = None  # the tool a chosen suggestion leads to (``COPING_TOOLS``)
    naming: str | None = None  # the relational action chosen last, to name someone for

    def compose_step(self) -> ComposeResult:
        """Suggestions, when for each chosen one, and an action in your own words."""
        catalog = self.app.catalog
        yield from self.heading("phase3.title", "phase3.intro")
        yield self.label("phase3.limit")
        suggestions = TickList(id="suggestions")
        suggestions.loading = True
        yield suggestions
        # The highlighted suggestion in full: a narrow list cuts a long line short with "…".
        yield Literal("", id="suggestion-in-full")
        yield ItemInputs(id="action-whens", input_class="action-when")
        with Horizontal(id="own-row"):
            yield Input(placeholder=catalog.prompt("phase3.own_placeholder"), id="own-action")
            yield Select(
                [(Content(catalog.prompt(f"phase3.{c.value}")), c.value) for c in Category],
                value=Category.INDIVIDUAL.value,
                allow_blank=False,
                id="own-category",
                compact=True,
            )

    def on_mount(self) -> None:
        """Rank the suggestions off the UI thread; show the chosen actions at once."""
        self._suggestions: list[Suggestion] = []
        self._people: list[Contact] = []
        self._show_whens()
        self._rank()
        self._read_people()

    @work(thread=True, exclusive=True, group="coping-people")
    def _read_people(self) -> None:
        """My people, to name one in a relational action; unread, there is simply no offer."""
        try:
            found = for_display(self.app.journal.records(Contact))
        except (JournalError, OSError):
            return
        self.app.call_from_thread(setattr, self, "_people", found)

    @work(thread=True, exclusive=True, group="rank")
    def _rank(self) -> None:
        catalog, today = self.app.catalog, self.draft.challenge_keys()
        at_stake = [value.key for value in self.draft.values]
        try:
            history = self.app.journal.iter_newest_first()
            ranked = rank_suggestions(catalog, today, history, at_stake)
        except (JournalError, OSError) as error:  # still suggest, from the catalogue alone
            self.app.call_from_thread(self.notify, str(error), severity="error")
            ranked = rank_suggestions(catalog, today, [], at_stake)
        self.app.call_from_thread(self._show_suggestions, ranked)

    def _show_suggestions(self, ranked: list[Suggestion]) -> None:
        self._suggestions = ranked
        self._fill()

    def _fill(self) -> None:
        chosen = {a.key for a in self.draft.actions}
        offered = {s.option.key for s in self._suggestions}
        suggestions = self.query_one("#suggestions", SelectionList)
        with suggestions.prevent(SelectionList.SelectedChanged):
            suggestions.clear_options()
            suggestions.add_options(
                Selection(Content(visible(a.label)), a.key, True)
                for a in self.draft.actions
                if a.key not in offered
            )
            suggestions.add_options(
                Selection(self._prompt(s), s.option.key, s.option.key in chosen)
                for s in self._suggestions
            )
        if suggestions.option_count and suggestions.highlighted is None:
            suggestions.highlighted = 0
        suggestions.loading = False
        # A loading list cannot take the focus on mount; give it now, unless the user moved on.
        if self.focused is None or self.focused is self.query_one(".step-body"):
            suggestions.focus(scroll_visible=False)

    @staticmethod
    def _prompt(suggestion: Suggestion) -> Content:
        """One line in rank order: the strategy and why it is offered (no category tag: the
        ranking already says where service pressures are met, and "(relational)" was jargon)."""
        option = suggestion.option
        line = option.label
        if suggestion.reason:
            line += f" · {suggestion.reason}"
        return Content(visible(line))

    @on(SelectionList.SelectionHighlighted, "#suggestions")
    def _highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        """The highlighted suggestion's whole line below the list, where the list cut it
        (measured once the list is laid out: it may have only now been filled)."""
        event.stop()
        self.call_after_refresh(self._show_in_full)

    def on_resize(self) -> None:
        """A wider or narrower list cuts different lines."""
        self.call_after_refresh(self._show_in_full)

    def _show_in_full(self) -> None:
        suggestions = self.query_one("#suggestions", SelectionList)
        index = suggestions.highlighted
        room = suggestions.content_size.width - 5  # the box and its margins
        full = None
        if index is not None and index < len(self._suggestions) and room > 0:
            full = self._prompt(self._suggestions[index])
        cut = full is not None and full.cell_length > room
        shown = self.query_one("#suggestion-in-full", Literal)
        shown.update(full.plain if full is not None and cut else "")
        shown.display = cut

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Keep one to three chosen actions in the draft, in the order chosen."""
        ticked = list(event.selection_list.selected)
        kept = [a for a in self.draft.actions if a.key in ticked]
        have = {a.key for a in kept}
        by_key = {s.option.key: s.option for s in self._suggestions}
        for key in ticked:
            if key not in have and key in by_key:
                if len(kept) >= MAX_ACTIONS:
                    event.selection_list.deselect(key)
                    self.notify(self.app.catalog.prompt("phase3.limit"))
                    continue
                option = by_key[key]
                kept.append(CopingAction(option.key, option.label, option.category))
                self._offer(COPING_TOOLS.get(key))
                if option.category is Category.RELATIONAL:
                    self._offer_people(key)
        if [a.key for a in kept] != [a.key for a in self.draft.actions]:
            self.draft.actions[:] = kept
            self._show_whens()

    def _offer(self, tool: str | None) -> None:
        """A suggestion with a tool of its own was chosen: say how to open it now."""
        if tool is None:
            return
        self.offered = tool
        self.notify(self.app.catalog.prompt(f"tools.offer_{tool}"), timeout=10)
        self.refresh_bindings()

    def _offer_people(self, key: str) -> None:
        """A relational suggestion was chosen: offer to name one of my people for it."""
        if not self._people:
            return
        self.naming = key
        self.notify(self.app.catalog.prompt("people.name_someone"), timeout=10)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The tool's key is there once a suggestion with a tool has been chosen; naming
        someone, once a relational one has (and while it is still chosen)."""
        if action == "open_tool":
            return self.offered is not None
        if action == "name_someone":
            return self.naming in {a.key for a in self.draft.actions} and bool(self._people)
        return super().check_action(action, parameters)

    def action_name_someone(self) -> None:
        """Choose one of my people; they go into the action's "when" ("with Sam")."""
        from coach.tui.screens.people_forms import ContactChoice

        key = self.naming
        if key is None or not self._people:
            return

        def chosen(contact: Contact | None) -> None:
            index = next((n for n, a in enumerate(self.draft.actions) if a.key == key), None)
            if contact is None or index is None:
                return
            old = self.draft.actions[index]
            with_them = self.app.catalog.prompt("people.when_with", name=contact.name)
            when = f"{with_them}, {old.when}" if old.when.strip() else with_them
            self.draft.actions[index] = replace(old, when=when)
            self._show_whens()

        self.app.push_screen(ContactChoice(self._people), chosen)

    async def action_open_tool(self) -> None:
        """Open the tool offered, over this step (escape there comes back, choices kept)."""
        if self.offered == "leave":
            from coach.tui.screens.leave import LeaveScreen

            self.app.push_screen(LeaveScreen())
        elif self.offered == "closing":
            from coach.tui.screens.closing import ClosingScreen

            self.app.push_screen(ClosingScreen())
        elif self.offered == "break":
            await self.app.run_action("app.take_break")

    def _show_whens(self) -> None:
        tiny = {o.key: o.tiny for o in self.app.catalog.coping}
        placeholder = self.app.catalog.prompt("phase3.when_placeholder")
        self.query_one("#action-whens", ItemInputs).show(
            [(a.when, a.label, tiny.get(a.key) or placeholder) for a in self.draft.actions]
        )

    def on_item_inputs_changed(self, event: ItemInputs.Changed) -> None:
        """Keep when each action will happen in the draft."""
        if event.index < len(self.draft.actions):
            old = self.draft.actions[event.index]
            self.draft.actions[event.index] = replace(old, when=event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Add an action in the user's own words, chosen."""
        if event.input.id == "own-action":
            self.keep_typed()

    def keep_typed(self) -> None:
        """An action typed in the user's own words is added, even without enter."""
        typed = self.query_one("#own-action", Input)
        if not typed.value.strip():
            return
        if len(self.draft.actions) >= MAX_ACTIONS:
            self.notify(self.app.catalog.prompt("phase3.limit"))
            return
        category = Category(str(self.query_one("#own-category", Select).value))
        action = own_action(typed.value, category)
        if action.key not in {a.key for a in self.draft.actions}:
            self.draft.actions.append(action)
        typed.value = ""
        self._fill()
        self._show_whens()
