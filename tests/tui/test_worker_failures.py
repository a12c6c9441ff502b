"""One way a background job's failure is shown: a plain notice, once, and never a crash."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from coach.journal import JournalError
from coach.tui.app import CoachApp
from coach.tui.base import CoachScreen, in_background
from tests.tui.conftest import settle


class FailingScreen(CoachScreen[None]):
    """A screen whose jobs fail: one as the journal fails, one as a fault in the coach."""

    undone = False

    def compose(self) -> ComposeResult:
        yield Static("failing")

    @in_background("Not saved")
    def save(self) -> None:
        raise JournalError("journal file 2026.json is damaged (entry x: strain: must be 0-10)")

    @in_background("History could not be read")
    def read(self) -> None:
        raise ValueError("a fault")

    def worker_failed(self, worker: object) -> None:
        self.undone = True
        super().worker_failed(worker)  # type: ignore[arg-type]


def errors(app: CoachApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_a_failed_job_is_said_once_in_one_line_and_the_screen_can_undo(
    app: CoachApp,
) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = FailingScreen()
        await app.push_screen(screen)
        screen.save()
        await settle(pilot)
        assert errors(app) == [
            "Not saved: journal file 2026.json is damaged (entry x: strain: must be 0-10)"
        ]
        assert screen.undone


async def test_a_fault_in_a_job_is_said_plainly_and_the_app_carries_on(app: CoachApp) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = FailingScreen()
        await app.push_screen(screen)
        screen.read()
        await settle(pilot)
        [said] = errors(app)
        assert said.startswith("History could not be read: something went wrong in the coach")
        assert "ValueError: a fault" in said
        assert app.is_running
        assert app.screen is screen
