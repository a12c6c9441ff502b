"""Settings: my core values, my own support, the theme, targets and nudges, the tools'
settings (CPD, worry time: ``widgets/tool_settings.py``; the shell nudge and imported notes:
``widgets/nudge_settings.py``), the passphrase (``widgets/passphrase_settings.py``, its dialogs
in ``screens/passphrase.py``), where the journal lives, and erasing it.

Every change is kept as it is made, so escape is all it takes to go back. The settings are read
and written in thread workers, through ``coach.settings``. My core values are chosen in the
same dialog the values step opens, and my own support is edited on the support screen, which
has its fields already; coming back, the screen reads again once that screen's write is done.
The theme changes live; the app keeps it for next time (``coach.tui.kept_choices``), whether it
was chosen here or with the palette. Settings that cannot be read are said once, listed on the
screen, and their defaults shown, so the screen stays usable. "Erase everything" asks for a typed
word in a dialog (``EraseScreen``), erases in a thread worker (``coach.journal.erase``), then
closes the app, saying so on the terminal: there is no journal left to show.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Select
from textual.widgets.button import ButtonVariant
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from coach.journal.erase import Erased, erase
from coach.settings import MY_SUPPORT_FIELDS, Settings, change_settings, read_settings
from coach.text import visible
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.core_values import CoreValuesScreen
from coach.tui.screens.erase import EraseScreen
from coach.tui.screens.passphrase import Done, PassphraseDialog, RecoveryKeyDialog
from coach.tui.screens.support import MY_SUPPORT_WRITES, SupportScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.nudge_settings import NudgeSettings, SettingChosen
from coach.tui.widgets.passphrase_settings import PassphraseAsked, PassphraseSettings
from coach.tui.widgets.tool_settings import ToolSettings

READ = "settings-read"
LOCK_CHOICES = (5, 10, 15, 30, 60, 120)  # minutes an encrypted journal waits before locking
HORIZON_CHOICES = (4, 6, 8, 12, 16)  # weeks without leave planned before home nudges
# Supervision sessions a month to aim for. A target is optional: NO_TARGET (0) in the list
# means none, kept as None (the default), and insights then show the counts alone.
NO_TARGET = 0
SUPERVISION_TARGETS = (NO_TARGET, 1, 2, 3, 4, 6, 8)
REACH_OUT_CHOICES = (7, 10, 14, 21, 28)  # days without reaching out before insights nudges
# The lists of numbers on this screen, by id, and the setting each one keeps.
NUMBER_SETTINGS = {
    "lock-after": "lock_after_minutes",
    "leave-horizon": "leave_horizon_weeks",
    "supervision-target": "supervision_per_month",
    "reach-out-nudge": "reach_out_nudge_days",
}
QUESTIONS = {
    "lock_after_minutes": "settings.lock_after",
    "leave_horizon_weeks": "settings.leave_horizon",
    "supervision_per_month": "settings.supervision_target",
    "reach_out_nudge_days": "settings.reach_out_nudge",
}
OPTIONAL_NUMBERS = {"supervision_per_month"}  # NO_TARGET chosen keeps None
ERASE = "settings-erase"


class SettingsScreen(CoachScreen[None]):
    """Each setting: what it is now, and a way to change it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="settings.back"),
    ]
    AUTO_FOCUS = "#choose-core-values"

    def __init__(self) -> None:
        super().__init__()
        self._settings: Settings | None = None  # None until read

    def compose(self) -> ComposeResult:
        """Core values, my own support, theme, where the journal lives."""
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(classes="step-body", id="settings-body"):
            yield Literal(catalog.prompt("settings.title"), classes="step-title")
            yield Literal("", id="settings-problems")
            yield Literal(catalog.prompt("settings.core_values"), classes="question")
            yield Literal("", id="settings-core-values", classes="settings-now")
            yield self._button("settings.choose_core_values", "choose-core-values")
            yield Literal(catalog.prompt("settings.my_support"), classes="question")
            yield Literal("", id="settings-my-support", classes="settings-now")
            yield self._button("settings.edit_my_support", "edit-my-support")
            yield Literal(catalog.prompt("settings.theme"), classes="question")
            with Horizontal(id="theme-row"):
                yield Select[str](
                    ((Content(name), name) for name in sorted(self.app.available_themes)),
                    value=self.app.theme,
                    allow_blank=False,
                    compact=True,
                    id="theme",
                )
                yield Literal(catalog.prompt("settings.theme_hint"), classes="settings-hint")
            yield from self._number_row("leave-horizon", "settings.weeks", HORIZON_CHOICES)
            yield from self._number_row(
                "supervision-target", "settings.sessions", SUPERVISION_TARGETS
            )
            yield from self._number_row("reach-out-nudge", "settings.days", REACH_OUT_CHOICES)
            yield from self._number_row("lock-after", "settings.minutes", LOCK_CHOICES)
            yield ToolSettings(catalog, id="tool-settings")
            yield NudgeSettings(catalog, id="nudge-settings")
            yield PassphraseSettings(
                catalog, encrypted=self.app.journal.encrypted, id="passphrase-settings"
            )
            yield Literal(catalog.support_text.get("about.where", ""), classes="question")
            yield Literal(str(self.app.journal.data_dir), id="settings-data-dir")
            with Horizontal(id="erase-row"):
                yield self._button("settings.erase", "erase-everything", variant="error")
                yield Literal(catalog.prompt("settings.erase_hint"), classes="settings-hint")
        yield CoachFooter()

    def _number_row(self, id: str, each: str, choices: tuple[int, ...]) -> ComposeResult:
        """A number setting on one line (room at 80x24): its question, then its list, each
        choice worded by ``each`` (``settings.weeks``: "8 weeks")."""
        catalog = self.app.catalog
        name = NUMBER_SETTINGS[id]
        placeholder = each.rsplit(".", 1)[1]  # "weeks" in "{weeks} weeks"
        with Horizontal(id=f"{id}-row", classes="number-row"):
            yield Literal(catalog.prompt(QUESTIONS[name]), classes="question")
            words = (
                catalog.prompt("settings.no_target")
                if n == NO_TARGET and name in OPTIONAL_NUMBERS
                else catalog.prompt(each, **{placeholder: n})
                for n in choices
            )
            yield Select[int](
                zip(map(Content, words), choices, strict=True),
                allow_blank=True,
                compact=True,
                id=id,
            )

    def _button(self, words: str, id: str, variant: ButtonVariant = "default") -> Button:
        label = Content(self.app.catalog.prompt(words))
        return Button(label, id=id, compact=True, classes="small-button", variant=variant)

    def on_mount(self) -> None:
        """Follow the theme wherever it is changed (the palette can open over this screen)."""
        self.watch(self.app, "theme", self._show_theme, init=False)

    def on_screen_resume(self) -> None:
        """Read the settings on opening, and again on coming back from my own support."""
        self.refresh_settings()

    # --- reading -------------------------------------------------------------------------

    @work(exclusive=True, group="settings-refresh")
    async def refresh_settings(self) -> None:
        """Wait for my own support to be written (escape there keeps it), then read."""
        for writing in [w for w in self.app.workers if w.group == MY_SUPPORT_WRITES]:
            if not writing.is_finished:
                with contextlib.suppress(WorkerCancelled, WorkerFailed):
                    await writing.wait()
        self._read()

    @in_background("Your settings could not be read", group=READ, exclusive=True)
    def _read(self) -> None:
        self.app.call_from_thread(self._show, read_settings(self.app.journal))

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Settings not read: show the defaults, and say why at the top, so each can still be
        chosen (a damaged file is never written over: keeping a choice says it was not kept)."""
        if worker.group == READ:
            problem = self.app.catalog.prompt("settings.not_read", problem=str(worker.error))
            self._show(Settings(), problem)
        if worker.group == ERASE:  # nothing, or not all, was erased: the user may try again
            self.query_one("#erase-everything", Button).disabled = False
        super().worker_failed(worker)

    def _show(self, found: Settings, problem: str = "") -> None:
        """What each setting is now; any that could not be read, and why."""
        self._settings = found
        catalog = self.app.catalog
        chosen = [option.label for key in found.core_values if (option := catalog.value(key))]
        self.query_one("#settings-core-values", Literal).update(
            ", ".join(chosen) or catalog.prompt("settings.core_values_none")
        )
        words = catalog.support_text
        noted = [
            f"{words.get(f'own.{name}', name)}: {found.my_support[name]}"
            for name in MY_SUPPORT_FIELDS
            if found.my_support[name].strip()
        ]
        self.query_one("#settings-my-support", Literal).update(
            "\n".join(noted) or catalog.prompt("settings.my_support_none")
        )
        lines = [catalog.prompt("settings.problem", problem=p) for p in found.problems]
        problems = self.query_one("#settings-problems", Literal)
        problems.update("\n".join([problem, *lines] if problem else lines))
        problems.display = bool(problem or lines)
        encrypted = self.app.journal.encrypted  # only an encrypted journal locks itself
        self.query_one("#lock-after-row").display = encrypted
        self.query_one(PassphraseSettings).show(encrypted=encrypted)
        self._show_choice("#lock-after", found.lock_after_minutes, LOCK_CHOICES)
        self._show_choice("#leave-horizon", found.leave_horizon_weeks, HORIZON_CHOICES)
        target = found.supervision_per_month
        shown = NO_TARGET if target is None else target
        self._show_choice("#supervision-target", shown, SUPERVISION_TARGETS)
        self.query_one(ToolSettings).show(found)
        self._show_choice("#reach-out-nudge", found.reach_out_nudge_days, REACH_OUT_CHOICES)
        self.query_one(NudgeSettings).show(found)

    def _show_choice(self, selector: str, value: int, choices: tuple[int, ...]) -> None:
        """A number setting shown in its list (one chosen elsewhere, not in it, as none)."""
        for select in self.query(selector).results(Select):
            shown = value if value in choices else None
            if select.value != shown:
                with select.prevent(Select.Changed):
                    select.value = Select.BLANK if shown is None else shown

    def _show_theme(self, name: str) -> None:
        select = self.query_one("#theme", Select)
        if select.value != name:
            with select.prevent(Select.Changed):
                select.value = name

    # --- changing ------------------------------------------------------------------------

    @on(Button.Pressed, "#choose-core-values")
    def _choose_core_values(self, event: Button.Pressed) -> None:
        event.stop()
        if self._settings is not None:
            current = list(self._settings.core_values)
            self.app.push_screen(CoreValuesScreen(current), self._core_values_chosen)

    @on(Button.Pressed, "#edit-my-support")
    def _edit_my_support(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.push_screen(SupportScreen(own_first=True))

    def _core_values_chosen(self, keys: list[str] | None) -> None:
        if keys is not None:
            self._keep_core_values(tuple(keys))

    @in_background("That setting was not kept", group="settings-write")
    def _keep_core_values(self, keys: tuple[str, ...]) -> None:
        now = change_settings(self.app.journal, lambda was: replace(was, core_values=keys))
        self.app.call_from_thread(self._show, now)

    @on(Select.Changed, "#theme")
    def _theme_chosen(self, event: Select.Changed) -> None:
        """A theme chosen here is used at once (and kept by the app)."""
        event.stop()
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.app.theme = event.value

    @on(Select.Changed, "#lock-after")
    @on(Select.Changed, "#leave-horizon")
    @on(Select.Changed, "#supervision-target")
    @on(Select.Changed, "#reach-out-nudge")
    def _number_chosen(self, event: Select.Changed) -> None:
        event.stop()
        name = NUMBER_SETTINGS[event.select.id or ""]
        known = self._settings
        if not isinstance(event.value, int) or known is None:
            return
        number = None if event.value == NO_TARGET and name in OPTIONAL_NUMBERS else event.value
        if number != getattr(known, name):
            self._keep_one(name, number)

    @on(SettingChosen)
    def _setting_chosen(self, event: SettingChosen) -> None:
        """A setting of the tools', the shell nudge's, or imported notes in insights."""
        event.stop()
        known = self._settings
        if known and event.value != getattr(known, event.name):
            self._keep_one(event.name, event.value)

    @in_background("That setting was not kept", group="settings-write")
    def _keep_one(self, name: str, value: object) -> None:
        changes: dict[str, Any] = {name: value}
        now = change_settings(self.app.journal, lambda was: replace(was, **changes))
        self.app.call_from_thread(self._show, now)

    # --- the passphrase ------------------------------------------------------------------

    @on(PassphraseAsked)
    def _passphrase_asked(self, event: PassphraseAsked) -> None:
        """Set, change or remove it, or a new recovery key: each in its dialog."""
        event.stop()
        dialog = PassphraseDialog(event.action, self.app.journal.data_dir)
        self.app.push_screen(dialog, self._passphrase_done)

    def _passphrase_done(self, done: Done | None) -> None:
        """Said once done; a new recovery key shown, once; the screen read again (the lock
        row comes and goes with the passphrase)."""
        if done is None:
            return
        self.notify(self.app.catalog.prompt(f"passphrase.done_{done.action}"))
        if done.recovery is not None:
            self.app.push_screen(RecoveryKeyDialog(done.recovery))
        self.refresh_settings()

    # --- erasing everything --------------------------------------------------------------

    @on(Button.Pressed, "#erase-everything")
    def _ask_to_erase(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.push_screen(EraseScreen(), self._erase_answered)

    def _erase_answered(self, confirmed: bool | None) -> None:
        if confirmed:
            self.query_one("#erase-everything", Button).disabled = True
            self.notify(self.app.catalog.prompt("erase.erasing"))
            self._erase()

    @in_background("Not erased", group=ERASE, exclusive=True)
    def _erase(self) -> None:
        done = erase(self.app.journal.data_dir)
        self.app.call_from_thread(self._erased, done)

    def _erased(self, done: Erased) -> None:
        """Nothing is left to show: close the app, saying so on the terminal."""
        said = self.app.catalog.prompt("erase.done")
        if not done.folder_removed:
            said += f" Your own files in {done.data_dir} were left as they were."
        self.app.exit(message=Text(visible(said)))


def open_settings(app: App[Any]) -> None:
    """Show settings, unless they are showing already (home's ``s`` and the palette call this)."""
    if not isinstance(app.screen, SettingsScreen):
        app.push_screen(SettingsScreen())
