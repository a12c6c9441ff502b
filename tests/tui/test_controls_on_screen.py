"""Stored text never drives the terminal: every control is drawn visibly on every screen.

A reflection and a check-in whose every text field (and id) holds every character
``coach.text.visible`` replaces, plus the sequences that once retitled the pane and cleared the
screen, are saved in a real journal. The app is then walked as a user walks it: home, the
follow-up, history, the entry, the question before deleting, each step of editing it, the
summary, insights, an edited check-in, support and a notice. On each screen every widget's
rendered segments are read, and none may hold a forbidden character raw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual.pilot import Pilot
from textual.widget import Widget

from coach.content import Catalog
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Kind, Reflection, Value
from coach.settings import MY_SUPPORT_FIELDS, change_settings
from coach.text import FORBIDDEN, visible
from coach.tui.screens.challenges import ChallengesScreen
from coach.tui.screens.checkin import CheckInScreen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.coping import CopingScreen
from coach.tui.screens.entry_detail import EntryDetailScreen
from coach.tui.screens.followup import FollowUpScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.insights import InsightsScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.screens.support import SupportScreen
from coach.tui.screens.values import ValuesScreen
from coach.tui.widgets.literal import Literal, Prefill
from tests.helpers.controls import NASTY, raw_controls
from tests.tui.conftest import FIXED_NOW, make_app, settle, tab_to

YESTERDAY = FIXED_NOW.date() - dt.timedelta(days=1)
# What a person sees of the nasty text: its first line, and the sequences, made visible.
SEEN = ("Caseload ␀␁␂", "␛]0;title␇", "␛[2J", "␛]52;c;aGk=␇", "\\u202e", "\\x9b")


def nasty_reflection() -> Reflection:
    """Yesterday's reflection, every text field and key full of controls, actions planned (ids
    have a rule of their own that refuses controls)."""
    return Reflection(
        id="nasty-reflection",
        date=YESTERDAY,
        created=FIXED_NOW - dt.timedelta(days=1),
        strain=6,
        alignment=5,
        challenges=(
            Challenge(f"c {NASTY}", NASTY, Dimension.SYSTEMIC, NASTY),
            # No note: the empty box shows the label in its placeholder.
            Challenge(f"c3 {NASTY}", f"Second {NASTY}", Dimension.INDIVIDUAL),
        ),
        narrative=f"{NASTY}\n{NASTY}\r\n{NASTY}",
        values=(Value(f"v {NASTY}", NASTY),),
        meaning=f"{NASTY}\n{NASTY}",
        actions=(
            CopingAction(f"a {NASTY}", NASTY, Category.BOUNDARIES, NASTY),
            CopingAction(f"a3 {NASTY}", f"Second {NASTY}", Category.INDIVIDUAL),
        ),
        notes=NASTY,
    )


def nasty_check_in() -> Reflection:
    """A check-in from the day before, its items in words the catalogue does not have."""
    return Reflection(
        id="nasty-check-in",
        date=YESTERDAY - dt.timedelta(days=1),
        created=FIXED_NOW - dt.timedelta(days=2),
        kind=Kind.CHECK_IN,
        strain=4,
        challenges=(Challenge(f"c2 {NASTY}", NASTY, Dimension.INDIVIDUAL),),
        values=(Value(f"v2 {NASTY}", NASTY),),
        actions=(CopingAction(f"a2 {NASTY}", NASTY, Category.RELATIONAL),),
    )


def drawn(widget: Widget) -> str:
    """Every segment of text ``widget`` draws at its size, as the terminal would receive it."""
    if not widget.display or widget.outer_size.area == 0:
        return ""
    # The outer region: borders and padding too (an Input's text sits below its top border).
    strips = widget.render_lines(widget.outer_size.region)
    return "".join(segment.text for strip in strips for segment in strip)


async def nothing_raw(pilot: Pilot[None], expected: type, *, shows_text: bool = True) -> str:
    """Settle, then check no widget of the screen draws a control; returns all that is drawn."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, expected), screen
    found = {widget: drawn(widget) for widget in screen.walk_children(with_self=True)}
    raw = {repr(widget): raw_controls(text) for widget, text in found.items()}
    assert {name: codes for name, codes in raw.items() if codes} == {}
    everything = "".join(found.values())
    if shows_text:  # the nasty text is on this screen, shown: the check above had work to do
        assert any(seen in everything for seen in SEEN), everything[:400]
    return everything


