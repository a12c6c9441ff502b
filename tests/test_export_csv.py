"""``coach export --format csv``: one RFC 4180 row for each entry (reflections, check-ins,
imported notes), UTF-8 with a header, read back by Python's own ``csv`` to the same text, apart
from the documented guard against spreadsheet formulas and visible control characters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path

import pytest

from coach.cli import main
from coach.exports import export_csv
from coach.exports.csv_format import COLUMNS
from coach.imported import ImportedFrom, ImportSource
from coach.model import Appraisal, Kind, Reflection, Value
from coach.text import FORBIDDEN, visible
from tests.helpers.controls import NASTY
from tests.helpers.every_kind import CHECK_IN, FULL, NOTES, REFLECTIONS, fill_every_kind

AT = dt.datetime(2026, 3, 4, 18, 7, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_an_entry_oldest_first_with_a_header_and_crlf(tmp_path: Path) -> None:
    fill_every_kind(tmp_path / "data")
    target = tmp_path / "journal.csv"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--format", "csv",
                 "-o", str(target)]) == 0  # fmt: skip
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    raw = target.read_bytes()
    assert raw.startswith(b"id,date,time,created,kind,strain,")  # UTF-8, no byte-order mark
    assert raw.endswith(b"\r\n")
    assert raw.decode("utf-8") == export_csv(REFLECTIONS)
    found = rows(raw.decode("utf-8"))
    assert list(found[0]) == list(COLUMNS)
    ordered = sorted(REFLECTIONS, key=lambda r: r.sort_key)
    assert [row["id"] for row in found] == [r.id for r in ordered]
    assert {row["kind"] for row in found} == {"reflection", "check-in", "imported-note"}


def test_a_reflections_cells() -> None:
    (row,) = rows(export_csv([FULL]))
    assert {name: row[name] for name in COLUMNS if name != "id"} == {
        "date": "2026-11-27", "time": "18:05", "created": "2026-11-27T18:05:00+00:00",
        "kind": "reflection", "strain": "7", "feeling": "3", "alignment": "4",
        "challenges": "Back-to-back calls | A risk call",
        "challenge_sides": "systemic | individual",
        "narrative": FULL.narrative,  # newlines and a jrnl-like line, exactly
        "values": "Care | Learning", "meaning": "A client laughed.",
        "weighed_most": "", "served": "", "mine_to_influence": "My breaks",
        "with_the_service": "", "to_a_colleague": "", "appraisal": "",
        "coping_actions": "Walk at lunch (individual, tomorrow, planned) | "
                          "=SUM(A1:A9) (relational, done, helped 4 of 4)",
        "notes": "'@team said thanks", "cpd": "what-so-what",
        "source": "", "title": "", "tags": "", "mood": "", "starred": "",
    }  # fmt: skip


def test_an_imported_notes_cells() -> None:
    jrnl_note, daylio = rows(export_csv(NOTES[:2]))
    assert (jrnl_note["source"], jrnl_note["title"], jrnl_note["tags"]) == (
        "jrnl", "A jrnl day", "'@work",
    )  # fmt: skip
    assert jrnl_note["starred"] == "yes"
    assert jrnl_note["narrative"] == "Body line.\nSecond @work line."
    assert (daylio["tags"], daylio["mood"], daylio["narrative"]) == ("work | sleep", "meh",
                                                                     "'-felt flat")  # fmt: skip
    assert (daylio["strain"], daylio["feeling"]) == ("", "")  # no ratings: empty cells


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(start: str) -> None:
    text = f'{start}HYPERLINK("http://x","y")'
    made = Reflection("n-1", AT.date(), AT, Kind.IMPORTED, narrative=text,
                      imported=ImportedFrom(ImportSource.JRNL, title=text, mood=text))  # fmt: skip
    (row,) = rows(export_csv([made]))
    for name in ("narrative", "title", "mood"):
        assert row[name] == "'" + visible(text)


@pytest.mark.parametrize("text", ["a = b", "1+1", "e-mail", "x@y", "'quoted'", "", "  =x"])
def test_other_text_is_kept_exactly(text: str) -> None:
    made = Reflection("r-1", AT.date(), AT, notes=text)
    (row,) = rows(export_csv([made]))
    assert row["notes"] == text


def test_quotes_commas_newlines_and_unicode_survive_rfc_4180() -> None:
    text = 'She said "no", then left.\nשלום 😀\r\nend'
    made = Reflection("r-1", AT.date(), AT, narrative=text, notes=",")
    raw = export_csv([made])
    (row,) = rows(raw)
    assert row["narrative"] == visible(text)  # the lone CR is shown (␍), the rest exact
    assert row["notes"] == ","
    assert '"She said ""no"", then left.' in raw


def test_no_control_character_or_bidi_override_reaches_the_file() -> None:
    kept = ImportedFrom(ImportSource.DAYLIO, NASTY, (NASTY,), NASTY)
    made = Reflection("n-1", AT.date(), AT, Kind.IMPORTED, narrative=NASTY, imported=kept)
    raw = export_csv([made, CHECK_IN])
    assert not FORBIDDEN.search(raw.replace("\r\n", ""))
    assert rows(raw)[0]["narrative"] == visible(NASTY)


def test_an_empty_journal_is_the_header_alone() -> None:
    assert export_csv([]) == ",".join(COLUMNS) + "\r\n"


def test_the_appraisal_and_what_weighed_most_in_words() -> None:
    made = FULL.with_changes(
        weighed_most="own:risk",
        served=Value("own:care", "Care"),
        appraisal=Appraisal(comprehensible=3, manageable=1, meaningful=4),
    )
    (row,) = rows(export_csv([made]))
    assert (row["weighed_most"], row["served"]) == ("A risk call", "Care")
    assert row["appraisal"] == "comprehensible 3, manageable 1, meaningful 4"
