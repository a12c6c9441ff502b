"""My people in the app: adding someone, noting that I reached out, removing them with the log
left readable, and how long since I reached out (the people screen and insights)."""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, SelectionList

from coach.content import Catalog
from coach.journal import Journal
from coach.people import Contact, ReachOut
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.coping import CopingScreen
from coach.tui.screens.people import PeopleScreen
from coach.tui.screens.people_forms import ContactChoice, ContactForm, ReachOutForm
from coach.tui.screens.tools import ToolsScreen
from coach.vocabulary import Role
from tests.tui.conftest import FIXED_NOW, errors, make_app, settle

TODAY = FIXED_NOW.date()  # Thursday 26 November 2026
MARKUP = "[b]x[/b]"


def shown(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector).render())


async def open_people(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PeopleScreen)


async def test_adding_someone_from_the_tools(journal: Journal, catalog: Catalog) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        assert shown(pilot, "#people-none") == catalog.prompt("people.none")
        assert not app.screen.query_one("#people-since").display
        assert shown(pilot, "#people-log") == catalog.prompt("people.log_none")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        await pilot.press(*"[i]Sam[/i]", "tab")
        app.screen.query_one("#contact-role", Select).value = Role.SUPERVISOR.value
        await pilot.press("tab", *"Teams, or [@click=app.quit]desk 4[/]", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        [kept] = journal.records(Contact)
        assert (kept.name, kept.role, kept.reach) == (
            "[i]Sam[/i]",
            Role.SUPERVISOR,
            "Teams, or [@click=app.quit]desk 4[/]",
        )
        row = [str(cell) for cell in app.screen.query_one(DataTable).get_row_at(0)]
        reach = "Teams, or [@click=app.quit]desk 4[/]"
        assert row == ["[i]Sam[/i]", "Supervisor", "not yet", reach]
        assert not app.screen.query_one("#people-since").display
        assert errors(app) == []


async def test_a_contact_needs_a_name_and_escape_keeps_nothing(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"   ", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert shown(pilot, "#people-problem") == catalog.prompt("people.no_name")
        assert journal.records(Contact) == []
        await pilot.press("escape")  # something was typed: asked first, and kept the first time
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#contact-name", Input).value == "   "
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert journal.records(Contact) == []
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: nothing to ask
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ToolsScreen)


async def test_noting_a_reach_out_shows_its_note_literally(
    journal: Journal, catalog: Catalog
) -> None:
    journal.save_record(Contact.new("Sam", Role.PEER))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReachOutForm)
        assert shown(pilot, ".step-title") == "I reached out to Sam today"
        await pilot.press(*f"Talked it through {MARKUP}", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        [noted] = journal.records(ReachOut)
        assert (noted.date, noted.name, noted.note) == (
            TODAY,
            "Sam",
            f"Talked it through {MARKUP}",
        )
        assert shown(pilot, "#people-log") == f"Thu 26 Nov: Sam · Talked it through {MARKUP}"
        assert shown(pilot, "#people-since") == "You reached out to Sam today."
        assert str(app.screen.query_one(DataTable).get_row_at(0)[2]) == "Thu 26 Nov"
        assert errors(app) == []


async def test_removing_someone_asks_first_and_leaves_the_log_readable(
    journal: Journal, catalog: Catalog
) -> None:
    sam, jo = Contact.new("Sam", Role.PEER), Contact.new("Jo", Role.SUPERVISOR)
    for contact in (sam, jo):
        journal.save_record(contact)
    journal.save_record(ReachOut.new(sam, MARKUP, day=TODAY - dt.timedelta(days=20)))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(n)[0]) for n in range(2)] == ["Jo", "Sam"]  # by role
        await pilot.press("down", "d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Sam" in shown(pilot, "#confirm-question")
        await pilot.press("n")  # kept, the first time
        await settle(pilot)
        assert len(journal.records(Contact)) == 2
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert shown(pilot, "#people-log") == f"Fri 6 Nov: Sam · {MARKUP}"
        assert "20 days since you last reached out (to Sam)." in shown(pilot, "#people-since")
        assert errors(app) == []
    # The journal's own files, read afresh: Sam is gone, the reach-out reads as before.
    with Journal(journal.data_dir) as again:
        assert [c.name for c in again.records(Contact)] == ["Jo"]
        [kept] = again.records(ReachOut)
        assert (kept.name, kept.contact, kept.note) == ("Sam", sam.id, MARKUP)


async def test_insights_nudge_after_the_days_settings_choose(
    journal: Journal, catalog: Catalog
) -> None:
    sam = Contact.new("Sam", Role.PEER)
    journal.save_record(sam)
    journal.save_record(ReachOut.new(sam, day=TODAY - dt.timedelta(days=15)))
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert shown(pilot, "#insights-people").splitlines() == [
            "15 days since you last reached out (to Sam).",
            catalog.prompt("people.nudge", days=14),  # the default
        ]
        await pilot.press("escape", "s")
        await settle(pilot)
        choice = app.screen.query_one("#reach-out-nudge", Select)
        assert choice.value == 14
        choice.value = 21
        await settle(pilot)
        await pilot.press("escape", "i")
        await settle(pilot)
        assert shown(pilot, "#insights-people") == "15 days since you last reached out (to Sam)."
        assert errors(app) == []
    with Journal(journal.data_dir) as again:
        assert again.settings()["reach_out_nudge_days"] == 21


async def to_coping(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    for _ in range(2):
        await pilot.press("ctrl+n")
        await settle(pilot)


async def test_a_relational_action_can_name_one_of_my_people(
    journal: Journal, catalog: Catalog
) -> None:
    journal.save_record(Contact.new("Priya", Role.MANAGER))
    journal.save_record(Contact.new(MARKUP, Role.PEER))
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_coping(pilot)
        suggestions = app.screen.query_one("#suggestions", SelectionList)
        suggestions.select("proper-break")  # not relational: nobody to name
        await settle(pilot)
        assert "ctrl+o" not in app.screen.active_bindings
        suggestions.select("talk-to-a-peer")
        await settle(pilot)
        assert any(catalog.prompt("people.name_someone") == n.message for n in app._notifications)
        assert "ctrl+o" in app.screen.active_bindings
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ContactChoice)
        await pilot.press("down", "enter")  # Priya (manager) is first; the peer is second
        await settle(pilot)
        assert isinstance(app.screen, CopingScreen)
        [a_break, peer] = app.draft.actions
        assert (peer.key, peer.label, peer.when) == (
            "talk-to-a-peer",
            "Talk to a peer",
            f"with {MARKUP}",
        )
        assert a_break.when == ""
        shown_whens = [box.value for box in app.screen.query(".action-when").results(Input)]
        assert shown_whens == ["", f"with {MARKUP}"]
        await pilot.press("ctrl+o")  # escape names no one, and keeps what was there
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.draft.actions[1].when == f"with {MARKUP}"


async def test_without_people_a_relational_action_offers_no_one(
    journal: Journal, catalog: Catalog
) -> None:
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_coping(pilot)
        app.screen.query_one("#suggestions", SelectionList).select("talk-to-a-peer")
        await settle(pilot)
        assert "ctrl+o" not in app.screen.active_bindings
        assert [a.when for a in app.draft.actions] == [""]
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, CopingScreen)
