"""My people, supervision and CPD as journal records: each kind saved, read back, exported in
version 4 and imported again exactly; older exports read with the new arrays empty."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.exports import EXPORT_VERSION, ExportFormatError, parse_export_contents
from coach.journal import Journal
from coach.model import CpdModel, CpdWriteUp, ModelError, Reflection
from coach.people import Contact, ReachOut
from coach.record_kinds import NOT_ALONE_KINDS, RECORD_KINDS
from coach.supervision import Agenda, SupervisionSession
from coach.vocabulary import Role, SupervisionType
from tests.helpers.controls import NASTY

UTC = dt.UTC
AT = dt.datetime(2026, 11, 27, 17, 30, tzinfo=UTC)

SAM = Contact("p-sam", "Sam", Role.PEER, "Teams, or the kitchen at 1")
PRIYA = Contact("p-priya", "Priya [b]", Role.SUPERVISOR, NASTY)
REACH_OUTS = [
    ReachOut("ro-1", dt.date(2026, 11, 27), AT, "Sam", contact="p-sam", note="Coffee; it helped"),
    ReachOut("ro-0", dt.date(2025, 3, 2), AT.replace(year=2025, month=3, day=2), "Priya [b]"),
]
SESSIONS = [
    SupervisionSession("s-1", dt.date(2026, 11, 20), SupervisionType.CASE_MANAGEMENT, 60, "Risk"),
    SupervisionSession("s-0", dt.date(2026, 10, 2), SupervisionType.CLINICAL_SKILLS, 45),
]
AGENDA = Agenda(
    "a-1",
    AT,
    dt.date(2026, 11, 20),
    dt.date(2026, 11, 27),
    themes=("challenges",),
    reflections=("r-cpd",),
    notes=(),
    bring=NASTY,
)
WHAT = CpdWriteUp(what="A hard call", so_what="Pacing", now_what="Book a break", hours=1.5)
GIBBS = CpdWriteUp(model=CpdModel.GIBBS, description="d", feelings="f", action_plan="a")


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def fill(folder: Path) -> None:
    with Journal(folder) as journal:
        journal.import_reflections(
            [
                Reflection("r-cpd", dt.date(2026, 11, 25), AT, narrative="n", cpd=WHAT),
                Reflection("r-gibbs", dt.date(2024, 1, 5), AT.replace(year=2024), cpd=GIBBS),
            ]
        )
        for record in (SAM, PRIYA, *REACH_OUTS, *SESSIONS, AGENDA):
            journal.save_record(record)


def holdings(folder: Path) -> dict[str, Any]:
    with Journal(folder, create=False) as journal:
        found: dict[str, Any] = {"reflections": sorted(journal.iter_newest_first(), key=str)}
        for name, cls in RECORD_KINDS.items():
            found[name] = sorted(journal.records(cls), key=str)
    return found


def test_each_kind_is_kept_where_its_date_says(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    with Journal(tmp_path / "data", create=False) as journal:
        assert sorted(journal.records(Contact), key=str) == sorted([SAM, PRIYA], key=str)
        assert journal.records(ReachOut, since=dt.date(2026, 1, 1)) == [REACH_OUTS[0]]
        assert sorted(journal.records(SupervisionSession), key=str) == sorted(SESSIONS, key=str)
        assert journal.records(Agenda) == [AGENDA]
    records = (tmp_path / "data" / "records.json").read_text()
    assert "contacts" in records
    assert "supervision_agendas" in records
    assert "reach_outs" in (tmp_path / "data" / "journal" / "2025.json").read_text()


def test_deleting_a_contact_leaves_the_log_readable(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    with Journal(tmp_path / "data", create=False) as journal:
        assert journal.delete_record(Contact, "p-sam")
        assert journal.records(Contact) == [PRIYA]
        logged = journal.records(ReachOut, since=dt.date(2026, 1, 1))
    assert [(r.name, r.contact, r.note) for r in logged] == [("Sam", "p-sam", "Coffee; it helped")]


def test_a_version_5_export_round_trips_every_new_kind_exactly(tmp_path: Path) -> None:
    fill(tmp_path / "data")
    target = tmp_path / "out.json"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "-o", str(target)]) == 0
    document = json.loads(target.read_bytes())
    assert document["version"] == EXPORT_VERSION == 6
    assert list(document)[-6:-2] == list(NOT_ALONE_KINDS)
    cpd = next(r["cpd"] for r in document["reflections"] if r["id"] == "r-cpd")
    assert cpd == {
        "model": "what-so-what",
        "what": "A hard call",
        "so_what": "Pacing",
        "now_what": "Book a break",
        "hours": 1.5,
    }
    gibbs = next(r["cpd"] for r in document["reflections"] if r["id"] == "r-gibbs")
    assert list(gibbs) == [
        "model", "description", "feelings", "evaluation", "analysis", "conclusion",
        "action_plan", "hours",
    ]  # fmt: skip
    assert document["supervision_agendas"][0]["bring"] == NASTY
    assert main(["--data-dir", str(tmp_path / "copy"), "import", str(target)]) == 0
    assert holdings(tmp_path / "copy") == holdings(tmp_path / "data")


def test_a_version_3_export_reads_with_the_new_arrays_empty() -> None:
    document = {"format": "pwp-coach", "version": 3, "reflections": [], "leave": []}
    document["contacts"] = [{"id": "x", "name": "not pwp-coach's at version 3"}]
    contents = parse_export_contents(document)
    assert all(contents.records[name] == [] for name in NOT_ALONE_KINDS)


@pytest.mark.parametrize(
    ("name", "item", "expected"),
    [
        ("contacts", {"id": "c", "name": "Sam", "role": "boss"}, "role: must be one of"),
        ("contacts", {"id": "c", "name": " ", "role": "peer"}, "name: must not be empty"),
        ("reach_outs", {"id": "r", "date": "2026-11-27", "created": AT.isoformat()}, "name: is"),
        (
            "supervision_sessions",
            {"id": "s", "date": "2026-11-27", "type": "clinical-skills", "minutes": 600},
            "minutes: must be from 0 to 480",
        ),
        (
            "supervision_agendas",
            {"id": "a", "created": AT.isoformat(), "since": "2026-11-27", "until": "2026-11-01"},
            "until: must not be before since",
        ),
        (
            "supervision_agendas",
            {
                "id": "a",
                "created": AT.isoformat(),
                "since": "2026-11-01",
                "until": "2026-11-27",
                "reflections": ["r", 3],
            },
            r"reflections\[1\]: must be text, not int",
        ),
    ],
)
def test_a_bad_record_of_a_new_kind_is_named_in_one_line(
    name: str, item: dict[str, Any], expected: str
) -> None:
    document = {"format": "pwp-coach", "version": 4, "reflections": [], name: [item]}
    with pytest.raises(ExportFormatError, match=expected) as caught:
        parse_export_contents(document)
    assert str(caught.value).startswith(f"{name}[0]")


@pytest.mark.parametrize(
    ("cpd", "expected"),
    [
        ({"model": "gibbs", "what": "x"}, "cpd.what: is not a stage of the gibbs model"),
        ({"model": "what-so-what", "hours": -1}, "cpd.hours: must be from 0 to 100"),
        ({"model": "what-so-what", "hours": "2"}, "cpd.hours: must be a number or null"),
        ({"what": "x"}, "cpd.model: must be one of"),
    ],
)
def test_a_bad_cpd_write_up_is_named_by_its_field(cpd: dict[str, Any], expected: str) -> None:
    source = Reflection("r", dt.date(2026, 11, 27), AT).to_dict() | {"cpd": cpd}
    with pytest.raises(ModelError, match=expected):
        Reflection.from_dict(source)


def test_a_write_up_gives_its_stages_in_order_and_search_finds_them() -> None:
    assert GIBBS.stages[0] == ("description", "d")
    assert [stage for stage, _ in WHAT.stages] == ["what", "so_what", "now_what"]
    reflection = Reflection("r", dt.date(2026, 11, 27), AT, cpd=WHAT)
    assert "book a break" in reflection.search_text()
