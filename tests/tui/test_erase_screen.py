"""Erase everything, from the settings screen, driven by the keys a user presses on a real
journal: the word typed and confirmed erases it and closes the app saying so; escape, Keep or
any other word deletes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Reflection
from coach.tui.screens.erase import EraseScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import make_app, settle, tab_to


def journal_with_a_reflection(folder: Path) -> Journal:
    journal = Journal(folder)
    journal.add(
        Reflection(
            id="r-1",
            date=dt.date(2026, 11, 26),
            created=dt.datetime(2026, 11, 26, 18, 0, tzinfo=dt.UTC),
            narrative="A private line.",
        )
    )
    return journal


def everything_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


async def open_erase(pilot: Pilot[None]) -> EraseScreen:
    """From home: settings, then tab to Erase everything and press enter."""
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SettingsScreen)
    await tab_to(pilot, "#erase-everything")
    await pilot.press("enter")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, EraseScreen)
    return dialog


def said(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Literal).content)


async def test_typing_the_word_erases_the_journal_and_closes_the_app(
    tmp_path: Path, catalog: Catalog, capfd: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    journal = journal_with_a_reflection(data)
    (data / "mine.txt").write_bytes(b"my own notes")
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_erase(pilot)
        assert "cannot be undone" in said(pilot, "#erase-what-goes")
        caveats = said(pilot, "#erase-caveats")
        assert "SSD" in caveats
        assert "backed up" in caveats
        assert "Passphrase encryption" in caveats
        assert "type erase below" in said(pilot, "#erase-ask")
        await pilot.press(*"erase", "enter")
        await settle(pilot)
        await settle(pilot)
    assert not app.is_running
    assert sorted(p.name for p in data.iterdir()) == ["mine.txt"]
    assert (data / "mine.txt").read_bytes() == b"my own notes"
    told = " ".join(capfd.readouterr().err.split())  # said on the terminal as the app closes
    assert "Your journal has been erased from this machine." in told
    assert "Your own files in" in told


async def test_the_erase_button_confirms_and_a_folder_left_empty_goes_too(
    tmp_path: Path, catalog: Catalog
) -> None:
    data = tmp_path / "data"
    app = make_app(journal_with_a_reflection(data), catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_erase(pilot)
        await pilot.press(*"erase")
        await tab_to(pilot, "#erase-confirm")
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
    assert not data.exists()


async def test_escape_and_keep_and_a_wrong_word_delete_nothing(
    tmp_path: Path, catalog: Catalog
) -> None:
    data = tmp_path / "data"
    journal = journal_with_a_reflection(data)
    before = everything_under(data)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_erase(pilot)
        await pilot.press(*"erase", "escape")  # the word typed, then escape: kept
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)

        await tab_to(pilot, "#erase-everything")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"delete", "enter")  # the wrong word: said, and the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, EraseScreen)
        assert "Nothing was deleted" in said(pilot, "#erase-ask")

        await tab_to(pilot, "#erase-keep")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert not app.screen.query_one("#erase-everything", Button).disabled
        assert app.is_running
    assert everything_under(data) == before
    assert [r.id for r in Journal(data).iter_newest_first()] == ["r-1"]
