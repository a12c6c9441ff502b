"""Export version 6 carries the journal's settings (core values, my own support, theme...)
beside every record kind; importing it into an empty folder reproduces the journal exactly,
and into an existing one merges with the file's settings winning, key by key, in the same
all-or-nothing change as the records. Older versions carry no settings."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.exports import (
    EXPORT_VERSION,
    ExportFormatError,
    export_json,
    newest_first,
    parse_export_contents,
    read_export_contents,
    write_json_export,
)
from coach.journal import Journal
from coach.record_kinds import RECORD_KINDS
from tests.helpers.controls import NASTY
from tests.helpers.every_kind import REFLECTIONS, SETTINGS, fill_every_kind
from tests.test_export_records import files_under, holdings, old_document, without_time

EXPORTED = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def run(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def export_to(folder: Path, target: Path) -> dict[str, Any]:
    assert run(folder, "export", "-o", str(target)) == 0
    return json.loads(target.read_bytes())  # type: ignore[no-any-return]


def settings_of(folder: Path) -> dict[str, Any]:
    with Journal(folder, create=False) as journal:
        return journal.settings()


def test_the_export_carries_the_stored_settings_exactly(tmp_path: Path) -> None:
    fill_every_kind(tmp_path / "data")
    document = export_to(tmp_path / "data", tmp_path / "out.json")
    assert document["version"] == EXPORT_VERSION == 6
    assert list(document)[:5] == ["format", "version", "exported", "settings", "reflections"]
    assert document["settings"] == SETTINGS == settings_of(tmp_path / "data")
    assert all(document[name] for name in RECORD_KINDS)  # every kind is populated
    kinds = {r["kind"] for r in document["reflections"]}
    assert kinds == {"reflection", "check-in", "imported-note"}
    # the raw file never holds a raw ESC or bidi override, yet reads back byte for byte
    raw = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert "\x1b" not in raw
    assert "\u202e" not in raw
    assert document["settings"]["core_values"][1] == NASTY


def test_the_streamed_export_with_settings_is_byte_for_byte_the_export() -> None:
    written = io.BytesIO()
    ordered = [r.to_dict() for r in newest_first(REFLECTIONS)]
    write_json_export(ordered, written.write, EXPORTED, settings=SETTINGS)
    text = written.getvalue().decode()
    assert text == export_json(REFLECTIONS, EXPORTED, settings=SETTINGS)
    assert read_export_contents(written.getvalue()).settings == SETTINGS


def test_export_then_import_into_an_empty_folder_reproduces_the_journal(tmp_path: Path) -> None:
    fill_every_kind(tmp_path / "source")
    first = export_to(tmp_path / "source", tmp_path / "first.json")
    assert run(tmp_path / "copy", "import", str(tmp_path / "first.json")) == 0
    assert holdings(tmp_path / "copy") == holdings(tmp_path / "source")
    assert settings_of(tmp_path / "copy") == SETTINGS
    again = export_to(tmp_path / "copy", tmp_path / "again.json")
    assert without_time(again) == without_time(first)


def test_the_files_settings_win_key_by_key_and_twice_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_every_kind(tmp_path / "source")
    export_to(tmp_path / "source", tmp_path / "export.json")
    target = tmp_path / "target"
    with Journal(target) as journal:
        journal.update_settings({"theme": "dracula", "worry_time": "17:30", "core_values": []})
    capsys.readouterr()
    assert run(target, "import", str(tmp_path / "export.json")) == 0
    assert "settings: added 5, updated 2, unchanged 0" in capsys.readouterr().out.splitlines()
    assert settings_of(target) == {**SETTINGS, "worry_time": "17:30"}  # kept: the file lacks it
    before = files_under(target)
    assert run(target, "import", str(tmp_path / "export.json")) == 0
    assert "settings: added 0, updated 0, unchanged 7" in capsys.readouterr().out.splitlines()
    assert files_under(target) == before


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_an_older_version_carries_no_settings_and_leaves_the_journals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    # an object called "settings" in an older file is not the coach's: it is not read
    document = {**old_document(version), "settings": {"theme": "nord"}}
    assert parse_export_contents(document).settings == {}
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    with Journal(tmp_path / "data") as journal:
        journal.update_settings({"theme": "dracula"})
    assert run(tmp_path / "data", "import", str(source)) == 0
    assert "settings" not in capsys.readouterr().out
    assert settings_of(tmp_path / "data") == {"theme": "dracula"}


def with_settings(settings: Any) -> dict[str, Any]:
    return {**old_document(5), "version": 6, "settings": settings}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (["core_values"], "settings must be an object, not list"),
        ({"theme": 7}, "settings: theme must be text"),
        ({"nudge_after": "25:00", "theme": "nord"}, "settings: nudge_after "),
        ({"nudge_days": ["someday"]}, "settings: nudge_days must be days of the week"),
        ({"later": json.loads("[" * 120 + "]" * 120)}, "settings: later: it is nested deeper"),
    ],
)
def test_a_bad_settings_object_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: Any, message: str
) -> None:
    with pytest.raises(ExportFormatError, match="^" + message.replace("(", r"\(")):
        parse_export_contents(with_settings(settings))
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(with_settings(settings)), encoding="utf-8")
    with Journal(tmp_path / "data") as journal:
        journal.update_settings({"theme": "dracula"})
    before = files_under(tmp_path / "data")
    assert run(tmp_path / "data", "import", str(source)) == 1
    error = capsys.readouterr().err
    assert message in error
    assert "nothing was imported" in error
    assert len(error.splitlines()) == 1
    assert files_under(tmp_path / "data") == before


def test_a_setting_with_control_characters_is_named_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(with_settings({"theme": NASTY})), encoding="utf-8")
    assert run(tmp_path / "data", "import", str(source)) == 1
    error = capsys.readouterr().err
    assert "settings: theme must be a name without control characters" in error
    assert "\x1b" not in error
    assert "Caseload" not in error
