"""Supervision (Tools, then ``s``): the sessions I've had, newest first; log one, remove one,
or go on to prepare for the next (``p``).

Sessions are read and written in thread workers (the journal's ``records``/``save_record``);
a session's rules (a real date, 0 to ``LONGEST_SESSION_MINUTES`` minutes) are the model's, and
what is wrong is said in place in the form. ``supervision_lines`` words supervision a month
for insights.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Header, Input, Select

from coach.content import Catalog
from coach.dates import MONTHS, weekday_date
from coach.model import ModelError
from coach.supervision import LONGEST_SESSION_MINUTES, SupervisionSession
from coach.supervision_prep import SupervisionPace
from coach.text import visible
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.form import FormDialog
from coach.tui.screens.leave import parse_day
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.vocabulary import SupervisionType

READ = "supervision-read"
WRITE = "supervision-write"
RECENT = 20  # sessions listed, newest first
DEFAULT_MINUTES = 60


def type_words(kind: SupervisionType, catalog: Catalog) -> str:
    """What the content calls a type of supervision."""
    return catalog.prompt(f"supervision.type_{kind.value.replace('-', '_')}")


def supervision_lines(pace: SupervisionPace, catalog: Catalog) -> str:
    """Insights' lines: sessions a month, and the target when one is set (none by default)."""
    if not any(month.sessions for month in pace.months) and pace.target is None:
        return catalog.prompt("insights.supervision_none")
    months = ", ".join(f"{MONTHS[m.month.month - 1][:3]} {m.sessions}" for m in pace.months)
    lines = [catalog.prompt("insights.supervision_months", months=months)]
    if pace.target is not None:
        lines.append(catalog.prompt("insights.supervision_target", target=pace.target))
        if pace.below_target:
            lines.append(catalog.prompt("insights.supervision_short"))
    return "\n".join(lines)


