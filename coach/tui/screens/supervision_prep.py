"""Prepare for supervision (``p`` on the supervision log): choose a period, tick what to bring,
say it in my own words, save it as an agenda, and save that as a Markdown file.

The period starts, by default, on the day of the last session logged, else four weeks back
(``coach.supervision_prep``). Its themes, its entries and the entries' own notes are offered
with ticks, none ticked: nothing leaves the journal unless ticked. Saving keeps an ``Agenda``
(saving again while here updates the same one). What is ticked is checked for what looks
patient-identifiable as it changes, and each finding is shown by kind and place, never by the
text found; saving as Markdown asks first when something was found. Leaving with ticks or
words not saved asks first too. Reads and writes run in thread workers.
"""

from __future__ import annotations

import datetime as dt
from itertools import takewhile
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, OptionList, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from coach.dates import weekday_date
from coach.exports.shared import Shared
from coach.exports.supervision import supervision_markdown, theme_line
from coach.identifiers import findings
from coach.journal.outside import documents_folder
from coach.model import Reflection, new_id
from coach.supervision import Agenda, SupervisionSession
from coach.supervision_prep import Theme, default_since, in_period, themes
from coach.text import visible
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.leave import parse_day
from coach.tui.screens.save_file import SaveFileScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.ticks import TickList

READ = "prep-read"
SAVE = "prep-save"
PREVIEW = 60  # characters of an entry's text shown beside its tick
LISTS = ("themes", "reflections", "notes")
Choices = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]  # ticks, my own words


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


def agenda_path(folder: Path, until: dt.date) -> Path:
    """A file name in ``folder`` not taken yet: ``supervision-DATE.md``."""
    stem = f"supervision-{until.isoformat()}"
    candidate, number = folder / f"{stem}.md", 2
    while candidate.exists() or candidate.is_symlink():
        candidate, number = folder / f"{stem}-{number}.md", number + 1
    return candidate


