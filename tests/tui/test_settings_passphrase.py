"""The passphrase in settings: set (twice, hidden), change, remove, and a new recovery key shown
once, each through its dialog doing the CLI's own work on a real journal, under the real app.

What is being written is never lost: a reflection under way when the passphrase is set is kept
in the journal encrypted, and the app carries on with the journal opened under its new sealing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from coach.content import Catalog
from coach.journal import Journal, LockedJournal, WrongPassphrase, unlock
from coach.journal.encryption import encrypt, is_encrypted
from coach.settings import read_settings
from coach.tui.app import CoachApp
from coach.tui.screens.passphrase import PassphraseDialog, RecoveryKeyDialog
from coach.tui.screens.settings import SettingsScreen, open_settings
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import errors, fixed_clock, make_app, settle, tab_to

PASSPHRASE = "kettle on at half past five"
NEW = "a walk by the river at lunch"
TYPED = "TYPED-51c2 a long day with a kind ending"


def problem(app: CoachApp) -> str:
    return str(app.screen.query_one("#passphrase-problem", Literal).content)


def displayed(app: CoachApp, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return all(node.display for node in widget.ancestors_with_self if node is not app.screen)


def clear(app: CoachApp) -> None:
    """Empty the dialog's boxes, ready to type in the first again."""
    for box in app.screen.query(Input).results(Input):
        box.value = ""
    app.screen.query(Input).first().focus()


async def press_button(pilot: Pilot[None], selector: str) -> None:
    await tab_to(pilot, selector)
    await pilot.press("enter")
    await settle(pilot)


async def fill(pilot: Pilot[None], *typed: str) -> None:
    """Type each into the dialog's boxes in turn (tab between), then enter."""
    for number, text in enumerate(typed):
        if number:
            await pilot.press("tab")
        await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Journal, str]:
    """An encrypted journal, opened with its passphrase, and its recovery key."""
    data_dir = tmp_path / "data"
    Journal(data_dir).close()
    recovery = encrypt(data_dir, PASSPHRASE)
    return Journal(data_dir, sealing=unlock(data_dir, PASSPHRASE)), recovery


async def test_setting_a_passphrase_keeps_the_reflection_under_way_encrypted(
    app: CoachApp, journal: Journal
) -> None:
    data_dir = journal.data_dir
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#narrative", TextArea).insert(TYPED)
        open_settings(app)
        await settle(pilot)
        assert not displayed(app, "#lock-after-row")
        assert "Not encrypted" in str(app.screen.query_one("#passphrase-now", Literal).content)
        await press_button(pilot, "#passphrase-set")
        assert isinstance(app.screen, PassphraseDialog)
        assert all(box.password for box in app.screen.query(Input).results(Input))
        await fill(pilot, NEW, "a walk by the river at tea")
        assert "not the same" in problem(app)
        assert not is_encrypted(data_dir)
        clear(app)
        await fill(pilot, "short", "short")
        assert "at least 10 characters" in problem(app)
        clear(app)
        await fill(pilot, PASSPHRASE, PASSPHRASE)
        assert isinstance(app.screen, RecoveryKeyDialog)
        recovery = str(app.screen.query_one("#recovery-key", Literal).content)
        await pilot.press("escape")  # one stray key never loses the only showing of it
        assert isinstance(app.screen, RecoveryKeyDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert app.journal.encrypted
        assert is_encrypted(data_dir)
        assert displayed(app, "#lock-after-row")
        assert displayed(app, "#passphrase-change")
        assert not displayed(app, "#passphrase-set")
        app.autosave_draft()  # what is under way goes on being kept, now encrypted
        await settle(pilot)
        assert errors(app) == []
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"TYPED-51c2" not in path.read_bytes(), path
    for secret in (PASSPHRASE, recovery):
        with LockedJournal(data_dir).open(secret) as opened:
            draft = opened.load_draft()
            assert draft is not None
            assert TYPED in str(draft.state)


async def test_change_says_a_wrong_passphrase_in_one_line_then_changes_it(
    encrypted: tuple[Journal, str], catalog: Catalog
) -> None:
    journal, recovery = encrypted
    app = CoachApp(journal, catalog, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_settings(app)
        await settle(pilot)
        await press_button(pilot, "#passphrase-change")
        await fill(pilot, "not my passphrase at all", NEW, NEW)
        assert isinstance(app.screen, PassphraseDialog)
        assert problem(app) == catalog.prompt("passphrase.wrong")
        assert app.screen.query_one("#passphrase-new", Input).value == NEW  # nothing lost
        app.screen.query_one("#passphrase-current", Input).value = ""
        app.screen.query_one("#passphrase-current", Input).focus()
        await pilot.press(*recovery, "enter")  # the recovery key works as the old one
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await tab_to(pilot, "#leave-horizon")  # the journal still takes changes
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        assert errors(app) == []
    data_dir = journal.data_dir
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, PASSPHRASE)
    with LockedJournal(data_dir).open(NEW) as opened:
        assert read_settings(opened).leave_horizon_weeks != 8


async def test_a_new_recovery_key_is_shown_once_and_the_old_one_stops_working(
    encrypted: tuple[Journal, str], catalog: Catalog
) -> None:
    journal, old = encrypted
    app = CoachApp(journal, catalog, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_settings(app)
        await settle(pilot)
        await press_button(pilot, "#passphrase-new-recovery")
        await fill(pilot, PASSPHRASE)
        assert isinstance(app.screen, RecoveryKeyDialog)
        new = str(app.screen.query_one("#recovery-key", Literal).content)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
    assert new != old
    unlock(journal.data_dir, new)
    with pytest.raises(WrongPassphrase):
        unlock(journal.data_dir, old)


async def test_removing_the_passphrase_stores_the_journal_plain_and_carries_on(
    encrypted: tuple[Journal, str], catalog: Catalog
) -> None:
    journal, _recovery = encrypted
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_settings(app)
        await settle(pilot)
        await press_button(pilot, "#passphrase-remove")
        await fill(pilot, "the wrong words entirely")
        assert problem(app) == catalog.prompt("passphrase.wrong")
        assert is_encrypted(journal.data_dir)
        app.screen.query_one("#passphrase-current", Input).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert not is_encrypted(journal.data_dir)
        assert not app.journal.encrypted
        assert not displayed(app, "#lock-after-row")
        assert displayed(app, "#passphrase-set")
        await tab_to(pilot, "#leave-horizon")
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        assert errors(app) == []
    with Journal(journal.data_dir) as plain:
        assert read_settings(plain).leave_horizon_weeks != 8


async def test_cancelling_after_typing_asks_first(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_settings(app)
        await settle(pilot)
        await press_button(pilot, "#passphrase-set")
        await pilot.press(*"half typed")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PassphraseDialog)  # the question, over it
        await pilot.press("escape")  # keep going
        await settle(pilot)
        assert isinstance(app.screen, PassphraseDialog)
        assert app.screen.query_one("#passphrase-new", Input).value == "half typed"
