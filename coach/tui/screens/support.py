"""Support now: UK signposting from the content, and the user's own support, from anywhere.

The screen is pushed over whatever the user was doing, so escape returns them there with
everything they typed still in place. Their own support (occupational health, an employee
assistance line, a trusted colleague) is kept in the journal's settings, read and written in
thread workers so the screen never waits on the disk.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input

from coach.journal import Journal, JournalError
from coach.settings import MY_SUPPORT_FIELDS, change_settings, read_settings
from coach.tui.widgets.literal import Literal, Prefill

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

# The app's worker group that writes the user's own support (settings waits for it).
MY_SUPPORT_WRITES = "my-support"


class SupportOffer(VerticalGroup):
    """The reflection's offer of support on a very hard day: a line and a button, never forced."""

    app: CoachApp

    def compose(self) -> ComposeResult:
        """The offer, and a way straight to support."""
        catalog = self.app.catalog
        yield Literal(catalog.prompt("support.offer"))
        yield Button(Content(catalog.prompt("support.offer_open")), id="open-support", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Open support; the screen below never sees the press."""
        if event.button.id == "open-support":
            event.stop()
            self.app.action_support()


class SupportScreen(Screen[None]):
    """A calm list of where to turn; escape returns exactly where the user was."""

    app: CoachApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="support.back"),
        Binding("ctrl+s", "keep", "Keep my support", id="support.keep", priority=True),
    ]

    def __init__(self, *, own_first: bool = False) -> None:
        """``own_first``: put the focus in the user's own support once it is read (from
        settings, where the user came to edit it)."""
        super().__init__()
        self._own_first = own_first
        self._kept: dict[str, str] | None = None
        self._prefills: dict[str, Prefill] = {}

    def compose(self) -> ComposeResult:
        """Who to turn to, how and when; then the user's own support."""
        words = self.app.catalog.support_text
        yield Header()
        with VerticalScroll(classes="step-body", id="support-body"):
            yield Literal(words.get("title", "Support now"), classes="step-title")
            yield Literal(words.get("intro", ""))
            for line in self.app.catalog.support:
                yield Literal(
                    f"{line.name}: {line.contact}",
                    classes="question support-contact",
                )
                yield Literal(f"{line.when}. {line.line}", classes="support-line")
            yield Literal(words.get("own_section_intro", ""), classes="question")
            # Closed until the saved support is read, so nothing typed can be overwritten.
            with VerticalGroup(id="my-support", disabled=True) as own:
                own.loading = True
                for name in MY_SUPPORT_FIELDS:
                    yield Literal(words.get(f"own.{name}", name))
                    yield Input(placeholder=words.get("own.placeholder", ""), id=f"my-{name}")
            with Horizontal(classes="step-buttons"):
                yield Button(Content(words.get("own.save", "Keep")), id="keep-my-support")
            yield Literal(words.get("closing", ""), classes="support-line")
        yield Footer()

    def on_mount(self) -> None:
        """Read the user's own support off the UI thread."""
        self.run_worker(self._read_my_support, thread=True, group="my-support-read")

    def _read_my_support(self) -> None:
        try:
            kept = read_settings(self.app.journal).my_support
            found = {name: kept[name] for name in MY_SUPPORT_FIELDS}
        except (JournalError, OSError) as error:
            self.app.call_from_thread(self._show_my_support, None, str(error))
            return
        self.app.call_from_thread(self._show_my_support, found, "")

    def _show_my_support(self, found: dict[str, str] | None, problem: str) -> None:
        if found is None:
            self.notify(f"Your own support could not be read: {problem}", severity="error")
            found = dict.fromkeys(MY_SUPPORT_FIELDS, "")
        # Shown visibly; a field the user has not edited is kept exactly as stored (Prefill).
        self._prefills = {name: Prefill.for_input(text) for name, text in found.items()}
        for name, prefill in self._prefills.items():
            self.query_one(f"#my-{name}", Input).value = prefill.shown
        self._kept = found
        own = self.query_one("#my-support", VerticalGroup)
        own.loading = False
        own.disabled = False
        if self._own_first:
            self.query_one(f"#my-{MY_SUPPORT_FIELDS[0]}", Input).focus()

    def typed_support(self) -> dict[str, str]:
        """What the user's own support fields hold now."""
        typed = {name: self.query_one(f"#my-{name}", Input).value for name in MY_SUPPORT_FIELDS}
        return {
            name: self._prefills[name].kept(text) if name in self._prefills else text
            for name, text in typed.items()
        }

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The keep button does what ctrl+s does."""
        if event.button.id == "keep-my-support":
            event.stop()
            self.action_keep()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field keeps the user's support."""
        event.stop()
        self.action_keep()

    def action_keep(self, *, quietly: bool = False) -> None:
        """Keep the user's own support in the journal, in the background."""
        if self._kept is None:  # not read yet: the fields are closed, so nothing was typed
            return
        typed = self.typed_support()
        if typed == self._kept:
            if not quietly:
                self.notify(self.app.catalog.support_text.get("own.saved", "Kept."))
            return
        self._kept = typed
        saved_words = "" if quietly else self.app.catalog.support_text.get("own.saved", "")
        journal = self.app.journal
        app = self.app

        def write() -> None:
            keep_my_support(app, journal, typed, saved_words)

        # On the app, not the screen: the write finishes even if the screen is closed.
        self.app.run_worker(write, thread=True, group=MY_SUPPORT_WRITES, exclusive=False)

    def action_back(self) -> None:
        """Keep anything typed here, then go back exactly where the user was."""
        self.action_keep(quietly=True)
        self.app.pop_screen()


def keep_my_support(app: CoachApp, journal: Journal, typed: dict[str, str], saved: str) -> None:
    """Write the user's own support (in a worker thread); say so, or say what went wrong."""
    try:
        change_settings(journal, lambda now: replace(now, my_support={**now.my_support, **typed}))
    except (JournalError, OSError) as error:
        app.call_from_thread(app.notify, f"Your support was not kept: {error}", severity="error")
        return
    if saved:
        app.call_from_thread(app.notify, saved)
