"""The data commands run for real: export, import, and what they do with a damaged journal."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import main
from coach.imported import ImportedFrom, ImportSource
from coach.journal import Journal
from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Status,
    Value,
)

UTC = dt.UTC


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If a test forgot --data-dir, it would still not reach the user's real journal."""
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def reflection(rid: str, day: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    return Reflection(id=rid, date=day, created=created, **parts)  # type: ignore[arg-type]


def sample() -> list[Reflection]:
    return [
        reflection(
            "r-2026",
            dt.date(2026, 11, 26),
            strain=7,
            alignment=6,
            challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
            values=(Value("helping", "Helping others"),),
            appraisal=Appraisal(3, 2, 4),
            actions=(CopingAction("lunch", "Lunch break", Category.INDIVIDUAL, "12:30"),),
            narrative="Long day.",
        ),
        reflection("r-2025", dt.date(2025, 6, 1), kind="check-in", strain=3),
    ]


def fill(data_dir: Path, reflections: list[Reflection]) -> None:
    with Journal(data_dir) as journal:
        for item in reflections:
            journal.add(item)


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (name to bytes), to prove nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_module(tmp_path: Path, *argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """``python -m coach ...`` in a child process, with COACH_DATA_DIR kept in tmp_path."""
    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path / "env-data")}
    return subprocess.run(
        [sys.executable, "-m", "coach", *argv],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


# --- export ------------------------------------------------------------------------------


def test_export_json_goes_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(tmp_path / "data", sample())
    assert run(tmp_path / "data", "export") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "pwp-coach"
    assert [r["id"] for r in document["reflections"]] == ["r-2026", "r-2025"]
    assert document["reflections"][0] == sample()[0].to_dict()


def test_export_md_goes_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(tmp_path / "data", sample())
    assert run(tmp_path / "data", "export", "--format", "md") == 0
    out = capsys.readouterr().out
    assert out.startswith("# My reflection journal\n")
    assert out.index("## Thursday 26 November 2026") < out.index("## Sunday 1 June 2025")


@pytest.mark.parametrize("form", ["json", "md"])
def test_an_export_file_is_private(tmp_path: Path, form: str) -> None:
    fill(tmp_path / "data", sample())
    target = tmp_path / "out" / f"journal.{form}"
    target.parent.mkdir()
    old_umask = os.umask(0o022)
    try:
        assert run(tmp_path / "data", "export", "--format", form, "-o", str(target)) == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Caseload volume" in target.read_text(encoding="utf-8")


def test_an_export_into_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "data", sample())
    assert run(tmp_path / "data", "export", "-o", str(tmp_path / "nowhere" / "x.json")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "nowhere" in err


# --- import ------------------------------------------------------------------------------


def export_to(data_dir: Path, target: Path) -> dict[str, object]:
    assert run(data_dir, "export", "-o", str(target)) == 0
    return json.loads(target.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_import_merges_by_id_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(tmp_path / "source", sample())
    exported = tmp_path / "export.json"
    export_to(tmp_path / "source", exported)
    target = tmp_path / "target"
    assert run(target, "import", str(exported)) == 0
    assert capsys.readouterr().out == "reflections: added 2, updated 0, unchanged 0\n"
    before = snapshot(target / "journal")
    assert run(target, "import", str(exported)) == 0
    assert capsys.readouterr().out == "reflections: added 0, updated 0, unchanged 2\n"
    assert snapshot(target / "journal") == before
    with Journal(target) as journal:
        assert journal.count() == 2

    document = json.loads(exported.read_text(encoding="utf-8"))
    document["reflections"][0]["notes"] = "added later"
    document["reflections"].append(reflection("r-new", dt.date(2024, 1, 1)).to_dict())
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert run(target, "import", str(exported)) == 0
    assert capsys.readouterr().out == "reflections: added 1, updated 1, unchanged 1\n"
    with Journal(target) as journal:
        changed = journal.get("r-2026")
        assert changed is not None
        assert changed.notes == "added later"
        assert journal.count() == 3


def test_a_bad_record_names_index_id_and_field_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    fill(data, [reflection("already-here", dt.date(2026, 1, 1))])
    document = {
        "format": "pwp-coach",
        "version": 1,
        "exported": "2026-11-26T18:00:00+00:00",
        "reflections": [
            reflection("fine", dt.date(2026, 2, 2)).to_dict(),
            {**reflection("broken", dt.date(2026, 2, 1)).to_dict(), "alignment": 12},
        ],
    }
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    before = snapshot(data)
    assert run(data, "import", str(source)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "record 1 (id 'broken')" in captured.err
    assert "field 'alignment'" in captured.err
    assert "0-10" in captured.err
    assert "nothing was imported" in captured.err
    assert snapshot(data) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "not valid JSON"),
        (b"{not json", "not valid JSON"),
        (b"[]", "not a pwp-coach export"),
        (b'{"format": "pwp-coach", "version": 7, "reflections": []}', "newer pwp-coach"),
    ],
)
def test_a_file_that_cannot_be_imported_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, expected: str
) -> None:
    data = tmp_path / "data"
    fill(data, sample())
    source = tmp_path / "in.json"
    if content is not None:
        source.write_bytes(content)
    before = snapshot(data)
    assert run(data, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert expected in err
    assert str(source) in err
    assert snapshot(data) == before


def test_importing_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path / "data", "import", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "folder" in err


# --- the round trip ----------------------------------------------------------------------

TRICKY = st.sampled_from(
    [
        "[bold]",
        "[/]",
        "[@click=app.quit]x[/]",
        "\x00",
        "\x1b[31m",
        "\x7f\x85\x9b",
        "\r\n",
        "\u2028",
        "😀",
        "👩🏽‍⚕️",
        "שלום עולם",
        "\u202e",
        "# heading",
        '"quoted" \\ back',
    ]
)
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=20)), max_size=5).map("".join)
LABEL = TEXT.filter(lambda text: bool(text.strip()))
OFFSET = st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
# Ids as the model's rule allows them (letters, digits, - _ . :), not any text.
ID = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,40}", fullmatch=True)
SCORE4 = st.none() | st.integers(0, 4)


