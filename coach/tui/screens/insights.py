"""Insights: strain and alignment over time, what weighs, what helps, what matters, the rhythm.

The figures come from ``coach.insights.journal_insights``, computed in a thread worker over the
last year of the journal (read once, newest first, stopping at the year's start); switching
between 30, 90 and 365 days recomputes from what was read. Choosing another window cancels the
one still being worked out, whose figures are then never shown.

Time away (``coach.time_away_figures``) is read in the same worker, once: leave, the breaks of
the last weeks and every closing. It does not change with the window: weeks since leave, breaks
by week beside strain, and closings lately and in all.

Supervision a month (``coach.supervision_prep.supervision_pace``) is read there once too, with
the target from settings (none by default: then only the counts).

This year's CPD (``coach.cpd_figures``): entries written up and their hours, against the
targets in settings (read in the same worker), from the reflections already read.

My people (``coach.people_figures``): days since I last reached out, and the nudge after the
days set in settings.

Self-practice (``coach.practice_figures``): exercises finished in the window and this year,
and the programme's target ratings from the start; practice written up for CPD counts there.
"""

from __future__ import annotations

import datetime as dt
from itertools import takewhile
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header
from textual.worker import Worker, get_current_worker

from coach.cpd_figures import cpd_year, cpd_year_text
from coach.dates import long_date
from coach.insights import TREND_WINDOWS, Insights, counted, journal_insights
from coach.journal import JournalError
from coach.model import ALIGNMENT, STRAIN, Reflection
from coach.people import Contact, ReachOut
from coach.people_figures import ReachingOut, reaching_out, reaching_out_lines
from coach.practice import Practice, Programme
from coach.practice_figures import practice_figures, practice_text
from coach.settings import Settings, read_settings
from coach.supervision import SupervisionSession
from coach.supervision_prep import SupervisionPace, supervision_pace
from coach.time_away import Break, Closing, Leave
from coach.time_away_figures import BREAK_WEEKS, TimeAway, time_away, week_start
from coach.tui.base import in_background
from coach.tui.screens.page import PageScreen, page_keys
from coach.tui.screens.supervision import supervision_lines
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.insight_text import (
    Shortening,
    challenge_lines,
    helps_lines,
    nudge_line,
    rhythm_line,
    series_numbers,
    time_away_lines,
    values_lines,
)
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.score_chart import ScoreChart

TOP_CHALLENGES = 5
TOP_ACTIONS = 8
TOP_VALUES = 5


