"""A journal written and exported by jrnl itself, imported by ``coach import --from jrnl``.

jrnl is found and run by ``tests.helpers.jrnl`` (its config and ``HOME`` in tmp_path, never the
user's); without it the test is skipped (CI has no jrnl, and tests/samples/import/jrnl.json,
written by jrnl 4.6, stands in).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli import main
from coach.journal import Journal
from tests.helpers.jrnl import find_jrnl, run_jrnl

JRNL = find_jrnl()
pytestmark = pytest.mark.skipif(JRNL is None, reason="jrnl is not installed (set JRNL=path)")


ENTRIES = [
    "2026-11-23 17:45: Caseload heavy today. Two @risk calls and [bold]no[/] lunch.\n"
    "Felt stretched; the team chat helped 💬.",
    "2026-11-24 21:05: Good session *\nReminded me why I do this. @values",
    "2026-11-25 08:05: Short one.",
]


def jrnl(tmp_path: Path, *argv: str) -> None:
    assert JRNL is not None
    run_jrnl(JRNL, tmp_path / "jrnl-home", *argv)


def test_a_journal_written_and_exported_by_jrnl_imports_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))
    for entry in ENTRIES:
        jrnl(tmp_path, entry)
    exported = tmp_path / "export.json"
    jrnl(tmp_path, "--export", "json", "--file", str(exported))

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", "--from", "jrnl", str(exported)]) == 0
    assert capsys.readouterr().out == "imported notes: added 3, updated 0, unchanged 0\n"
    assert main(["--data-dir", str(data), "import", "--from", "jrnl", str(exported)]) == 0
    assert capsys.readouterr().out == "imported notes: added 0, updated 0, unchanged 3\n"

    with Journal(data) as journal:
        notes = sorted(journal.iter_newest_first(), key=lambda note: note.sort_key)
    assert [(n.date, n.created.time()) for n in notes] == [
        (dt.date(2026, 11, 23), dt.time(17, 45)),
        (dt.date(2026, 11, 24), dt.time(21, 5)),
        (dt.date(2026, 11, 25), dt.time(8, 5)),
    ]
    heavy, good, short = (note.imported for note in notes)
    assert heavy is not None
    assert good is not None
    assert short is not None
    assert heavy.title == "Caseload heavy today. Two @risk calls and [bold]no[/] lunch."
    assert notes[0].narrative == "Felt stretched; the team chat helped 💬."
    assert heavy.tags == ("@risk",)
    assert good.starred
    assert good.tags == ("@values",)
    assert not short.starred
    assert (short.title, notes[2].narrative) == ("Short one.", "")
