"""What screens ask of the app: messages up, never calls into it (attributes down, messages up).

The app owns the reflection in progress (``coach.session``) and decides what each request
leads to; a screen only says what the user did.
"""

from __future__ import annotations

from textual.message import Message

from coach.journal import Journal
from coach.model import Kind, Reflection


class Begin(Message, namespace="flow"):
    """The user wants to start a reflection or a quick check-in."""

    def __init__(self, kind: Kind) -> None:
        super().__init__()
        self.kind = kind


class FollowUpNow(Message, namespace="flow"):
    """The user wants to say how the plans waiting went, straight from home."""


class EditEntry(Message, namespace="flow"):
    """The user wants to change a saved reflection."""

    def __init__(self, reflection: Reflection) -> None:
        super().__init__()
        self.reflection = reflection


class StepForward(Message, namespace="flow"):
    """The user is done with this step: on to the next."""


class SaveNow(Message, namespace="flow"):
    """Save the reflection from whichever step the user is on (ctrl+s): the steps after it are
    shown on the way to the summary, which saves."""


class StepBack(Message, namespace="flow"):
    """Back one step (home from the first), everything entered kept."""


class Saved(Message, namespace="flow"):
    """The reflection (or check-in) in progress has been saved."""

    def __init__(self, reflection: Reflection) -> None:
        super().__init__()
        self.reflection = reflection


class GoHome(Message, namespace="flow"):
    """The steps are done: home, refreshed, or back to where an edit was begun
    (``ReflectionSession.ends_where_begun``)."""


class EntryChanged(Message, namespace="flow"):
    """A saved entry changed (an edit was saved): a screen showing it shows it as it is now.

    The app posts it to every open screen, so history and the entry under the steps are
    up to date by the time the user is back on them.
    """

    def __init__(self, reflection: Reflection) -> None:
        super().__init__()
        self.reflection = reflection


class ReadAhead(Message, namespace="journal"):
    """A screen found the journal not yet held in memory whole (a year changed since the app
    read it ahead, say): read it in again, in the background, so the next read is quick."""


class Unlocked(Message, namespace="journal"):
    """The encrypted journal was opened with its passphrase: the app can use it now."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal


class Resealing(Message, namespace="journal"):
    """A passphrase is being set or removed: the journal's files are about to be rewritten
    under a new sealing, so the app holds its draft until ``Resealed``."""


class Resealed(Message, namespace="journal"):
    """The passphrase was set or removed (``journal``: the journal opened again under its new
    sealing, which the app uses from now on), or that failed (None: carry on as before)."""

    def __init__(self, journal: Journal | None) -> None:
        super().__init__()
        self.journal = journal
