"""What every screen may know of the app, and the one way a background job's failure is shown.

Screens import this module, never ``coach.tui.app``: the app imports the screens, so the
screens importing the app would be a circle. ``CoachAppBase`` declares what screens read
(the journal, the content, the clock); screens send what they want done up as messages.

Work that touches the journal runs in thread workers declared with ``in_background``: they
never exit the app on an error. A worker that raises is reported here, once, as one plain line
("Not saved: ..."), whatever screen started it: ``Worker.StateChanged`` goes to the node that
ran the worker and does not bubble, so the app and every screen share ``ReportsFailures``. A
screen that must also undo something on failure (a save button to enable again) overrides
``worker_failed`` and calls ``super()``.

Textual's own class comes first in each base: a screen's CSS type names (``Screen.-narrow``,
``ModalScreen``'s centring and dimming) follow its first base (``ArrivesSized`` is a
``Screen``, so a full screen's chain still reaches it).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, ClassVar, TypeVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.types import NoActiveAppError
from textual.worker import Worker, WorkerState

from coach.content import Catalog
from coach.journal import Journal, JournalError
from coach.shape import Record
from coach.tui.widgets.footer import CoachFooter

R = TypeVar("R")

# The writing and the tools' own CSS (home's, the pages' and what every screen shares are the
# app's ``coach.tcss`` and ``history.tcss``): Textual reads a screen's when it first opens, so
# start-up reads none of it. (Read ahead once home had settled, it was read as history's first
# page was drawn, if opened then: 30-50 ms later at 120x40, by ``bench_history.py``.)
SCREENS_CSS: list[str | PurePath] = [Path(__file__).absolute().with_name("screens.tcss")]
CSSPaths = str | PurePath | list[str | PurePath] | None  # Textual's type for CSS_PATH

# Failures the user can act on (the message says what and where); anything else is a fault in
# the coach, said as plainly, never a crash: what they were writing is kept as a draft.
EXPECTED = (JournalError, OSError)


def in_background(
    description: str, *, group: str | None = None, exclusive: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Worker[Any]]]:
    """A thread worker for journal work, whose failure is reported as ``description: problem``.

    ``description`` says what did not happen ("Not saved", "History could not be read").
    """
    return work(
        thread=True,
        exit_on_error=False,
        exclusive=exclusive,
        group=group or description,
        description=description,
    )


def read_in_place(read: Callable[[], R]) -> R | None:
    """``read()`` here and now, on the app's own thread, or None if it raised.

    For a read known to be quick (a few milliseconds: home's first summary, a page of a
    journal held in memory), so what it shows is in the screen's next frame, with no worker's
    thread to start and wait for. On None the caller starts its worker instead, which meets the
    trouble again and reports it the one way every failed read is reported.
    """
    try:
        return read()
    except Exception:  # reported by the worker that reads again
        return None


def failure_message(worker: Worker[Any]) -> str:
    """One line for a worker that raised: what did not happen, and why."""
    error = worker.error
    what = worker.description or "That did not work"
    if isinstance(error, EXPECTED):
        return f"{what}: {error}"
    return (
        f"{what}: something went wrong in the coach ({type(error).__name__}: {error}); "
        "what you were writing is kept"
    )


class ReportsFailures(DOMNode):
    """Says, once and plainly, what a worker this node started failed to do."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker ended in an error: report it (and let the node undo what it must)."""
        if event.state is WorkerState.ERROR:
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Show the failure; override to undo something too, then call ``super()``."""
        self.app.notify(failure_message(worker), severity="error", timeout=15)


class CoachAppBase(App[None], ReportsFailures):
    """What screens read of the app: the journal, the content and the clock."""

    catalog: Catalog
    clock: Callable[[], dt.datetime]

    @property
    def journal(self) -> Journal:
        """The journal open now (``JournalLocked`` while an encrypted one is locked)."""
        raise NotImplementedError

    @property
    def unlocked(self) -> bool:
        """Whether the journal is open (an encrypted one is not until its passphrase is given)."""
        return True

    def today(self) -> dt.date:
        """Today's date by the app's clock."""
        return self.clock().date()

    @in_background("Not noted in the journal", group="records")
    def keep_record(self, record: Record) -> None:
        """Save a record (a break, a closing) in the background, on the app: it finishes,
        and a failure is said, even once the screen that asked has closed. A journal that
        can only be read keeps nothing, as home has said."""
        if self.journal.read_only is None:
            self.journal.save_record(record)


class ArrivesSized(Screen[R]):
    """A screen that arrives sized and styled once: made with its breakpoint classes
    (``-narrow``, ``-tall``: the app's) already set for the app's size, rather than set by
    Textual on its first resize, and not restyled whole when first shown (below).

    Textual sets them once a screen has been laid out, and the change restyles every widget
    and lays the screen out again before its first settled frame: ~5 ms of home's start-up at
    80x24 (``benchmarks/bench_startup.py``). Set as the screen is made, before it is first
    styled, Textual's own finds nothing to change; should the app be resized before the screen
    is shown, Textual's sets them right as ever.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            size = self.app.size
        except NoActiveAppError:  # made outside a running app: Textual's resize sets them
            return
        self.add_class(*breakpoint_classes(self, size), update=False)

    shown_before = False
    """Whether the screen has been shown: a subclass's own ``on_screen_resume`` runs before
    this class's handler, so it reads False on the screen's first showing."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, a screen is not restyled whole: each of its widgets was
        styled as it was mounted, moments before, with the screen's classes set (above). (Run
        before Textual's own handler, which restyles every widget on every resume: ~6 ms of
        home's start-up, ``benchmarks/bench_startup.py``.) A focus, a class or a stylesheet
        that changes later restyles what it touches, as ever; a screen shown again is
        restyled as Textual decides."""
        if not self.shown_before:
            self.shown_before = True
            event.refresh_styles = False


def breakpoint_classes(screen: Screen[Any], size: Size) -> set[str]:
    """The breakpoint classes Textual gives ``screen`` at ``size``, by its own rule for each
    axis (``Screen._get_breakpoint_classes``), from the screen's breakpoints, else the app's."""
    app = screen.app
    chosen: set[str] = set()
    for dimension, own, apps in (
        (size.width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
        (size.height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
    ):
        chosen |= screen._get_breakpoint_classes(dimension, (apps if own is None else own) or [])
    return chosen


class CoachScreen(ArrivesSized[R], ReportsFailures):
    """A full screen of the coach."""

    app: CoachAppBase
    CSS_PATH: ClassVar[CSSPaths] = SCREENS_CSS

    @on(events.DescendantFocus)
    def _carry_on_writing(self, event: events.DescendantFocus) -> None:
        """A box of writing tabbed into puts the cursor after what is there, to carry on
        writing, not at its start (Textual's place for it), where typing would go in first."""
        box = event.widget
        # A TextArea can only exist once its module is imported: looked up, not imported here,
        # so that home (which has none) does not load TextArea and its documents at start-up.
        text_area = sys.modules.get("textual.widgets._text_area")
        if text_area is None or not isinstance(box, text_area.TextArea):
            return
        if box.text and box.cursor_location == (0, 0):
            box.move_cursor(box.document.end)

    def key_for(self, action: str) -> str:
        """The key that runs ``action`` on this screen, as the user has it (a keymap may move
        it), for words that name it."""
        # This screen's own keys, not only those active now (a box being typed in takes the
        # letters for itself, but the words are read once the user leaves it), moved as the
        # keymap moves them, as ``active_bindings`` does.
        own = self._bindings.copy()
        own.apply_keymap(self.app._keymap)
        for key, bindings in own.key_to_bindings.items():
            if any(binding.action == action for binding in bindings):
                return self.app.get_key_display(Binding(key, ""))
        return ""

    @property
    def HELP(self) -> str:  # type: ignore[override]  # Textual's name: F1 shows it
        """Help on every screen opens with where to turn if a patient is at risk: the
        journal is not the place to put it (the words are the content's)."""
        return self.app.catalog.support_text.get("patient_risk", "")


class CoachModal(ModalScreen[R], ArrivesSized[R], ReportsFailures):
    """A dialog of the coach, with a footer of its own keys.

    Without one, the footer of the screen beneath shows through, listing keys the dialog does
    not answer to; each dialog's footer lists what it does (and F1, F2), compact, so that F2
    stays in sight at 80 columns.
    """

    app: CoachAppBase
    CSS_PATH: ClassVar[CSSPaths] = SCREENS_CSS

    # A dialog's keys stop at the dialog: the app's are not listed in its footer, though F2
    # (a priority binding of the app's, under the same id so a remapped key moves both) still
    # answers. Listed here so that support now is in sight in every dialog too.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "app.support", "Support now", id="support"),
    ]

    @on(events.Mount)
    def _add_footer(self) -> None:
        if not self.query(CoachFooter):
            self.mount(CoachFooter(compact=True))
