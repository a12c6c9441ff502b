"""Starting the app as ``coach`` does: the collector paused for the start, running once home
has settled, and running again whatever happens."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import pytest

from coach.journal import JournalError
from coach.tui.app import WARM_UP_AFTER_SECONDS
from coach.tui.launch import opened_app


def args_for(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(content=None, data_dir=str(data_dir), demo=False)


async def test_the_collector_is_paused_for_the_start_and_runs_once_home_has_settled(
    tmp_path: Path,
) -> None:
    assert gc.isenabled()
    with opened_app(args_for(tmp_path / "data")) as app:
        assert not gc.isenabled()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(WARM_UP_AFTER_SECONDS + 0.2)
            assert gc.isenabled()
            await pilot.app.workers.wait_for_complete()
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_app_never_starts(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the journal's folder should be")
    opening = opened_app(args_for(tmp_path / "data"))
    with pytest.raises(JournalError, match="is a file, not a folder"):
        opening.__enter__()
    assert gc.isenabled()
