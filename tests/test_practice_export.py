"""The SP/SR export (``coach export --format practice``): only the two reflections of each
finished practice and a programme's closing review leave, never what was written in the
exercises; the target problem only when ticked; the identifier check stops it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli import main
from coach.content import load_catalog
from coach.exports.practice import practice_markdown
from coach.journal import Journal
from coach.practice import Practice, Programme

CREATED = dt.datetime(2026, 11, 3, 18, 0, tzinfo=dt.UTC)
ANSWER = "SECRET-ANSWER my sister's wedding plans"
TARGET = "TARGET-TEXT putting off replying to friends"


def programme(*, share: bool) -> Programme:
    return Programme(id="prog-1", created=CREATED - dt.timedelta(days=2), target=TARGET,
                     target_start=7, share_target=share, review_changed="I worry less.",
                     review_patients="I'll slow the worry tree down.", closed=True)  # fmt: skip


def practice(pid: str, *, finished: bool = True, personal: str = "It felt awkward at first.",
             day: dt.date | None = None) -> Practice:  # fmt: skip
    return Practice(id=pid, date=day or CREATED.date(), created=CREATED, exercise="worry-tree",
                    title="The worry tree", taken=("name", "kind"),
                    answers={"name": {"worry": ANSWER}, "kind": {"which": "current"}},
                    finished=finished, personal=personal,
                    practitioner="Naming the worry takes longer than I tell patients.",
                    target_after=5, programme="prog-1")  # fmt: skip


@pytest.fixture(scope="module")
def words():  # type: ignore[no-untyped-def]
    return load_catalog().prompt


def test_only_the_reflections_leave(words) -> None:  # type: ignore[no-untyped-def]
    made = practice_markdown([practice("p1"), practice("p2", finished=False, personal="HALF")],
                             [programme(share=False)], words)  # fmt: skip
    assert ANSWER not in made.text
    assert "SECRET" not in made.text
    assert "current" not in made.text
    assert "HALF" not in made.text  # not finished: not shared
    assert TARGET not in made.text
    assert "It felt awkward at first." in made.text
    assert "Naming the worry takes longer" in made.text
    assert "The worry tree, Tuesday 3 November 2026" in made.text
    assert "I'll slow the worry tree down." in made.text
    entries = {(entry, name) for entry, name, _ in made.pieces}
    assert entries == {
        ("practice of 3 Nov 2026 (The worry tree)", "personal self"),
        ("practice of 3 Nov 2026 (The worry tree)", "practitioner self"),
        ("programme begun 1 Nov 2026", "what changed"),
        ("programme begun 1 Nov 2026", "what I'll do differently with patients"),
    }
    assert all(text in made.text for _, _, text in made.pieces)


def test_the_target_goes_only_when_ticked(words) -> None:  # type: ignore[no-untyped-def]
    made = practice_markdown([practice("p1")], [programme(share=True)], words)
    assert TARGET in made.text
    assert ("programme begun 1 Nov 2026", "target problem", TARGET) in made.pieces


def test_typed_text_cannot_forge_a_heading(words) -> None:  # type: ignore[no-untyped-def]
    made = practice_markdown([practice("p1", personal="fine\n# Forged\x1b[2J")], [], words)
    assert "\n# Forged" not in made.text
    assert "\x1b" not in made.text
    assert "Practice outside a programme" in made.text  # its programme is not in the journal


def test_nothing_finished_says_so(words) -> None:  # type: ignore[no-untyped-def]
    made = practice_markdown([practice("p1", finished=False)], [], words)
    assert "nothing to share" in made.text
    assert made.pieces == ()


# --- the command, on a real journal --------------------------------------------------------


def journal_with(folder: Path, *records: Practice | Programme) -> Path:
    with Journal(folder) as journal:
        for record in records:
            journal.save_record(record)
    return folder


def export(data_dir: Path, out: Path, *extra: str) -> int:
    return main(["--data-dir", str(data_dir), "export", "--format", "practice",
                 "-o", str(out), *extra])  # fmt: skip


def test_the_command_writes_the_reflections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = journal_with(tmp_path / "data", programme(share=False), practice("p1"))
    out = tmp_path / "practice.md"
    assert export(data, out) == 0
    text = out.read_text(encoding="utf-8")
    assert "It felt awkward at first." in text
    assert ANSWER not in text
    assert TARGET not in text
    assert "not encrypted" in capsys.readouterr().err


def test_an_nhs_number_stops_it_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = journal_with(tmp_path / "data", programme(share=False),
                        practice("p1", personal="Thought of 943 476 5919 all day"))  # fmt: skip
    out = tmp_path / "practice.md"
    assert export(data, out) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "practice of 3 Nov 2026 (The worry tree)" in err
    assert "personal self" in err
    assert "943 476 5919" not in err
    assert export(data, out, "--allow-identifiers") == 0
    assert "943 476 5919" in out.read_text(encoding="utf-8")
