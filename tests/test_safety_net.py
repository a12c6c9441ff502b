"""The safety net under the app: support stays in reach when it cannot start, and the hazard
log names only tests that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from coach import cli
from coach.cli import FALLBACK_SUPPORT, main, support_line

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if ``coach`` were started in a terminal (under pytest it is not, and the app would
    not be started at all: ``tests/test_cli_habits.py``)."""
    monkeypatch.setattr(cli, "in_a_terminal", lambda: True)


@pytest.mark.usefixtures("in_a_terminal")
def test_a_broken_overlay_stops_the_app_with_one_line_and_where_to_find_support(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = tmp_path / "service-content"
    overlay.mkdir()
    (overlay / "prompts.toml").write_text("garbage = [", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "data"), "--content", str(overlay)])
    error_lines = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(error_lines) == 2
    assert "prompts.toml" in error_lines[0]
    assert "116 123" in error_lines[1]
    assert "85258" in error_lines[1]
    assert not (tmp_path / "data").exists()


@pytest.mark.usefixtures("in_a_terminal")
def test_a_journal_from_a_newer_coach_stops_the_app_with_where_to_find_support(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged year file no longer stops the app (it opens read-only, F2 on screen:
    ``tests/tui/test_damaged_start.py``); a file from a newer coach still does, and the
    support lines are said with the one-line error."""
    data = tmp_path / "data"
    (data / "journal").mkdir(parents=True)
    newer = b'{"reflections": {"1": {"schema": 999, "id": "x"}}}'
    (data / "journal" / "2026.json").write_bytes(newer)
    assert main(["--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert "Traceback" not in said
    assert "2026.json" in said
    assert "newer pwp-coach" in said
    assert "Samaritans" in said
    assert (data / "journal" / "2026.json").read_bytes() == newer


def test_the_support_line_comes_from_the_shipped_content() -> None:
    line = support_line()
    assert line != f"If you need support now: {FALLBACK_SUPPORT}"
    assert "Samaritans" in line


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_test_the_hazard_log_names_exists() -> None:
    log = (ROOT / "docs" / "hazard-log.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"(tests/[\w/]+\.py)(?:::(\w+))?", log))
    assert cited, "the hazard log cites no tests"
    for file_name, test_name in sorted(cited):
        path = ROOT / file_name
        assert path.is_file(), f"the hazard log cites {file_name}, which does not exist"
        if test_name:
            assert test_name in _test_names(path), f"{file_name}::{test_name} does not exist"
