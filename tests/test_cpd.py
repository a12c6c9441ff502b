"""The CPD log without a screen: this year's figures against the targets, the reflective
statements in Markdown, and ``coach export --format cpd`` on a real journal, identifier check
and dates included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli import main
from coach.content import Catalog, load_catalog
from coach.cpd_figures import cpd_year, cpd_year_text, hours_text, read_hours
from coach.exports.cpd import cpd_statements
from coach.journal import Journal
from coach.model import CPD_STAGES, CpdModel, CpdWriteUp, Reflection
from coach.settings import Settings

UTC = dt.UTC
VALID_NHS = "943 476 5919"  # passes the mod-11 check
INVALID_NHS = "943 476 5918"  # the same digits with the check digit wrong


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def reflection(rid: str, day: str, cpd: CpdWriteUp | None = None, **parts: object) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime(date.year, date.month, date.day, 18, 0, tzinfo=UTC)
    return Reflection(id=rid, date=date, created=created, cpd=cpd, **parts)  # type: ignore[arg-type]


def what_so_what(hours: float | None = None, **stages: str) -> CpdWriteUp:
    texts = {"what": "A first group session.", "so_what": "I rushed the ending.", **stages}
    return CpdWriteUp(model=CpdModel.WHAT_SO_WHAT, hours=hours, **texts)


def gibbs(hours: float | None = None) -> CpdWriteUp:
    texts = {stage: f"My {stage} here." for stage in CPD_STAGES[CpdModel.GIBBS]}
    return CpdWriteUp(model=CpdModel.GIBBS, hours=hours, **texts)


JOURNAL = [
    reflection("r-old", "2025-12-30", what_so_what(hours=3)),
    reflection("r-a", "2026-03-02", what_so_what(hours=1.5), narrative="Not for the export."),
    reflection("r-b", "2026-11-03", gibbs(), notes="Private notes."),
    reflection("r-plain", "2026-06-01", narrative="Never written up."),
    reflection("r-later", "2026-12-15", what_so_what(hours=2)),
]


# --- this year's figures -------------------------------------------------------------------


def test_this_years_entries_and_hours_count_only_this_year_up_to_today() -> None:
    today = dt.date(2026, 11, 30)
    settings = Settings(cpd_entries_per_year=12, cpd_hours_per_year=35)
    year = cpd_year(JOURNAL, settings, today)
    assert (year.year, year.entries, year.hours) == (2026, 2, 1.5)  # gibbs has no hours
    assert (year.entries_target, year.hours_target) == (12, 35)


def test_no_targets_are_none_and_a_new_year_starts_at_nothing() -> None:
    year = cpd_year(JOURNAL, Settings(), dt.date(2027, 1, 1))
    assert (year.entries, year.hours, year.entries_target, year.hours_target) == (0, 0, None, None)
    assert cpd_year(JOURNAL, Settings(), dt.date(2026, 12, 31)).entries == 3
    assert cpd_year(JOURNAL, Settings(), dt.date(2026, 12, 31)).hours == 3.5


def test_hours_are_written_as_a_person_writes_them() -> None:
    assert [hours_text(h) for h in (1.5, 2.0, 0.1 + 0.2, 0, 12.25)] == [
        "1.5",
        "2",
        "0.3",
        "0",
        "12.25",
    ]


def test_the_year_in_words_gives_targets_only_when_set(catalog: Catalog) -> None:
    today = dt.date(2026, 11, 30)
    alone = cpd_year_text(cpd_year(JOURNAL, Settings(), today), catalog)
    assert alone == "CPD entries in 2026: 2.\nCPD hours in 2026: 1.5."
    targets = Settings(cpd_entries_per_year=12, cpd_hours_per_year=35)
    against = cpd_year_text(cpd_year(JOURNAL, targets, today), catalog)
    assert against == (
        "CPD entries in 2026: 2 of the 12 you aim for.\n"
        "CPD hours in 2026: 1.5 of the 35 you aim for."
    )
    none = cpd_year_text(cpd_year(JOURNAL, targets, dt.date(2027, 2, 1)), catalog)
    assert none.startswith("No entries written up for CPD in 2027 yet.")


@pytest.mark.parametrize(
    ("typed", "hours"), [("1.5", 1.5), (" 2 ", 2.0), ("", None), ("0", 0.0), ("100", 100.0)]
)
def test_hours_typed_are_read(typed: str, hours: float | None) -> None:
    assert read_hours(typed) == hours


@pytest.mark.parametrize("typed", ["an hour", "-1", "100.5", "nan", "inf", "1,5"])
def test_hours_that_are_not_from_0_to_100_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        read_hours(typed)


# --- the statements in Markdown ------------------------------------------------------------


def test_what_so_what_and_gibbs_statements_have_their_stages_under_their_headings(
    catalog: Catalog,
) -> None:
    made = cpd_statements(JOURNAL, catalog, since=dt.date(2026, 1, 1), until=dt.date(2026, 11, 30))
    text = made.text
    assert text.startswith("# My CPD reflective statements\n")
    assert "2 entries, from Thursday 1 January 2026 to Monday 30 November 2026" in text
    first, second = (
        text.index("## CPD entry of 2 Mar 2026"),
        text.index("## CPD entry of 3 Nov 2026"),
    )
    assert first < second  # oldest first, as a portfolio reads
    march = text[first:second]
    assert "- Date: Monday 2 March 2026" in march
    assert "- Hours: 1.5 hours" in march
    assert "- Reflective model: What? So what? Now what?" in march
    assert march.index("### What?") < march.index("### So what?") < march.index("### Now what?")
    assert "\n    A first group session.\n" in march
    assert "Nothing written in this stage." in march  # now_what left empty
    november = text[second:]
    assert "Reflective model: Gibbs' reflective cycle" in november
    assert "Hours" not in november
    headings = [catalog.prompt(f"cpd.{stage}") for stage in CPD_STAGES[CpdModel.GIBBS]]
    places = [november.index(f"### {heading}\n") for heading in headings]
    assert places == sorted(places)
    assert "My action_plan here." in november


def test_only_the_write_up_of_marked_entries_in_the_range_leaves(catalog: Catalog) -> None:
    made = cpd_statements(JOURNAL, catalog, since=dt.date(2026, 1, 1), until=dt.date(2026, 11, 30))
    for absent in ("Not for the export.", "Private notes.", "Never written up.", "30 Dec 2025"):
        assert absent not in made.text
    assert "15 Dec 2026" not in made.text
    everything = cpd_statements(JOURNAL, catalog).text
    assert "## CPD entry of 30 Dec 2025" in everything
    assert "## CPD entry of 15 Dec 2026" in everything
    assert "Never written up." not in everything
    assert "No reflections written up" in cpd_statements(JOURNAL[3:4], catalog).text


def test_every_stage_written_is_a_piece_named_by_entry_and_heading(catalog: Catalog) -> None:
    made = cpd_statements(JOURNAL[1:3], catalog)
    assert ("CPD entry of 2 Mar 2026", "What?", "A first group session.") in made.pieces
    assert ("CPD entry of 2 Mar 2026", "So what?", "I rushed the ending.") in made.pieces
    assert ("CPD entry of 3 Nov 2026", "Action plan", "My action_plan here.") in made.pieces
    assert len(made.pieces) == 2 + 6  # empty stages hold nothing to check
    assert all(text in made.text for _, _, text in made.pieces)


def test_user_text_cannot_forge_a_heading_or_reach_a_terminal(catalog: Catalog) -> None:
    forged = what_so_what(what="fine\n## CPD entry of 1 Jan 2020\n\x1b[31mred")
    text = cpd_statements([reflection("r-x", "2026-05-05", forged)], catalog).text
    assert "\n## CPD entry of 1 Jan 2020" not in text
    assert "\n    ## CPD entry of 1 Jan 2020" in text
    assert "\x1b" not in text


# --- coach export --format cpd -------------------------------------------------------------


def fill(data_dir: Path, reflections: list[Reflection]) -> None:
    with Journal(data_dir) as journal:
        for item in reflections:
            journal.add(item)


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), "export", "--format", "cpd", *argv])


def test_cpd_export_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(tmp_path / "data", JOURNAL)
    target = tmp_path / "cpd.md"
    assert (
        run(tmp_path / "data", "--from", "2026-01-01", "--to", "2026-11-30", "-o", str(target)) == 0
    )
    written = target.read_text(encoding="utf-8")
    assert "## CPD entry of 2 Mar 2026" in written
    assert "## CPD entry of 3 Nov 2026" in written
    assert "30 Dec 2025" not in written
    assert "15 Dec 2026" not in written
    assert "Not for the export." not in written
    assert "not encrypted" in capsys.readouterr().err


def test_a_valid_nhs_number_stops_the_export_and_names_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = what_so_what(so_what=f"Their number {VALID_NHS} was on the letter.")
    fill(tmp_path / "data", [reflection("r-n", "2026-11-03", marked)])
    target = tmp_path / "cpd.md"
    assert run(tmp_path / "data", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert "NHS number in CPD entry of 3 Nov 2026, So what?" in err
    assert "5919" not in err  # said by kind and place, never quoted
    assert not target.exists()

    assert run(tmp_path / "data", "-o", str(target), "--allow-identifiers") == 0
    assert VALID_NHS in target.read_text(encoding="utf-8")


def test_a_number_failing_mod_11_is_not_an_nhs_number(tmp_path: Path) -> None:
    marked = what_so_what(now_what=f"Booked on course {INVALID_NHS}.")
    fill(tmp_path / "data", [reflection("r-n", "2026-11-03", marked)])
    target = tmp_path / "cpd.md"
    assert run(tmp_path / "data", "-o", str(target)) == 0
    assert INVALID_NHS in target.read_text(encoding="utf-8")


def test_an_nhs_number_outside_the_write_up_or_range_is_not_checked(tmp_path: Path) -> None:
    fill(tmp_path / "data", [
        reflection("r-n", "2026-11-03", what_so_what(), narrative=f"NHS {VALID_NHS}"),
        reflection("r-o", "2025-01-03", what_so_what(what=f"NHS {VALID_NHS}")),
    ])  # fmt: skip
    assert run(tmp_path / "data", "--from", "2026-01-01", "-o", str(tmp_path / "cpd.md")) == 0


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--from", "3/11/2026"), "--from must be a date like 2026-11-26, not '3/11/2026'"),
        (("--to", "2026-13-01"), "--to must be a date like 2026-11-26"),
        (("--from", "2026-11-30", "--to", "2026-11-01"), "--from (2026-11-30) is after --to"),
    ],
)
def test_bad_dates_are_one_line_naming_the_flag_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    fill(tmp_path / "data", JOURNAL)
    target = tmp_path / "cpd.md"
    assert run(tmp_path / "data", *argv, "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert said in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_the_same_day_given_twice_is_that_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "data", JOURNAL)
    assert run(tmp_path / "data", "--from", "2026-11-03", "--to", "2026-11-03") == 0
    out = capsys.readouterr().out
    assert "1 entry, from Tuesday 3 November 2026 to Tuesday 3 November 2026" in out
    assert out.count("## CPD entry of") == 1
