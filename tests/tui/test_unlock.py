"""An encrypted journal in the app: it opens on the unlock screen, F2 works there, a wrong
passphrase is said plainly and pauses after a few tries, and the app locks itself when idle,
keeping what was being written (encrypted) first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, TextArea

from coach.content import Catalog
from coach.journal import Journal, JournalLocked, LockedJournal, unlock
from coach.journal.encryption import encrypt
from coach.settings import read_settings
from coach.tui.app import CoachApp
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.screens.unlock import FREE_TRIES, UnlockScreen, pause_after
from tests.tui.conftest import errors, fixed_clock, settle

PASSPHRASE = "kettle on at half past five"
TYPED = "TYPED-9e1b words about a long day"


class IdleClock:
    """Seconds since start, moved on by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def locked(tmp_path: Path) -> tuple[LockedJournal, str]:
    """An encrypted journal holding nothing yet, and its recovery key."""
    data_dir = tmp_path / "data"
    Journal(data_dir).close()
    recovery = encrypt(data_dir, PASSPHRASE)
    return LockedJournal(data_dir), recovery


def app_on(locked: LockedJournal, catalog: Catalog, clock: IdleClock) -> CoachApp:
    return CoachApp(locked, catalog, clock=fixed_clock, idle_clock=clock, offer_draft=True)


async def type_in(pilot: object, text: str) -> None:
    await pilot.press(*text, "enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


def problem_line(app: CoachApp) -> str:
    return str(app.screen.query_one("#unlock-problem").render())


async def test_it_opens_on_unlock_says_a_wrong_passphrase_and_opens_with_the_right_one(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    app = app_on(locked[0], catalog, IdleClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one(Input).password
        await type_in(pilot, "not the passphrase at all")
        assert "does not open this journal" in problem_line(app)
        assert app.screen.query_one(Input).value == ""  # not kept on screen
        await type_in(pilot, PASSPHRASE)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "empty so far" in str(app.screen.query_one("#home-journal").render())
        assert errors(app) == []


async def test_the_recovery_key_opens_it_too(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    app = app_on(locked[0], catalog, IdleClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_in(pilot, locked[1])
        await settle(pilot)
        assert app.unlocked
        assert isinstance(app.screen, HomeScreen)


async def test_f2_support_works_on_the_unlock_screen_and_nothing_of_the_journal_is_read(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    app = app_on(locked[0], catalog, IdleClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Support now" in titles
        assert "Settings" not in titles  # nothing of the journal's until it is open
        assert "About" not in titles
        with pytest.raises(JournalLocked):
            _ = app.journal
        assert errors(app) == []


async def test_wrong_tries_pause_a_little_and_never_lock_out(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    app = app_on(locked[0], catalog, IdleClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(FREE_TRIES):
            await type_in(pilot, "not the passphrase at all")
        box = app.screen.query_one(Input)
        assert box.disabled
        assert "try again in 5 seconds" in problem_line(app)
        await pilot.pause(pause_after(FREE_TRIES) + 0.3)
        assert not box.disabled
        await type_in(pilot, PASSPHRASE)
        await settle(pilot)
        assert app.unlocked


def test_the_pause_grows_a_little_and_stops_growing() -> None:
    assert [pause_after(n) for n in range(1, 10)] == [0, 0, 5, 10, 15, 20, 25, 30, 30]


async def test_idle_the_app_keeps_the_draft_encrypted_then_locks(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    clock = IdleClock()
    data_dir = locked[0].data_dir
    app = app_on(locked[0], catalog, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_in(pilot, PASSPHRASE)
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#narrative", TextArea).insert(TYPED)
        clock.now = 9 * 60  # used nine minutes ago: not yet
        app.lock_if_idle()
        await settle(pilot)
        assert app.unlocked
        clock.now = 9 * 60 + 10 * 60
        app.lock_if_idle()
        await settle(pilot)
        assert not app.unlocked
        assert isinstance(app.screen, UnlockScreen)
        assert len(app.screen_stack) == 2  # home, hidden under the unlock screen
        assert "locked itself after 10 minutes" in problem_line(app)
        for path in data_dir.rglob("*"):
            if path.is_file():
                assert b"TYPED-9e1b" not in path.read_bytes(), path
        with Journal(data_dir, sealing=unlock(data_dir, PASSPHRASE)) as journal:
            draft = journal.load_draft()
        assert draft is not None
        assert TYPED in str(draft.state)
        await type_in(pilot, PASSPHRASE)  # back in: the reflection is offered again
        await settle(pilot)
        assert app.unlocked
        assert errors(app) == []


async def test_a_key_pressed_counts_as_use(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    clock = IdleClock()
    app = app_on(locked[0], catalog, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_in(pilot, PASSPHRASE)
        clock.now = 9 * 60
        await pilot.press("h")  # history
        await settle(pilot)
        clock.now = 15 * 60  # fifteen minutes from the start, six from the key
        app.lock_if_idle()
        await settle(pilot)
        assert app.unlocked


async def test_a_plain_journal_never_locks(journal: Journal, catalog: Catalog) -> None:
    clock = IdleClock()
    app = CoachApp(journal, catalog, clock=fixed_clock, idle_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        clock.now = 24 * 60 * 60
        app.lock_if_idle()
        await settle(pilot)
        assert app.unlocked
        assert isinstance(app.screen, HomeScreen)


async def test_settings_choose_how_long_an_encrypted_journal_waits_before_locking(
    locked: tuple[LockedJournal, str], catalog: Catalog
) -> None:
    clock = IdleClock()
    app = app_on(locked[0], catalog, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_in(pilot, PASSPHRASE)
        await pilot.press("s")
        await settle(pilot)
        choice = app.screen.query_one("#lock-after", Select)
        assert choice.value == 10  # the default
        choice.focus()
        await pilot.press("enter", "up", "enter")  # five minutes
        await settle(pilot)
        assert read_settings(app.journal).lock_after_minutes == 5
        await pilot.press("escape")
        await settle(pilot)
        clock.now = 6 * 60
        app.lock_if_idle()
        await settle(pilot)
        assert not app.unlocked
        assert "after 5 minutes" in problem_line(app)


async def test_a_plain_journals_settings_have_no_lock_time(
    journal: Journal, catalog: Catalog
) -> None:
    app = CoachApp(journal, catalog, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        # Hidden, not gone: setting a passphrase in settings shows it.
        assert app.screen.query_one("#lock-after-row").display is False