async def test_every_screen_shows_stored_controls_and_never_sends_them(
    journal: Journal, catalog: Catalog
) -> None:
    journal.add(nasty_check_in())
    journal.add(nasty_reflection())
    nasty = dict.fromkeys(MY_SUPPORT_FIELDS, NASTY)
    change_settings(journal, lambda now: replace(now, my_support=nasty))
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await nothing_raw(pilot, HomeScreen)  # the actions waiting to be followed up
        await pilot.press("r")
        await nothing_raw(pilot, FollowUpScreen)
        await pilot.press("escape")
        await nothing_raw(pilot, HomeScreen)

        await pilot.press("h")
        await nothing_raw(pilot, HistoryScreen)
        await pilot.press("enter")
        await nothing_raw(pilot, EntryDetailScreen)
        await pilot.press("d")
        await nothing_raw(pilot, ConfirmScreen, shows_text=False)
        await pilot.press("n")

        await pilot.press("e")
        await nothing_raw(pilot, ChallengesScreen)
        await pilot.press("ctrl+n")
        await nothing_raw(pilot, ValuesScreen)
        await pilot.press("end")  # the user's own value is the last in the list: scroll to it
        await nothing_raw(pilot, ValuesScreen)
        await pilot.press("ctrl+n")
        await nothing_raw(pilot, CopingScreen)
        await pilot.press("ctrl+n")
        await nothing_raw(pilot, SummaryScreen)
        await pilot.press("ctrl+s")
        await nothing_raw(pilot, SummaryScreen)  # with the closing line
        closing = app.screen.query_one("#closing", Literal)
        assert visible(NASTY.casefold()) in str(closing.content)
        await pilot.press("enter")
        await nothing_raw(pilot, EntryDetailScreen)  # back where the edit began, as saved
        await pilot.press("escape", "escape")
        await nothing_raw(pilot, HomeScreen)

        await pilot.press("i")
        await nothing_raw(pilot, InsightsScreen)
        await pilot.press("escape")

        await pilot.press("h")
        await settle(pilot)
        await pilot.press("down", "enter")
        await nothing_raw(pilot, EntryDetailScreen)
        await pilot.press("e")
        await nothing_raw(pilot, CheckInScreen)

        await pilot.press("f2")
        await nothing_raw(pilot, SupportScreen)

        app.notify(f"Not deleted: {NASTY}", title=NASTY, severity="error")
        app.screen.notify(f"Could not read {NASTY}")
        await nothing_raw(pilot, SupportScreen)
        toasts = [drawn(toast) for toast in app.screen.query("Toast")]
        assert len(toasts) == 2
        assert all("␀␁␂" in toast for toast in toasts)


async def test_an_edit_changes_only_the_boxes_the_user_edits(
    journal: Journal, catalog: Catalog
) -> None:
    """Untouched boxes keep their stored bytes; an edited box keeps the visible form it showed."""
    original = nasty_reflection()
    journal.add(original)
    app = make_app(journal, catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChallengesScreen)
        await tab_to(pilot, "#narrative")
        await pilot.press("x")  # tabbed into, the cursor is after what is there
        await tab_to(pilot, ".challenge-note")
        await pilot.press("end", "x")
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    edited = journal.get(original.id)
    assert edited is not None
    # The TextArea showed the narrative a line at a time (it reads CR and CRLF as line breaks,
    # and writes back the CRLF it found); everything else in it is the visible form.
    shown = Prefill.for_text_area(original.narrative).shown
    assert edited.narrative == "\r\n".join(shown.splitlines()) + "x"
    assert set(FORBIDDEN.findall(edited.narrative)) == {"\r"}
    assert [c.note for c in edited.challenges] == [visible(NASTY) + "x", ""]
    # Not edited, so exactly as stored: the moment, the when, the labels, the notes.
    assert edited.meaning == original.meaning
    assert edited.actions == original.actions
    assert [c.label for c in edited.challenges] == [NASTY, f"Second {NASTY}"]
    assert edited.values == original.values
    assert edited.notes == original.notes
