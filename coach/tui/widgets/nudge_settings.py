"""Settings of issue 16, on the settings screen: the shell nudge's time and days
(``coach nudge``) and whether imported notes count as reflections in insights.

Kept apart from ``screens/settings.py`` so that file stays under ~400 lines; it shows what it
is given (``show``) and says what was chosen (``SettingChosen``), and the screen keeps it
through ``coach.settings`` like every other setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Select

from coach.content import Catalog
from coach.reminder import days_text
from coach.settings import WEEKDAYS, WORKING_DAYS, Settings
from coach.tui.widgets.literal import Literal

# Times offered for the nudge; one set elsewhere (the settings file), not offered, is too.
NUDGE_TIMES = tuple(f"{hour}:{minute}" for hour in range(15, 21) for minute in ("00", "30"))
# The sets of days offered, each in the content's words; a set chosen elsewhere is offered as
# its days (``mon,wed,fri``).
DAY_SETS = {
    WORKING_DAYS: "settings.nudge_working_days",
    WEEKDAYS: "settings.nudge_every_day",
    (): "settings.nudge_no_days",
}


@dataclass
class SettingChosen(Message):
    """The user chose ``value`` for the setting ``name`` (a ``Settings`` field)."""

    name: str
    value: Any


class NudgeSettings(Vertical):
    """Three rows: the nudge's time, its days, and imported notes in insights."""

    DEFAULT_CSS = """
    NudgeSettings { height: auto; }
    """

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        words = self.catalog.prompt
        with Horizontal(id="nudge-after-row", classes="number-row"):
            yield Literal(words("settings.nudge_after"), classes="question")
            times = [(Content(time), time) for time in NUDGE_TIMES]
            yield Select[str](times, allow_blank=False, compact=True, id="nudge-after")
        with Horizontal(id="nudge-days-row", classes="number-row"):
            yield Literal(words("settings.nudge_days"), classes="question")
            sets = [(Content(self._days_words(days)), days) for days in DAY_SETS]
            yield Select[tuple[str, ...]](sets, allow_blank=False, compact=True, id="nudge-days")
        with Horizontal(id="imported-in-insights-row", classes="number-row"):
            yield Literal(words("settings.imported_in_insights"), classes="question")
            choices = [
                (Content(words("settings.imported_left_out")), False),
                (Content(words("settings.imported_counted")), True),
            ]
            yield Select[bool](
                choices, value=False, allow_blank=False, compact=True, id="imported-in-insights"
            )

    def show(self, found: Settings) -> None:
        """Each of the three as it is now, each offered among the choices."""
        times = sorted({*NUDGE_TIMES, found.nudge_after})
        self._set("#nudge-after", [(Content(time), time) for time in times], found.nudge_after)
        sets = [*DAY_SETS, *([] if found.nudge_days in DAY_SETS else [found.nudge_days])]
        offered = [(Content(self._days_words(days)), days) for days in sets]
        self._set("#nudge-days", offered, found.nudge_days)
        self._set("#imported-in-insights", None, found.imported_notes_in_insights)

    def _days_words(self, days: tuple[str, ...]) -> str:
        known = DAY_SETS.get(days)
        return self.catalog.prompt(known) if known else days_text(days)

    def _set(self, selector: str, options: list[tuple[Content, Any]] | None, value: Any) -> None:
        select: Select[Any] = self.query_one(selector, Select)
        with select.prevent(Select.Changed):
            if options is not None:
                select.set_options(options)
            select.value = value

    @on(Select.Changed, "#nudge-after")
    @on(Select.Changed, "#nudge-days")
    @on(Select.Changed, "#imported-in-insights")
    def _chosen(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.BLANK:
            return
        name = {
            "nudge-after": "nudge_after",
            "nudge-days": "nudge_days",
            "imported-in-insights": "imported_notes_in_insights",
        }[event.select.id or ""]
        self.post_message(SettingChosen(name, event.value))