class SupervisionPrepScreen(CoachScreen[None]):
    """A period, its themes and entries with ticks, my own words, and the agenda saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="prep.back"),
        Binding("ctrl+s", "save", "Save", id="prep.save", priority=True),
        Binding("ctrl+o", "markdown", "Markdown", id="prep.markdown", priority=True),
    ]

    def __init__(self, *, export_folder: Path | None = None) -> None:
        """``export_folder``: where the Markdown file is offered (default: Documents, or home)."""
        super().__init__()
        self.export_folder = export_folder
        self.since: dt.date | None = None
        self.until: dt.date | None = None
        self.period: list[Reflection] = []
        self.themes: list[Theme] = []
        self.agenda_id: str | None = None  # once saved: saving again updates this agenda
        self.created: dt.datetime | None = None
        self.saved_choices: Choices = ((), (), (), "")

    def compose(self) -> ComposeResult:
        """The period, the three lists of ticks, my own words, the findings, the buttons."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="prep-body"):
            yield Literal(catalog.prompt("supervision_prep.title"), classes="step-title")
            yield Literal(catalog.prompt("supervision_prep.intro"), classes="step-intro")
            with Horizontal(id="prep-period"):
                for part in ("since", "until"):
                    yield Literal(catalog.prompt(f"supervision_prep.{part}"), classes="question")
                    yield Input(placeholder="YYYY-MM-DD", compact=True, id=f"prep-{part}")
                show = Content(catalog.prompt("supervision_prep.show"))
                yield Button(show, id="prep-show", compact=True)
            yield Literal("", id="prep-problem")
            yield Literal(catalog.prompt("supervision_prep.themes"), classes="question")
            yield Literal(catalog.prompt("supervision_prep.no_themes"), id="prep-no-themes")
            yield TickList(id="prep-themes", classes="prep-list")
            yield Literal(catalog.prompt("supervision_prep.reflections"), classes="question")
            yield Literal(catalog.prompt("supervision_prep.none"), id="prep-none")
            yield TickList(id="prep-reflections", classes="prep-list")
            yield Literal(catalog.prompt("supervision_prep.notes"), classes="question")
            yield TickList(id="prep-notes", classes="prep-list")
            yield Literal(catalog.prompt("supervision_prep.bring"), classes="question")
            yield TextArea(id="prep-bring")
            yield Literal("", id="prep-findings")
            with Horizontal(classes="step-buttons"):
                save = Content(f"{catalog.prompt('supervision_prep.save')}  (ctrl+s)")
                yield Button(save, id="prep-save", variant="primary", action="screen.save")
                markdown = Content(f"{catalog.prompt('supervision_prep.markdown')}  (ctrl+o)")
                yield Button(markdown, id="prep-markdown", action="screen.markdown")
        yield CoachFooter()

    def on_mount(self) -> None:
        """Work out the default period and read it."""
        self.query_one("#prep-findings", Literal).display = False
        self._read(None, None)

    # --- the period ------------------------------------------------------------------------

    @in_background("The journal could not be read", group=READ, exclusive=True)
    def _read(self, since: dt.date | None, until: dt.date | None) -> None:
        journal = self.app.journal
        today = self.app.today()
        if since is None or until is None:
            since, until = default_since(journal.records(SupervisionSession), today), today
        start = since
        newest_first = journal.iter_newest_first()
        period = in_period(takewhile(lambda r: r.date >= start, newest_first), since, until)
        self.app.call_from_thread(self._show_period, since, until, period)

    @on(Button.Pressed, "#prep-show")
    @on(Input.Submitted, "#prep-since, #prep-until")
    def _period_chosen(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        since = parse_day(self.query_one("#prep-since", Input).value)
        until = parse_day(self.query_one("#prep-until", Input).value)
        problem = self.query_one("#prep-problem", Literal)
        if since is None or until is None or until < since:
            problem.update(self.app.catalog.prompt("supervision_prep.not_a_date"))
            return
        problem.update("")
        self._read(since, until)

    def _show_period(self, since: dt.date, until: dt.date, period: list[Reflection]) -> None:
        """Offer the period's themes, entries and notes; ticks still on offer stay ticked."""
        self.since, self.until, self.period = since, until, period
        self.themes = themes(period, since, until)
        self.query_one("#prep-since", Input).value = since.isoformat()
        self.query_one("#prep-until", Input).value = until.isoformat()
        catalog = self.app.catalog
        themed = [(theme_line(t, catalog.prompt), t.key) for t in self.themes]
        entries = []
        for reflection in period:
            kind = catalog.kind_word(reflection.kind, "short")
            said = ", ".join(c.label for c in reflection.challenges)
            text = " · ".join(part for part in (said, _preview(reflection.narrative)) if part)
            entries.append((f"{weekday_date(reflection.date)} {kind}: {text}", reflection.id))
        notes = [
            (f"{weekday_date(r.date)}: {_preview(r.notes)}", r.id)
            for r in period
            if r.notes.strip()
        ]
        for name, rows in zip(LISTS, (themed, entries, notes), strict=True):
            self._fill(name, rows)
        self.query_one("#prep-no-themes", Literal).display = not themed
        self.query_one("#prep-none", Literal).display = not entries
        self._check()

    def _fill(self, name: str, rows: list[tuple[str, str]]) -> None:
        options = self.query_one(f"#prep-{name}", SelectionList)
        kept = set(options.selected)
        with options.prevent(SelectionList.SelectedChanged, OptionList.OptionHighlighted):
            options.clear_options()
            options.add_options(
                Selection(Content(visible(text)), value, value in kept) for text, value in rows
            )
        options.display = bool(rows)

    # --- what is ticked, and what it would share ---------------------------------------------

    def choices(self) -> Choices:
        """What is ticked in each list, and my own words."""

        def ticked(name: str) -> tuple[str, ...]:
            return tuple(map(str, self.query_one(f"#prep-{name}", SelectionList).selected))

        bring = self.query_one("#prep-bring", TextArea).text
        return (ticked("themes"), ticked("reflections"), ticked("notes"), bring)

    def agenda(self) -> Agenda | None:
        """The agenda as ticked now (None until a period is shown)."""
        if self.since is None or self.until is None:
            return None
        themes_ticked, reflections, notes, bring = self.choices()
        return Agenda(
            id=self.agenda_id or new_id(),
            created=self.created or self.app.clock(),
            since=self.since,
            until=self.until,
            themes=themes_ticked,
            reflections=reflections,
            notes=notes,
            bring=bring,
        )

    def shared(self, agenda: Agenda) -> Shared:
        """The agenda as the Markdown file would hold it."""
        by_id = {reflection.id: reflection for reflection in self.period}
        return supervision_markdown(agenda, self.themes, by_id, self.app.catalog.prompt)

    @on(SelectionList.SelectedChanged)
    @on(TextArea.Changed)
    def _changed(self, event: SelectionList.SelectedChanged[str] | TextArea.Changed) -> None:
        event.stop()
        self._check()

    def _check(self) -> None:
        """Show, by kind and place, what looks patient-identifiable in what is ticked."""
        agenda = self.agenda()
        found = findings(self.shared(agenda).pieces) if agenda is not None else []
        shown = self.query_one("#prep-findings", Literal)
        lines = [self.app.catalog.prompt("supervision_prep.findings")]
        shown.update("\n".join(lines + [f"- {finding.line()}" for finding in found]))
        shown.display = bool(found)

    # --- saving ------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Keep the agenda in the journal (the same one again, once saved)."""
        agenda = self.agenda()
        if agenda is None:
            return
        self.agenda_id, self.created = agenda.id, agenda.created
        self._save(agenda)

    @in_background("The agenda was not saved", group=SAVE)
    def _save(self, agenda: Agenda) -> None:
        self.app.journal.save_record(agenda)
        self.app.call_from_thread(self._saved, agenda)

    def _saved(self, agenda: Agenda) -> None:
        self.saved_choices = (agenda.themes, agenda.reflections, agenda.notes, agenda.bring)
        self.notify(self.app.catalog.prompt("supervision_prep.saved"))

    def action_markdown(self) -> None:
        """Ask where to save the agenda as Markdown; first, if anything ticked looks
        patient-identifiable, whether to go on at all (keeping is the default)."""
        agenda = self.agenda()
        if agenda is None:
            return
        shared = self.shared(agenda)
        found = findings(shared.pieces)
        if not found:
            self._ask_where(shared)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("supervision_prep.confirm_question", count=len(found)),
            confirm=catalog.prompt("supervision_prep.confirm"),
            keep=catalog.prompt("supervision_prep.keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._ask_where(shared)

        self.app.push_screen(asked, answered)

    def _ask_where(self, shared: Shared) -> None:
        assert self.until is not None
        catalog = self.app.catalog
        dialog = SaveFileScreen(
            title=catalog.prompt("supervision_prep.markdown_title"),
            suggested=agenda_path(self.export_folder or documents_folder(), self.until),
            payload=shared.text.encode("utf-8"),
            data_dir=self.app.journal.data_dir,
        )

        def saved(written: Path | None) -> None:
            if written is not None:
                said = catalog.prompt("supervision_prep.markdown_saved", path=str(written))
                self.notify(visible(said), timeout=10)

        self.app.push_screen(dialog, saved)

    # --- leaving -------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the log; ticks or words not saved are only left behind once confirmed."""
        if self.choices() == self.saved_choices:
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("supervision_prep.leave_question"),
            confirm=catalog.prompt("supervision_prep.leave_confirm"),
            keep=catalog.prompt("supervision_prep.leave_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(asked, answered)
