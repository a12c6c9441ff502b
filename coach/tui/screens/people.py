"""My people (``p`` in the tools): the people I can turn to, and a note each time I reach out.

Contacts and reach-outs are read and written in thread workers (the journal's ``records`` /
``save_record`` / ``delete_record``); the figures and the order come from
``coach.people_figures``. How to reach someone is the user's own free text, shown literally: the
coach never dials, sends or looks anything up. Removing a contact asks first, and leaves the
log as it was: each reach-out keeps the name.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header

from coach.dates import weekday_date
from coach.people import Contact, ReachOut
from coach.people_figures import (
    for_display,
    last_by_contact,
    reaching_out,
    reaching_out_lines,
    recent_log,
)
from coach.settings import read_settings
from coach.text import visible
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.people_forms import ContactForm, ReachOutForm
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

READ = "people-read"
WRITE = "people-write"


class PeopleScreen(CoachScreen[None]):
    """My contacts, by role; the recent reach-outs; add, change, remove, "I reached out"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="people.back"),
        Binding("r", "reached", "Reached out", id="people.reached"),
        Binding("a", "add", "Add", id="people.add"),
        Binding("e", "edit", "Edit", id="people.edit", show=False),  # enter too (room)
        Binding("d", "delete", "Remove", id="people.delete"),
    ]
    AUTO_FOCUS = ""  # the table, once there is someone in it (see ``_show``)

    def __init__(self) -> None:
        super().__init__()
        self.contacts: list[Contact] = []

    def compose(self) -> ComposeResult:
        """The words, how long since I reached out, the contacts, then the log."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="people-body"):
            yield Literal(catalog.prompt("people.title"), classes="step-title")
            yield Literal(catalog.prompt("people.intro"), classes="step-intro")
            yield Literal("", id="people-since")
            yield Literal("", id="people-none")
            yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
            yield Literal(catalog.prompt("people.log_title"), classes="question")
            yield Literal("", id="people-log")
        yield CoachFooter(compact=True)  # room for f2 at 80 columns

    def on_mount(self) -> None:
        """Read my people."""
        self.query_one(DataTable).add_columns("Name", "Role", "Last reached out", "How to reach")
        self._read()

    @in_background("My people could not be read", group=READ, exclusive=True)
    def _read(self) -> None:
        self.app.call_from_thread(self._show, *self._gather())

    def _gather(self) -> tuple[list[Contact], list[ReachOut], int]:
        """Contacts, every reach-out and the nudge's days (on a worker's thread)."""
        journal = self.app.journal
        days = read_settings(journal).reach_out_nudge_days
        return journal.records(Contact), journal.records(ReachOut), days

    def _show(self, contacts: list[Contact], reach_outs: list[ReachOut], nudge_days: int) -> None:
        catalog = self.app.catalog
        today = self.app.today()
        self.contacts = for_display(contacts)
        last = last_by_contact(reach_outs, today)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for contact in self.contacts:
            when = last.get(contact.id)
            table.add_row(
                # The user's words, never markup: a rich Text (DataTable sizes columns by it).
                Text(visible(contact.name)),
                catalog.prompt(f"people.role_{contact.role.value}"),
                weekday_date(when.date) if when else catalog.prompt("people.never"),
                Text(visible(contact.reach)),  # last: the longest, and free text
                key=contact.id,
            )
        if self.contacts:
            table.move_cursor(row=min(max(row, 0), len(self.contacts) - 1))
            if self.focused is None:  # up and down move in it from the start
                table.focus(scroll_visible=False)
        none = self.query_one("#people-none", Literal)
        none.update("" if self.contacts else catalog.prompt("people.none"))
        none.display = not self.contacts
        table.display = bool(self.contacts)
        self.refresh_bindings()
        figures = reaching_out(contacts, reach_outs, today, nudge_days)
        since = self.query_one("#people-since", Literal)  # with no log, the lines below say it
        since.update(reaching_out_lines(figures, catalog) if figures.last else "")
        since.display = figures.last is not None
        lines = [self._log_line(each) for each in recent_log(reach_outs, today)]
        self.query_one("#people-log", Literal).update(
            "\n".join(lines) or catalog.prompt("people.log_none")
        )

    def _log_line(self, each: ReachOut) -> str:
        """One reach-out, plain text: the day, the name as it was, the note."""
        catalog = self.app.catalog
        day = weekday_date(each.date) + (f" {each.date.year}" if self._other_year(each) else "")
        if each.note.strip():
            return catalog.prompt("people.log_line_note", day=day, name=each.name, note=each.note)
        return catalog.prompt("people.log_line", day=day, name=each.name)

    def _other_year(self, each: ReachOut) -> bool:
        return each.date.year != self.app.today().year

    def _chosen(self) -> Contact | None:
        table = self.query_one(DataTable)
        if not self.contacts or table.cursor_row < 0:
            return None
        return self.contacts[min(table.cursor_row, len(self.contacts) - 1)]

    # --- adding, changing, removing --------------------------------------------------------

    def action_add(self) -> None:
        """Someone new."""
        self.app.push_screen(ContactForm(None), self._answered)

    def action_edit(self) -> None:
        """Change the contact under the cursor."""
        chosen = self._chosen()
        if chosen is not None:
            self.app.push_screen(ContactForm(chosen), self._answered)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _answered(self, contact: Contact | None) -> None:
        if contact is not None:
            self._keep(contact, self.app.catalog.prompt("people.saved"))

    @in_background("That was not kept", group=WRITE)
    def _keep(self, record: Contact | ReachOut, said: str) -> None:
        self.app.journal.save_record(record)
        self.app.call_from_thread(self._show, *self._gather())
        self.app.call_from_thread(self.notify, said)

    def action_delete(self) -> None:
        """Ask, then remove the contact under the cursor (the log keeps their name)."""
        chosen = self._chosen()
        if chosen is None:
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("people.delete_question", name=chosen.name),
            confirm=catalog.prompt("people.delete_confirm"),
            keep=catalog.prompt("people.delete_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(chosen.id)

        self.app.push_screen(asked, answered)

    @in_background("That was not removed", group=WRITE)
    def _remove(self, contact_id: str) -> None:
        self.app.journal.delete_record(Contact, contact_id)
        self.app.call_from_thread(self._show, *self._gather())

    # --- reaching out ----------------------------------------------------------------------

    def action_reached(self) -> None:
        """I reached out to the contact under the cursor today: a note, then it is kept."""
        chosen = self._chosen()
        if chosen is None:
            return
        today = self.app.today()

        def answered(note: str | None) -> None:
            if note is not None:
                said = self.app.catalog.prompt("people.reached_saved")
                self._keep(ReachOut.new(chosen, note, day=today), said)

        self.app.push_screen(ReachOutForm(chosen), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Change, remove and "I reached out" need someone to act on."""
        if action in {"edit", "delete", "reached"}:
            return bool(self.contacts)
        return super().check_action(action, parameters)


def open_people(app: App[Any]) -> None:
    """Show my people, unless they are showing already (the tools and the palette)."""
    if not isinstance(app.screen, PeopleScreen):
        app.push_screen(PeopleScreen())
