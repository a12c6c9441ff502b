"""``coach nudge``: the rule at every edge of the day and the week, and a command that only
ever reads: real journals in tmp_path, the real parser, the time given (no clock, no timer)."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from coach.cli import build_parser, main
from coach.commands import nudge
from coach.imported import ImportedFrom, ImportSource
from coach.journal import Journal, unlock
from coach.journal.encryption import encrypt
from coach.model import Kind, Reflection
from coach.reminder import NudgeRule, SettingProblem, is_due, read_after, read_days, rule_of

MONDAY = dt.date(2026, 11, 30)
SATURDAY = dt.date(2026, 11, 28)
LINE = nudge.NUDGE_LINE + "\n"
PASSPHRASE = "kettle on at half past five"


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def at(day: dt.date, clock: str) -> dt.datetime:
    hours, minutes = map(int, clock.split(":"))
    return dt.datetime(day.year, day.month, day.day, hours, minutes)


def entry(day: dt.date, kind: Kind = Kind.REFLECTION, rid: str = "") -> Reflection:
    created = dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=dt.UTC)
    imported = ImportedFrom(ImportSource.JRNL, title="From jrnl") if kind is Kind.IMPORTED else None
    return Reflection(
        id=rid or f"{kind.value}-{day}", date=day, created=created, kind=kind, imported=imported
    )


def journal(folder: Path, *entries: Reflection, **settings: object) -> Path:
    with Journal(folder) as opened:
        for each in entries:
            opened.save(each)
        if settings:
            opened.update_settings(settings)
    return folder


def said(capsys: pytest.CaptureFixture[str], folder: Path, now: dt.datetime, *flags: str) -> str:
    """What ``coach nudge`` prints at ``now``, through the real parser and command."""
    args = build_parser().parse_args(["--data-dir", str(folder), "nudge", *flags])
    assert nudge.run(args, now=now) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


# --- the rule ----------------------------------------------------------------------------


WORKING = NudgeRule(after=dt.time(17, 0), days=("mon", "tue", "wed", "thu", "fri"))


def test_the_rule_speaks_from_the_time_on_a_chosen_day_with_nothing_written() -> None:
    assert not is_due(WORKING, at(MONDAY, "16:59"), written_today=False)
    assert is_due(WORKING, at(MONDAY, "17:00"), written_today=False)
    assert is_due(WORKING, at(MONDAY, "23:59"), written_today=False)
    assert not is_due(WORKING, at(MONDAY, "18:00"), written_today=True)
    assert not is_due(WORKING, at(SATURDAY, "18:00"), written_today=False)
    assert not is_due(NudgeRule(dt.time(0, 0), ()), at(MONDAY, "18:00"), written_today=False)


def test_flags_win_over_settings_and_settings_over_the_defaults() -> None:
    assert rule_of({}) == WORKING
    stored = {"nudge_after": "16:30", "nudge_days": ["sat", "mon"]}
    assert rule_of(stored) == NudgeRule(dt.time(16, 30), ("mon", "sat"))
    assert rule_of(stored, after="09:05", days="Sun, TUE") == NudgeRule(
        dt.time(9, 5), ("tue", "sun")
    )
    assert rule_of(stored, days="none").days == ()
    # A stored value that does not fit reads as its default, as everywhere in the coach.
    assert rule_of({"nudge_after": "5pm", "nudge_days": "weekdays"}) == WORKING


@pytest.mark.parametrize("text", ["25:00", "5pm", "17.00", "", "7:30"])
def test_a_time_that_is_not_hh_mm_is_refused(text: str) -> None:
    with pytest.raises(SettingProblem):
        read_after(text)


@pytest.mark.parametrize("text", ["mon,funday", "monday", "mon,mon", "none,mon"])
def test_days_that_are_not_days_are_refused(text: str) -> None:
    with pytest.raises(SettingProblem):
        read_days(text)


def test_no_days_switches_it_off() -> None:
    assert read_days("") == read_days("none") == read_days(" None ") == ()


# --- the command on real journals ------------------------------------------------------------


def test_after_the_time_on_a_working_day_with_nothing_today_it_says_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", entry(MONDAY - dt.timedelta(days=1)))
    assert said(capsys, folder, at(MONDAY, "17:00")) == LINE
    assert said(capsys, folder, at(MONDAY, "16:59")) == ""
    assert said(capsys, folder, at(SATURDAY, "19:00")) == ""


@pytest.mark.parametrize("kind", [Kind.REFLECTION, Kind.CHECK_IN])
def test_a_reflection_or_check_in_today_quiets_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: Kind
) -> None:
    folder = journal(tmp_path / "data", entry(MONDAY, kind))
    assert said(capsys, folder, at(MONDAY, "18:00")) == ""


def test_an_imported_note_dated_today_does_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", entry(MONDAY, Kind.IMPORTED))
    assert said(capsys, folder, at(MONDAY, "18:00")) == LINE


def test_settings_choose_the_time_and_days_and_flags_win(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", nudge_after="15:00", nudge_days=["sat"])
    assert said(capsys, folder, at(SATURDAY, "15:00")) == LINE
    assert said(capsys, folder, at(MONDAY, "18:00")) == ""
    assert said(capsys, folder, at(MONDAY, "12:00"), "--after", "11:00", "--days", "mon") == LINE
    assert said(capsys, folder, at(SATURDAY, "16:00"), "--days", "none") == ""


def test_nudge_days_set_to_none_switches_it_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", nudge_days=[])
    assert said(capsys, folder, at(MONDAY, "23:00")) == ""


def test_a_folder_with_no_journal_is_nudged_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert said(capsys, missing, at(MONDAY, "18:00")) == LINE
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def every_file(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under ``folder``: its bytes (files), mode and change time."""
    found: dict[str, tuple[bytes, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.stat()
        held = path.read_bytes() if path.is_file() else b""
        found[str(path.relative_to(folder))] = (held, info.st_mode, info.st_mtime_ns)
    return found


def test_it_never_writes_not_even_a_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", entry(MONDAY - dt.timedelta(days=3)), theme="nord")
    (folder / "journal.lock").unlink(missing_ok=True)
    before = every_file(folder)
    for now in (at(MONDAY, "09:00"), at(MONDAY, "18:00"), at(SATURDAY, "18:00")):
        said(capsys, folder, now)
    assert main(["--data-dir", str(folder), "nudge", "--after", "00:00"]) == 0
    capsys.readouterr()
    assert every_file(folder) == before


@pytest.mark.parametrize(
    "damage",
    [
        ("records.json", b"{not json"),
        ("journal/2026.json", b"[]"),
        ("journal/2026.json", b"PWPC\x01sealed but the journal is plain"),
        ("pending.json", b"{broken plan"),
    ],
)
def test_a_damaged_journal_prints_nothing_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: tuple[str, bytes]
) -> None:
    folder = journal(tmp_path / "data", entry(MONDAY - dt.timedelta(days=1)))
    name, held = damage
    (folder / name).write_bytes(held)
    before = every_file(folder)
    out = said(capsys, folder, at(MONDAY, "18:00"))
    assert out in ("", LINE)  # a damaged plan is ignored, as every reader ignores it
    if name != "pending.json":
        assert out == ""
    assert every_file(folder) == before


def test_unreadable_settings_fall_back_to_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = journal(tmp_path / "data", nudge_after="half five", nudge_days="every day")
    assert said(capsys, folder, at(MONDAY, "17:00")) == LINE
    assert said(capsys, folder, at(SATURDAY, "17:00")) == ""


@pytest.mark.parametrize(
    ("flags", "named"), [(["--after", "25:00"], "--after"), (["--days", "mon,funday"], "--days")]
)
def test_a_bad_flag_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], named: str
) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "nudge", *flags]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"coach nudge: {named} must be")
    assert not (tmp_path / "data").exists()


