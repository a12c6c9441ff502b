"""``coach import --from SOURCE`` for real: each source's file into a real journal, re-imported,
hostile and broken; a bad entry names itself and leaves the journal folder as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.imported import ImportSource
from coach.journal import Journal
from coach.model import Kind, Reflection

SAMPLES = Path(__file__).parent / "samples" / "import"
HOSTILE = "[bold]x[/] \x1b[2J\x1b]0;owned\x07 \u202eevil \x00 <script>'\"\n\ttab"
SECRET = "private sentence"  # in every broken entry: never shown in an error


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def run(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def notes_in(data: Path) -> list[Reflection]:
    with Journal(data) as journal:
        return sorted(journal.iter_newest_first(), key=lambda note: note.sort_key)


@pytest.mark.parametrize(
    ("source", "name", "count"),
    [
        ("jrnl", "jrnl.json", 3),
        ("dayone", "dayone-Journal.json", 3),
        ("minidiary", "minidiary.json", 2),
        ("daylio", "daylio.csv", 3),
        ("daylio", "daylio-older.csv", 3),
    ],
)
def test_each_source_imports_once_and_re_import_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, name: str, count: int
) -> None:
    data = tmp_path / "data"
    file = str(SAMPLES / name)
    assert run(data, "import", "--from", source, file) == 0
    assert capsys.readouterr().out == f"imported notes: added {count}, updated 0, unchanged 0\n"
    before = snapshot(data / "journal")
    assert run(data, "import", "--from", source, file) == 0
    assert capsys.readouterr().out == f"imported notes: added 0, updated 0, unchanged {count}\n"
    assert snapshot(data / "journal") == before
    notes = notes_in(data)
    assert len(notes) == count
    assert {note.kind for note in notes} == {Kind.IMPORTED}
    assert {note.imported.source for note in notes if note.imported} == {ImportSource(source)}


def test_imported_notes_are_found_by_their_text_tags_and_mood(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "import", "--from", "daylio", str(SAMPLES / "daylio.csv")) == 0
    assert run(data, "import", "--from", "jrnl", str(SAMPLES / "jrnl.json")) == 0
    with Journal(data) as journal:
        assert [n.imported.mood for n in journal.search("meh") if n.imported] == ["meh"]
        assert len(list(journal.search("good meal"))) == 1  # a Daylio activity
        assert len(list(journal.search("@supervision"))) == 1  # a jrnl tag
        assert len(list(journal.search("team chat helped"))) == 1  # a jrnl body


def hostile_file(source: str, folder: Path) -> Path:
    """One entry in ``source``'s format whose every text field is ``HOSTILE``."""
    if source == "daylio":
        path = folder / "hostile.csv"
        quoted = '"' + HOSTILE.replace('"', '""') + '"'
        row = f"2026-11-25,25 November,Wednesday,9:30 pm,{quoted},{quoted},{quoted},{quoted}"
        path.write_bytes(
            f"full_date,date,weekday,time,mood,activities,note_title,note\n{row}\n".encode()
        )
        return path
    entry: object
    if source == "jrnl":
        entry = {
            "entries": [
                {
                    "date": "2026-11-25",
                    "time": "21:30",
                    "title": HOSTILE,
                    "body": HOSTILE,
                    "tags": [HOSTILE],
                    "starred": False,
                }
            ]
        }
    elif source == "dayone":
        entry = {
            "entries": [
                {
                    "uuid": "U1",
                    "creationDate": "2026-11-25T21:30:00Z",
                    "timeZone": "Europe/London",
                    "text": HOSTILE,
                    "tags": [HOSTILE],
                }
            ]
        }
    else:
        entry = {"metadata": {}, "entries": {"2026-11-25": {"title": HOSTILE, "text": HOSTILE}}}
    path = folder / "hostile.json"
    path.write_text(json.dumps(entry), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", [source.value for source in ImportSource])
def test_hostile_text_is_kept_byte_exact_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    data = tmp_path / "data"
    assert run(data, "import", "--from", source, str(hostile_file(source, tmp_path))) == 0
    printed = capsys.readouterr()
    assert printed.out == "imported notes: added 1, updated 0, unchanged 0\n"
    assert "\x1b" not in printed.out + printed.err
    (note,) = notes_in(data)
    assert note.imported is not None
    assert note.date == dt.date(2026, 11, 25)
    assert note.narrative == HOSTILE
    assert HOSTILE in (note.imported.title, *note.imported.tags)


# Each format's file of two entries, the second with ``bad`` as its date (and SECRET as its text)
def two_entries(source: str, folder: Path, bad: str) -> Path:
    if source == "daylio":
        path = folder / "two.csv"
        rows = [
            "full_date,date,weekday,time,mood,activities,note_title,note",
            "2026-11-24,24 November,Tuesday,21:00,good,,,fine",
            f"{bad},,,21:00,bad,,,{SECRET}",
        ]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return path
    document: object
    if source == "jrnl":
        fine = {"date": "2026-11-24", "time": "21:00", "title": "fine", "body": ""}
        document = {"entries": [fine, {**fine, "date": bad, "body": SECRET}]}
    elif source == "dayone":
        fine = {"uuid": "A", "creationDate": "2026-11-24T21:00:00Z", "text": "fine"}
        document = {
            "entries": [fine, {"uuid": "B", "creationDate": f"{bad}T21:00:00Z", "text": SECRET}]
        }
    else:
        document = {
            "entries": {
                "2026-11-24": {"title": "", "text": "fine"},
                bad: {"title": "", "text": SECRET},
            }
        }
    path = folder / "two.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", [source.value for source in ImportSource])
