"""The passphrase, on the settings screen: whether the journal is encrypted, and the buttons to
set a passphrase (a plain journal), or change it, make a new recovery key or remove it (an
encrypted one).

It shows what it is given (``show``) and says which was pressed (``PassphraseAsked``); the
screen opens the dialog (``screens/passphrase.py``), so this widget knows nothing of the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal as Choice

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button

from coach.content import Catalog
from coach.tui.widgets.literal import Literal

Action = Choice["set", "change", "remove", "recovery"]  # what can be done to the passphrase
# Each button's id, the content's word for it, the action it asks for, and whether it is for
# an encrypted journal (else a plain one).
BUTTONS: tuple[tuple[str, str, Action, bool], ...] = (
    ("passphrase-set", "passphrase.set", "set", False),
    ("passphrase-change", "passphrase.change", "change", True),
    ("passphrase-new-recovery", "passphrase.new_recovery", "recovery", True),
    ("passphrase-remove", "passphrase.remove", "remove", True),
)


@dataclass
class PassphraseAsked(Message):
    """The user asked to ``action`` the passphrase (``set``, ``change``, ``recovery``,
    ``remove``)."""

    action: Action


class PassphraseSettings(Vertical):
    """A question, a line saying whether the journal is encrypted, and its buttons."""

    DEFAULT_CSS = """
    PassphraseSettings { height: auto; }
    PassphraseSettings Horizontal { height: auto; }
    PassphraseSettings Button { margin-right: 2; }
    """

    def __init__(self, catalog: Catalog, *, encrypted: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self._encrypted = encrypted

    def compose(self) -> ComposeResult:
        words = self.catalog.prompt
        yield Literal(words("passphrase.heading"), classes="question")
        yield Literal("", id="passphrase-now", classes="settings-now")
        with Horizontal(id="passphrase-buttons"):
            for id, word, _action, _encrypted in BUTTONS:
                yield Button(Content(words(word)), id=id, compact=True, classes="small-button")

    def on_mount(self) -> None:
        self.show(encrypted=self._encrypted)

    def show(self, *, encrypted: bool) -> None:
        """Say whether the journal is encrypted; offer only the buttons that fit."""
        self._encrypted = encrypted
        said = "passphrase.encrypted" if encrypted else "passphrase.plain"
        self.query_one("#passphrase-now", Literal).update(self.catalog.prompt(said))
        for id, _word, _action, for_encrypted in BUTTONS:
            self.query_one(f"#{id}", Button).display = for_encrypted == encrypted

    @on(Button.Pressed, "#passphrase-buttons Button")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = next(action for id, _w, action, _e in BUTTONS if id == event.button.id)
        self.post_message(PassphraseAsked(action))
