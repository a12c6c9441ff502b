"""The planned leave as iCalendar: read by the ``icalendar`` library, and checked strictly here
against RFC 5545 (CRLF lines, folding at 75 octets on character boundaries, escaping, the
exclusive end of an all-day event, stable UIDs)."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

import icalendar
import pytest

import coach
from coach.cli import main
from coach.commands.export import NOT_ENCRYPTED
from coach.exports import export_ical
from coach.journal import Journal
from coach.text import FORBIDDEN
from coach.time_away import Leave
from tests.helpers.controls import NASTY

STAMP = dt.datetime(2026, 11, 30, 9, 15, 7, tzinfo=dt.timezone(dt.timedelta(hours=1)))
EMOJI_NOTE = "Family 👩🏽‍⚕️ café 漢字 שלום " * 12  # long, every width of UTF-8 character

XMAS = Leave("l-xmas", dt.date(2026, 12, 28), dt.date(2027, 1, 1), "New Year, at home; \\ away")
ONE_DAY = Leave("l-one", dt.date(2026, 8, 7), dt.date(2026, 8, 7))
LONG = Leave("l-long", dt.date(2027, 3, 1), dt.date(2027, 3, 5), EMOJI_NOTE)


@pytest.fixture(autouse=True)
def _never_the_real_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "fallback-data"))


def physical_lines(text: str) -> list[bytes]:
    """The file's lines as octets, each checked to end CRLF (and to hold no other line break)."""
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line
        assert b"\r" not in line
    return lines


def unfolded(text: str) -> list[str]:
    """RFC 5545 3.1: a CRLF followed by one space or tab is removed; then the content lines."""
    return re.sub(r"\r\n[ \t]", "", text).removesuffix("\r\n").split("\r\n")