class InsightsScreen(PageScreen[None]):
    """The picture the journal gives, for the last 30, 90 or 365 days."""

    AUTO_FOCUS = "#insights-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        *page_keys("insights", ("w", "next_window", "30/90/365 days")),
        # Not in the footer (no room at 80 columns): the shortened list's last line names it.
        Binding("a", "show_all", "Show all", id="insights.show_all", show=False),
        *(
            Binding(
                str(number),
                f"window({days})",
                f"The last {days} days",
                id=f"insights.days{days}",
                show=False,
            )
            for number, days in enumerate(TREND_WINDOWS, start=1)
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.days = TREND_WINDOWS[0]
        self.all_shown = False  # every challenge, action and value, or only the top ones
        self._recent: list[Reflection] | None = None
        self._away: tuple[list[Leave], list[Break], list[Closing]] | None = None
        self._supervision: SupervisionPace | None = None
        self._settings: Settings | None = None  # for the CPD targets
        self._people: tuple[list[Contact], list[ReachOut]] | None = None
        self._practice: tuple[list[Practice], list[Programme]] | None = None

    def compose(self) -> ComposeResult:
        """The window buttons, then each part of the picture, plain text beside the charts."""
        yield Header()
        with Horizontal(id="insights-windows"):
            for number, days in enumerate(TREND_WINDOWS, start=1):
                label = f"{days} days ({number})"
                yield Button(
                    label, id=f"days-{days}", compact=True, action=f"screen.window({days})"
                )
        with VerticalScroll(id="insights-body"):
            yield Literal("Working it out…", id="insights-heading")
            for name, scale, title in (
                ("strain", STRAIN, "Strain: how demanding the days felt"),
                ("alignment", ALIGNMENT, "Alignment: how closely I lived my values"),
            ):
                yield Literal(f"{title} ({scale.span})", classes="insights-title")
                with Horizontal(classes="chart-row"):
                    yield ScoreChart(high=scale.high, low=scale.low, id=f"{name}-chart")
                    yield Literal("", id=f"{name}-numbers", classes="chart-numbers")
            for name, title in (
                ("challenges", "Challenges named most"),
                ("helps", "What helps me"),
                ("values", "Values at stake"),
                ("rhythm", "Rhythm"),
                ("time-away", self.app.catalog.prompt("insights.time_away")),
                ("supervision", self.app.catalog.prompt("insights.supervision")),
                ("cpd", self.app.catalog.prompt("insights.cpd")),
                ("practice", self.app.catalog.prompt("insights.practice")),
                ("people", self.app.catalog.prompt("insights.people")),
            ):
                yield Literal(title, classes="insights-title")
                yield Literal("", id=f"insights-{name}", classes="insights-part")
            yield Literal("", id="insights-nudges")
        yield CoachFooter(compact=True)

    def on_mount(self) -> None:
        """Work the figures out in the background."""
        self._mark_window()
        self._compute(self.days)

    def _mark_window(self) -> None:
        for days in TREND_WINDOWS:
            button = self.query_one(f"#days-{days}", Button)
            button.variant = "primary" if days == self.days else "default"

    @in_background("Insights could not be worked out", group="insights", exclusive=True)
    def _compute(self, days: int) -> None:
        as_of = self.app.today()
        if self._recent is None:
            start = as_of - dt.timedelta(days=max(TREND_WINDOWS) + 31)
            newest_first = self.app.journal.iter_newest_first()
            self._recent = list(takewhile(lambda r: r.date >= start, newest_first))
        if self._away is None:  # leave, breaks and closings: read once, like the reflections
            journal = self.app.journal
            first_week = week_start(as_of) - dt.timedelta(weeks=BREAK_WEEKS)
            self._away = (
                journal.records(Leave),
                journal.records(Break, since=first_week),
                journal.records(Closing),  # counted in all, so every year is read
            )
        if self._settings is None:  # the targets: supervision a month, CPD a year
            try:
                self._settings = read_settings(self.app.journal)
            except JournalError:  # settings are said on their own screen; no targets here
                self._settings = Settings()
        if self._supervision is None:  # read once, like time away
            journal = self.app.journal
            target = self._settings.supervision_per_month
            first = (as_of.replace(day=1) - dt.timedelta(days=93)).replace(day=1)
            sessions = journal.records(SupervisionSession, since=first)
            self._supervision = supervision_pace(sessions, as_of, target)
        if self._people is None:  # my people and every reach-out (the last may be long ago)
            journal = self.app.journal
            self._people = (journal.records(Contact), journal.records(ReachOut))
        if self._practice is None:  # this year's and the longest window's, and programmes
            journal = self.app.journal
            first = min(
                as_of.replace(month=1, day=1), as_of - dt.timedelta(days=max(TREND_WINDOWS))
            )
            self._practice = (journal.records(Practice, since=first), journal.records(Programme))
        # Imported notes count as reflections only when the user says so (settings).
        recent = counted(self._recent, imported=self._settings.imported_notes_in_insights)
        insights = journal_insights(recent, as_of, days)
        # This year began less than a year ago: the reflections read hold all of it.
        written: list[Reflection | Practice] = [*recent, *self._practice[0]]
        cpd = cpd_year_text(cpd_year(written, self._settings, as_of), self.app.catalog)
        practice = practice_text(practice_figures(*self._practice, as_of, days), self.app.catalog)
        away = time_away(*self._away, recent, as_of)
        nudge_days = self._settings.reach_out_nudge_days
        people = reaching_out(*self._people, as_of, nudge_days)
        worker = get_current_worker()
        if not worker.is_cancelled:
            found = (insights, away, self._supervision, cpd, people, practice)
            self.app.call_from_thread(self._show, worker, *found)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The notice says why; the heading no longer promises figures."""
        if self in self.app.screen_stack:
            self.query_one("#insights-heading", Literal).update("The journal could not be read.")
        super().worker_failed(worker)

    def _show(
        self,
        worker: Worker[Any],
        insights: Insights,
        away: TimeAway,
        pace: SupervisionPace,
        cpd: str,
        people: ReachingOut,
        practice: str,
    ) -> None:
        # Another window chosen meanwhile cancels this one (on this thread, so it is seen
        # here); a closed screen leaves the stack first.
        if worker.is_cancelled or self not in self.app.screen_stack:
            return
        count = insights.reflections
        entries = "entry" if count == 1 else "entries"
        when = long_date(insights.as_of)
        heading = f"The last {insights.days} days, to {when}: {count} {entries}."
        if count == 0:
            heading += " Insights grow as you reflect."
        self.query_one("#insights-heading", Literal).update(heading)
        for series in (insights.strain, insights.alignment):
            self.query_one(f"#{series.field}-chart", ScoreChart).show(series.daily)
            self.query_one(f"#{series.field}-numbers", Literal).update(series_numbers(series))
        shorten = Shortening(self.app.catalog, self.key_for("show_all"), self.all_shown)
        parts = {
            "challenges": challenge_lines(
                insights.challenges, insights.dimensions, TOP_CHALLENGES, shorten
            ),
            "helps": helps_lines(insights.helps, TOP_ACTIONS, shorten),
            "values": values_lines(insights.values, insights.alignment.mean, TOP_VALUES, shorten),
            "rhythm": rhythm_line(insights.rhythm, self.app.catalog),
            "time-away": time_away_lines(away, self.app.catalog),
            "supervision": supervision_lines(pace, self.app.catalog),
            "cpd": cpd,
            "people": reaching_out_lines(people, self.app.catalog),
            "practice": practice,
        }
        for name, text in parts.items():
            self.query_one(f"#insights-{name}", Literal).update(text)
        nudges = "\n".join(nudge_line(nudge, self.app.catalog) for nudge in insights.nudges)
        shown = self.query_one("#insights-nudges", Literal)
        shown.update(nudges)
        shown.display = bool(nudges)

    def action_window(self, days: int) -> None:
        """Show the last ``days`` days."""
        if days not in TREND_WINDOWS:
            return
        self.days = days
        self._mark_window()
        self._compute(days)

    def action_show_all(self) -> None:
        """Every challenge, action and value instead of the top ones ("and 17 more"), or the
        top ones again; worked out again from what was read."""
        self.all_shown = not self.all_shown
        self._compute(self.days)

    def action_next_window(self) -> None:
        """The next of 30, 90 and 365 days, round again after the last."""
        following = (TREND_WINDOWS.index(self.days) + 1) % len(TREND_WINDOWS)
        self.action_window(TREND_WINDOWS[following])
