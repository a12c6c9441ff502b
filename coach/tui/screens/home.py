"""Home: today at a glance, and the ways in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import takewhile
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from coach.dates import day_and_month, long_date, weekday_date
from coach.follow_up import pending, waiting
from coach.leave_plan import DEFAULT_HORIZON_WEEKS, LeaveOutlook, leave_outlook
from coach.model import WRITTEN_KINDS, Kind, Reflection
from coach.nudges import Nudge, nudges
from coach.settings import read_settings
from coach.time_away import Leave
from coach.tui.base import CoachScreen, in_background, read_in_place
from coach.tui.messages import Begin, FollowUpNow
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.insight_text import nudge_line
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.ways_in import ways_in


@dataclass(frozen=True)
class HomeSummary:
    """What home shows about the journal, gathered off the UI thread."""

    count: int
    latest: Reflection | None
    today: tuple[Reflection, ...]
    followup: tuple[Reflection, ...]
    nudges: tuple[Nudge, ...] = ()
    leave: LeaveOutlook = field(default_factory=LeaveOutlook)
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS


FOLLOW_UP_KEY = "f"  # follow up the plans waiting, straight from home (home says so)
PLAN_LEAVE_KEY = "l"  # the leave planner, straight from home (the nudge says so)
# Home's ways in, a line each: to write, then to look back and the rest.
WAYS_IN = (("reflect", "check_in"), ("history", "insights", "tools", "practice"))


class HomeScreen(CoachScreen[None]):
    """Today's date, whether today's reflection is done, what to follow up, one nudge."""

    CSS_PATH = None  # home's is the app's own (coach.tcss): nothing more to read at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer (no room at 80 columns): the list of plans waiting names the key.
        Binding(FOLLOW_UP_KEY, "follow_up", "Follow up", id="home.follow_up", show=False),
        Binding("r", "reflect", "Reflect", id="home.reflect"),
        Binding("c", "check_in", "Check-in", id="home.check_in"),
        Binding("h", "history", "History", id="home.history"),
        Binding("i", "insights", "Insights", id="home.insights"),
        # Not in the footer (no room at 80 columns beside F2): its way in shows the key.
        Binding("t", "tools", "Tools", id="home.tools", show=False),
        Binding("p", "practice", "Practice", id="home.practice", show=False),
        Binding(PLAN_LEAVE_KEY, "plan_leave", "Plan leave", id="home.plan_leave", show=False),
        # Not in the footer: at 80 columns it would push "f2 Support now" out (the palette has it).
        Binding("s", "settings", "Settings", id="home.settings", show=False),
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        """Today, the journal in brief, the ways in."""
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Literal("", id="home-damaged")
            yield Literal(id="home-date")
            yield Literal("", id="home-status")
            yield Literal("", id="home-followup")
            yield Literal("", id="home-nudge")
            yield Literal("", id="home-leave")
            yield Static(self._ways_in(), id="home-ways")
            yield Literal("", id="home-journal")
        yield CoachFooter(compact=True)

    def _ways_in(self) -> Content:
        """Home's ways in as links, each named as the footer names it, with its key as the
        user has it (settings may move it)."""
        named = {b.action: b.description for b in self.BINDINGS if isinstance(b, Binding)}
        return ways_in(
            [(action, named[action], self.key_for(action)) for action in line] for line in WAYS_IN
        )

    def on_mount(self) -> None:
        """Show the date and the journal in brief. The summary is read here, before home's
        first frame, so home appears whole rather than filling in a frame later; later
        summaries (back from a reflection) are read in the background."""
        today = self.app.today()
        self.query_one("#home-date", Literal).update(long_date(today))
        self._show_damaged()
        if self.app.unlocked:  # else read once the passphrase opens it (on resume)
            # The settings, the index and the newest year or two: ~10 ms at any age (the open
            # has just checked every year against the index). Any trouble: the worker says it.
            summary = read_in_place(self._read_summary)
            if summary is None:
                self.refresh_summary()
            else:
                self._show(summary)

    def _show_damaged(self) -> None:
        """A journal with a damaged year file is open to read the rest: a banner that stays
        says which file, that nothing was changed, and what to run (``Journal.damaged``)."""
        banner = self.query_one("#home-damaged", Literal)
        damaged = self.app.journal.damaged if self.app.unlocked else ()
        banner.display = bool(damaged)
        if damaged:
            files = ", ".join(str(path) for path in damaged)
            banner.update(self.app.catalog.prompt("home.damaged", files=files))

    def on_screen_resume(self) -> None:
        """Back from a reflection: the summary may have changed, and back from settings, the
        keys the ways in name. (Textual resumes a screen the first time it is shown too; that
        summary was read at the mount.)"""
        if not self.shown_before:  # (``ArrivesSized``)
            return
        self.query_one("#home-ways", Static).update(self._ways_in())  # a key moved in settings
        if self.app.unlocked:
            self.refresh_summary()

    @in_background("Your journal could not be read", group="home-summary", exclusive=True)
    def refresh_summary(self) -> None:
        """Read what home needs from the journal again, off the UI thread."""
        summary = self._read_summary()
        if not get_current_worker().is_cancelled:  # a newer read replaced this one
            self.app.call_from_thread(self._show, summary)

    def _read_summary(self) -> HomeSummary:
        """What home shows of the journal: its size, the newest entry, today's, the plans
        waiting, the nudges and the leave outlook."""
        journal = self.app.journal
        settings = read_settings(journal)
        latest = journal.latest()
        today = self.app.today()
        start = today - dt.timedelta(days=31)
        recent = list(takewhile(lambda r: r.date >= start, journal.iter_newest_first()))
        # As coach.insights.counted reads them (not imported here: home's start-up needs none
        # of the rest of insights): imported notes only when the user counts them.
        counted = [
            r for r in recent if settings.imported_notes_in_insights or r.kind in WRITTEN_KINDS
        ]
        return HomeSummary(
            count=journal.count(),
            latest=latest,
            # Done today means written in the coach today, as ``coach nudge`` reads it.
            today=tuple(r for r in journal.on_date(today) if r.kind in WRITTEN_KINDS),
            followup=waiting(recent, today),  # the rule the app asks by (coach.follow_up)
            nudges=tuple(nudges(counted, today)),
            leave=leave_outlook(journal.records(Leave), today, settings.leave_horizon_weeks),
            horizon_weeks=settings.leave_horizon_weeks,
        )

    def _show(self, summary: HomeSummary) -> None:
        catalog = self.app.catalog
        if summary.today:
            status = catalog.prompt("home.done_today")
        else:
            status = catalog.prompt("home.not_done_today")
        self.query_one("#home-status", Literal).update(status)
        followup = ""
        plans = pending(summary.followup)
        if plans:
            lines = [
                catalog.prompt(
                    "home.followup_waiting", count=len(plans), follow_up_key=FOLLOW_UP_KEY
                )
            ]
            lines += [f"  · {action.label}" + (f" ({action.when})" if action.when else "")
                      + f", {day_and_month(reflection.date)}"
                      for reflection, _, action in plans]  # fmt: skip
            followup = "\n".join(lines)
        waiting = self.query_one("#home-followup", Literal)
        waiting.update(followup)
        waiting.display = bool(followup)
        nudge = nudge_line(summary.nudges[0], catalog) if summary.nudges else ""
        self.query_one("#home-nudge", Literal).update(nudge or catalog.prompt("home.nudge_default"))
        leave = self.query_one("#home-leave", Literal)
        leave.update(self._leave_line(summary))
        leave.display = bool(leave.content)
        if summary.latest is None:
            about = catalog.prompt("home.journal_empty")
        else:
            key = "home.journal_one" if summary.count == 1 else "home.journal_many"
            about = catalog.prompt(key, count=summary.count, last=long_date(summary.latest.date))
        self.query_one("#home-journal", Literal).update(
            f"{about}\n{catalog.prompt('home.journal_where')} {self.app.journal.data_dir}"
        )

    def _leave_line(self, summary: HomeSummary) -> str:
        """Leave in view: on leave, the next leave, or a gentle nudge to plan some."""
        catalog, outlook = self.app.catalog, summary.leave
        if outlook.on_leave_until is not None:
            return catalog.prompt("home.leave_on", end=weekday_date(outlook.on_leave_until))
        if outlook.next_start is not None and not outlook.nudge:
            start = weekday_date(outlook.next_start)
            if outlook.days_until == 1:
                return catalog.prompt("home.leave_tomorrow", start=start)
            return catalog.prompt("home.leave_days", days=outlook.days_until, start=start)
        if outlook.nudge:
            weeks = summary.horizon_weeks
            return catalog.prompt("home.leave_nudge", weeks=weeks, plan_key=PLAN_LEAVE_KEY)
        return ""

    def action_tools(self) -> None:
        """Leave, breaks and closing the day."""
        from coach.tui.screens.tools import ToolsScreen

        self.app.push_screen(ToolsScreen())

    def action_practice(self) -> None:
        """Self-practice: the exercises, my programme, my past practice."""
        from coach.tui.screens.practice import open_practice

        open_practice(self.app)

    def action_plan_leave(self) -> None:
        """The leave planner, straight from home."""
        from coach.tui.screens.leave import LeaveScreen

        self.app.push_screen(LeaveScreen())

    def action_reflect(self) -> None:
        """Start the end-of-day reflection."""
        self.post_message(Begin(Kind.REFLECTION))

    def action_check_in(self) -> None:
        """Start the quick check-in."""
        self.post_message(Begin(Kind.CHECK_IN))

    def action_follow_up(self) -> None:
        """Say how the plans waiting went, without starting a reflection."""
        self.post_message(FollowUpNow())

    def action_history(self) -> None:
        """Look back through past reflections."""
        from coach.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_insights(self) -> None:
        """See the picture the journal gives."""
        from coach.tui.screens.insights import InsightsScreen

        self.app.push_screen(InsightsScreen())

    def action_settings(self) -> None:
        """Core values, my own support, the theme."""
        from coach.tui.screens.settings import open_settings

        open_settings(self.app)