@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("2026-02-30", "not a date on the calendar"),
        ("0000-01-01", ""),
        ("2300-01-01", "from 1900-01-01 to 2199-12-31"),
        ("next tuesday", ""),
    ],
)
def test_an_odd_date_names_the_entry_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, bad: str, expected: str
) -> None:
    data = tmp_path / "data"
    assert run(data, "import", "--from", "jrnl", str(SAMPLES / "jrnl.json")) == 0
    capsys.readouterr()
    before = snapshot(data)
    file = two_entries(source, tmp_path, bad)
    assert run(data, "import", "--from", source, str(file)) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.count("\n") == 1
    assert str(file) in printed.err
    assert "entry 2" in printed.err
    assert "date" in printed.err.lower()  # the field: date, full_date or creationDate
    assert expected in printed.err
    assert "nothing was imported" in printed.err
    assert SECRET not in printed.err
    assert snapshot(data) == before


@pytest.mark.parametrize(
    ("source", "content", "expected"),
    [
        (
            "jrnl",
            b'{"entries": [{"date": "2026-01-01", "body": 5}]}',
            "entry 1 (2026-01-01): field 'body' must be text",
        ),
        (
            "jrnl",
            b'{"entries": [{"date": "2026-01-01", "time": "25:00"}]}',
            "field 'time' is not a time",
        ),
        (
            "jrnl",
            b'{"entries": [{"date": "2026-01-01", "tags": "work"}]}',
            "field 'tags' must be a list",
        ),
        ("jrnl", b"[]", "expected a JSON object"),
        ("jrnl", b"# Markdown", "not valid JSON"),
        (
            "dayone",
            b'{"entries": [{"creationDate": "2026-01-01T00:00:00Z"}]}',
            "field 'uuid' is missing",
        ),
        (
            "dayone",
            b'{"entries": [{"uuid": "x", "creationDate": "2026-01-01T00:00:00Z", '
            b'"starred": "yes"}]}',
            "field 'starred' must be true or false",
        ),
        ("minidiary", b'{"entries": []}', "keyed by date"),
        (
            "minidiary",
            b'{"entries": {"2026-01-01": "text"}}',
            "entry 1 (2026-01-01): must be an object",
        ),
        ("daylio", b"", "empty"),
        ("daylio", b"date,weekday\n", "no 'time', 'mood' column"),
        (
            "daylio",
            b"full_date,time,mood\n2026-01-01,25:61,ok\n",
            "entry 1 (2026-01-01): field 'time'",
        ),
        ("daylio", b"full_date,time,mood\n2026-01-01,13:00 pm,ok\n", "12-hour clock"),
        ("daylio", b"full_date,time,mood\n2026-01-01,9:00,ok,extra\n", "has 4 fields"),
        ("daylio", b"full_date,time,mood\n2026-01-01,9:00,\xff\n", "not UTF-8 text (line 2)"),
        (
            "daylio",
            b"year,date,time,mood\n2021,31 Smarch,9:00,ok\n",
            "field 'date' must be a day and month",
        ),
        (
            "daylio",
            b"year,date,time,mood\n2021,29 February,9:00,ok\n",
            "not a date on the calendar",
        ),
    ],
)
def test_a_broken_file_is_one_line_naming_entry_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, content: bytes, expected: str
) -> None:
    file = tmp_path / "broken"
    file.write_bytes(content)
    assert run(tmp_path / "data", "import", "--from", source, str(file)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert expected in err
    assert "Traceback" not in err
    assert not (tmp_path / "data" / "journal").exists() or not notes_in(tmp_path / "data")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "journal.md",
            b"# Journal\n\n## 2026-11-25\n\nA day.\n",
            "reads the JSON export made by 'coach export'",
        ),
        ("notes.txt", b"\x00\x01 binary", "reads the JSON export made by 'coach export'"),
        ("jrnl.json", None, "it looks like a jrnl export: add --from jrnl"),
        ("dayone-Journal.json", None, "add --from dayone"),
        ("minidiary.json", None, "add --from minidiary"),
        ("daylio.csv", None, "add --from daylio"),
    ],
)
def test_import_without_from_says_what_it_needs(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    expected: str,
) -> None:
    file = tmp_path / name
    file.write_bytes(content if content is not None else (SAMPLES / name).read_bytes())
    assert run(tmp_path / "data", "import", str(file)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert expected in err
    assert "nothing was imported" in err


def test_the_wrong_from_says_which_one_the_file_looks_like(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "data", "import", "--from", "dayone", str(SAMPLES / "daylio.csv")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "it looks like a daylio export: use --from daylio; nothing was imported" in err