def test_an_encrypted_journal_goes_by_when_its_year_file_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    folder = journal(tmp_path / "data", entry(today - dt.timedelta(days=400)))
    encrypt(folder, PASSPHRASE)
    year_file = folder / "journal" / f"{today.year}.json"
    late = at(today, "23:59")
    flags = ("--days", "mon,tue,wed,thu,fri,sat,sun")
    # No year file for this year: nothing written today.
    assert not year_file.exists()
    assert said(capsys, folder, late, *flags) == LINE
    # Changed today (whatever it holds: it cannot be read without the passphrase): quiet.
    with Journal(folder, sealing=unlock(folder, PASSPHRASE)) as opened:
        opened.save(entry(today))
    before = every_file(folder)
    assert said(capsys, folder, late, *flags) == ""
    # Last changed yesterday: nudged.
    yesterday = (at(today, "12:00") - dt.timedelta(days=1)).timestamp()
    os.utime(year_file, (yesterday, yesterday))
    assert said(capsys, folder, late, *flags) == LINE
    assert {k: v[:2] for k, v in every_file(folder).items()} == {
        k: v[:2] for k, v in before.items()
    }


def test_a_year_file_written_with_spaces_is_read_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The quick search for today's date (before any parse) allows any JSON spacing, and text
    that only mentions the date is no entry."""
    mention = replace(entry(MONDAY - dt.timedelta(days=1)), narrative='"date": "2026-11-30"')
    folder = journal(tmp_path / "data", mention)
    year_file = folder / "journal" / "2026.json"
    assert said(capsys, folder, at(MONDAY, "18:00")) == LINE
    journal(folder, entry(MONDAY))
    year_file.write_text(json.dumps(json.loads(year_file.read_bytes()), indent=2))
    assert b'"date": "2026-11-30"' in year_file.read_bytes()
    assert said(capsys, folder, at(MONDAY, "18:00")) == ""


# --- imported notes elsewhere: supervision prep and coach stats ------------------------------


def test_supervision_prep_leaves_imported_notes_out() -> None:
    from coach.supervision_prep import in_period, themes

    own, imported = entry(MONDAY), entry(MONDAY, Kind.IMPORTED)
    assert in_period([imported, own], MONDAY, MONDAY) == [own]
    assert themes([imported], MONDAY, MONDAY) == []


@pytest.mark.parametrize(("counted", "many"), [(False, 1), (True, 2)])
def test_stats_count_imported_notes_only_when_the_setting_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], counted: bool, many: int
) -> None:
    folder = journal(
        tmp_path / "data",
        entry(MONDAY),
        entry(SATURDAY, Kind.IMPORTED),
        imported_notes_in_insights=counted,
    )
    assert main(["--data-dir", str(folder), "stats", "--json", "--as-of", str(MONDAY)]) == 0
    assert json.loads(capsys.readouterr().out)["reflections"] == many