@st.composite
def reflections(draw: st.DrawFn) -> Reflection:
    day = draw(st.dates(dt.date(1999, 1, 1), dt.date(2031, 12, 31)))
    created = draw(
        st.datetimes(dt.datetime(1999, 1, 1), dt.datetime(2031, 12, 31), timezones=OFFSET)
    )
    challenges = st.builds(Challenge, LABEL, LABEL, st.sampled_from(list(Dimension)), TEXT)
    actions = st.builds(
        CopingAction,
        LABEL,
        LABEL,
        st.sampled_from(list(Category)),
        TEXT,
        st.sampled_from(list(Status)),
        SCORE4,
    )
    appraisal = st.none() | st.builds(
        Appraisal, st.integers(0, 4), st.integers(0, 4), st.integers(0, 4)
    )
    extra = st.dictionaries(
        st.sampled_from(["mood_colour", "later_field"]),
        st.none() | st.integers(-(2**53), 2**53) | TEXT | st.lists(st.booleans(), max_size=3),
        max_size=2,
    )
    kind = draw(st.sampled_from(list(Kind)))
    imported = None
    if kind is Kind.IMPORTED:  # an imported note, and only one, says where it came from
        imported = ImportedFrom(
            source=draw(st.sampled_from(list(ImportSource))),
            title=draw(TEXT),
            tags=tuple(draw(st.lists(LABEL, max_size=3))),
            mood=draw(TEXT),
            starred=draw(st.booleans()),
        )
    return Reflection(
        id=draw(st.uuids(version=4).map(str) | ID),
        date=day,
        created=created,
        kind=kind,
        imported=imported,
        strain=draw(st.none() | st.integers(0, 10)),
        alignment=draw(st.none() | st.integers(0, 10)),
        challenges=tuple(draw(st.lists(challenges, max_size=3))),
        narrative=draw(TEXT),
        values=tuple(draw(st.lists(st.builds(Value, LABEL, LABEL), max_size=3))),
        meaning=draw(TEXT),
        appraisal=draw(appraisal),
        actions=tuple(draw(st.lists(actions, max_size=3))),
        notes=draw(TEXT),
        extra=draw(extra),
    )


def round_trip(folder: Path, originals: list[Reflection]) -> tuple[str, str]:
    """Fill a journal, export, import into an empty one, export again; both exports' text."""
    fill(folder / "first", originals)
    first = folder / "first.json"
    second = folder / "second.json"
    assert run(folder / "first", "export", "-o", str(first)) == 0
    assert run(folder / "empty", "import", str(first)) == 0
    assert run(folder / "empty", "export", "-o", str(second)) == 0
    return first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(reflections(), max_size=5, unique_by=lambda r: r.id))
