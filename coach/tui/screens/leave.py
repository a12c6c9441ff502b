"""The leave planner: periods of leave, added, changed and removed in seconds.

The periods are read and written in thread workers (the journal's ``records``/``save_record``);
a period is checked by the model (a last day before the first is refused, and said in place).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.validation import Function
from textual.widgets import DataTable, Header, Input

from coach.dates import weekday_date
from coach.model import ModelError
from coach.text import visible
from coach.time_away import Leave
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.form import FormDialog
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal

READ = "leave-read"


def parse_day(text: str) -> dt.date | None:
    """A date typed as YYYY-MM-DD, or None."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


class LeaveScreen(CoachScreen[None]):
    """The periods of leave, soonest first; add, change or remove one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="leave.back"),
        Binding("a", "add", "Add", id="leave.add"),
        Binding("e", "edit", "Change", id="leave.edit"),
        Binding("d", "delete", "Remove", id="leave.delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.periods: list[Leave] = []

    def compose(self) -> ComposeResult:
        """The words, then the periods in a table."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="leave-body"):
            yield Literal(catalog.prompt("leave.title"), classes="step-title")
            yield Literal(catalog.prompt("leave.intro"), classes="step-intro")
            yield Literal("", id="leave-none")
            yield DataTable(id="leave-table", cursor_type="row", zebra_stripes=True)
        yield CoachFooter()

    def on_mount(self) -> None:
        """Read the periods."""
        table = self.query_one(DataTable)
        table.add_columns("From", "To", "Days", "Note")
        self._read()

    @in_background("Your leave could not be read", group=READ, exclusive=True)
    def _read(self) -> None:
        periods = self.app.journal.records(Leave)
        self.app.call_from_thread(self._show, periods)

    def _show(self, periods: list[Leave]) -> None:
        catalog = self.app.catalog
        self.periods = sorted(periods, key=lambda p: (p.start, p.end))
        table = self.query_one(DataTable)
        table.clear()
        for period in self.periods:
            days = (
                catalog.prompt("leave.one_day")
                if period.days == 1
                else catalog.prompt("leave.days", days=period.days)
            )
            table.add_row(
                weekday_date(period.start) + f" {period.start.year}",
                weekday_date(period.end) + f" {period.end.year}",
                days,
                # The user's words, never markup; a rich Text, since Textual 8.2's DataTable
                # sizes a column by a Text's width but not by a Content's.
                Text(visible(period.note)),
                key=period.id,
            )
        none = self.query_one("#leave-none", Literal)
        none.update("" if self.periods else catalog.prompt("leave.none"))
        none.display = not self.periods
        table.display = bool(self.periods)

    def _chosen(self) -> Leave | None:
        table = self.query_one(DataTable)
        if not self.periods or table.cursor_row < 0:
            return None
        return self.periods[min(table.cursor_row, len(self.periods) - 1)]

    def action_add(self) -> None:
        """A new period."""
        self.app.push_screen(LeaveForm(None), self._answered)

    def action_edit(self) -> None:
        """Change the period under the cursor."""
        chosen = self._chosen()
        if chosen is not None:
            self.app.push_screen(LeaveForm(chosen), self._answered)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _answered(self, period: Leave | None) -> None:
        if period is not None:
            self._keep(period)

    @in_background("That leave was not kept", group="leave-write")
    def _keep(self, period: Leave) -> None:
        self.app.journal.save_record(period)
        periods = self.app.journal.records(Leave)
        self.app.call_from_thread(self._show, periods)
        self.app.call_from_thread(self.notify, self.app.catalog.prompt("leave.saved"))

    def action_delete(self) -> None:
        """Ask, then remove the period under the cursor."""
        chosen = self._chosen()
        if chosen is None:
            return
        catalog = self.app.catalog
        question = catalog.prompt(
            "leave.delete_question", start=weekday_date(chosen.start), end=weekday_date(chosen.end)
        )
        asked = ConfirmScreen(
            question,
            confirm=catalog.prompt("leave.delete_confirm"),
            keep=catalog.prompt("leave.delete_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(chosen.id)

        self.app.push_screen(asked, answered)

    @in_background("That leave was not removed", group="leave-write")
    def _remove(self, leave_id: str) -> None:
        self.app.journal.delete_record(Leave, leave_id)
        periods = self.app.journal.records(Leave)
        self.app.call_from_thread(self._show, periods)


class LeaveForm(FormDialog[Leave]):
    """First day, last day and a note; dismisses the period, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="leave_form.cancel"),
        Binding("ctrl+s", "keep", "Keep it", id="leave_form.keep", priority=True),
    ]
    FORM = "leave"
    CANCEL = "leave.cancel"

    def __init__(self, period: Leave | None) -> None:
        super().__init__()
        self.period = period

    def compose(self) -> ComposeResult:
        """Three boxes, a line for what is wrong, two buttons."""
        catalog = self.app.catalog
        period = self.period
        title = "leave.edit_title" if period else "leave.add_title"
        is_day = Function(
            lambda text: parse_day(text) is not None, catalog.prompt("leave.not_a_date")
        )
        with Vertical(classes="dialog", id="leave-form"):
            yield Literal(catalog.prompt(title), classes="step-title")
            for part, example in (("start", "2026-12-21"), ("end", "2027-01-02")):
                yield Literal(catalog.prompt(f"leave.{part}"), classes="question")
                day: dt.date | None = getattr(period, part) if period else None
                yield Input(
                    day.isoformat() if day else "",
                    placeholder=example,
                    validators=[is_day],
                    compact=True,
                    id=f"leave-{part}",
                )
            yield Literal(catalog.prompt("leave.note"), classes="question")
            yield Input(period.note if period else "", compact=True, id="leave-note")
            yield from self.buttons("leave.save")

    def on_mount(self) -> None:
        """Ready to type the first day."""
        self.query_one("#leave-start", Input).focus()

    def action_keep(self) -> None:
        """Check what was typed; keep it, or say in place what is wrong."""
        catalog = self.app.catalog
        start = parse_day(self.query_one("#leave-start", Input).value)
        end = parse_day(self.query_one("#leave-end", Input).value)
        note = self.query_one("#leave-note", Input).value
        if start is None or end is None:
            self.say(catalog.prompt("leave.not_a_date"))
            return
        if end < start:
            self.say(catalog.prompt("leave.end_before_start"))
            return
        try:
            if self.period is None:
                period = Leave.new(start, end, note)
            else:
                period = Leave(id=self.period.id, start=start, end=end, note=note,
                               extra=self.period.extra)  # fmt: skip
        except ModelError as error:
            self.say(str(error))
            return
        self.dismiss(period)
