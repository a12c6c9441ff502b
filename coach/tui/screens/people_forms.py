"""The dialogs of my people: a contact to add or change, "I reached out" with a note, and
choosing someone for a relational coping action. Each dismisses what was chosen, or None.

Stored text put back into a box goes through ``Prefill``: shown visibly, and kept byte for byte
unless the user edits it.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select
from textual.widgets.option_list import Option

from coach.model import ModelError
from coach.people import Contact, Role
from coach.text import visible
from coach.tui.base import CoachModal
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.literal import Literal, Prefill

T = TypeVar("T")


class _Form(CoachModal[T | None]):
    """Boxes, a line for what is wrong, and Keep / Cancel (ctrl+s and escape too). Cancelling
    after typing asks first: one key never throws away what was typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="people_form.cancel"),
        Binding("ctrl+s", "keep", "Keep it", id="people_form.keep", priority=True),
    ]

    def buttons(self, keep: str) -> ComposeResult:
        """The problem line and the two buttons."""
        catalog = self.app.catalog
        yield Literal("", id="people-problem")
        with Horizontal(classes="step-buttons"):
            yield Button(Content(catalog.prompt(keep)), id="people-keep", variant="primary")
            yield Button(Content(catalog.prompt("people.cancel")), id="people-cancel")

    @on(Button.Pressed, "#people-keep")
    @on(Input.Submitted)
    def _keep_pressed(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed, "#people-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def on_mount(self) -> None:
        """Note what the boxes start with, to know whether anything was typed."""
        self._started = self._entered()

    def _entered(self) -> tuple[object, ...]:
        typed = tuple(box.value for box in self.query(Input).results(Input))
        return typed + tuple(box.value for box in self.query(Select).results(Select))

    def action_cancel(self) -> None:
        """Nothing kept: at once if nothing was typed, or once the user says so."""
        if self._entered() == self._started:
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("people.discard_question"),
            confirm=catalog.prompt("people.discard_confirm"),
            keep=catalog.prompt("people.discard_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(asked, answered)

    def action_keep(self) -> None:
        """Check what was typed, and dismiss it (overridden)."""
        raise NotImplementedError


class ContactForm(_Form[Contact]):
    """Name, role and how to reach them; dismisses the contact, or None when cancelled."""

    def __init__(self, contact: Contact | None) -> None:
        super().__init__()
        self.contact = contact
        self._named = Prefill.for_input(contact.name if contact else "")
        self._how = Prefill.for_input(contact.reach if contact else "")

    def compose(self) -> ComposeResult:
        """Three boxes and the buttons."""
        catalog = self.app.catalog
        title = "people.edit_title" if self.contact else "people.add_title"
        with Vertical(classes="dialog", id="contact-form"):
            yield Literal(catalog.prompt(title), classes="step-title")
            yield Literal(catalog.prompt("people.name"), classes="question")
            yield Input(self._named.shown, compact=True, id="contact-name")
            yield Literal(catalog.prompt("people.role"), classes="question")
            yield Select[str](
                ((Content(catalog.prompt(f"people.role_{r.value}")), r.value) for r in Role),
                value=(self.contact.role if self.contact else Role.PEER).value,
                allow_blank=False,
                compact=True,
                id="contact-role",
            )
            yield Literal(catalog.prompt("people.reach"), classes="question")
            yield Input(self._how.shown, compact=True, id="contact-reach")
            yield from self.buttons("people.save")

    def on_mount(self) -> None:
        """Ready to type the name."""
        super().on_mount()
        self.query_one("#contact-name", Input).focus()

    def action_keep(self) -> None:
        """A name is needed; keep it, or say in place what is wrong."""
        name = self._named.kept(self.query_one("#contact-name", Input).value)
        reach = self._how.kept(self.query_one("#contact-reach", Input).value)
        role = Role(str(self.query_one("#contact-role", Select).value))
        problem = self.query_one("#people-problem", Literal)
        if not name.strip():
            problem.update(self.app.catalog.prompt("people.no_name"))
            return
        try:
            if self.contact is None:
                contact = Contact.new(name, role, reach)
            else:
                contact = Contact(id=self.contact.id, name=name, role=role, reach=reach,
                                  extra=self.contact.extra)  # fmt: skip
        except ModelError as error:
            problem.update(str(error))
            return
        self.dismiss(contact)


class ReachOutForm(_Form[str]):
    """Says "I reached out to Sam today", with an optional note; dismisses the note ("" for
    none)."""

    def __init__(self, contact: Contact) -> None:
        super().__init__()
        self.contact = contact

    def compose(self) -> ComposeResult:
        """Who, a box for the note, and the buttons."""
        catalog = self.app.catalog
        with Vertical(classes="dialog", id="reach-out-form"):
            title = catalog.prompt("people.reached_title", name=self.contact.name)
            yield Literal(title, classes="step-title")
            yield Literal(catalog.prompt("people.reached_note"), classes="question")
            yield Input(compact=True, id="reach-out-note")
            yield from self.buttons("people.reached_save")

    def on_mount(self) -> None:
        """Ready to type the note (or enter, for none)."""
        super().on_mount()
        self.query_one("#reach-out-note", Input).focus()

    def action_keep(self) -> None:
        """The note as typed."""
        self.dismiss(self.query_one("#reach-out-note", Input).value)


class ContactChoice(CoachModal[Contact | None]):
    """Who a relational action is with: one of my people; dismisses them, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="contact_choice.cancel"),
    ]

    def __init__(self, contacts: list[Contact]) -> None:
        super().__init__()
        self.contacts = contacts

    def compose(self) -> ComposeResult:
        """The question and the list (names shown literally)."""
        catalog = self.app.catalog
        with Vertical(classes="dialog", id="contact-choice"):
            yield Literal(catalog.prompt("people.choose_title"), classes="step-title")
            yield OptionList(
                *(
                    Option(Content(visible(self._line(c))), id=str(number))
                    for number, c in enumerate(self.contacts)
                ),
                id="contact-choices",
            )

    def _line(self, contact: Contact) -> str:
        return f"{contact.name} ({self.app.catalog.prompt(f'people.role_{contact.role.value}')})"

    def on_mount(self) -> None:
        """The list has the focus."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.contacts[event.option_index])

    def action_cancel(self) -> None:
        """No one named."""
        self.dismiss(None)
