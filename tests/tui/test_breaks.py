"""The break timer from anywhere: F3 or the palette, a length, the countdown on a clock the
test moves, the bell and the notice at the end, the break noted, and back where the user was."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Input, Static, TextArea
from textual.widgets._footer import FooterKey

from coach.content import Catalog
from coach.journal import Journal, LockedJournal, unlock
from coach.journal.encryption import encrypt
from coach.settings import change_settings
from coach.time_away import Break
from coach.tui.app import CoachApp
from coach.tui.screens.break_choice import BreakChoiceScreen
from coach.tui.screens.break_timer import BreakScreen
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.unlock import UnlockScreen
from tests.tui.conftest import FIXED_NOW, settle, tab_to
from tests.tui.test_unlock import PASSPHRASE, IdleClock


class MovingClock:
    """The app's clock, moved by hand: a break never waits on real time here."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def move(self, **step: float) -> None:
        self.now += dt.timedelta(**step)


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock()


@pytest.fixture
def rang() -> list[int]:
    return []


@pytest.fixture
def app(journal: Journal, catalog: Catalog, clock: MovingClock, rang: list[int]) -> CoachApp:
    made = CoachApp(journal, catalog, clock=clock)
    made.bell = lambda: rang.append(1)  # type: ignore[method-assign]
    return made


def notices(app: CoachApp) -> list[str]:
    return [n.message for n in app._notifications]


async def choose(pilot: Pilot[None], minutes: int) -> BreakScreen:
    """F3, then one of the lengths offered: the countdown is showing."""
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BreakChoiceScreen)
    await tab_to(pilot, f"#break-{minutes}")
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BreakScreen)
    return screen


def shown_time(screen: BreakScreen) -> str:
    return screen.query_one("#break-left", Digits).value


