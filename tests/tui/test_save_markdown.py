"""``m`` on an entry: asks where, says the file is not encrypted, never overwrites, never surprises.

It used to write a Markdown file into whatever folder the app was started from, without
asking. Each test starts the app from a folder of its own and checks nothing lands there.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from coach.content import Catalog
from coach.exports import reflection_markdown
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection
from coach.tui.app import CoachApp
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.save_file import SaveFileScreen
from tests.tui.conftest import make_app, settle

DAY = dt.date(2026, 11, 25)
NAME = "pwp-coach-2026-11-25.md"
MARKUP = "[@click=app.quit]mine[/] café ✓"


@pytest.fixture
def entry() -> Reflection:
    return Reflection(
        id="risk",
        date=DAY,
        created=dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC),
        strain=8,
        narrative=MARKUP,
        challenges=(Challenge("risk", "Risk and safeguarding", Dimension.SYSTEMIC),),
        actions=(CopingAction("debrief", "Debrief after a risk call", Category.RELATIONAL),),
    )


@pytest.fixture
def documents(home: Path) -> Path:
    folder = home / "Documents"
    folder.mkdir()
    return folder


@pytest.fixture
def started_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the app is started from: it must stay empty."""
    folder = tmp_path / "started-here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def app(journal: Journal, catalog: Catalog, entry: Reflection, started_here: Path) -> CoachApp:
    journal.add(entry)
    return make_app(journal, catalog)


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


async def open_dialog(pilot: Pilot[None]) -> SaveFileScreen:
    """History, the entry, then ``m``, as a user does."""
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EntryDetailScreen)
    await pilot.press("m")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, SaveFileScreen)
    return dialog


def path_in(dialog: SaveFileScreen) -> str:
    return dialog.query_one("#save-path", Input).value


def problem_in(dialog: SaveFileScreen) -> str:
    shown = dialog.query_one("#save-problem", Static)
    return str(shown.render()) if shown.display else ""


async def type_path(pilot: Pilot[None], text: str) -> None:
    """Clear the name and type another, key by key."""
    await pilot.press("end", "ctrl+u", *text)


def saved_messages(app: CoachApp) -> list[str]:
    return [n.message for n in app._notifications if n.message.startswith("Saved as Markdown")]


async def test_m_offers_a_free_name_in_documents_and_saves_it_privately(
    app: CoachApp, entry: Reflection, documents: Path, started_here: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert path_in(dialog) == str(documents / NAME)
        warning = str(dialog.query_one("#save-warning", Static).render())
        assert "not encrypted" in warning
        assert "anyone who can open that folder can read it" in warning
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        await pilot.press("m")  # a second copy gets a name of its own
        await settle(pilot)
        second = app.screen
        assert isinstance(second, SaveFileScreen)
        assert path_in(second) == str(documents / "pwp-coach-2026-11-25-2.md")
        await pilot.click("#save")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        messages = saved_messages(app)
    first = documents / NAME
    assert messages == [
        f"Saved as Markdown: {first}",
        f"Saved as Markdown: {documents / 'pwp-coach-2026-11-25-2.md'}",
    ]
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert first.read_text(encoding="utf-8") == reflection_markdown(entry)
    assert MARKUP in first.read_text(encoding="utf-8")
    assert {p.name for p in documents.iterdir()} == {NAME, "pwp-coach-2026-11-25-2.md"}
    assert list(started_here.iterdir()) == []


async def test_an_existing_file_is_refused_in_the_dialog_and_left_untouched(
    app: CoachApp, documents: Path, started_here: Path
) -> None:
    mine = documents / "thesis.md"
    mine.write_bytes(b"three years of work")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await type_path(pilot, str(mine))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # still open, to choose another name
        assert problem_in(dialog) == f"Not saved: {mine} already exists; give a new name."
        assert not dialog.query_one("#save", Button).disabled
        await type_path(pilot, "another.md")  # a bare name goes in the folder offered
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        messages = saved_messages(app)
    assert mine.read_bytes() == b"three years of work"
    assert messages == [f"Saved as Markdown: {documents / 'another.md'}"]
    assert (documents / "another.md").exists()
    assert list(started_here.iterdir()) == []


@pytest.mark.parametrize("where", ["export.md", "journal/export.md", "journal/2026.json"])
async def test_the_journal_folder_is_refused_in_the_dialog(
    app: CoachApp, journal: Journal, documents: Path, started_here: Path, where: str
) -> None:
    before = files_under(journal.data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await type_path(pilot, str(journal.data_dir / where))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "is inside the journal's folder" in problem_in(dialog)
        assert "choose a place outside it" in problem_in(dialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
    assert files_under(journal.data_dir) == before
    assert list(documents.iterdir()) == []
    assert list(started_here.iterdir()) == []


@pytest.mark.parametrize("how", ["escape", "button"])
async def test_cancel_writes_nothing(
    app: CoachApp, documents: Path, started_here: Path, how: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        if how == "escape":
            await pilot.press("escape")
        else:
            await pilot.click("#cancel")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert saved_messages(app) == []
    assert list(documents.iterdir()) == []
    assert list(started_here.iterdir()) == []


async def test_an_empty_name_is_asked_for_again(app: CoachApp, documents: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await type_path(pilot, "   ")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert problem_in(dialog) == "Give a name for the file."
    assert list(documents.iterdir()) == []


async def test_without_a_documents_folder_home_is_offered(
    app: CoachApp, home: Path, started_here: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert path_in(dialog) == str(home / NAME)
        await pilot.press("enter")
        await settle(pilot)
    assert (home / NAME).exists()
    assert list(started_here.iterdir()) == []


async def test_a_missing_folder_is_said_in_the_dialog_and_not_made(
    app: CoachApp, journal: Journal, entry: Reflection, tmp_path: Path
) -> None:
    missing = tmp_path / "gone"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(EntryDetailScreen(entry, export_folder=missing))
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveFileScreen)
        assert path_in(dialog) == str(missing / NAME)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert problem_in(dialog) == (
            f"Not saved: {missing / NAME} cannot be written: the folder {missing} does not "
            "exist; create it first, or choose another place."
        )
    assert not missing.exists()