class SupervisionScreen(CoachScreen[None]):
    """The sessions logged, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="supervision.back"),
        Binding("a", "add", "Log a session", id="supervision.add"),
        Binding("d", "delete", "Remove", id="supervision.delete"),
        Binding("p", "prepare", "Prepare", id="supervision.prepare"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SupervisionSession] = []

    def compose(self) -> ComposeResult:
        """The words, the sessions in a table, and the way on to preparing."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="supervision-body"):
            yield Literal(catalog.prompt("supervision.title"), classes="step-title")
            yield Literal(catalog.prompt("supervision.intro"), classes="step-intro")
            yield Literal("", id="supervision-none")
            yield DataTable(id="supervision-table", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="step-buttons"):
                label = Content(f"{catalog.prompt('supervision.prepare')}  (p)")
                yield Button(label, id="supervision-prepare", action="screen.prepare")
        yield CoachFooter(compact=True)  # room for f2 at 80 columns

    def on_mount(self) -> None:
        """Read the sessions."""
        catalog = self.app.catalog
        columns = ("col_date", "col_type", "col_length", "col_note")
        self.query_one(DataTable).add_columns(
            *(catalog.prompt(f"supervision.{c}") for c in columns)
        )
        self._read()

    @in_background("Your supervision log could not be read", group=READ, exclusive=True)
    def _read(self) -> None:
        sessions = self.app.journal.records(SupervisionSession)
        self.app.call_from_thread(self._show, sessions)

    def _show(self, sessions: list[SupervisionSession]) -> None:
        catalog = self.app.catalog
        newest = sorted(sessions, key=lambda s: (s.date, s.id), reverse=True)
        self.sessions = newest[:RECENT]
        table = self.query_one(DataTable)
        table.clear()
        for session in self.sessions:
            table.add_row(
                weekday_date(session.date) + f" {session.date.year}",
                type_words(session.type, catalog),
                catalog.prompt("supervision.minutes_shown", minutes=session.minutes),
                Text(visible(session.note)),  # the user's words, never markup
                key=session.id,
            )
        none = self.query_one("#supervision-none", Literal)
        none.update("" if self.sessions else catalog.prompt("supervision.none"))
        none.display = not self.sessions
        table.display = bool(self.sessions)

    def action_add(self) -> None:
        """Log a session."""
        self.app.push_screen(SessionForm(self.app.today()), self._answered)

    def _answered(self, session: SupervisionSession | None) -> None:
        if session is not None:
            self._keep(session)

    @in_background("That session was not logged", group=WRITE)
    def _keep(self, session: SupervisionSession) -> None:
        self.app.journal.save_record(session)
        sessions = self.app.journal.records(SupervisionSession)
        self.app.call_from_thread(self._show, sessions)
        self.app.call_from_thread(self.notify, self.app.catalog.prompt("supervision.saved"))

    def action_delete(self) -> None:
        """Ask, then remove the session under the cursor."""
        table = self.query_one(DataTable)
        if not self.sessions or table.cursor_row < 0:
            return
        chosen = self.sessions[min(table.cursor_row, len(self.sessions) - 1)]
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("supervision.delete_question", date=weekday_date(chosen.date)),
            confirm=catalog.prompt("supervision.delete_confirm"),
            keep=catalog.prompt("supervision.delete_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(chosen.id)

        self.app.push_screen(asked, answered)

    @in_background("That session was not removed", group=WRITE)
    def _remove(self, session_id: str) -> None:
        self.app.journal.delete_record(SupervisionSession, session_id)
        sessions = self.app.journal.records(SupervisionSession)
        self.app.call_from_thread(self._show, sessions)

    def action_prepare(self) -> None:
        """Prepare for the next session."""
        from coach.tui.screens.supervision_prep import SupervisionPrepScreen

        self.app.push_screen(SupervisionPrepScreen())


class SessionForm(FormDialog[SupervisionSession]):
    """Date, type, length and a note; dismisses the session, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="session_form.cancel"),
        Binding("ctrl+s", "keep", "Keep it", id="session_form.keep", priority=True),
    ]
    FORM = "session"
    CANCEL = "supervision.cancel"

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        """The boxes, a line for what is wrong, two buttons."""
        catalog = self.app.catalog
        with Vertical(classes="dialog", id="session-form"):
            yield Literal(catalog.prompt("supervision.log_title"), classes="step-title")
            yield Literal(catalog.prompt("supervision.date"), classes="question")
            yield Input(self.today.isoformat(), compact=True, id="session-date")
            yield Literal(catalog.prompt("supervision.type"), classes="question")
            yield Select[SupervisionType](
                ((Content(type_words(kind, catalog)), kind) for kind in SupervisionType),
                value=SupervisionType.CASE_MANAGEMENT,
                allow_blank=False,
                compact=True,
                id="session-type",
            )
            yield Literal(catalog.prompt("supervision.minutes"), classes="question")
            yield Input(str(DEFAULT_MINUTES), compact=True, id="session-minutes")
            yield Literal(catalog.prompt("supervision.note"), classes="question")
            yield Input("", compact=True, id="session-note")
            yield from self.buttons("supervision.save")

    def on_mount(self) -> None:
        """Ready to change the date (today is already there)."""
        self.query_one("#session-date", Input).focus()

    def action_keep(self) -> None:
        """Check what was typed; keep it, or say in place what is wrong."""
        catalog = self.app.catalog
        day = parse_day(self.query_one("#session-date", Input).value)
        if day is None:
            self.say(catalog.prompt("supervision.not_a_date"))
            return
        typed = self.query_one("#session-minutes", Input).value.strip()
        if not typed.isdecimal() or not 0 <= int(typed) <= LONGEST_SESSION_MINUTES:
            self.say(catalog.prompt("supervision.not_minutes", longest=LONGEST_SESSION_MINUTES))
            return
        kind = self.query_one("#session-type", Select).value
        if not isinstance(kind, SupervisionType):  # never blank (allow_blank=False)
            return
        note = self.query_one("#session-note", Input).value
        try:
            session = SupervisionSession.new(day, kind, int(typed), note)
        except ModelError as error:
            self.say(str(error))
            return
        self.dismiss(session)
