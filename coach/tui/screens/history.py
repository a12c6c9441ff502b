"""History: every past reflection and finished self-practice record, newest first, a page at
a time; search and filters.

The table never holds the whole journal: the first page of ``PAGE_SIZE`` rows is read in a
thread worker, and the next page only when the cursor or the scroll nears the end, so history
opens as fast in year ten as in week one. Search (``Journal.search``) and the filters
(``coach.history_filter``) run in a worker too, a moment after the last key. Once the journal
is held in memory whole (the app reads it ahead after start-up), a first page costs a few
milliseconds and is read in place instead, drawn in the same frame as the screen or the key.
Every read is one exclusive group: a newer query cancels an older one still running, and a
cancelled read's rows are never shown (nor, once history is closed, anyone's). The date boxes
check what is typed with a Textual validator, so a date that is not one is marked and said,
and narrows nothing. Practice records are merged in a year at a time as the walk reaches it
(``coach.practice_history``); one opens read-only, and ``c`` writes either kind up for CPD.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select
from textual.worker import Worker, get_current_worker

from coach.history_filter import HistoryFilter, parse_bound
from coach.model import Kind, Reflection
from coach.practice import Practice
from coach.practice_history import PRACTICE_KIND, Row, history_rows
from coach.tui.base import in_background, read_in_place
from coach.tui.messages import EditEntry, EntryChanged, ReadAhead
from coach.tui.screens.cpd import CpdScreen
from coach.tui.screens.entry_detail import DELETED, EntryDetailScreen
from coach.tui.screens.history_boxes import DateBound, filter_selects
from coach.tui.screens.history_rows import (
    column_widths,
    count_line,
    nothing_shown,
    row_cells,
)
from coach.tui.screens.page import PageScreen, page_keys
from coach.tui.screens.practice_detail import PracticeDetailScreen
from coach.tui.widgets.footer import TIGHT_WIDTH, CoachFooter
from coach.tui.widgets.literal import Literal

PAGE_SIZE = 50
MORE_WHEN_WITHIN = 15  # rows from the end at which the next page is read
SEARCH_DELAY = 0.2  # seconds after the last key before a search runs
READS = "history-read"  # the one worker group of every read: a new query cancels the rest
NOT_READ = "History could not be read"


class HistoryScreen(PageScreen[None]):
    """Past reflections, newest first; ``/`` searches, the row of filters narrows."""

    AUTO_FOCUS = "#history-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        *page_keys(
            "history",
            ("enter", "open", "Open"),
            ("slash", "search", "Search"),
            ("f", "filters", "Filters"),
            ("x", "clear", "Clear"),
            ("c", "cpd", "CPD"),
        ),
        # Not in the footer (no room at 80 columns beside F2): F1 lists it, as the entry's own.
        Binding("e", "edit", "Edit", id="history.edit", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._source: Iterator[Row] | None = None
        self._exhausted = True
        self._loading = False
        self._shown: dict[str, Row] = {}
        self._filter = HistoryFilter()
        self._timer: Timer | None = None
        self._widths = column_widths(80)
        self._bound_problem = ""

    def compose(self) -> ComposeResult:
        """Search and dates, the filters, the table, a line of status."""
        yield Header()
        with Horizontal(id="history-search-row", classes="filter-row"):
            yield Input(placeholder="Search (/)", id="history-search", compact=True)
            for name, end in (("since", False), ("until", True)):
                yield Input(
                    placeholder="to YYYY-MM-DD" if end else "from YYYY-MM-DD",
                    id=f"history-{name}",
                    compact=True,
                    validators=[DateBound(end=end)],
                    valid_empty=True,
                )
        # The filters are mounted once the first page is drawn: the rows come first.
        yield Horizontal(id="history-filters", classes="filter-row")
        yield DataTable[Content](id="history-table", cursor_type="row", zebra_stripes=True)
        yield Literal("", id="history-none")  # "Nothing matches", shown instead of no rows
        yield Literal("Reading your journal…", id="history-status")
        yield CoachFooter(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        """Under ``TIGHT_WIDTH`` columns the search, the dates and the filters take two lines
        each (``history.tcss``), so no box or drop-down cuts its words short."""
        self.set_class(event.size.width < TIGHT_WIDTH, "-tight")

    def _mount_filters(self) -> None:
        row = self.query_one("#history-filters", Horizontal)
        if not row.children:
            row.mount_all(filter_selects(self.app.catalog))

    def on_mount(self) -> None:
        """Lay out the columns for this width, then read the first page (in place when the
        journal is held in memory whole, else in the background)."""
        table = self.query_one("#history-table", DataTable)
        self._widths = column_widths(self.app.size.width)
        headings = ("Date", "Kind", "Strain", "Align", "Challenge", "Actions")
        for heading, (key, width) in zip(headings, self._widths.items(), strict=True):
            table.add_column(heading, width=width, key=key)
        self.watch(table, "scroll_y", self._scrolled, init=False)
        self._query()

    # --- reading pages -------------------------------------------------------------------

    def _query(self) -> None:
        """Start reading the first page for the current search and filters.

        The older query's pages are let go at once, so no scroll can ask for more of them.
        """
        self._timer = None
        self._filter = self._current_filter()
        self._source = None
        if not self._read_in_place(self._filter):
            self._read_first_page(self._filter)

    def _read_in_place(self, history_filter: HistoryFilter) -> bool:
        """Read the first page here and now if the journal is held in memory whole
        (``Journal.is_warm``: a few milliseconds even at twenty years, less than a worker's
        thread takes to start and hand back), so its rows are drawn in the same frame.
        False leaves it to the worker: a journal not yet read ahead, or any trouble here."""

        def first_page() -> tuple[Iterator[Row], list[Row]] | None:
            journal = self.app.journal
            if not journal.is_warm():
                return None
            source = history_rows(journal, history_filter)
            return source, list(islice(source, PAGE_SIZE))

        read = read_in_place(first_page)
        if read is None:
            return False
        self.workers.cancel_group(self, READS)  # an older read's rows are never shown
        self._show_page(None, *read, first=True)
        return True

    @in_background(NOT_READ, group=READS, exclusive=True)
    def _read_first_page(self, history_filter: HistoryFilter) -> None:
        source = history_rows(self.app.journal, history_filter)
        self._hand_over(source, list(islice(source, PAGE_SIZE)), first=True)

    @in_background(NOT_READ, group=READS)
    def _read_next_page(self, source: Iterator[Row]) -> None:
        self._hand_over(source, list(islice(source, PAGE_SIZE)), first=False)

    def _hand_over(self, source: Iterator[Row], rows: list[Row], first: bool) -> None:
        """From a read's thread: give its rows to the screen, unless a newer query has
        cancelled it (or history was closed) meanwhile."""
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_page, worker, source, rows, first)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The notice says why; the status line says the rows stop here."""
        self._loading = False
        if self in self.app.screen_stack:
            self.query_one("#history-status", Literal).update("The journal could not be read.")
        super().worker_failed(worker)

    def _show_page(
        self,
        worker: Worker[Any] | None,
        source: Iterator[Row],
        rows: list[Row],
        first: bool,
    ) -> None:
        # Checked again here, on the UI thread where queries start: a newer query may have
        # cancelled this read since its thread looked. A closed history leaves the stack first.
        if (worker is not None and worker.is_cancelled) or self not in self.app.screen_stack:
            return
        table = self.query_one("#history-table", DataTable)
        if first:
            table.clear()
            self._shown.clear()
        self._source = source
        self._loading = False
        self._exhausted = len(rows) < PAGE_SIZE
        for reflection in rows:
            if reflection.id not in self._shown:
                self._shown[reflection.id] = reflection
                row = row_cells(reflection, self._widths, self.app.catalog, self._filter.text)
                table.add_row(*row, key=reflection.id)
        self._show_status()
        if first:
            self.call_after_refresh(self._mount_filters)
        if first and worker is not None:  # not held whole: read ahead, once these rows are up
            self.call_after_refresh(self.post_message, ReadAhead())

    def _show_status(self) -> None:
        """The count in the status line; with nothing to show, words where the rows would be
        (``nothing_shown``) rather than an empty table. The table stays, its headings only,
        so it keeps the focus and its keys (x clears)."""
        count = len(self._shown)
        none = nothing_shown(self._filter, self.app.catalog, self.key_for("clear"))
        self.query_one("#history-table", DataTable).set_class(count == 0, "-none")
        empty = self.query_one("#history-none", Literal)
        empty.update(none if count == 0 else "")
        empty.display = count == 0
        status = self._bound_problem or count_line(self._shown.values(), self._exhausted)
        # One line of fixed height: no new layout needed, so the rest of the screen is not redrawn.
        self.query_one("#history-status", Literal).update(status, layout=False)

    def _load_more(self) -> None:
        if self._loading or self._exhausted or self._source is None:
            return
        self._loading = True
        self._read_next_page(self._source)

    def _scrolled(self, _scroll_y: float) -> None:
        table = self.query_one("#history-table", DataTable)
        if table.max_scroll_y - table.scroll_y <= MORE_WHEN_WITHIN:
            self._load_more()

    @on(DataTable.RowHighlighted, "#history-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - MORE_WHEN_WITHIN:
            self._load_more()

    # --- search and filters --------------------------------------------------------------

    def _current_filter(self) -> HistoryFilter:
        problems: list[str] = []
        bounds: list[dt.date | None] = []
        for selector, end in (("#history-since", False), ("#history-until", True)):
            field = self.query_one(selector, Input)
            # The box knows whether its value is valid, not why: the validator's words, again.
            checked = field.validate(field.value)
            if checked is None or checked.is_valid:
                bounds.append(parse_bound(field.value, end=end))
            else:  # marked invalid by Textual; said in the status line, and narrows nothing
                bounds.append(None)
                problems.extend(checked.failure_descriptions)
        self._bound_problem = "; ".join(problems)

        def chosen(selector: str) -> str | None:
            found = [select.value for select in self.query(selector).results(Select)]
            return found[0] if found and isinstance(found[0], str) else None

        kind = chosen("#filter-kind")
        practice_only = kind == PRACTICE_KIND
        kind = None if practice_only else kind
        return HistoryFilter(
            text=self.query_one("#history-search", Input).value,
            since=bounds[0],
            until=bounds[1],
            challenge=chosen("#filter-challenge"),
            value=chosen("#filter-value"),
            action=chosen("#filter-action"),
            kind=Kind(kind) if kind else None,
            practice_only=practice_only,
        )

    @on(Input.Changed)
    def _typed(self) -> None:
        """Search as the user types: a moment after the last key."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self._query)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter in a search box: run it now and go to the results."""
        if self._timer is not None:
            self._timer.stop()
        self._query()
        self.query_one("#history-table", DataTable).focus()

    @on(Select.Changed)
    def _chose(self) -> None:
        self._query()

    # --- actions -------------------------------------------------------------------------

    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#history-search", Input).focus()

    def action_back(self) -> None:
        """Escape in the search box clears the search (then, empty, goes to the results), as a
        search box does; anywhere else, back to where the user was."""
        search = self.query_one("#history-search", Input)
        if not search.has_focus:
            super().action_back()
        elif search.value:
            search.value = ""  # the search runs again, for everything, as when typed away
        else:
            self.query_one("#history-table", DataTable).focus()

    def action_filters(self) -> None:
        """Go to the first filter."""
        for select in self.query("#filter-challenge").results(Select):
            select.focus()

    def action_clear(self) -> None:
        """Clear the search, the dates and every filter."""
        with self.prevent(Input.Changed, Select.Changed):
            for field in self.query(Input):
                field.value = ""
            for select in self.query(Select):
                select.clear()
        self._query()

    def action_open(self) -> None:
        """Open the highlighted reflection."""
        table = self.query_one("#history-table", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._open(str(key.value))

    def action_cpd(self) -> None:
        """Write the highlighted entry up for CPD (or read and change its write-up)."""
        reflection = self._highlighted_row()
        if isinstance(reflection, Reflection) and reflection.imported is not None:
            self.notify(self.app.catalog.prompt("imported.no_cpd"))
        elif reflection is not None:
            self.app.push_screen(CpdScreen(reflection), self._show_changed)

    def _highlighted_row(self) -> Row | None:
        """The entry under the cursor, if there is one."""
        table = self.query_one("#history-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self._shown.get(str(key.value))

    def action_edit(self) -> None:
        """Change the highlighted reflection in the steps (saving there comes back here). A
        practice record is read-only and an imported note is kept as it came."""
        row = self._highlighted_row()
        if isinstance(row, Reflection) and row.imported is not None:
            self.notify(self.app.catalog.prompt("imported.not_edited"))
        elif isinstance(row, Reflection):
            self.post_message(EditEntry(row))

    def on_flow_entry_changed(self, message: EntryChanged) -> None:
        """An entry was edited and saved: its row shows it as it is now."""
        self._show_changed(message.reflection)

    def _show_changed(self, reflection: Row | None) -> None:
        """A reflection changed elsewhere (edited, written up for CPD): its row shows it as
        it is now."""
        if reflection is None or reflection.id not in self._shown:
            return
        self._shown[reflection.id] = reflection
        table = self.query_one("#history-table", DataTable)
        cells = row_cells(reflection, self._widths, self.app.catalog, self._filter.text)
        for column, cell in zip(self._widths, cells, strict=True):
            table.update_cell(reflection.id, column, cell)

    @on(DataTable.RowSelected, "#history-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(str(event.row_key.value))

    def _open(self, reflection_id: str) -> None:
        reflection = self._shown.get(reflection_id)
        if isinstance(reflection, Practice):
            self._open_practice(reflection)
            return
        if reflection is None:
            return

        detail = EntryDetailScreen(reflection)

        def closed(result: str | None) -> None:
            if result == DELETED:
                self._shown.pop(reflection_id, None)
                self.query_one("#history-table", DataTable).remove_row(reflection_id)
                self._show_status()
            elif detail.reflection is not reflection:  # changed there (a CPD write-up)
                self._show_changed(detail.reflection)

        self.app.push_screen(detail, closed)

    def _open_practice(self, practice: Practice) -> None:
        """A practice record, read-only; its row follows a CPD write-up made there."""
        detail = PracticeDetailScreen(practice)

        def closed(_result: None) -> None:
            if detail.practice is not practice:
                self._show_changed(detail.practice)

        self.app.push_screen(detail, closed)
