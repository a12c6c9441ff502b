"""Settings of the tools, on the settings screen: the reflective model for CPD write-ups, the
two yearly CPD targets, and the worry time the worry tree parks a "what if" until.

Kept apart from ``screens/settings.py`` so that file stays under ~400 lines, as
``nudge_settings.py`` is; it shows what it is given (``show``) and says what was chosen
(``SettingChosen``), and the screen keeps it through ``coach.settings`` like every other
setting. A target or time set in the settings file that is not among the choices is offered
too, so it is shown as it is.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Select

from coach.content import Catalog
from coach.model import CpdModel
from coach.settings import Settings
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.nudge_settings import SettingChosen

# Yearly CPD targets offered, by the list's id: the setting, its question, how one choice is
# worded, the choices. The blank choice, "No target", keeps none (None).
CPD_TARGETS = {
    "cpd-entries": ("cpd_entries_per_year", "settings.cpd_entries", "settings.entries",
                    (4, 6, 8, 10, 12, 20, 24)),
    "cpd-hours": ("cpd_hours_per_year", "settings.cpd_hours", "settings.hours",
                  (10, 20, 30, 35, 40, 50, 60)),
}  # fmt: skip
# Times offered for worry time; the blank choice, "Not set", keeps none.
WORRY_TIMES = ("16:00", "16:30", "17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "20:00")


class ToolSettings(Vertical):
    """Four rows: the CPD model (and a hint), the two CPD targets, and worry time."""

    DEFAULT_CSS = """
    ToolSettings { height: auto; }
    """

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        words = self.catalog.prompt
        with Horizontal(id="cpd-model-row", classes="number-row"):
            yield Literal(words("settings.cpd_model"), classes="question")
            models = ((Content(words(f"cpd.model.{m.value}")), m.value) for m in CpdModel)
            yield Select[str](
                models, value=CpdModel.WHAT_SO_WHAT.value, allow_blank=False, compact=True,
                id="cpd-model",
            )  # fmt: skip
        yield Literal(words("settings.cpd_model_hint"), classes="settings-hint")
        for id, (_, question, _, _) in CPD_TARGETS.items():
            with Horizontal(id=f"{id}-row", classes="number-row"):
                yield Literal(words(question), classes="question")
                yield Select[int]([], prompt=words("settings.no_target"), compact=True, id=id)
        with Horizontal(id="worry-time-row", classes="number-row"):
            yield Literal(words("settings.worry_time"), classes="question")
            yield Select[str](
                [], prompt=words("settings.worry_time_none"), compact=True, id="worry-time"
            )

    def show(self, found: Settings) -> None:
        """The model chosen, each target and the worry time (blank: none), each offered among
        the choices."""
        model = self.query_one("#cpd-model", Select)
        if model.value != found.cpd_model:
            with model.prevent(Select.Changed):
                model.value = found.cpd_model
        for id, (name, _, each, choices) in CPD_TARGETS.items():
            now: int | None = getattr(found, name)
            placeholder = each.rsplit(".", 1)[1]  # "entries" in "{entries} entries"
            offered = sorted({*choices, *([now] if now is not None else [])})
            words = ((Content(self.catalog.prompt(each, **{placeholder: n})), n) for n in offered)
            self._set(f"#{id}", words, now)
        times = sorted({*WORRY_TIMES, *([found.worry_time] if found.worry_time else [])})
        self._set("#worry-time", ((Content(time), time) for time in times), found.worry_time)

    def _set(self, selector: str, options: object, now: object) -> None:
        select: Select[object] = self.query_one(selector, Select)
        with select.prevent(Select.Changed):
            select.set_options(options)  # type: ignore[arg-type]
            if now is None:
                select.clear()
            else:
                select.value = now

    @on(Select.Changed, "#cpd-model")
    def _model_chosen(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.post_message(SettingChosen("cpd_model", event.value))

    @on(Select.Changed, "#cpd-entries")
    @on(Select.Changed, "#cpd-hours")
    @on(Select.Changed, "#worry-time")
    def _optional_chosen(self, event: Select.Changed) -> None:
        """A number or time is chosen; the blank choice ("No target", "Not set") is none."""
        event.stop()
        id = event.select.id or ""
        name = "worry_time" if id == "worry-time" else CPD_TARGETS[id][0]
        chosen = event.value if isinstance(event.value, str | int) else None  # blank: none
        self.post_message(SettingChosen(name, chosen))
