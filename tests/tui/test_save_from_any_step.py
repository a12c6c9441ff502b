"""ctrl+s saves from every step of a reflection, as help says, and an entry being edited says
so on every step."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Kind, Reflection
from coach.tui.screens.step import SavingStepScreen
from coach.tui.widgets.literal import Literal
from tests.tui.conftest import FIXED_NOW, at_the_challenges, make_app, settle, tab_to


async def test_ctrl_s_on_the_first_step_saves_what_was_entered(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_challenges(pilot)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SavingStepScreen)
        assert app.screen.saved
        # "d Close the day" has joined the footer, and F2 is still whole beside the palette.
        keys = {key.action: key for key in app.screen.query(FooterKey) if key.display}
        assert "close_day" in keys
        assert "quit" not in keys  # gives way, as does the break
        support, palette = keys["support"], keys["command_palette"]
        assert support.region.right <= palette.region.x
    saved = journal.latest()
    assert saved is not None
    assert saved.kind is Kind.REFLECTION
    assert [c.key for c in saved.challenges] == [catalog.challenges[0].key]
    assert journal.load_draft() is None  # nothing left in progress


async def test_an_entry_being_edited_says_so_and_ctrl_s_keeps_its_id(
    journal: Journal, catalog: Catalog
) -> None:
    earlier = Reflection.new(day=FIXED_NOW.date(), strain=2, narrative="as it was")
    journal.add(earlier)
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.edit(earlier)  # what `e` on an entry does
        await settle(pilot)
        said = app.screen.query_one(".editing", Literal)
        assert "Editing your entry of Thursday 26 November 2026" in str(said.render())
        await tab_to(pilot, "#narrative")
        await pilot.press(*" and more", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
    assert [r.id for r in journal.iter_newest_first()] == [earlier.id]  # changed, not added
    edited = journal.get(earlier.id)
    assert edited is not None
    assert edited.narrative == "as it was and more"
