"""Entry detail: one past reflection by phase; edit it, delete it, save it as Markdown, or
follow up its plans however long ago it was written (home only asks about the last 14 days)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header

from coach.dates import long_date
from coach.exports import reflection_markdown
from coach.journal.backups import rolled_over_by
from coach.journal.outside import documents_folder
from coach.model import Reflection
from coach.tui.base import in_background
from coach.tui.messages import EditEntry, EntryChanged
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.cpd import CpdScreen, Entry
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.page import PageScreen, page_keys
from coach.tui.screens.save_file import SaveFileScreen
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.literal import Literal
from coach.tui.widgets.reflection_view import ReflectionView

DELETED = "deleted"


def markdown_path(folder: Path, reflection: Reflection) -> Path:
    """A file name in ``folder`` for one entry that is not taken yet: ``pwp-coach-DATE.md``."""
    stem = f"pwp-coach-{reflection.date.isoformat()}"
    candidate = folder / f"{stem}.md"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{number}.md"
        number += 1
    return candidate


class EntryDetailScreen(PageScreen[str | None]):
    """The whole reflection; dismisses with ``DELETED`` once it has been deleted."""

    AUTO_FOCUS = "#entry-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        *page_keys(
            "entry",
            ("e", "edit", "Edit"),
            ("d", "delete", "Delete"),
            ("m", "markdown", "Markdown"),
            ("c", "cpd", "CPD"),
        ),
        # Not in the footer (no room at 80 columns): its button says the key, when it applies.
        Binding("f", "follow_up", "Follow up", id="entry.follow_up", show=False),
    ]

    def __init__(self, reflection: Reflection, *, export_folder: Path | None = None) -> None:
        """``export_folder``: where the Markdown file is offered (default: Documents, or home)."""
        super().__init__()
        self.reflection = reflection
        self.export_folder = export_folder

    def compose(self) -> ComposeResult:
        """The reflection by phase, and the same actions as buttons for the mouse (each runs
        its key's action)."""
        yield Header()
        with VerticalScroll(id="entry-body"):
            marked = Literal(self.app.catalog.prompt("cpd.marked"), id="entry-cpd")
            marked.display = self.reflection.cpd is not None
            yield marked
            yield ReflectionView(self.reflection, self.app.catalog, id="entry-view")
            with Horizontal(classes="step-buttons", id="entry-buttons"):
                yield Button("Back", id="back", action="screen.back")
                edit = Button("Edit  (e)", id="edit", variant="primary", action="screen.edit")
                edit.display = self.reflection.imported is None
                yield edit
                yield Button("Delete  (d)", id="delete", variant="error", action="screen.delete")
                yield Button("Markdown  (m)", id="markdown", action="screen.markdown")
                follow_up = Button("Follow up  (f)", id="follow-up", action="screen.follow_up")
                follow_up.display = bool(self.reflection.pending_actions)
                yield follow_up
        yield CoachFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """An imported note is kept as it came, so Edit and CPD are greyed out in the footer and
        their keys do nothing; the note's first lines say why. (A user who knows ``e`` from
        their own entries sees the key there, disabled, beside the reason, rather than a
        footer that changes shape from one entry to the next.)"""
        if action in ("edit", "cpd") and self.reflection.imported is not None:
            return None  # shown greyed out, and the key runs nothing
        return super().check_action(action, parameters)

    def action_edit(self) -> None:
        """Reopen the steps prefilled; saving replaces this entry in place."""
        self.post_message(EditEntry(self.reflection))

    def on_flow_entry_changed(self, message: EntryChanged) -> None:
        """This entry was edited and saved (from here, in the steps): show it as it is now."""
        if message.reflection.id == self.reflection.id:
            self._show(message.reflection)

    def _show(self, reflection: Reflection) -> None:
        """Show ``reflection`` (this entry, changed): its text, its CPD mark, its follow-up."""
        self.reflection = reflection
        self.query_one("#entry-view", ReflectionView).show(reflection)
        self.query_one("#entry-cpd", Literal).display = reflection.cpd is not None
        self.query_one("#follow-up", Button).display = bool(reflection.pending_actions)

    def action_cpd(self) -> None:
        """Write this entry up for CPD, or read and change its write-up."""

        def done(saved: Entry | None) -> None:
            if isinstance(saved, Reflection):
                self._show(saved)

        self.app.push_screen(CpdScreen(self.reflection), done)

    def action_follow_up(self) -> None:
        """Say how this entry's plans went; the entry shows the answers once saved."""
        if not self.reflection.pending_actions:
            return
        asked = FollowUpScreen((self.reflection,))

        def answered(_saved: bool | None) -> None:
            for updated in asked.saved:
                if updated.id == self.reflection.id:
                    self._show(updated)

        self.app.push_screen(asked, answered)

    def action_delete(self) -> None:
        """Ask, then delete in the background. The question says until when a copy stays in
        the rolling backups (``rolled_over_by``): deleting is not yet gone from the disk."""
        when = long_date(self.reflection.date)
        # "the check-in of ...", but "the imported note of ..." ("imported" is a column's word)
        imported = self.reflection.imported is not None
        kind = self.app.catalog.kind_word(self.reflection.kind, "noun" if imported else "short")
        until = rolled_over_by(self.app.today(), self.app.journal.keep_days)
        year, keep = self.reflection.date.year, self.app.journal.keep_days
        in_backups = (
            ""
            if until is None
            else " A copy stays in the rolling backups until they roll over, at the earliest "
            f"about {long_date(until)}: they keep the last {keep} days on which {year}'s "
            "reflections changed."
        )
        question = f"Delete the {kind} of {when}? This cannot be undone.{in_backups}"

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                self._delete()

        self.app.push_screen(ConfirmScreen(question), answer)

    @in_background("Not deleted", group="entry-delete", exclusive=True)
    def _delete(self) -> None:
        self.app.journal.delete(self.reflection.id)
        self.app.call_from_thread(self._deleted)

    def _deleted(self) -> None:
        self.notify("Entry deleted.")
        self.dismiss(DELETED)

    def action_markdown(self) -> None:
        """Ask where to save this entry as Markdown (a new 0600 file), then save it there.

        Never into the folder the app was started from without asking: the dialog offers a
        free name in the documents folder and says the file is not encrypted.
        """
        folder = self.export_folder or documents_folder()
        dialog = SaveFileScreen(
            title="Save this entry as a Markdown file",
            suggested=markdown_path(folder, self.reflection),
            payload=reflection_markdown(self.reflection).encode("utf-8"),
            data_dir=self.app.journal.data_dir,
        )

        def saved(written: Path | None) -> None:
            if written is not None:
                self.notify(f"Saved as Markdown: {written}", timeout=10)

        self.app.push_screen(dialog, saved)
