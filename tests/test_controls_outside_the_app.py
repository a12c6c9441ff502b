"""Stored text never drives a terminal outside the app: exports, stats, errors and content.

Every control character and bidi override ``coach.text.visible`` knows (``EVERY_CONTROL``)
plus the sequences that once reached a terminal raw go into every text field; the Markdown
export, the plain stats and every error message show them, the JSON export keeps them exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from coach.content import ContentError, load_catalog
from coach.exports import (
    ExportFormatError,
    export_json,
    export_markdown,
    parse_export,
    read_export,
    reflection_markdown,
)
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection, Status, Value
from coach.text import FORBIDDEN, visible
from tests.helpers.controls import EVERY_CONTROL, NASTY, raw_controls
from tests.helpers.run import run_coach

UTC = dt.UTC
EXPORTED = dt.datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def nasty_reflection(rid: str = "nasty-1", day: dt.date = dt.date(2026, 11, 25)) -> Reflection:
    """A reflection with every control in every text field and its keys (ids have a rule of
    their own that refuses them: see ``nasty_export``)."""
    return Reflection(
        id=rid,
        date=day,
        created=dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC),
        strain=6,
        alignment=5,
        challenges=(Challenge(f"c-{NASTY}", NASTY, Dimension.SYSTEMIC, NASTY),),
        narrative=f"{NASTY}\nsecond line {NASTY}\r\nthird\rfourth",
        values=(Value(f"v-{NASTY}", NASTY),),
        meaning=NASTY,
        actions=(CopingAction(f"a-{NASTY}", NASTY, Category.BOUNDARIES, NASTY, Status.PLANNED),),
        notes=NASTY,
    )


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


# --- Markdown and JSON ---------------------------------------------------------------------


def test_markdown_shows_every_control_and_forges_no_heading() -> None:
    reflection = nasty_reflection()
    journal = export_markdown([reflection], EXPORTED)
    single = reflection_markdown(reflection)
    for text in (journal, single):
        assert raw_controls(text) == []
        # Markdown ends a line at a carriage return, so the text is shown a line at a time.
        assert all(visible(line) in text for line in NASTY.split("\r"))
        assert "␛]0;title␇" in text
        assert "\\u202e" in text
        assert "\\x9b" in text
    parts = ["What was hard", "What matters", "What will help", "Notes"]
    assert headings(journal) == [
        "My reflection journal",
        "Wednesday 25 November 2026",
        "Reflection, 18:00",
        *parts,
    ]
    assert headings(single) == ["Reflection: Wednesday 25 November 2026, 18:00", *parts]


def test_the_json_export_keeps_every_control_byte_for_byte() -> None:
    reflection = nasty_reflection()
    text = export_json([reflection], EXPORTED)
    assert raw_controls(text) == []
    assert "\\u202e" in text
    assert "\\u001b" in text
    assert "\\u0085" in text
    (record,) = json.loads(text)["reflections"]
    assert record == reflection.to_dict()
    assert record["narrative"].encode("utf-8") == reflection.narrative.encode("utf-8")
    assert read_export(text.encode("utf-8")) == [reflection]


def nasty_export() -> dict[str, object]:
    """An export whose one record has every control in its id, as a hostile file might."""
    document = json.loads(export_json([nasty_reflection()], EXPORTED))
    document["reflections"][0]["id"] = NASTY
    return document  # type: ignore[no-any-return]


def test_an_import_error_quoting_a_strange_id_shows_its_controls_on_one_line() -> None:
    document = nasty_export()
    with pytest.raises(ExportFormatError) as caught:
        parse_export(document)
    message = str(caught.value)
    assert raw_controls(message) == []
    assert "\n" not in message
    assert "(id 'Caseload ␀␁␂" in message
    assert "…'" in message  # still cut short
    assert "field 'id'" in message


# --- the commands, run as a user runs them --------------------------------------------------


def coach(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m coach`` in a child process; bytes, so nothing is decoded away."""
    return run_coach(*argv, env_data=tmp_path / "env-data")


