"""Support now from every screen, back to exactly where the user was; the offer; my own support.

Every screen class in ``coach.tui.screens`` must have a route here: a new screen without one
fails ``test_every_screen_has_a_route_to_support``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, RadioSet, Select, SelectionList, Static, TextArea

import coach.tui.screens
from coach.content import Catalog, load_catalog
from coach.draft import ReflectionDraft
from coach.exercises import parse_exercise
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection
from coach.practice import Practice
from coach.settings import MY_SUPPORT_FIELDS
from coach.tui.app import CoachApp
from coach.tui.screens.about import AboutScreen
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.checkin import CheckInScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.practice_run import PracticeRunScreen, begin
from coach.tui.screens.step import StepScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.widgets.score_bar import ScoreBar
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to
from tests.tui.practice_helpers import TINY

NOTHING: tuple[object, ...] = (None, "", [])
MARKUP = "[@click=app.quit]Sam[/]"

# --- the screens, and how a user reaches each one ------------------------------------------

Route = Callable[[Pilot[None], Journal], Awaitable[None]]


def all_screen_classes() -> set[type[Screen[Any]]]:
    """Every screen defined in ``coach.tui.screens``, leaving out bases other screens extend."""
    found: set[type[Screen[Any]]] = set()
    for info in pkgutil.iter_modules(coach.tui.screens.__path__):
        module = importlib.import_module(f"coach.tui.screens.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Screen)
                and value.__module__ == module.__name__
            ):
                found.add(value)
    return {cls for cls in found if not any(o is not cls and issubclass(o, cls) for o in found)}


def plans_from_yesterday(journal: Journal) -> None:
    """A reflection from yesterday with an action to follow up, so "r" opens the follow-up."""
    journal.add(
        Reflection(
            id="22222222-2222-4222-8222-222222222222",
            date=FIXED_NOW.date() - dt.timedelta(days=1),
            created=FIXED_NOW - dt.timedelta(days=1),
            strain=6,
            challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
            actions=(CopingAction("protect-lunch", "Protect my lunch", Category.BOUNDARIES),),
        )
    )


async def focus_on(pilot: Pilot[None], selector: str) -> None:
    """Put the focus on a widget (setting up; tabbing there is tested elsewhere)."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()


async def to_home(pilot: Pilot[None], journal: Journal) -> None:
    await focus_on(pilot, "#home-body")


