"""``coach export --format jrnl``: jrnl's own plain-text journal, which ``jrnl --import`` reads
back entry for entry: titles, bodies, dates, times, stars and tags.

With jrnl installed (``JRNL`` names it, else ``/tmp/jrnl-venv/bin/jrnl``, else ``jrnl`` on the
PATH) the export is imported by the real jrnl 4.6 into a journal in ``tmp_path`` (its config
there too, never the user's) and read back with ``jrnl --export json``; without it, the
committed sample (``tests/samples/jrnl/``: this export, and what jrnl 4.6 read back from it)
is checked instead.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.exports import export_jrnl
from coach.imported import ImportedFrom, ImportSource
from coach.model import Challenge, Dimension, Kind, Reflection
from coach.text import FORBIDDEN
from tests.helpers.controls import NASTY
from tests.helpers.every_kind import BARE, CHECK_IN, FULL, NOTES, REFLECTIONS, fill_every_kind
from tests.helpers.jrnl import find_jrnl, run_jrnl

SAMPLES = Path(__file__).parent / "samples" / "jrnl"
SAMPLE_EXPORT = SAMPLES / "every_kind.txt"
SAMPLE_READ_BACK = SAMPLES / "every_kind.jrnl-4.6.json"  # jrnl 4.6's --export json of it
AT = dt.datetime(2026, 3, 4, 18, 7, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def jrnl_read_back(jrnl: str, exported: Path, home: Path) -> dict[str, Any]:
    """``jrnl --import`` of the export into a new journal under ``home``, then ``jrnl --export
    json`` of that journal: what jrnl made of it."""
    run_jrnl(jrnl, home, "--import", "--file", str(exported))
    return json.loads(run_jrnl(jrnl, home, "--export", "json"))  # type: ignore[no-any-return]


def check_read_back(read: dict[str, Any]) -> None:
    """What jrnl read is every entry, oldest first, each as written."""
    entries = read["entries"]
    ordered = sorted(REFLECTIONS, key=lambda r: r.sort_key)
    assert [(e["date"], e["time"]) for e in entries] == [
        (r.date.isoformat(), r.created.strftime("%H:%M")) for r in ordered
    ]
    by_id = dict(zip((r.id for r in ordered), entries, strict=True))
    jrnl_note, daylio, dayone, minidiary = (by_id[n.id] for n in NOTES)
    assert jrnl_note == {
        "title": "A jrnl day", "body": "Body line.\nSecond @work line.", "date": "2025-06-01",
        "time": "08:00", "tags": ["@work"], "starred": True,
    }  # fmt: skip
    assert daylio["title"] == "-felt flat"
    assert daylio["body"] == "@work @sleep\n\nMood: meh"
    assert sorted(daylio["tags"]) == ["@sleep", "@work"]
    assert (dayone["title"], dayone["body"]) == ("No title here. Second sentence.", "")
    # a line that looks like an entry stays in the body; a title's star is not a star
    assert minidiary["body"] == "\\[2025-06-04 10:00] a tricky line"
    assert (minidiary["title"], minidiary["starred"]) == ("Title with *\\", False)
    full = by_id[FULL.id]
    assert full["title"] == "Back-to-back calls"
    assert full["body"].startswith(
        "A long day.\n\\[2020-01-01 10:00] looks like a jrnl entry\nStill here.\n\n"
    )
    for part in (
        "Values: Care, Learning",
        "Coping (relational, done, helped 4 of 4): =SUM",
        "Challenge (systemic): Back-to-back calls\nno gap",
        "Notes: @team said thanks",
    ):
        assert part in full["body"]  # fmt: skip
    assert full["tags"] == ["@team"]
    assert (by_id[BARE.id]["title"], by_id[BARE.id]["body"]) == ("Reflection", "")
    check_in = by_id[CHECK_IN.id]
    assert check_in["title"] == "Quick check-in"
    assert check_in["body"].startswith("+quick one, Caseload \u2400")
    assert not [e for e in entries if FORBIDDEN.search(e["title"] + e["body"])]
    assert not any(e["starred"] for e in entries if e is not jrnl_note)


def test_the_export_is_the_committed_sample_jrnl_read_back() -> None:
    """The sample was made by this export, and read back by jrnl 4.6 as it should be."""
    assert export_jrnl(REFLECTIONS) == SAMPLE_EXPORT.read_text(encoding="utf-8")
    check_read_back(json.loads(SAMPLE_READ_BACK.read_text(encoding="utf-8")))


def test_jrnl_itself_imports_the_export_entry_for_entry(tmp_path: Path) -> None:
    jrnl = find_jrnl()
    if jrnl is None:
        pytest.skip("jrnl is not installed (set JRNL to its path); the sample is checked instead")
    fill_every_kind(tmp_path / "data")
    exported = tmp_path / "export.txt"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--format", "jrnl",
                 "-o", str(exported)]) == 0  # fmt: skip
    read = jrnl_read_back(jrnl, exported, tmp_path / "jrnl-home")
    check_read_back(read)
    assert tags_sorted(read) == tags_sorted(json.loads(SAMPLE_READ_BACK.read_text("utf-8")))


def tags_sorted(read: dict[str, Any]) -> dict[str, Any]:
    """jrnl lists an entry's tags from a set: in an order that changes from run to run."""
    entries = [{**entry, "tags": sorted(entry["tags"])} for entry in read["entries"]]
    return {**read, "entries": entries}