@pytest.fixture
def nasty_journal(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.add(nasty_reflection())
    return data


def test_export_md_to_stdout_prints_no_raw_control(tmp_path: Path, nasty_journal: Path) -> None:
    done = coach(tmp_path, "--data-dir", str(nasty_journal), "export", "--format", "md")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert raw_controls(out) == []
    assert all(visible(line) in out for line in NASTY.split("\r"))


def test_export_md_to_a_file_that_is_later_catted(tmp_path: Path, nasty_journal: Path) -> None:
    target = tmp_path / "journal.md"
    done = coach(
        tmp_path, "--data-dir", str(nasty_journal), "export", "--format", "md", "-o", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert raw_controls(target.read_text(encoding="utf-8")) == []


def test_export_json_to_stdout_prints_no_raw_control_and_reads_back(
    tmp_path: Path, nasty_journal: Path
) -> None:
    done = coach(tmp_path, "--data-dir", str(nasty_journal), "export")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert raw_controls(out) == []
    assert read_export(done.stdout) == [nasty_reflection()]


def test_stats_prints_no_raw_control(tmp_path: Path, nasty_journal: Path) -> None:
    done = coach(tmp_path, "--data-dir", str(nasty_journal), "stats", "--as-of", "2026-11-26")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert raw_controls(out) == []
    assert visible(NASTY) in out


def test_import_error_quoting_a_strange_id_prints_no_raw_control(tmp_path: Path) -> None:
    document = nasty_export()
    source = tmp_path / "export.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    done = coach(tmp_path, "--data-dir", str(tmp_path / "data"), "import", str(source))
    assert done.returncode == 1
    err = done.stderr.decode("utf-8")
    assert raw_controls(err) == []
    assert "nothing was imported" in err
    assert err.count("\n") == 1


def test_doctor_quoting_a_strange_folder_prints_no_raw_control(tmp_path: Path) -> None:
    # A file name may hold any control but NUL; doctor's report quotes the folder.
    data = tmp_path / f"journal {EVERY_CONTROL.replace(chr(0), '')}"
    done = coach(tmp_path, "--data-dir", str(data), "doctor")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "no journal has been started in" in out
    assert "journal ␁␂" in out
    assert raw_controls(out) == []


# --- content ---------------------------------------------------------------------------------

CHALLENGE = """[[challenge]]
key = "rota"
label = "{label}"
dimension = "systemic"
line = "{line}"
phase = 1
"""


def toml_escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04X}" if FORBIDDEN.match(c) else c for c in text)


@pytest.mark.parametrize("control", EVERY_CONTROL, ids=lambda c: f"U+{ord(c):04X}")
def test_content_refuses_a_control_in_the_coachs_words(tmp_path: Path, control: str) -> None:
    label = toml_escaped(f"Rota {control}[2J changes")
    (tmp_path / "challenges.toml").write_text(
        CHALLENGE.format(label=label, line="One line."), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path)
    error = caught.value
    assert (error.file, error.entry, error.field) == (
        str(tmp_path / "challenges.toml"),
        "challenge[0] key=rota",
        "label",
    )
    message = str(error)
    assert raw_controls(message) == []
    assert "\n" not in message
    assert f"U+{ord(control):04X}" in message
    assert "at character 6" in message


def test_content_keeps_tab_and_newline(tmp_path: Path) -> None:
    (tmp_path / "challenges.toml").write_text(
        CHALLENGE.format(label="Rota\\tchanges", line="One line,\\nthen another."),
        encoding="utf-8",
    )
    found = load_catalog(tmp_path).challenge("rota")
    assert found is not None
    assert (found.label, found.line) == ("Rota\tchanges", "One line,\nthen another.")


@pytest.mark.parametrize(
    ("file_name", "text", "field"),
    [
        ("prompts.toml", '[prompts]\n"home.\\u001b[2J" = "Hello"\n', "home.␛[2J"),
        ("prompts.toml", '[scales]\nappraisal = ["a", "b", "c\\u202e", "d", "e"]\n', "appraisal"),
        ("support.toml", '[support]\nintro = "Call \\u009b2J now"\n', "intro"),
    ],
)
def test_content_refuses_controls_in_words_and_their_names(
    tmp_path: Path, file_name: str, text: str, field: str
) -> None:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path)
    message = str(caught.value)
    assert str(tmp_path / file_name) in message
    assert f": {field}: " in message
    assert "control characters" in message
    assert raw_controls(message) == []
