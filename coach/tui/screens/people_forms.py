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
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from coach.model import ModelError
from coach.people import Contact
from coach.text import visible
from coach.tui.base import CoachModal
from coach.tui.screens.form import FormDialog
from coach.tui.widgets.literal import Literal, Prefill
from coach.vocabulary import Role

T = TypeVar("T")


class _Form(FormDialog[T]):
    """A dialog of my people: cancelling after typing asks first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="people_form.cancel"),
        Binding("ctrl+s", "keep", "Keep it", id="people_form.keep", priority=True),
    ]
    FORM = "people"
    CANCEL = "people.cancel"
    DISCARD = "people.discard"

    def on_mount(self) -> None:
        """Note what the boxes start with, to know whether anything was typed."""
        self.remember_start()


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
        if not name.strip():
            self.say(self.app.catalog.prompt("people.no_name"))
            return
        try:
            if self.contact is None:
                contact = Contact.new(name, role, reach)
            else:
                contact = Contact(id=self.contact.id, name=name, role=role, reach=reach,
                                  extra=self.contact.extra)  # fmt: skip
        except ModelError as error:
            self.say(str(error))
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
