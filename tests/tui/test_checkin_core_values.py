"""The quick check-in offers my core values first, not lost among all thirty-odd."""

from __future__ import annotations

from textual.widgets import Select

from coach.content import Catalog
from coach.journal import Journal
from tests.tui.conftest import make_app, settle


def test_core_values_come_first_in_my_order_then_the_rest(catalog: Catalog) -> None:
    last, first = catalog.values[-1].key, catalog.values[0].key
    found = [v.key for v in catalog.values_core_first([last, "no-such-value", first])]
    assert found[:2] == [last, first]
    assert sorted(found) == sorted(v.key for v in catalog.values)  # each once, none lost
    assert catalog.values_core_first([]) == list(catalog.values)


async def test_the_check_in_lists_my_core_values_first(journal: Journal, catalog: Catalog) -> None:
    core = [catalog.values[-1].key, catalog.values[-2].key]
    journal.update_settings({"core_values": core})
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        offered = app.screen.query_one("#value", Select)
        keys = [key for _, key in offered._options if isinstance(key, str)]
        assert keys[:2] == core
        assert len(keys) == len(catalog.values)
