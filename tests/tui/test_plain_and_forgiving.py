"""Small things that add up: nothing said by colour or markup alone, nothing that makes writing
harder. Chosen and not chosen differ by glyph, not only by shade (a tick or a dot in the box
when chosen, a blank box when not: coach.tui.widgets.ticks), ctrl+c names the quit key in plain
words, and a box of writing tabbed into carries on after its text."""

from __future__ import annotations

from textual.widgets import RadioButton, SelectionList, TextArea

from coach.content import Catalog
from coach.draft import ReflectionDraft
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.widgets.ticks import BLANK, DOT, TICK
from tests.tui.conftest import FIXED_NOW, at_the_challenges, make_app, settle, tab_to


def boxes(lines: list[str]) -> list[str]:
    """What is in each box of these lines, in order (``▐✓▌`` gives ``✓``)."""
    return [line.split("▐", 1)[1][0] for line in lines if "▐" in line]


async def test_ticked_challenges_show_a_tick_and_the_others_an_empty_box(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_challenges(pilot)
        await pilot.press("space", "down", "down", "space")
        await pilot.pause()
        chosen = app.screen.query_one("#list-individual", SelectionList)
        lines = [chosen.render_line(y).text for y in range(4)]
        assert boxes(lines) == [TICK, BLANK, TICK, BLANK]
        await pilot.press("space")  # unticked again: the tick goes, the box stays
        await pilot.pause()
        assert boxes([chosen.render_line(2).text]) == [BLANK]


async def test_the_chosen_feeling_shows_a_dot_and_the_others_an_empty_box(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        shown = [str(button.render()) for button in app.screen.query(RadioButton)]
        assert boxes(shown[:4]) == [BLANK, DOT, BLANK, BLANK]
        assert "X" not in "".join(boxes(shown))


async def test_ctrl_c_says_in_plain_words_which_key_quits(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said, "ctrl+c said nothing"
        assert said[-1].startswith("Press ^q to quit.")  # as the footer shows it
        assert "[" not in said[-1]  # no markup shown literally


async def test_a_box_of_writing_tabbed_into_carries_on_after_what_is_there(
    journal: Journal, catalog: Catalog
) -> None:
    journal.save_draft(
        ReflectionDraft(day=FIXED_NOW.date(), narrative="A long day.\nThen more").to_state()
    )
    app = make_app(journal, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # resume the draft
        await settle(pilot)
        await tab_to(pilot, "#narrative")
        await pilot.press(*" and more.")
        box = app.screen.query_one("#narrative", TextArea)
        assert box.text == "A long day.\nThen more and more."


async def test_a_note_box_keeps_saying_what_it_is_about_once_typed_in(
    app: CoachApp, catalog: Catalog
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_challenges(pilot)
        await pilot.press("space")
        await settle(pilot)
        await tab_to(pilot, ".challenge-note")
        await pilot.press(*"rough")
        await pilot.pause()
        labels = [str(w.render()) for w in app.screen.query(".item-label")]
        assert labels == [catalog.challenges[0].label]  # above the box, typed in or not


async def test_a_rating_never_wraps_mid_phrase_its_ends_go_below_where_they_do_not_fit(
    app: CoachApp, catalog: Catalog
) -> None:
    low, high = catalog.scale("strain_ends")[0], catalog.scale("strain_ends")[-1]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        bar = app.screen.query_one("#strain")
        lines = str(bar.render()).splitlines()
        assert lines[0].split() == [*(str(n) for n in range(11)), "(not", "rated)"]
        assert lines[1] == f"0: {low} · 10: {high}"
        assert bar.size.height == 2
    wide = make_app(app.journal, catalog)
    async with wide.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        bar = wide.screen.query_one("#strain")
        assert str(bar.render()).startswith(f"{low}  0  1")  # room enough: one line
        assert bar.size.height == 1


async def test_a_suggestion_cut_short_by_the_list_is_shown_whole_below_it(
    app: CoachApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_challenges(pilot)
        await pilot.press("space", "ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        screen = app.screen
        suggestions = screen.query_one("#suggestions", SelectionList)
        width = suggestions.content_size.width - 5  # the box and its margins
        lines = [screen._prompt(s).plain for s in screen._suggestions]  # type: ignore[attr-defined]
        long = next(i for i, line in enumerate(lines) if len(line) > width)
        short = next(i for i, line in enumerate(lines) if len(line) <= width)
        whole = screen.query_one("#suggestion-in-full")
        suggestions.highlighted = long
        await settle(pilot)
        assert whole.display
        assert str(whole.render()) == lines[long]
        suggestions.highlighted = short
        await settle(pilot)
        assert not whole.display