def test_the_cli_writes_a_private_file_of_the_whole_journal(tmp_path: Path) -> None:
    fill_every_kind(tmp_path / "data")
    target = tmp_path / "journal.txt"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--format", "jrnl",
                 "-o", str(target)]) == 0  # fmt: skip
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == export_jrnl(REFLECTIONS)


def note(text: str, **kept: Any) -> Reflection:
    return Reflection("n-1", AT.date(), AT, Kind.IMPORTED, narrative=text,
                      imported=ImportedFrom(ImportSource.DAYLIO, **kept))  # fmt: skip


def test_an_entry_is_its_header_and_body_lines_entries_oldest_first_a_blank_line_between() -> None:
    later = Reflection("r-2", dt.date(2026, 3, 5), AT, narrative="Two")
    earlier = Reflection("r-1", dt.date(2026, 3, 4), AT,
                         challenges=(Challenge("own:x", "Admin", Dimension.SYSTEMIC),))  # fmt: skip
    assert export_jrnl([later, earlier]).splitlines() == [
        "[2026-03-04 18:07] Admin",
        "Challenge (systemic): Admin",
        "",
        "[2026-03-05 18:07] Reflection",
        "Two",
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[2020-01-01 10:00] x", "\\[2020-01-01 10:00] x"),  # jrnl would start an entry here
        ("[yesterday] went out", "\\[yesterday] went out"),  # jrnl reads words as dates too
        ("[x] done", "[x] done"),  # six characters or fewer: jrnl never reads them as a date
        ("see [2020-01-01 10:00] x", "see [2020-01-01 10:00] x"),  # not at the start of a line
        (" [2020-01-01 10:00] x", " [2020-01-01 10:00] x"),
    ],
)
def test_a_body_line_jrnl_would_take_for_an_entry_is_escaped(text: str, line: str) -> None:
    exported = export_jrnl([note(f"first\n{text}", title="T")])
    assert exported.splitlines()[1:] == ["first", line]


def test_no_control_character_or_bidi_override_reaches_the_file() -> None:
    exported = export_jrnl([note(NASTY + "\n" + NASTY, title=NASTY, tags=(NASTY,), mood=NASTY)])
    assert not FORBIDDEN.search(exported)
    assert exported.startswith("[2026-03-04 18:07] Caseload \u2400")


def test_tags_the_text_lacks_are_added_once_as_jrnl_tags() -> None:
    exported = export_jrnl([note("Out with @Dog", tags=("@dog", "long walk", "@dog", "!!"))])
    assert exported.splitlines() == ["[2026-03-04 18:07] Out with @Dog", "@long-walk"]


def test_a_starred_note_with_no_title_or_text_is_still_an_entry() -> None:
    assert export_jrnl([note("", starred=True)]) == "[2026-03-04 18:07]  *\n"
    assert export_jrnl([note("")]) == "[2026-03-04 18:07] \n"  # jrnl's own way: a space


def test_an_untitled_notes_first_line_is_its_title_unescaped() -> None:
    exported = export_jrnl([note("[2020-01-01 10:00] x\n[2020-01-01 10:00] y")])
    assert exported.splitlines() == [
        "[2026-03-04 18:07] [2020-01-01 10:00] x",  # jrnl looks for an entry at a line's start
        "\\[2020-01-01 10:00] y",
    ]