def test_export_import_export_gives_identical_reflections(originals: list[Reflection]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = round_trip(Path(folder), originals)
    first_records = json.loads(first)["reflections"]
    second_records = json.loads(second)["reflections"]
    assert second_records == first_records
    expected = sorted(originals, key=lambda r: r.sort_key, reverse=True)
    assert first_records == [r.to_dict() for r in expected]
    # Byte for byte too, apart from the time of export.
    assert first.split('"reflections"')[1] == second.split('"reflections"')[1]


def test_a_100_kb_entry_survives_the_round_trip(tmp_path: Path) -> None:
    pattern = "[bold]Caseload[/] 😀 שלום \u202e\x00\x1b[2J\r\n# not a heading\n"
    huge = (pattern * (100_000 // len(pattern) + 1))[:100_000]
    original = reflection("huge", dt.date(2026, 11, 26), narrative=huge, notes=huge[::-1])
    first, second = round_trip(tmp_path, [original])
    assert first.split('"reflections"')[1] == second.split('"reflections"')[1]
    (record,) = json.loads(second)["reflections"]
    assert record["narrative"] == huge
    assert record["notes"] == huge[::-1]
    with Journal(tmp_path / "empty") as journal:
        assert journal.get("huge") == original


# --- a damaged journal -------------------------------------------------------------------

DAMAGE = {
    "garbage": b"\x00\x17 not json at all \xff",
    "truncated": b'{"reflections": {"1": {"schema": 1, "id": "r-2026", "date": "2026-',
    "empty": b"",
    "wrong shape": b'{"reflections": [1, 2, 3]}',
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("command", [["export"], ["export", "--format", "md"], ["stats"]])
def test_a_damaged_file_stops_export_and_stats_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, command: list[str]
) -> None:
    data = tmp_path / "data"
    fill(data, sample())
    year_file = data / "journal" / "2026.json"
    year_file.write_bytes(DAMAGE[damage])
    assert run(data, *command) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert str(year_file) in captured.err
    assert "coach doctor" in captured.err
    assert year_file.read_bytes() == DAMAGE[damage]


# --- through the real entry point --------------------------------------------------------


def test_python_m_coach_exports_and_imports(tmp_path: Path) -> None:
    fill(tmp_path / "data", sample())
    exported = run_module(tmp_path, "--data-dir", str(tmp_path / "data"), "export")
    assert exported.returncode == 0, exported.stderr
    source = tmp_path / "export.json"
    source.write_text(exported.stdout, encoding="utf-8")
    imported = run_module(tmp_path, "import", str(source))  # into COACH_DATA_DIR
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "reflections: added 2, updated 0, unchanged 0\n"
    with Journal(tmp_path / "env-data") as journal:
        assert journal.count() == 2


def test_python_m_coach_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(data, sample())
    (data / "journal" / "2025.json").write_bytes(b"{")
    bad_import = tmp_path / "bad.json"
    bad_import.write_text('{"format": "pwp-coach", "version": 1, "reflections": [{}]}')
    for argv, expected in [
        (["export"], "2025.json"),
        (["import", str(bad_import)], "record 0 (no readable id): field 'id' is missing"),
        (["stats", "--as-of", "yesterday"], "--as-of must be a date"),
    ]:
        result = run_module(tmp_path, "--data-dir", str(data), *argv)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert expected in result.stderr


@pytest.mark.parametrize(
    ("argv", "opens_app"),
    [
        ([], True),
        (["--data-dir", "somewhere", "--demo"], True),
        (["--content=dir", "--data-dir", "x"], True),
        (["export"], False),
        (["--data-dir", "x", "stats", "--json"], False),
        (["-h"], False),
        (["--version"], False),
        (["--bogus"], False),
        (["--data-dir"], False),
    ],
)
def test_only_a_plain_start_of_the_app_skips_the_commands_parser(
    argv: list[str], opens_app: bool
) -> None:
    from coach.cli import app_arguments

    found = app_arguments(argv)
    assert (found is not None) is opens_app
    if found is not None:
        assert found.command is None
        assert vars(found).keys() >= {"data_dir", "content", "demo"}


def test_opening_the_app_imports_no_data_command() -> None:
    script = (
        "import sys; from coach.cli import app_arguments; app_arguments(['--data-dir', 'x']); "
        "print(sorted(m for m in sys.modules if m.startswith('coach.commands.') "
        "and m != 'coach.commands.common'))"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert found.stdout.strip() == "[]", found.stderr