def events(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties as written (name with its parameters, to the value)."""
    found: list[dict[str, str]] = []
    for line in unfolded(text):
        if line == "BEGIN:VEVENT":
            found.append({})
        elif found and line != "END:VEVENT" and not line.startswith(("BEGIN:", "END:")):
            name, _, value = line.partition(":")
            found[-1][name] = value
    return found


def parsed(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def strictly_valid(text: str) -> None:
    """Every line CRLF, none longer than 75 octets, each folded piece whole UTF-8 characters,
    continuation lines starting with exactly one space."""
    lines = physical_lines(text)
    for index, line in enumerate(lines):
        assert len(line) <= 75, (index, line)
        line.decode("utf-8")  # a fold never splits a character: each line decodes alone
    assert not lines[0].startswith(b" ")
    content = unfolded(text)
    assert content[:4] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//pwp-coach//pwp-coach {coach.__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    assert content[-1] == "END:VCALENDAR"
    assert content.count("BEGIN:VEVENT") == content.count("END:VEVENT")


def test_each_period_is_one_all_day_event_read_back_by_icalendar() -> None:
    text = export_ical([LONG, XMAS, ONE_DAY], STAMP)
    strictly_valid(text)
    found = parsed(text)
    assert [str(e["UID"]) for e in found] == ["l-one@pwp-coach", "l-xmas@pwp-coach",
                                              "l-long@pwp-coach"]  # fmt: skip
    by_uid = {str(e["UID"]): e for e in found}
    xmas = by_uid["l-xmas@pwp-coach"]
    assert xmas.decoded("DTSTART") == dt.date(2026, 12, 28)
    assert xmas.decoded("DTEND") == dt.date(2027, 1, 2)  # spans New Year; end exclusive
    assert str(xmas["SUMMARY"]) == "Annual leave"
    assert str(xmas["DESCRIPTION"]) == "New Year, at home; \\ away"
    assert xmas.decoded("DTSTAMP") == dt.datetime(2026, 11, 30, 8, 15, 7, tzinfo=dt.UTC)
    one = by_uid["l-one@pwp-coach"]
    assert one.decoded("DTSTART") == dt.date(2026, 8, 7)
    assert one.decoded("DTEND") == dt.date(2026, 8, 8)  # a one-day leave ends the next day
    assert "DESCRIPTION" not in one
    assert str(by_uid["l-long@pwp-coach"]["DESCRIPTION"]) == EMOJI_NOTE


def test_dates_are_written_as_all_day_values_and_the_stamp_in_utc() -> None:
    (xmas,) = events(export_ical([XMAS], STAMP))
    assert xmas["DTSTART;VALUE=DATE"] == "20261228"
    assert xmas["DTEND;VALUE=DATE"] == "20270102"
    assert xmas["DTSTAMP"] == "20261130T081507Z"
    assert xmas["UID"] == "l-xmas@pwp-coach"


def test_text_is_escaped_as_rfc_5545_says() -> None:
    note = "a,b;c\\d\nsecond line\r\nthird\rfourth"
    text = export_ical([Leave("l-esc", dt.date(2026, 1, 5), dt.date(2026, 1, 6), note)], STAMP)
    (event,) = events(text)
    assert event["DESCRIPTION"] == "a\\,b\\;c\\\\d\\nsecond line\\nthird\\nfourth"
    assert str(parsed(text)[0]["DESCRIPTION"]) == "a,b;c\\d\nsecond line\nthird\nfourth"


def test_controls_and_bidi_overrides_are_removed_and_a_tab_is_a_space() -> None:
    note = "Ring\tthe GP " + NASTY
    text = export_ical([Leave("l-c", dt.date(2026, 1, 5), dt.date(2026, 1, 6), note)], STAMP)
    strictly_valid(text)
    assert FORBIDDEN.search(text.replace("\r\n", "")) is None
    assert "\t" not in text
    description = str(parsed(text)[0]["DESCRIPTION"])
    assert description.startswith("Ring the GP Caseload ")
    assert description.endswith(" end")
    assert FORBIDDEN.search(description) is None


def test_a_long_multibyte_note_is_folded_without_splitting_a_character() -> None:
    text = export_ical([LONG], STAMP)
    strictly_valid(text)
    lines = physical_lines(text)
    description = next(n for n, line in enumerate(lines) if line.startswith(b"DESCRIPTION:"))
    folded = lines[description + 1 :]
    assert len(folded) > 5
    assert all(line.startswith(b" ") for line in folded[:5])
    # the folds use the room they have: no line stops more than one character short of 75
    assert all(len(line) > 75 - 4 for line in lines[description : description + 5])
    (event,) = events(text)
    assert event["DESCRIPTION"] == EMOJI_NOTE  # unfolding gives back the very text


def test_an_escape_is_never_split_by_a_fold() -> None:
    note = "x" * 60 + ",;\\" * 40
    text = export_ical([Leave("l-f", dt.date(2026, 1, 5), dt.date(2026, 1, 6), note)], STAMP)
    strictly_valid(text)
    for line in physical_lines(text):
        body = line[1:] if line.startswith(b" ") else line
        assert re.fullmatch(rb"(?:\\.|[^\\])*", body), line  # no line ends half an escape
    assert str(parsed(text)[0]["DESCRIPTION"]) == note


def test_no_leave_is_a_valid_empty_calendar() -> None:
    text = export_ical([], STAMP)
    strictly_valid(text)
    assert text == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        f"PRODID:-//pwp-coach//pwp-coach {coach.__version__}//EN\r\n"
        "CALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n"
    )
    assert parsed(text) == []


# --- coach export --format ics ----------------------------------------------------------


def test_coach_export_ics_uids_are_stable_across_exports_and_distinct_per_period(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        for leave in (XMAS, ONE_DAY, LONG):
            journal.save_record(leave)
    uids = []
    for _ in range(2):
        assert main(["--data-dir", str(data), "export", "--format", "ics"]) == 0
        captured = capsysbinary.readouterr()
        assert captured.err.decode() == NOT_ENCRYPTED + "\n"
        text = captured.out.decode("utf-8")
        strictly_valid(text)
        uids.append([str(e["UID"]) for e in parsed(text)])
    assert uids[0] == uids[1]
    assert len(set(uids[0])) == 3


def test_coach_export_ics_to_a_file_is_private_and_never_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.save_record(XMAS)
    target = tmp_path / "leave.ics"
    old_umask = os.umask(0o022)
    try:
        assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(target)]) == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert NOT_ENCRYPTED in capsys.readouterr().err
    written = target.read_bytes()
    strictly_valid(written.decode("utf-8"))
    assert [e.decoded("DTEND") for e in parsed(written.decode())] == [dt.date(2027, 1, 2)]
    with Journal(data) as journal:
        journal.delete_record(Leave, XMAS.id)
    assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == written
    argv = ["--data-dir", str(data), "export", "--format", "ics", "-o", str(target), "--force"]
    assert main(argv) == 0
    assert parsed(target.read_text(encoding="utf-8")) == []
    inside = data / "leave.ics"
    assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(inside)]) == 1
    assert not inside.exists()
