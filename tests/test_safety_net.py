"""The safety net under the app: support stays in reach when it cannot start, and the hazard
log names only tests that exist."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import FALLBACK_SUPPORT, main, support_line

ROOT = Path(__file__).resolve().parent.parent


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


def test_a_damaged_journal_stops_the_app_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "journal").mkdir(parents=True)
    (data / "journal" / "2026.json").write_bytes(b"{not json")
    env = {**os.environ, "COACH_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "coach"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "2026.json" in done.stderr
    assert "Samaritans" in done.stderr
    assert (data / "journal" / "2026.json").read_bytes() == b"{not json"


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
