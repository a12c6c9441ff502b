"""`coach content check` and `coach content show --json`: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.content import load_catalog

BAD_SUPPORT = """
[[line]]
key = "samaritans"
name = "Samaritans"
contact = "Call 116 123"
when = "Any time"
line = "Someone to listen."
phase = 3
dimension = "everyone"
"""


def bad_overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "support.toml").write_text(BAD_SUPPORT, encoding="utf-8")
    return folder


def test_check_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    out = capsys.readouterr().out
    catalog = load_catalog()
    assert out.startswith("content is valid")
    assert f"challenges: {len(catalog.challenges)} (" in out
    assert f"values: {len(catalog.values)}" in out
    assert f"coping strategies: {len(catalog.coping)} (" in out
    assert "boundaries" in out
    assert f"support lines: {len(catalog.support)}" in out


def test_check_reports_a_bad_overlay_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = bad_overlay(tmp_path)
    assert main(["content", "check", "--content", str(overlay)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert str(overlay / "support.toml") in lines[0]
    assert "line[0] key=samaritans" in lines[0]
    assert "dimension" in lines[0]


def test_the_global_content_option_works_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = bad_overlay(tmp_path)
    assert main(["--content", str(overlay), "content", "check"]) == 1
    assert "support.toml" in capsys.readouterr().err
    good = tmp_path / "good"
    good.mkdir()
    (good / "prompts.toml").write_text('[prompts]\nphase1.title = "The hard bits"\n')
    assert main(["--content", str(good), "content", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["prompts"]["phase1.title"] == "The hard bits"


def test_show_json_prints_the_merged_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "support.toml").write_text(
        BAD_SUPPORT.replace('"everyone"', '"systemic"').replace("116 123", "0800 111 222")
    )
    assert main(["content", "show", "--json", "--content", str(overlay)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) >= {"challenges", "values", "reconnect", "coping", "prompts", "scales"}
    assert shown["challenges"][0].keys() >= {"key", "label", "dimension", "line", "phase"}
    assert all(isinstance(option["fits"], list) for option in shown["coping"])
    assert {option["category"] for option in shown["coping"]} == {
        "individual",
        "boundaries",
        "relational",
    }
    samaritans = next(line for line in shown["support"] if line["key"] == "samaritans")
    assert samaritans["contact"] == "Call 0800 111 222"


def test_the_command_as_a_process_with_no_traceback(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "coach", "content", "show", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["scales"]["feeling"][-1] == "Not coping"
    overlay = bad_overlay(tmp_path)
    bad = subprocess.run(
        [sys.executable, "-m", "coach", "content", "check", "--content", str(overlay)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "must be one of individual | systemic" in bad.stderr


def test_a_missing_overlay_folder_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "check", "--content", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "nowhere" in err
    assert "not a folder" in err
