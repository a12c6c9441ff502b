"""A damaged journal still opens: read-only, a banner on home naming the file and the command
to run, F2's support in reach, the rest of the journal to look back on."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Reflection
from coach.tui.launch import opened_app
from coach.tui.screens.support import SupportScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import make_app, settle


async def test_home_names_the_damaged_file_and_support_is_in_reach(
    tmp_path: Path, catalog: Catalog
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.save(Reflection.new(day=dt.date(2026, 11, 20), narrative="kept"))
        journal.save(Reflection.new(day=dt.date(2025, 11, 20), narrative="lost for now"))
    damaged = data / "journal" / "2025.json"
    damaged.write_bytes(b"{not json")
    args = argparse.Namespace(data_dir=str(data), content=None, demo=False)
    with opened_app(args) as app:  # as `coach` opens it
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            banner = app.screen.query_one("#home-damaged", Literal)
            assert banner.display
            said = str(banner.render())
            assert str(damaged) in said
            assert "coach doctor" in said
            await pilot.press("f2")
            await settle(pilot)
            assert isinstance(app.screen, SupportScreen)
    assert damaged.read_bytes() == b"{not json"


async def test_a_whole_journal_shows_no_banner(journal: Journal, catalog: Catalog) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#home-damaged", Literal).display
