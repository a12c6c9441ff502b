"""Support now: UK signposting from the content, and the user's own support, from anywhere.

The screen is pushed over whatever the user was doing, so escape returns them there with
everything they typed still in place. Their own support (occupational health, an employee
assistance line, a trusted colleague) is kept in the journal's settings, read and written in
thread workers so the screen never waits on the disk. The write runs on the app, not the
screen: escape keeps what was typed and closes the screen at once, and the write must finish,
and be said if it fails, after the screen has gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input
from textual.worker import Worker

from coach.journal import Journal
from coach.settings import MY_SUPPORT_FIELDS, change_settings, read_settings
from coach.tui.base import CoachAppBase, CoachScreen, in_background
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal, Prefill

# The app's worker group that writes the user's own support (settings waits for it).
MY_SUPPORT_WRITES = "my-support"
MY_SUPPORT_READ = "my-support-read"


class SupportOffer(VerticalGroup):
    """The reflection's offer of support on a very hard day: a line and a button, never forced."""

    app: CoachAppBase

    def compose(self) -> ComposeResult:
        """The offer, and a way straight to support: the button runs the app's own support
        action (F2's), so the screen below never sees a press."""
        catalog = self.app.catalog
        yield Literal(catalog.prompt("support.offer"))
        label = Content(catalog.prompt("support.offer_open"))
        yield Button(label, id="open-support", compact=True, action="app.support")


class SupportScreen(CoachScreen[None]):
    """A calm list of where to turn; escape returns exactly where the user was."""

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
            yield Literal(words.get("patient_risk", ""), id="patient-risk", classes="question")
            for line in self.app.catalog.support:
                yield Literal(
                    f"{line.name}: {line.contact}",
                    classes="question support-contact",
                )
                yield Literal(f"{line.when}. {line.line}", classes="support-line")
            if self.app.unlocked:  # kept in the journal: an encrypted one must be open first
                yield from self._my_support(words)
            yield Literal(words.get("closing", ""), classes="support-line")
        yield CoachFooter()

    def _my_support(self, words: Mapping[str, str]) -> ComposeResult:
        """The user's own support, closed until the saved support is read, so nothing typed
        can be overwritten."""
        yield Literal(words.get("own_section_intro", ""), classes="question")
        with VerticalGroup(id="my-support", disabled=True) as own:
            own.loading = True
            for name in MY_SUPPORT_FIELDS:
                yield Literal(words.get(f"own.{name}", name))
                yield Input(placeholder=words.get("own.placeholder", ""), id=f"my-{name}")
        with Horizontal(classes="step-buttons"):
            yield Button(Content(words.get("own.save", "Keep")), id="keep-my-support")

    def on_mount(self) -> None:
        """Read the user's own support off the UI thread."""
        if self.app.unlocked:
            self._read_my_support()

    @in_background("Your own support could not be read", group=MY_SUPPORT_READ)
    def _read_my_support(self) -> None:
        kept = read_settings(self.app.journal).my_support
        found = {name: kept[name] for name in MY_SUPPORT_FIELDS}
        self.app.call_from_thread(self._show_my_support, found)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Not read: the fields open empty, so support can still be written down (a damaged
        file is never written over: keeping it then says it was not kept)."""
        if worker.group == MY_SUPPORT_READ:
            self._show_my_support(dict.fromkeys(MY_SUPPORT_FIELDS, ""))
        super().worker_failed(worker)

    def _show_my_support(self, found: dict[str, str]) -> None:
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

    @on(Button.Pressed, "#keep-my-support")
    @on(Input.Submitted, "#my-support Input")
    def _keep_pressed(self, event: Button.Pressed | Input.Submitted) -> None:
        """The keep button, or enter in a field, does what ctrl+s does."""
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
        self.app.run_worker(
            write,
            thread=True,
            group=MY_SUPPORT_WRITES,
            exclusive=False,
            exit_on_error=False,
            description="Your support was not kept",
        )

    def action_back(self) -> None:
        """Keep anything typed here, then go back exactly where the user was."""
        self.action_keep(quietly=True)
        self.app.pop_screen()


def keep_my_support(app: CoachAppBase, journal: Journal, typed: dict[str, str], saved: str) -> None:
    """Write the user's own support (in a worker thread on the app) and say so; a failure is
    said by the app, as every worker's is."""
    change_settings(journal, lambda now: replace(now, my_support={**now.my_support, **typed}))
    if saved:
        app.call_from_thread(app.notify, saved)