async def test_f3_on_home_counts_down_rings_and_notes_the_whole_break(
    app: CoachApp, journal: Journal, clock: MovingClock, rang: list[int], catalog: Catalog
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert app.screen.active_bindings["f3"].binding.show  # in the footer
        screen = await choose(pilot, 10)
        assert shown_time(screen) == "10:00"
        clock.move(minutes=3, seconds=20)
        screen.tick()
        assert shown_time(screen) == "06:40"
        assert not rang
        assert app.screen is screen
        clock.move(minutes=6, seconds=40)
        screen.tick()
        await settle(pilot)
        assert rang == [1]
        assert catalog.prompt("break.over") in notices(app)
        assert app.screen is home
        assert "take_break" in {key.action for key in home.query(FooterKey)}  # offered again
    [noted] = journal.records(Break)
    assert (noted.started, noted.planned, noted.lasted) == (FIXED_NOW, 10, 10)


async def test_escape_ends_early_without_asking_and_notes_the_minutes_it_lasted(
    app: CoachApp, journal: Journal, clock: MovingClock, rang: list[int]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await choose(pilot, 15)
        clock.move(minutes=4, seconds=59)
        screen.tick()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not rang  # the bell is for a break's planned end
        assert any("4 of 15 minutes" in n for n in notices(app))
    [noted] = journal.records(Break)
    assert (noted.planned, noted.lasted) == (15, 4)
    assert noted.lasted < noted.planned


async def test_a_break_on_a_reflection_step_leaves_the_draft_as_it_was(
    app: CoachApp, journal: Journal, clock: MovingClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        step = app.screen
        assert isinstance(step, ChallengesScreen)
        await tab_to(pilot, "#narrative")
        await pilot.press(*"Three risk calls [bold]before[/] lunch")
        typed = step.query_one("#narrative", TextArea).text
        stack = list(app.screen_stack)
        screen = await choose(pilot, 10)  # f3 while typing: the box does not take it
        clock.move(minutes=10)
        screen.tick()
        await settle(pilot)
        assert app.screen is step
        assert app.screen_stack == stack
        assert step.query_one("#narrative", TextArea).text == typed
        assert app.focused is step.query_one("#narrative", TextArea)
        assert app.draft is not None
        assert app.draft.narrative == typed
    assert [b.lasted for b in journal.records(Break)] == [10]


async def test_minutes_of_ones_own_are_checked_in_place(
    app: CoachApp, journal: Journal, clock: MovingClock, catalog: Catalog
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, BreakChoiceScreen)
        problem = dialog.query_one("#break-problem")
        await tab_to(pilot, "#break-minutes")
        for typed, why in (
            ("abc", catalog.prompt("break.not_a_number")),
            ("0", catalog.prompt("break.out_of_range", shortest=1, longest=240)),
            ("241", catalog.prompt("break.out_of_range", shortest=1, longest=240)),
        ):
            dialog.query_one("#break-minutes", Input).value = ""
            await pilot.press(*typed, "enter")
            await settle(pilot)
            assert app.screen is dialog, typed  # nothing started
            assert problem.display
            assert str(problem.render()) == why
        dialog.query_one("#break-minutes", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert str(problem.render()) == catalog.prompt("break.empty", shortest=1, longest=240)
        await pilot.press(*"25")
        await settle(pilot)
        assert not problem.display  # said while typing: 25 will do
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BreakScreen)
        assert shown_time(screen) == "25:00"
        await pilot.press("escape")
        await settle(pilot)
    [noted] = journal.records(Break)
    assert (noted.planned, noted.lasted) == (25, 0)


async def test_escape_in_the_dialog_takes_no_break(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert journal.records(Break) == []


async def test_the_palette_offers_a_break(app: CoachApp, clock: MovingClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Take a break" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Take a break")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BreakChoiceScreen)


async def test_f3_over_a_break_opens_nothing_more(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await choose(pilot, 5)
        stack = list(app.screen_stack)
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen_stack == stack
        assert app.screen is screen
        assert "f3" not in screen.active_bindings  # and not offered in its footer
        assert "take_break" not in {key.action for key in screen.query(FooterKey)}
        assert "Take a break" not in [c.title for c in app.get_system_commands(screen)]


async def test_a_break_ending_under_support_waits_for_support_to_close(
    app: CoachApp, journal: Journal, clock: MovingClock, rang: list[int]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await choose(pilot, 5)
        await pilot.press("f2")
        await settle(pilot)
        support = app.screen
        clock.move(minutes=6)
        screen.tick()
        await settle(pilot)
        assert rang == [1]
        assert app.screen is support  # not closed under the user's feet
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert [b.lasted for b in journal.records(Break)] == [5]


async def test_no_break_is_offered_while_the_journal_is_locked(
    journal: Journal, catalog: Catalog, clock: MovingClock
) -> None:
    app = CoachApp(LockedJournal(journal.data_dir), catalog, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert "f3" not in app.screen.active_bindings
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Take a break" not in titles
        assert "Support now" in titles


async def test_locking_when_idle_notes_the_break_so_far(
    tmp_path: Path, catalog: Catalog, clock: MovingClock
) -> None:
    """An encrypted journal still locks when left (the countdown is no reason to leave it
    open); the break is noted as far as it went, encrypted with the rest."""
    data_dir = tmp_path / "locking"
    Journal(data_dir).close()
    encrypt(data_dir, PASSPHRASE)
    idle = IdleClock()
    app = CoachApp(LockedJournal(data_dir), catalog, clock=clock, idle_clock=idle)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*PASSPHRASE, "enter")
        await settle(pilot)
        assert app.unlocked
        await choose(pilot, 15)
        clock.move(minutes=10)
        idle.now = 10 * 60
        app.lock_if_idle()
        await settle(pilot)
        assert not app.unlocked
        assert isinstance(app.screen, UnlockScreen)
        assert not [s for s in app.screen_stack if isinstance(s, BreakScreen)]
    with Journal(data_dir, sealing=unlock(data_dir, PASSPHRASE)) as journal:
        [noted] = journal.records(Break)
    assert (noted.planned, noted.lasted) == (15, 10)


@pytest.mark.parametrize(("width", "shown"), [(80, False), (120, True)])
async def test_on_a_crowded_footer_the_break_gives_way_to_support(
    journal: Journal, catalog: Catalog, width: int, shown: bool
) -> None:
    app = CoachApp(journal, catalog, clock=MovingClock())
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        keys = {key.action: key for key in app.screen.query(FooterKey)}
        assert keys["support"].display
        assert keys["take_break"].display is shown
        await pilot.press("f3")  # the key works all the same
        await settle(pilot)
        assert isinstance(app.screen, BreakChoiceScreen)


async def test_keys_moved_in_settings_start_and_end_a_break(
    journal: Journal, catalog: Catalog
) -> None:
    change_settings(journal, lambda now: replace(now, keys={"break": "f4", "break.end": "e"}))
    app = CoachApp(journal, catalog, clock=MovingClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # f3 no longer does it
        assert app.screen.active_bindings["f4"].binding.id == "break"
        await pilot.press("f4", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BreakScreen)
        said = str(screen.query_one("#break-end-early", Static).render())
        assert said == catalog.prompt("break.end_early", end_key="e")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert [b.lasted for b in journal.records(Break)] == [0]
