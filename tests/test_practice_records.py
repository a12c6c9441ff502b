"""Self-practice as journal records: a practice (with its answers kept as they were, however
the content shapes them) and a programme, saved, read back, exported in version 5 and
imported again exactly; an older export reads with the new arrays empty."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.exports import EXPORT_VERSION, ExportFormatError, parse_export_contents
from coach.journal import Journal
from coach.journal.reading import YearReader
from coach.model import CpdWriteUp
from coach.practice import Practice, Programme
from coach.record_kinds import PRACTICE_KINDS, RECORD_KINDS
from tests.helpers.controls import NASTY

AT = dt.datetime(2026, 11, 27, 17, 30, tzinfo=dt.UTC)
ANSWERS = {
    "name": {"worry": NASTY, "type": "current"},
    "plan": {"steps": ["Ring the bank", "Set a budget"], "order": ["Set a budget"]},
    "rate": {"how": 7, "when": "2026-11-28 09:00"},
}
PRACTICE = Practice(
    "p-1", AT.date(), AT, "worry-tree", "The worry tree", taken=("name", "plan", "rate"),
    answers=ANSWERS, finished=True, personal="Harder than it looks", practitioner="Go slower",
    target_after=4, programme="prog-1", cpd=CpdWriteUp(what="Tried the worry tree", hours=1.0),
)  # fmt: skip
HALF_WAY = Practice("p-0", dt.date(2025, 5, 1), AT.replace(year=2025), "sleep", "Sleep")
PROGRAMME = Programme(
    "prog-1", AT, target="Putting off hard emails", target_start=6, safeguard_who="Priya"
)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def holdings(folder: Path) -> dict[str, Any]:
    with Journal(folder, create=False) as journal:
        return {name: sorted(journal.records(cls), key=str) for name, cls in RECORD_KINDS.items()}


def test_practice_and_programmes_round_trip_through_the_journal_and_export(
    tmp_path: Path,
) -> None:
    with Journal(tmp_path / "data") as journal:
        for record in (PRACTICE, HALF_WAY, PROGRAMME):
            journal.save_record(record)
        assert journal.records(Practice, since=dt.date(2026, 1, 1)) == [PRACTICE]
        assert journal.records(Programme) == [PROGRAMME]
    target = tmp_path / "out.json"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "-o", str(target)]) == 0
    document = json.loads(target.read_bytes())
    assert document["version"] == EXPORT_VERSION == 6
    assert list(document)[-2:] == list(PRACTICE_KINDS)
    stored = next(p for p in document["practice"] if p["id"] == "p-1")
    assert stored["answers"] == ANSWERS  # kept as it was, whatever the content shaped
    assert stored["cpd"]["what"] == "Tried the worry tree"
    assert main(["--data-dir", str(tmp_path / "copy"), "import", str(target)]) == 0
    assert holdings(tmp_path / "copy") == holdings(tmp_path / "data")


def test_records_between_two_dates_read_only_those_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``until`` bounds a dated kind as ``since`` does, both days included: history asks for
    one year's practice at a time, and no later year is even looked at."""
    looked_at: list[int] = []
    real_kept = YearReader.kept

    def kept(reader: YearReader, year: int, table: str) -> list[Any]:
        looked_at.append(year)
        return real_kept(reader, year, table)

    monkeypatch.setattr(YearReader, "kept", kept)
    with Journal(tmp_path / "data") as journal:
        for record in (PRACTICE, HALF_WAY):
            journal.save_record(record)
        in_2025 = {"since": dt.date(2025, 1, 1), "until": dt.date(2025, 12, 31)}
        assert journal.records(Practice, **in_2025) == [HALF_WAY]
        assert looked_at == [2025]
        assert journal.records(Practice, until=dt.date(2025, 4, 30)) == []
        assert journal.records(Practice, until=dt.date(2025, 5, 1)) == [HALF_WAY]
        assert journal.records(Practice, since=AT.date(), until=AT.date()) == [PRACTICE]
        assert journal.records(Practice, until=dt.date(2030, 1, 1)) == [PRACTICE, HALF_WAY]


def test_a_version_4_export_reads_with_no_practice() -> None:
    document = {"format": "pwp-coach", "version": 4, "reflections": []}
    document["practice"] = [{"id": "x"}]  # not pwp-coach's at version 4: not read
    contents = parse_export_contents(document)
    assert all(contents.records[name] == [] for name in PRACTICE_KINDS)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"answers": ["not", "an", "object"]}, "answers: must be an object"),
        ({"target_after": 11}, "target_after: must be 0-10"),
        ({"exercise": "../etc"}, "exercise:"),
        ({"taken": ["a", 1]}, r"taken\[1\]: must be text"),
    ],
)
def test_a_bad_practice_record_is_named_in_one_line(item: dict[str, Any], expected: str) -> None:
    good = PRACTICE.to_dict()
    document = {"format": "pwp-coach", "version": 5, "reflections": [], "practice": [good | item]}
    with pytest.raises(ExportFormatError, match=expected):
        parse_export_contents(document)
