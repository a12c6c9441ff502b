"""The home screen starts and shows its summary without POSIX-only calls (as on
Windows: no ``os.fchmod``, no folder fsync); see tests/test_portable.py."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from textual.widgets import Static

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Reflection
from tests.tui.conftest import FIXED_NOW, make_app, settle


@pytest.fixture(autouse=True)
def windows_like(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("fchmod", "O_DIRECTORY"):
        if hasattr(os, name):
            monkeypatch.delattr(os, name)


async def test_home_shows_the_date_and_the_journal_without_posix_only_calls(
    journal: Journal, catalog: Catalog
) -> None:
    journal.save(Reflection.new(day=FIXED_NOW.date() - dt.timedelta(days=2)))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "Thursday 26 November 2026" in shown
        assert "1 entry" in shown or "1 reflection" in shown, shown
