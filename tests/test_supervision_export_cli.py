"""``coach export --format supervision [--since DATE] [-o FILE]`` on a real journal: the last
prepared agenda, or the period's themes only; identifiers stop it, writing nothing, unless
--allow-identifiers; a bad --since is one line naming the flag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli import main
from coach.dates import short_date
from coach.journal import Journal
from coach.model import Challenge, Dimension, Reflection
from coach.supervision import Agenda, SupervisionSession
from coach.vocabulary import SupervisionType

TODAY = dt.datetime.now().astimezone().date()
CASELOAD = Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC)


def made(days_ago: int, narrative: str, notes: str = "") -> Reflection:
    day = TODAY - dt.timedelta(days=days_ago)
    created = dt.datetime.combine(day, dt.time(17), dt.UTC)
    return Reflection(id=f"r-{days_ago}", date=day, created=created, challenges=(CASELOAD,),
                      narrative=narrative, notes=notes, strain=6)  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.import_reflections([
            made(3, "Ticked: I learnt to slow down.", "Notes call 07700 900123"),
            made(5, "UNTICKED narrative, SW1A 1AA"),
            made(40, "Long ago"),
        ])  # fmt: skip
    return folder


def export(data_dir: Path, out: Path, *extra: str) -> int:
    return main(["--data-dir", str(data_dir), "export", "--format", "supervision",
                 "-o", str(out), *extra])  # fmt: skip


def test_with_nothing_prepared_the_themes_alone_are_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "agenda.md"
    assert export(data_dir, out) == 0
    text = out.read_text(encoding="utf-8")
    assert "Caseload volume: named in 2 of 2 entries" in text  # the last four weeks only
    assert "Nothing else was chosen to bring" in text
    assert "UNTICKED" not in text
    assert "Ticked" not in text
    assert "Notes call" not in text
    assert "not encrypted" in capsys.readouterr().err


def test_the_themes_follow_the_last_session_or_since(data_dir: Path, tmp_path: Path) -> None:
    with Journal(data_dir) as journal:
        journal.save_record(SupervisionSession.new(
            TODAY - dt.timedelta(days=4), SupervisionType.CLINICAL_SKILLS, 50))  # fmt: skip
    assert export(data_dir, tmp_path / "a.md") == 0
    assert "named in 1 of 1 entries" in (tmp_path / "a.md").read_text(encoding="utf-8")
    since = (TODAY - dt.timedelta(days=60)).isoformat()
    assert export(data_dir, tmp_path / "b.md", "--since", since) == 0
    assert "named in 3 of 3 entries" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_the_prepared_agenda_identifiers_stop_it_until_allowed(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(data_dir) as journal:
        journal.save_record(Agenda.new(TODAY - dt.timedelta(days=10), TODAY,
                                       themes=("challenge:caseload",), reflections=("r-3",),
                                       notes=("r-3",), bring="Pacing"))  # fmt: skip
    out = tmp_path / "agenda.md"
    capsys.readouterr()
    assert export(data_dir, out) == 1
    err = capsys.readouterr().err
    day = TODAY - dt.timedelta(days=3)
    entry = f"reflection of {short_date(day)} {day.year}"
    assert f"coach: looks patient-identifiable: phone number in {entry}, notes" in err
    assert "07700" not in err
    assert "postcode" not in err  # the unticked entry's postcode never counts
    assert not out.exists()

    assert export(data_dir, out, "--allow-identifiers") == 0
    text = out.read_text(encoding="utf-8")
    assert "Ticked: I learnt to slow down." in text
    assert "Notes call 07700 900123" in text
    assert "Pacing" in text
    assert "UNTICKED" not in text
    assert "SW1A" not in text


@pytest.mark.parametrize("since", ["2026-13-01", "yesterday", "1800-01-01"])
def test_a_bad_since_is_one_line_naming_the_flag_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], since: str
) -> None:
    out = tmp_path / "agenda.md"
    capsys.readouterr()
    assert export(data_dir, out, "--since", since) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("coach: --since must be a date")
    assert not out.exists()
