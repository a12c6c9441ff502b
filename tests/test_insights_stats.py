"""The figures of ``coach stats``, worked out by hand on small constructed journals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.insights import (
    ActionOutcome,
    ChallengeCount,
    action_outcomes,
    challenge_counts,
    dimension_split,
    in_window,
    journal_stats,
    last_months,
    mean_over_days,
    per_month,
    reflection_span,
)
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection, Status

AS_OF = dt.date(2026, 11, 26)
UTC = dt.UTC

CASELOAD = Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC)
OLD_CASELOAD = Challenge("caseload", "Caseload (old label)", Dimension.SYSTEMIC)
RISK = Challenge("risk", "Risk and safeguarding", Dimension.INDIVIDUAL)
ADMIN = Challenge("admin", "Admin and paperwork", Dimension.SYSTEMIC)


def lunch(status: Status = Status.PLANNED, helpfulness: int | None = None) -> CopingAction:
    return CopingAction(
        "lunch", "A proper lunch break", Category.INDIVIDUAL, "", status, helpfulness
    )


def walk(status: Status = Status.PLANNED, helpfulness: int | None = None) -> CopingAction:
    return CopingAction("walk", "Walk at lunch", Category.INDIVIDUAL, "", status, helpfulness)


PEER = CopingAction("peer", "Talk to a peer", Category.RELATIONAL)


def made(rid: str, day: dt.date, **parts: object) -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    return Reflection(id=rid, date=day, created=created, **parts)  # type: ignore[arg-type]


def journal() -> list[Reflection]:
    """Seven reflections; the comments say which windows each falls in (as of 2026-11-26)."""
    return [
        # In the 30 days (2026-10-28 to 2026-11-26) and in November.
        made("r1", AS_OF, strain=8, alignment=4, challenges=(CASELOAD, RISK),
             actions=(lunch(Status.DONE, 3), PEER)),
        made("r2", dt.date(2026, 11, 20), strain=6, alignment=6, challenges=(CASELOAD, ADMIN),
             actions=(lunch(Status.PARTLY, 4), walk(Status.SKIPPED))),
        # The first day of the 30: counted.
        made("r3", dt.date(2026, 10, 28), strain=4, challenges=(RISK,), actions=(lunch(),)),
        # The day before the 30: not in the means, but in October.
        made("r4", dt.date(2026, 10, 27), strain=10, alignment=10, challenges=(OLD_CASELOAD,)),
        # The first of the 12 months.
        made("r5", dt.date(2025, 12, 1), kind="check-in"),
        # Before the 12 months: only in the totals.
        made("r6", dt.date(2025, 11, 30)),
        # After --as-of: only in the totals.
        made("r7", dt.date(2026, 12, 1), strain=0, alignment=0, challenges=(ADMIN,),
             actions=(walk(Status.DONE, 2),)),
    ]  # fmt: skip


EXPECTED_PER_MONTH = {
    "2025-12": 1,
    "2026-01": 0,
    "2026-02": 0,
    "2026-03": 0,
    "2026-04": 0,
    "2026-05": 0,
    "2026-06": 0,
    "2026-07": 0,
    "2026-08": 0,
    "2026-09": 0,
    "2026-10": 2,
    "2026-11": 2,
}


# --- each function -----------------------------------------------------------------------


def test_reflection_span() -> None:
    assert reflection_span(journal()) == (dt.date(2025, 11, 30), dt.date(2026, 12, 1))
    assert reflection_span([]) == (None, None)
    assert reflection_span([made("x", AS_OF)]) == (AS_OF, AS_OF)


def test_last_months_crosses_the_year() -> None:
    assert last_months(dt.date(2026, 2, 28), 3) == ["2025-12", "2026-01", "2026-02"]
    assert last_months(AS_OF) == list(EXPECTED_PER_MONTH)


def test_per_month_counts_the_twelve_months_to_as_of() -> None:
    assert per_month(journal(), AS_OF) == EXPECTED_PER_MONTH
    assert list(per_month(journal(), AS_OF)) == list(EXPECTED_PER_MONTH)  # oldest first


def test_per_month_leaves_out_days_after_as_of_in_the_same_month() -> None:
    reflections = [made("a", dt.date(2026, 11, 2)), made("b", dt.date(2026, 11, 3))]
    assert per_month(reflections, dt.date(2026, 11, 2), months=1) == {"2026-11": 1}


def test_per_month_of_nothing_is_all_zeros() -> None:
    assert per_month([], AS_OF) == dict.fromkeys(EXPECTED_PER_MONTH, 0)


def test_challenge_counts_most_frequent_first_with_the_latest_label() -> None:
    # caseload r1 r2 r4 = 3; admin r2 r7 = 2; risk r1 r3 = 2 (a tie: by label, Admin first).
    assert challenge_counts(journal()) == [
        ChallengeCount("caseload", "Caseload volume", 3),
        ChallengeCount("admin", "Admin and paperwork", 2),
        ChallengeCount("risk", "Risk and safeguarding", 2),
    ]
    assert challenge_counts([]) == []


def test_dimension_split_counts_mentions() -> None:
    # systemic: caseload x3 + admin x2; individual: risk x2.
    assert dimension_split(journal()) == {"individual": 2, "systemic": 5}
    assert dimension_split([]) == {"individual": 0, "systemic": 0}


def test_action_outcomes() -> None:
    # lunch: planned r1 r2 r3 = 3, done or partly r1 r2 = 2, rated 3 and 4: mean 3.5.
    # walk: planned r2 r7 = 2, done r7 = 1, rated 2 once. peer: planned once, never rated.
    assert action_outcomes(journal()) == [
        ActionOutcome("lunch", "A proper lunch break", 3, 2, 2, 3.5),
        ActionOutcome("walk", "Walk at lunch", 2, 1, 1, 2.0),
        ActionOutcome("peer", "Talk to a peer", 1, 0, 0, None),
    ]
    assert action_outcomes([]) == []


def test_in_window_includes_both_ends() -> None:
    ids = {r.id for r in in_window(journal(), AS_OF, 30)}
    assert ids == {"r1", "r2", "r3"}
    assert {r.id for r in in_window(journal(), AS_OF, 1)} == {"r1"}


def test_mean_over_days() -> None:
    # strain in the 30 days: 8, 6, 4 -> 6.0; alignment: 4, 6 (r3 unrated) -> 5.0.
    assert mean_over_days(journal(), "strain", AS_OF, 30) == 6.0
    assert mean_over_days(journal(), "alignment", AS_OF, 30) == 5.0
    # one more day takes in r4's strain 10: (8 + 6 + 4 + 10) / 4 = 7.0.
    assert mean_over_days(journal(), "strain", AS_OF, 31) == 7.0
    assert mean_over_days(journal(), "strain", dt.date(2020, 1, 1), 30) is None
    assert mean_over_days([], "alignment", AS_OF, 30) is None


def test_a_single_entry() -> None:
    only = made("one", AS_OF, strain=3, challenges=(RISK,), actions=(lunch(Status.DONE),))
    stats = journal_stats([only], AS_OF).to_dict()
    assert stats["reflections"] == 1
    assert stats["first"] == stats["last"] == "2026-11-26"
    assert stats["per_month"]["2026-11"] == 1
    assert stats["dimensions"] == {"individual": 1, "systemic": 0}
    assert stats["actions"] == [
        {
            "key": "lunch",
            "label": "A proper lunch break",
            "planned": 1,
            "done": 1,
            "rated": 0,
            "helpfulness_mean": None,
        }
    ]
    assert stats["strain"] == {"mean_30d": 3.0}
    assert stats["alignment"] == {"mean_30d": None}


# --- coach stats, run for real -----------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))
    return tmp_path / "data"


def stats_json(data_dir: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> object:
    assert main(["--data-dir", str(data_dir), "stats", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_stats_json_on_a_constructed_journal(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(data_dir) as store:
        for reflection in journal():
            store.add(reflection)
    assert stats_json(data_dir, capsys, "--as-of", "2026-11-26") == {
        "as_of": "2026-11-26",
        "reflections": 7,
        "first": "2025-11-30",
        "last": "2026-12-01",
        "per_month": EXPECTED_PER_MONTH,
        "challenges": [
            {"key": "caseload", "label": "Caseload volume", "count": 3},
            {"key": "admin", "label": "Admin and paperwork", "count": 2},
            {"key": "risk", "label": "Risk and safeguarding", "count": 2},
        ],
        "dimensions": {"individual": 2, "systemic": 5},
        "actions": [
            {"key": "lunch", "label": "A proper lunch break", "planned": 3, "done": 2,
             "rated": 2, "helpfulness_mean": 3.5},
            {"key": "walk", "label": "Walk at lunch", "planned": 2, "done": 1,
             "rated": 1, "helpfulness_mean": 2.0},
            {"key": "peer", "label": "Talk to a peer", "planned": 1, "done": 0,
             "rated": 0, "helpfulness_mean": None},
        ],
        "strain": {"mean_30d": 6.0},
        "alignment": {"mean_30d": 5.0},
    }  # fmt: skip


def test_means_are_rounded_to_two_places(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(data_dir) as store:
        for rid, strain in (("a", 1), ("b", 1), ("c", 2)):
            store.add(made(rid, AS_OF, strain=strain))
    stats = stats_json(data_dir, capsys, "--as-of", "2026-11-26")
    assert stats["strain"] == {"mean_30d": 1.33}  # type: ignore[index]


def test_stats_json_on_an_empty_journal(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Journal(data_dir).close()  # started, nothing saved yet
    stats = stats_json(data_dir, capsys, "--as-of", "2026-11-26")
    assert stats == {
        "as_of": "2026-11-26",
        "reflections": 0,
        "first": None,
        "last": None,
        "per_month": dict.fromkeys(EXPECTED_PER_MONTH, 0),
        "challenges": [],
        "dimensions": {"individual": 0, "systemic": 0},
        "actions": [],
        "strain": {"mean_30d": None},
        "alignment": {"mean_30d": None},
    }


def test_as_of_defaults_to_today(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Journal(data_dir).close()
    stats = stats_json(data_dir, capsys)
    assert stats["as_of"] == dt.date.today().isoformat()  # type: ignore[index]


def test_plain_stats_reads_well(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Journal(data_dir) as store:
        for reflection in journal():
            store.add(reflection)
    assert main(["--data-dir", str(data_dir), "stats", "--as-of", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "7 reflections, from 2025-11-30 to 2026-12-01",
        "  2026-10    2  ##",
        "strain (how demanding days felt): 6.0 of 10",
        "alignment (how much days let me work the way I want to): 5.0 of 10",
        "     3  Caseload volume",
        "individual 2, systemic 5",
        "A proper lunch break: planned 3, done 2, helpfulness 3.5 of 4 from 2 ratings",
        "Talk to a peer: planned 1, done 0, not rated yet",
    ):
        assert expected in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_plain_stats_never_prints_control_characters(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sneaky = Challenge("x", "Clear\x1b[2J screen\x9b", Dimension.SYSTEMIC)
    with Journal(data_dir) as store:
        store.add(made("a", AS_OF, challenges=(sneaky,)))
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Clear␛[2J screen\\x9b" in out


def test_plain_stats_on_an_empty_journal(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal(data_dir).close()
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    assert capsys.readouterr().out == "No reflections yet.\n"


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "26/11/2026", ""])
def test_a_bad_as_of_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    assert main(["--data-dir", str(data_dir), "stats", "--as-of", bad]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "--as-of must be a date like 2026-11-26" in captured.err