async def to_followup(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("r")
    await settle(pilot)
    await focus_on(pilot, "#status-0")
    await pilot.press("enter", "down", "enter")  # "Done"


async def to_challenges(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("r")
    await settle(pilot)
    await focus_on(pilot, "#strain")
    await pilot.press("6")
    await focus_on(pilot, "#narrative")
    await pilot.press(*"[bold]Hard")


async def to_values(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("r")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await focus_on(pilot, "#meaning")
    await pilot.press(*"A thank you")


async def to_coping(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("r")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await focus_on(pilot, "#own-action")
    await pilot.press(*"Walk at lunch")


async def to_summary(pilot: Pilot[None], journal: Journal) -> None:
    await to_challenges(pilot, journal)
    for _ in range(3):
        await pilot.press("ctrl+n")
        await settle(pilot)


async def to_check_in(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("down", "down", "enter")  # "Struggling"
    await focus_on(pilot, "#strain")
    await pilot.press("7")


async def to_core_values(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("r")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await focus_on(pilot, "#choose-core-values")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("space", "down", "down", "space")


async def to_resume_draft(pilot: Pilot[None], journal: Journal) -> None:
    """The resume offer opens by itself when a draft was left (see ``needs_draft``)."""


async def to_about(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*"About", "enter")


async def to_history(pilot: Pilot[None], journal: Journal) -> None:
    plans_from_yesterday(journal)
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("slash", *"lunch")


async def to_entry_detail(pilot: Pilot[None], journal: Journal) -> None:
    plans_from_yesterday(journal)
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("enter")


async def to_confirm(pilot: Pilot[None], journal: Journal) -> None:
    await to_entry_detail(pilot, journal)
    await settle(pilot)
    await pilot.press("d")


async def to_save_file(pilot: Pilot[None], journal: Journal) -> None:
    await to_entry_detail(pilot, journal)
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    await pilot.press("backspace", "backspace", *"txt")  # a name of one's own: .md to .txt


async def to_insights(pilot: Pilot[None], journal: Journal) -> None:
    plans_from_yesterday(journal)
    await pilot.press("i")
    await settle(pilot)
    await pilot.press("2", "pagedown")


async def to_support(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("f2")
    await settle(pilot)
    await focus_on(pilot, "#my-colleague")
    await pilot.press(*"Priya")


async def to_settings(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("s")
    await settle(pilot)
    await focus_on(pilot, "#theme")
    await pilot.press("enter", "down", "enter")  # a theme of one's own, from the list


async def to_unlock(pilot: Pilot[None], journal: Journal) -> None:
    """The unlock screen, as an encrypted journal shows it, with a passphrase half typed."""
    from coach.journal import LockedJournal
    from coach.tui.screens.unlock import UnlockScreen

    await pilot.app.push_screen(UnlockScreen(LockedJournal(journal.data_dir)))
    await settle(pilot)
    await pilot.press(*"half a pass")


async def to_erase(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("s")
    await settle(pilot)
    await focus_on(pilot, "#erase-everything")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(*"era")  # half the word: F2 mid-way keeps it, and erases nothing


async def to_tools(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("t")
    await settle(pilot)
    await focus_on(pilot, "#tool-closing")


async def to_leave(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("l")
    await settle(pilot)


async def to_leave_form(pilot: Pilot[None], journal: Journal) -> None:
    await to_leave(pilot, journal)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*"2026-12-2")


async def to_closing(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("t", "d")
    await settle(pilot)
    await pilot.press(*"Ring the")


async def to_break_choice(pilot: Pilot[None], journal: Journal) -> None:
    await to_challenges(pilot, journal)  # a break from the middle of a reflection
    await pilot.press("f3")
    await settle(pilot)
    await focus_on(pilot, "#break-minutes")
    await pilot.press(*"2x")  # half typed, and not yet right: the problem is said in place


async def to_break(pilot: Pilot[None], journal: Journal) -> None:
    """The countdown (the app's clock is fixed here, so it never ends on its own)."""
    await pilot.press("f3")
    await settle(pilot)
    await pilot.press("enter")  # ten minutes, focused first


async def to_cpd(pilot: Pilot[None], journal: Journal) -> None:
    """A CPD write-up begun from history: the first stage half written."""
    plans_from_yesterday(journal)
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    await pilot.press(*"My first group")


async def to_practice_detail(pilot: Pilot[None], journal: Journal) -> None:
    """A finished self-practice record, the only row of history, opened."""
    created = FIXED_NOW - dt.timedelta(days=1)
    journal.save_record(
        Practice(
            id="prac",
            date=created.date(),
            created=created,
            exercise="worry-tree",
            title="The worry tree",
            taken=("name",),
            answers={"name": {"worry": "A move"}},
            finished=True,
            personal="Slow",
            practitioner="Patience",
        )
    )
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("enter")


async def to_supervision(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("t", "s")
    await settle(pilot)


async def to_session_form(pilot: Pilot[None], journal: Journal) -> None:
    await to_supervision(pilot, journal)
    await pilot.press("a")
    await settle(pilot)
    await focus_on(pilot, "#session-note")
    await pilot.press(*"Pacing")


async def to_supervision_prep(pilot: Pilot[None], journal: Journal) -> None:
    plans_from_yesterday(journal)
    await to_supervision(pilot, journal)
    await pilot.press("p")
    await settle(pilot)
    await focus_on(pilot, "#prep-bring")
    await pilot.press(*"What I'd like help with")


async def to_people(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("t", "p")
    await settle(pilot)


async def to_contact_form(pilot: Pilot[None], journal: Journal) -> None:
    await to_people(pilot, journal)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*"Sa")


async def to_reach_out_form(pilot: Pilot[None], journal: Journal) -> None:
    from coach.people import Contact

    journal.save_record(Contact.new(MARKUP))
    await to_people(pilot, journal)
    await pilot.press("r")
    await settle(pilot)
    await pilot.press(*"Talked it thr")


async def to_contact_choice(pilot: Pilot[None], journal: Journal) -> None:
    from coach.people import Contact

    journal.save_record(Contact.new(MARKUP))
    await to_coping(pilot, journal)
    await settle(pilot)
    pilot.app.screen.query_one("#suggestions", SelectionList).select("talk-to-a-peer")
    await settle(pilot)
    await pilot.press("ctrl+o")


# By "module.Class", so a screen still being written cannot stop this file importing.


async def to_practice(pilot: Pilot[None], journal: Journal) -> None:
    await pilot.press("p")
    await settle(pilot)


async def to_practice_run(pilot: Pilot[None], journal: Journal) -> None:
    """An exercise of the test's own (the shipped content may have none), half answered."""
    exercise = parse_exercise(tomllib.loads(TINY), "tiny.toml")
    await to_practice(pilot, journal)
    pilot.app.push_screen(PracticeRunScreen(exercise, begin(pilot.app, exercise)))
    await settle(pilot)
    await pilot.press(*"The garden")


async def to_programme(pilot: Pilot[None], journal: Journal) -> None:
    await to_practice(pilot, journal)
    await pilot.press("g")
    await settle(pilot)
    await pilot.press(*"Emails")


async def to_passphrase(pilot: Pilot[None], journal: Journal) -> None:
    from coach.tui.screens.passphrase import PassphraseDialog

    await pilot.app.push_screen(PassphraseDialog("set", journal.data_dir))  # settings' button
    await settle(pilot)
    await pilot.press(*"correct horse")


async def to_recovery_key(pilot: Pilot[None], journal: Journal) -> None:
    from coach.tui.screens.passphrase import RecoveryKeyDialog

    await pilot.app.push_screen(RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP"))  # after a new key


ROUTES: dict[str, Route] = {
    "home.HomeScreen": to_home,
    "followup.FollowUpScreen": to_followup,
    "challenges.ChallengesScreen": to_challenges,
    "values.ValuesScreen": to_values,
    "coping.CopingScreen": to_coping,
    "summary.SummaryScreen": to_summary,
    "checkin.CheckInScreen": to_check_in,
    "core_values.CoreValuesScreen": to_core_values,
    "resume_draft.ResumeDraftScreen": to_resume_draft,
    "about.AboutScreen": to_about,
    "support.SupportScreen": to_support,
    "history.HistoryScreen": to_history,
    "entry_detail.EntryDetailScreen": to_entry_detail,
    "confirm.ConfirmScreen": to_confirm,
    "save_file.SaveFileScreen": to_save_file,
    "insights.InsightsScreen": to_insights,
    "settings.SettingsScreen": to_settings,
    "unlock.UnlockScreen": to_unlock,
    "tools.ToolsScreen": to_tools,
    "leave.LeaveScreen": to_leave,
    "leave.LeaveForm": to_leave_form,
    "closing.ClosingScreen": to_closing,
    "erase.EraseScreen": to_erase,
    "break_choice.BreakChoiceScreen": to_break_choice,
    "break_timer.BreakScreen": to_break,
    "supervision.SupervisionScreen": to_supervision,
    "supervision.SessionForm": to_session_form,
    "supervision_prep.SupervisionPrepScreen": to_supervision_prep,
    "cpd.CpdScreen": to_cpd,
    "people.PeopleScreen": to_people,
    "people_forms.ContactForm": to_contact_form,
    "people_forms.ReachOutForm": to_reach_out_form,
    "people_forms.ContactChoice": to_contact_choice,
    "practice_detail.PracticeDetailScreen": to_practice_detail,
    "practice.PracticeScreen": to_practice,
    "practice_run.PracticeRunScreen": to_practice_run,
    "programme.ProgrammeScreen": to_programme,
    "passphrase.PassphraseDialog": to_passphrase,
    "passphrase.RecoveryKeyDialog": to_recovery_key,
}
NEEDS_PLANS = {"followup.FollowUpScreen"}
NEEDS_DRAFT = {"resume_draft.ResumeDraftScreen"}
# Screens with nothing to type into: for these, what is kept is the focus and the scroll.
NOTHING_TO_TYPE = {
    "home.HomeScreen",
    "passphrase.RecoveryKeyDialog",
    "tools.ToolsScreen",
    "leave.LeaveScreen",
    "summary.SummaryScreen",
    "resume_draft.ResumeDraftScreen",
    "about.AboutScreen",
    "entry_detail.EntryDetailScreen",
    "confirm.ConfirmScreen",
    "insights.InsightsScreen",
    "break_timer.BreakScreen",
    "supervision.SupervisionScreen",
    "people.PeopleScreen",
    "practice_detail.PracticeDetailScreen",
    "people_forms.ContactChoice",
    "practice.PracticeScreen",
}


def name_of(cls: type[Screen[Any]]) -> str:
    """``module.Class`` under ``coach.tui.screens``."""
    return f"{cls.__module__.removeprefix('coach.tui.screens.')}.{cls.__qualname__}"


def what_is_entered(screen: Screen[Any]) -> dict[str, object]:
    """Everything a user can have typed, ticked or chosen on ``screen``, and where focus is."""
    entered: dict[str, object] = {}
    for number, widget in enumerate(screen.query(Widget)):
        name = f"{type(widget).__name__}#{widget.id or number}"
        if isinstance(widget, Input):
            entered[name] = widget.value
        elif isinstance(widget, TextArea):
            entered[name] = widget.text
        elif isinstance(widget, ScoreBar | Select):
            entered[name] = widget.value
        elif isinstance(widget, SelectionList):
            entered[name] = list(widget.selected)
        elif isinstance(widget, RadioSet):
            entered[name] = widget.pressed_index
        if widget.is_scrollable:
            entered[f"{name} scrolled"] = (widget.scroll_x, widget.scroll_y)
    entered["focus"] = screen.focused.id if screen.focused is not None else None
    return entered


def test_every_screen_has_a_route_to_support() -> None:
    found = {name_of(cls) for cls in all_screen_classes()}
    assert found == set(ROUTES)
    assert name_of(StepScreen) not in found
    assert name_of(HomeScreen) in found


@pytest.mark.parametrize("screen_name", list(ROUTES))
async def test_f2_opens_support_and_escape_returns_with_input_intact(
    screen_name: str, journal: Journal, catalog: Catalog
) -> None:
    if screen_name in NEEDS_PLANS:
        plans_from_yesterday(journal)
    if screen_name in NEEDS_DRAFT:
        draft = ReflectionDraft(day=FIXED_NOW.date(), strain=4)
        draft.narrative = "Left when the fire alarm went"
        journal.save_draft(draft.to_state())
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await ROUTES[screen_name](pilot, journal)
        await settle(pilot)
        if screen_name == name_of(SupportScreen):
            screen = app.screen
            before = what_is_entered(screen)
            await pilot.press("f2")  # support over support: nothing stacks, nothing is lost
            await settle(pilot)
            assert app.screen is screen
            assert [type(s) for s in app.screen_stack] == [HomeScreen, SupportScreen]
            assert what_is_entered(screen) == before
            assert before["Input#my-colleague"] == "Priya"
            return
        screen = app.screen
        assert name_of(type(screen)) == screen_name
        if not screen.is_modal:  # a dialog has no footer; the key still works (priority)
            assert screen.active_bindings["f2"].binding.show
        before = what_is_entered(screen)
        stack = list(app.screen_stack)

        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")
        await settle(pilot)

        assert app.screen is screen
        assert app.screen_stack == stack
        assert what_is_entered(screen) == before
    if screen_name not in NOTHING_TO_TYPE:  # the route really typed or chose something
        assert [v for k, v in before.items() if v not in NOTHING and "#" in k and " " not in k]


# --- the support screen ----------------------------------------------------------------------


def shown_text(screen: Screen[Any]) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


async def test_support_screen_shows_the_uk_signposting(app: CoachApp, catalog: Catalog) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        text = shown_text(app.screen)
    for needed in ("116 123", "SHOUT to 85258", "111", "mental health option", "999", "A&E"):
        assert needed in text
    assert "GP" in text
    for line in catalog.support:
        assert f"{line.name}: {line.contact}" in text


async def test_an_overlay_number_is_the_one_shown(
    tmp_path: Path, journal: Journal, catalog: Catalog
) -> None:
    overlay = tmp_path / "service"
    overlay.mkdir()
    (overlay / "support.toml").write_text(
        '[[line]]\nkey = "samaritans"\nname = "Our wellbeing hub"\n'
        'contact = "Call 0800 555 0199"\nwhen = "Weekdays, 9 to 5"\n'
        'line = "Our own team, for our own staff."\nphase = 3\ndimension = "systemic"\n',
        encoding="utf-8",
    )
    app = make_app(journal, load_catalog(overlay))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        text = shown_text(app.screen)
    assert "Our wellbeing hub: Call 0800 555 0199" in text
    assert "116 123" not in text
    assert "SHOUT to 85258" in text


async def test_my_own_support_is_kept_in_the_journal_and_shown_next_time(
    journal: Journal, catalog: Catalog
) -> None:
    journal.update_settings({"core_values": ["helping-others"]})
    typed = {
        "occupational_health": "OH 0300",
        "employee_assistance": "[bold]EAP",
        "colleague": MARKUP,
        "other": "",
    }
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        for name, text in typed.items():
            await tab_to(pilot, f"#my-{name}")
            await pilot.press(*text)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
    assert journal.settings()["my_support"] == typed
    assert journal.settings()["core_values"] == ["helping-others"]

    again = make_app(journal, catalog)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        shown = {name: again.screen.query_one(f"#my-{name}", Input).value for name in typed}
    assert shown == typed
    assert tuple(typed) == MY_SUPPORT_FIELDS


async def test_escape_keeps_what_was_typed_in_my_own_support(
    app: CoachApp, journal: Journal
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await focus_on(pilot, "#my-occupational_health")
        await pilot.press(*"OH form")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    kept = journal.settings()["my_support"]
    assert kept["occupational_health"] == "OH form"


async def test_escape_without_typing_writes_nothing(app: CoachApp, journal: Journal) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert "my_support" not in journal.settings()


async def test_an_unreadable_settings_file_is_said_and_never_overwritten(
    app: CoachApp, journal: Journal
) -> None:
    journal.update_settings({"core_values": ["helping-others"]})
    damaged = b'{"settings": {"1": {"core_values": [' + b"\x00" * 8
    journal.records_path.write_bytes(damaged)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        await focus_on(pilot, "#my-colleague")
        await pilot.press(*"Sam", "ctrl+s")
        await settle(pilot)
        problems = [n.message for n in app._notifications if n.severity == "error"]
        assert isinstance(app.screen, SupportScreen)
    assert any("could not be read" in problem for problem in problems)
    assert any("was not kept" in problem for problem in problems)
    assert journal.records_path.read_bytes() == damaged


# --- the offer in the reflection and the check-in --------------------------------------------


def offer_shown(app: CoachApp) -> bool:
    return bool(app.screen.query_one("#support-offer").display)


@pytest.mark.parametrize(("keys", "offered"), [(["8"], False), (["9"], True), (["end"], True)])
async def test_the_reflection_offers_support_at_strain_9_and_10(
    app: CoachApp, keys: list[str], offered: bool
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert not offer_shown(app)
        await focus_on(pilot, "#strain")
        await pilot.press(*keys)
        await pilot.pause()
        strain = app.screen.query_one("#strain", ScoreBar).value
        assert strain == {"8": 8, "9": 9, "end": 10}[keys[0]]
        assert offer_shown(app) is offered


async def test_the_offer_goes_when_strain_comes_down_and_opens_support(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await focus_on(pilot, "#strain")
        await pilot.press("9")
        await pilot.pause()
        assert offer_shown(app)
        await pilot.press("left")
        await pilot.pause()
        assert not offer_shown(app)
        await pilot.press("right")
        await pilot.pause()
        await tab_to(pilot, "#open-support")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        assert app.screen.query_one("#strain", ScoreBar).value == 9
        assert app.focused is not None
        assert app.focused.id == "open-support"


@pytest.mark.parametrize(("state", "offered"), [(0, False), (1, False), (2, True), (3, True)])
async def test_the_check_in_offers_support_when_struggling_or_not_coping(
    app: CoachApp, catalog: Catalog, state: int, offered: bool
) -> None:
    assert catalog.scale("feeling")[3] == "Not coping"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert not offer_shown(app)
        await pilot.press(*(["down"] * state), "enter")
        await pilot.pause()
        assert app.screen.query_one("#feeling", RadioSet).pressed_index == state
        assert offer_shown(app) is offered


@pytest.mark.parametrize(("keys", "offered"), [(["8"], False), (["9"], True), (["end"], True)])
async def test_the_check_in_offers_support_at_strain_9_and_10(
    app: CoachApp, keys: list[str], offered: bool
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")  # "Okay"
        await focus_on(pilot, "#strain")
        await pilot.press(*keys)
        await pilot.pause()
        assert offer_shown(app) is offered


async def test_the_check_in_offer_opens_support_and_the_answers_stay(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")
        await tab_to(pilot, "#open-support")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one("#feeling", RadioSet).pressed_index == 3
        assert app.draft is not None
        assert app.draft.feeling == 3


# --- About ----------------------------------------------------------------------------------


async def test_about_from_the_command_palette(tmp_path: Path, catalog: Catalog) -> None:
    with Journal(tmp_path / "[bold]my journal[/]") as journal:
        app = make_app(journal, catalog)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*"About", "enter")
            await settle(pilot)
            assert isinstance(app.screen, AboutScreen)
            where = str(app.screen.query_one("#about-data-dir", Static).render())
            text = shown_text(app.screen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
    assert where == str(journal.data_dir)
    assert "[bold]my journal[/]" in where
    words = catalog.support_text
    about = ("about.is", "about.study", "about.is_not", "about.private", "about.delete")
    for key in (*about, "about.yours", "about.managed"):
        assert words[key] in text
    assert "not treatment" in text
    assert "not a substitute for supervision, occupational health or your GP" in text
    assert "coach export" in text


# --- the content these screens read -----------------------------------------------------------

SCREEN_WORDS = (
    "title",
    "intro",
    "own_section_intro",
    "closing",
    *(f"own.{name}" for name in (*MY_SUPPORT_FIELDS, "placeholder", "save", "saved")),
    *(f"about.{name}" for name in ("title", "is", "study", "is_not", "where", "private")),
    "about.yours",
    "about.managed",
    "patient_risk",
    "about.delete",
)


def test_the_shipped_support_text_has_every_word_the_screens_read(catalog: Catalog) -> None:
    missing = [key for key in SCREEN_WORDS if not catalog.support_text.get(key, "").strip()]
    assert missing == []
    assert {"support.offer", "support.offer_open"} <= set(catalog.prompts)
    assert "F2" in catalog.prompt("support.offer")


def test_an_overlay_rewords_about_and_is_validated(tmp_path: Path, catalog: Catalog) -> None:
    from coach.content import ContentError

    overlay = tmp_path / "service"
    overlay.mkdir()
    support = overlay / "support.toml"
    support.write_text('[support.about]\nis_not = "Ours: not treatment."\n', encoding="utf-8")
    reworded = load_catalog(overlay)
    assert reworded.support_text["about.is_not"] == "Ours: not treatment."
    assert reworded.support_text["about.is"] == catalog.support_text["about.is"]

    support.write_text('[support.about]\nis_not = "  "\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(overlay)
    assert (caught.value.field, caught.value.problem) == ("about.is_not", "must not be empty")
