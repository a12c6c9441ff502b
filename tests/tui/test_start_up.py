"""Starting the app as ``coach`` does: the collector paused for the start, running once home
has settled, and running again whatever happens."""

from __future__ import annotations

import argparse
import gc
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Button

from coach.journal import JournalError
from coach.tui.base import SCREENS_CSS
from coach.tui.launch import opened_app
from coach.tui.read_ahead import WARM_UP_AFTER_SECONDS


def args_for(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(content=None, data_dir=str(data_dir), demo=False)


async def test_the_collector_is_paused_for_the_start_and_runs_once_home_has_settled(
    tmp_path: Path,
) -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    with opened_app(args_for(tmp_path / "data")) as app:
        assert not gc.isenabled()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(WARM_UP_AFTER_SECONDS + 0.2)
            assert gc.isenabled()
            # What start-up made is out of the collector's sight, until the app closes.
            assert gc.get_freeze_count() > frozen_before
            await pilot.app.workers.wait_for_complete()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


async def test_the_writing_screens_css_is_read_when_the_first_of_them_opens(
    tmp_path: Path,
) -> None:
    with opened_app(args_for(tmp_path / "data")) as app:
        async with app.run_test(size=(80, 24)) as pilot:

            def read() -> list[bool]:
                return [app.stylesheet.has_source(str(path)) for path in SCREENS_CSS]

            await pilot.pause(WARM_UP_AFTER_SECONDS + 0.2)
            assert read() == [False]  # home (and all it shares) needs none of it
            await pilot.press("h")
            await pilot.pause()
            assert read() == [False]  # nor do the pages that look back (history.tcss)
            await pilot.press("escape", "r")  # a reflection's first step
            await pilot.pause()
            assert read() == [True]
            await pilot.app.workers.wait_for_complete()


async def test_buttons_styles_are_read_when_the_first_screen_with_buttons_opens(
    tmp_path: Path,
) -> None:
    """Home's ways in are links (``coach.tui.widgets.ways_in``): Textual reads Button's 7 KB of
    CSS when the first screen that has buttons opens, not at start-up."""
    buttons_css = (inspect.getfile(Button), "Button.DEFAULT_CSS")
    with opened_app(args_for(tmp_path / "data")) as app:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not app.query(Button)
            assert not app.stylesheet.has_source(*buttons_css)
            await pilot.press("r")  # a reflection's first step: Next and Save buttons
            await pilot.pause()
            assert app.screen.query(Button)
            assert app.stylesheet.has_source(*buttons_css)
            await pilot.app.workers.wait_for_complete()


def test_the_collector_runs_again_when_the_app_never_starts(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the journal's folder should be")
    opening = opened_app(args_for(tmp_path / "data"))
    with pytest.raises(JournalError, match="is a file, not a folder"):
        opening.__enter__()
    assert gc.isenabled()


# What home's start-up never needs (issue 10: nothing not needed for home on the start path):
# the reflection in progress and its rules, made when one is begun or a draft is offered; the
# records of the tools home does not read (it reads leave alone), and the list of every kind.
NOT_FOR_HOME = (
    *("coach.session", "coach.draft"),
    *("coach.people", "coach.supervision", "coach.practice", "coach.record_kinds"),
)

START_TO_HOME = """
import asyncio, sys
from coach.cli import app_arguments
from coach.tui.launch import opened_app

async def main():
    with opened_app(app_arguments(["--data-dir", sys.argv[1]])) as app:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            print(" ".join(sorted(m for m in sys.modules if m.startswith("coach."))))

asyncio.run(main())
"""


def test_home_starts_without_the_modules_it_does_not_need(tmp_path: Path) -> None:
    found = subprocess.run(
        [sys.executable, "-c", START_TO_HOME, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    loaded = set(found.stdout.split())
    assert "coach.tui.screens.home" in loaded, found.stderr  # it did reach home
    assert loaded.isdisjoint(NOT_FOR_HOME), sorted(loaded & set(NOT_FOR_HOME))
