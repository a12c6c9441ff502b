"""Write a reflection (or a self-practice record) up as a CPD entry: one box a stage of the
reflective model, with the content's prompt for each, and the hours it counts for.

A new write-up follows the model chosen in settings (read in a thread worker as the screen
opens); one already made keeps its own model, whatever settings say now. Keeping it saves the
reflection with its ``cpd`` in a thread worker, on the journal's latest copy of the reflection
(so a follow-up saved meanwhile is not undone); removing it asks first. Leaving with changes
not kept asks too: one key never throws away what was typed. The screen dismisses with the
reflection as now saved, or None when nothing changed. A practice record is written up the
same way: saved as ``practice.with_changes(cpd=...)`` on the journal's latest copy of it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.validation import Function
from textual.widgets import Button, Header, Input, TextArea
from textual.worker import Worker, WorkerState

from coach.cpd_figures import hours_text, read_hours
from coach.dates import long_date
from coach.journal import ReflectionNotFound
from coach.model import CPD_STAGES, CpdModel, CpdWriteUp, ModelError, Reflection
from coach.practice import Practice
from coach.settings import read_settings
from coach.tui.base import CoachScreen, in_background
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal, Prefill

READ = "cpd-read"
WRITE = "cpd-write"


def _is_hours(typed: str) -> bool:
    try:
        read_hours(typed)
    except ValueError:
        return False
    return True


Entry = Reflection | Practice  # what can be written up for CPD


class CpdScreen(CoachScreen[Entry | None]):
    """One reflection's (or practice record's) CPD write-up, new or to change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="cpd.back"),
        Binding("ctrl+s", "keep", "Keep", id="cpd.keep", priority=True),
        Binding("ctrl+r", "remove", "Remove", id="cpd.remove"),
    ]

    def __init__(self, reflection: Entry) -> None:
        super().__init__()
        self.reflection = reflection
        self.model: CpdModel | None = reflection.cpd.model if reflection.cpd else None
        self._prefills: dict[str, Prefill] = {}
        self._hours_shown = ""

    def compose(self) -> ComposeResult:
        """The words, the boxes (once the model is known), then the buttons below the scroll,
        so they are in sight at 80x24 whatever the model."""
        catalog = self.app.catalog
        kind = self._kind_word("title")
        yield Header()
        with VerticalScroll(classes="step-body", id="cpd-body"):
            yield Literal(catalog.prompt("cpd.title"), classes="step-title")
            yield Literal(f"{kind} · {long_date(self.reflection.date)}", id="cpd-entry")
            yield Literal(catalog.prompt("cpd.intro"), classes="step-intro")
            yield Literal("", id="cpd-model", classes="step-intro")
        with Horizontal(classes="step-buttons", id="cpd-buttons"):
            keep = Content(f"{catalog.prompt('cpd.save')}  (ctrl+s)")
            yield Button(keep, id="cpd-keep", variant="primary", disabled=True)
            remove = Button(
                Content(f"{catalog.prompt('cpd.remove')}  (ctrl+r)"),
                id="cpd-remove",
                variant="error",
            )
            remove.display = self.reflection.cpd is not None
            yield remove
        yield CoachFooter(compact=True)

    def on_mount(self) -> None:
        """An existing write-up's boxes at once; a new one's once settings say the model."""
        if self.model is not None:
            self._build(self.model)
        else:
            self._read_model()

    @in_background("Your settings could not be read", group=READ, exclusive=True)
    def _read_model(self) -> None:
        chosen = read_settings(self.app.journal).cpd_model
        self.app.call_from_thread(self._build, CpdModel(chosen))

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Settings not read: the default model, so the write-up can still be made. Not
        saved: everything typed stays, and keeping can be tried again."""
        if worker.group == READ and self.model is None:
            self._build(CpdModel.WHAT_SO_WHAT)
        if worker.group == WRITE:
            self.query_one("#cpd-keep", Button).disabled = False
        super().worker_failed(worker)

    def _build(self, model: CpdModel) -> None:
        """A heading, a hint and a box for each stage of ``model``, then the hours."""
        if self._prefills:
            return
        self.model = model
        catalog = self.app.catalog
        name = catalog.prompt(f"cpd.model.{model.value}")
        self.query_one("#cpd-model", Literal).update(catalog.prompt("cpd.model_used", model=name))
        written = self.reflection.cpd
        widgets: list[Literal | TextArea | Input] = []
        for stage in CPD_STAGES[model]:
            prefill = Prefill.for_text_area(getattr(written, stage) if written else "")
            self._prefills[stage] = prefill
            widgets += [
                Literal(catalog.prompt(f"cpd.{stage}"), classes="question"),
                Literal(catalog.prompt(f"cpd.{stage}_hint"), classes="step-intro"),
                TextArea(prefill.shown, id=f"cpd-{stage}", soft_wrap=True, tab_behavior="focus"),
            ]
        hours = written.hours if written else None
        self._hours_shown = "" if hours is None else hours_text(hours)
        is_hours = Function(_is_hours, catalog.prompt("cpd.hours_wrong"))
        widgets += [
            Literal(catalog.prompt("cpd.hours"), classes="question"),
            Input(self._hours_shown, placeholder="1.5", validators=[is_hours], id="cpd-hours"),
            Literal("", id="cpd-problem"),
        ]
        body = self.query_one("#cpd-body", VerticalScroll)
        body.mount_all(widgets)
        self.query_one("#cpd-keep", Button).disabled = False
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        """The first stage, ready to type: it is in sight below the words, so the page is not
        scrolled (a scroll asked before the new boxes are laid out lands differently each run)."""
        if self.model is not None:
            self.query_one(f"#cpd-{CPD_STAGES[self.model][0]}", TextArea).focus(
                scroll_visible=False
            )

    # --- what was typed ------------------------------------------------------------------

    def _stage_texts(self) -> dict[str, str]:
        return {
            stage: prefill.kept(self.query_one(f"#cpd-{stage}", TextArea).text)
            for stage, prefill in self._prefills.items()
        }

    def _changed(self) -> bool:
        if not self._prefills:
            return False
        hours = self.query_one("#cpd-hours", Input).value
        texts = self._stage_texts()
        return hours != self._hours_shown or any(
            texts[stage] != prefill.stored for stage, prefill in self._prefills.items()
        )

    def _say(self, problem: str) -> None:
        self.query_one("#cpd-problem", Literal).update(problem)

    # --- keeping, removing, leaving ------------------------------------------------------

    @on(Button.Pressed, "#cpd-keep")
    def _keep_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed, "#cpd-remove")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_remove()

    @on(Input.Submitted, "#cpd-hours")
    def _hours_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()

    def action_keep(self) -> None:
        """Check what was typed; keep the write-up, or say in place what is wrong."""
        if self.model is None or not self._prefills:
            return
        catalog = self.app.catalog
        try:
            hours = read_hours(self.query_one("#cpd-hours", Input).value)
        except ValueError:
            self._say(catalog.prompt("cpd.hours_wrong"))
            self.query_one("#cpd-hours", Input).focus()
            return
        texts = self._stage_texts()
        if not any(text.strip() for text in texts.values()):
            self._say(catalog.prompt("cpd.nothing_written"))
            return
        extra = self.reflection.cpd.extra if self.reflection.cpd else {}
        try:
            write_up = CpdWriteUp(model=self.model, hours=hours, extra=extra, **texts)
        except ModelError as error:
            self._say(str(error))
            return
        self._say("")
        self.query_one("#cpd-keep", Button).disabled = True
        self._save(write_up)

    def action_remove(self) -> None:
        """Ask, then save the reflection without its write-up (the reflection stays)."""
        if self.reflection.cpd is None:
            return
        catalog = self.app.catalog
        question = catalog.prompt(
            "cpd.remove_question",
            kind=self._kind_word("noun"),
            day=long_date(self.reflection.date),
        )
        asked = ConfirmScreen(
            question,
            confirm=catalog.prompt("cpd.remove_confirm"),
            keep=catalog.prompt("cpd.remove_keep"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(None)

        self.app.push_screen(asked, answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove is offered only when there is a write-up to remove."""
        if action == "remove":
            return self.reflection.cpd is not None
        return True

    def _kind_word(self, form: str) -> str:
        """What the entry is called: the reflection's kind, or the practice's (with its title)."""
        catalog = self.app.catalog
        if isinstance(self.reflection, Practice):
            title = self.reflection.title
            return catalog.prompt(f"practice_history.cpd_{form}", title=title)
        return catalog.kind_word(self.reflection.kind, "noun" if form == "noun" else "title")

    @in_background("The write-up was not kept", group=WRITE, exclusive=True)
    def _save(self, write_up: CpdWriteUp | None) -> Entry:
        """On the journal's latest copy of the entry, so nothing else in it is undone."""
        journal = self.app.journal
        if isinstance(self.reflection, Practice):
            found = [p for p in journal.records(Practice, since=self.reflection.date)
                     if p.id == self.reflection.id]  # fmt: skip
            if not found:
                raise ReflectionNotFound(self.reflection.id)
            practice = replace(found[0], cpd=write_up)  # frozen: a changed copy
            journal.save_record(practice)
            return practice
        latest = journal.get(self.reflection.id)
        if latest is None:
            raise ReflectionNotFound(self.reflection.id)
        updated = latest.with_changes(cpd=write_up)
        journal.update(updated)
        return updated

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Kept or removed: say so and go back with the reflection as saved."""
        worker: Worker[Any] = event.worker
        saved = worker.result  # what ``_save`` gives back, once it has succeeded
        if worker.group == WRITE and worker.state is WorkerState.SUCCESS:
            if not isinstance(saved, Reflection | Practice):
                return
            said = "cpd.saved" if saved.cpd is not None else "cpd.removed"
            self.notify(self.app.catalog.prompt(said))
            self.dismiss(saved)

    def action_back(self) -> None:
        """Back; when something typed here is not kept yet, ask first."""
        if not self._changed():
            self.dismiss(None)
            return
        catalog = self.app.catalog
        asked = ConfirmScreen(
            catalog.prompt("cpd.leave_question"),
            confirm=catalog.prompt("cpd.leave_confirm"),
            keep=catalog.prompt("cpd.leave_keep"),
        )

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(asked, answered)
