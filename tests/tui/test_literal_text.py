"""Text the coach did not write itself (errors, paths, a service's content) is never markup."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, RadioButton

from coach.content import load_catalog
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.screens.checkin import CheckInScreen
from tests.tui.conftest import fixed_clock, settle, tab_to

MARKUP = "Risk [/] and [bold]safeguarding[@click=app.quit]x[/]"


async def test_a_notice_quoting_markup_is_shown_as_written(app: CoachApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"Not saved: {MARKUP}", severity="error")
        app.screen.notify(MARKUP)
        await settle(pilot)
        assert app.is_running
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(MARKUP in text for text in shown), shown


async def test_labels_from_a_services_content_are_literal(tmp_path: Path) -> None:
    overlay = tmp_path / "service"
    overlay.mkdir()
    (overlay / "challenges.toml").write_text(
        "[[challenge]]\n"
        'key = "caseload-volume"\n'
        f'label = "{MARKUP}"\n'
        'dimension = "systemic"\n'
        'line = "One line."\n'
        "phase = 1\n",
        encoding="utf-8",
    )
    (overlay / "prompts.toml").write_text(
        f'[scales]\nfeeling = ["Fine", "Getting by", "{MARKUP}", "Not coping"]\n',
        encoding="utf-8",
    )
    catalog = load_catalog(overlay)
    with Journal(tmp_path / "data") as journal:
        app = CoachApp(journal, catalog, clock=fixed_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(app.screen, CheckInScreen)
            labels = [str(b.label) for b in app.screen.query(RadioButton)]
            assert MARKUP in labels
            await tab_to(pilot, "#challenge")
            await pilot.press("enter")
            await settle(pilot)
            overlay = app.screen.query_one("#challenge SelectOverlay", OptionList)
            prompts = [
                str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)
            ]
            assert MARKUP in prompts
            await pilot.press(*["down"] * prompts.index(MARKUP), "enter")
            await settle(pilot)
            assert app.is_running
            assert app.draft is not None
            assert [c.label for c in app.draft.challenges] == [MARKUP]
