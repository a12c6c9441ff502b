"""Each importer reads its source's real export: the samples in tests/samples/import are in the
shape each tool writes (jrnl.json was written by jrnl 4.6 itself), read field by field."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.imported import ImportSource
from coach.importers import FOREIGN_IMPORTERS, ForeignFormatError, looks_like
from coach.importers.daylio import import_daylio
from coach.importers.dayone import MAX_JSON_BYTES, import_dayone
from coach.importers.jrnl import import_jrnl
from coach.importers.minidiary import import_minidiary
from coach.model import Kind, Reflection

SAMPLES = Path(__file__).parent / "samples" / "import"
UTC = dt.UTC


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def test_every_source_has_an_importer() -> None:
    assert set(FOREIGN_IMPORTERS) == set(ImportSource)


def test_jrnl_export_keeps_title_body_tags_and_star() -> None:
    notes = import_jrnl(sample("jrnl.json"), zone=UTC)
    assert [note.date for note in notes] == [dt.date(2026, 11, d) for d in (23, 24, 25)]
    first, second, third = notes
    assert first.kind is Kind.IMPORTED
    assert first.created == dt.datetime(2026, 11, 23, 17, 45, tzinfo=UTC)
    assert first.imported is not None
    assert first.imported.source is ImportSource.JRNL
    assert first.imported.title.startswith("Caseload heavy today.")
    assert first.narrative == "Felt stretched but the team chat helped."
    assert first.imported.tags == ("@risk", "@supervision")
    assert second.imported is not None
    assert second.imported.starred
    assert third.narrative == ""
    assert third.imported is not None
    assert third.imported.title == "Short one."
    assert len({note.id for note in notes}) == 3
    assert [n.id for n in import_jrnl(sample("jrnl.json"))] == [n.id for n in notes]


def test_jrnl_times_are_on_the_given_clock() -> None:
    london = ZoneInfo("Europe/London")
    raw = b'{"entries": [{"date": "2026-07-01", "time": "21:30", "title": "t", "body": ""}]}'
    (note,) = import_jrnl(raw, zone=london)
    assert note.created.isoformat() == "2026-07-01T21:30:00+01:00"


def test_dayone_dates_an_entry_where_it_was_written() -> None:
    notes = import_dayone(sample("dayone-Journal.json"))
    london, sydney, unknown = notes
    assert london.date == dt.date(2026, 11, 23)
    assert london.created.isoformat() == "2026-11-23T23:30:00+00:00"
    assert london.imported is not None
    assert london.imported.tags == ("work", "supervision")
    assert london.imported.starred
    assert london.narrative.startswith("# Late one\n\nCouldn't switch off")
    assert "\\." in london.narrative  # Day One's Markdown escapes kept as written
    # 23:15 UTC on the 24th is 10:15 the next morning in Sydney
    assert sydney.date == dt.date(2026, 11, 25)
    assert sydney.created.isoformat() == "2026-11-25T10:15:00+11:00"
    assert "dayone-moment://" in sydney.narrative
    # a zone this machine does not know: kept in UTC, no error
    assert unknown.created.isoformat() == "2026-11-26T12:00:00+00:00"


def day_one_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_dayone_zip_reads_every_journal_and_skips_photos() -> None:
    work = b'{"entries": [{"uuid": "W1", "creationDate": "2026-01-02T09:00:00Z", "text": "w"}]}'
    raw = day_one_zip(
        {
            "Journal.json": sample("dayone-Journal.json"),
            "Work.json": work,
            "photos/8b1e2f3a4c5d6e7f8091a2b3c4d5e6f7.jpeg": b"\xff\xd8\xff\xe0 not json",
            "__MACOSX/._Journal.json": b"\x00\x05\x16\x07 resource fork",
        }
    )
    assert looks_like(raw) is ImportSource.DAYONE
    notes = import_dayone(raw)
    assert len(notes) == 4
    assert [n.id for n in notes[:3]] == [n.id for n in import_dayone(sample("dayone-Journal.json"))]


def test_dayone_zip_without_a_journal_or_damaged_is_one_line() -> None:
    with pytest.raises(ForeignFormatError, match="holds no journal"):
        import_dayone(day_one_zip({"photos/a.jpeg": b"jpeg"}))
    with pytest.raises(ForeignFormatError, match="not a readable zip"):
        import_dayone(b"PK\x03\x04 and then nothing a zip needs")


def test_dayone_zip_bomb_is_refused_unread() -> None:
    bomb = day_one_zip({"Journal.json": b'{"entries": ["' + b"0" * (MAX_JSON_BYTES + 10) + b'"]}'})
    assert len(bomb) < 1024 * 1024  # it claims far more than it is
    with pytest.raises(ForeignFormatError, match="unpacks to more than 64 MB"):
        import_dayone(bomb)


def test_dayone_zip_names_the_journal_and_the_entry() -> None:
    bad = b'{"entries": [{"uuid": "A", "creationDate": "2026-13-01T00:00:00Z"}]}'
    with pytest.raises(ForeignFormatError) as caught:
        import_dayone(day_one_zip({"Journal.json": sample("dayone-Journal.json"), "W.json": bad}))
    assert str(caught.value).startswith("'W.json': entry 1 ('2026-13-01'): field 'creationDate'")


def test_minidiary_keeps_title_text_and_when_it_was_saved() -> None:
    first, second = import_minidiary(sample("minidiary.json"), zone=UTC)
    assert first.date == dt.date(2026, 11, 23)
    assert first.imported is not None
    assert first.imported.title == "A long Monday"
    assert first.narrative.startswith("Six contacts and a **risk** review.\n\n- lunch")
    assert first.created.isoformat() == "2026-11-23T20:15:09+00:00"
    assert second.date == dt.date(2026, 11, 25)  # written up the morning after
    assert second.created.isoformat() == "2026-11-26T07:58:30+00:00"


@pytest.mark.parametrize(
    ("updated", "created"),
    [
        ("Mon Nov 23 2026 20:15:09 GMT-0530 (somewhere)", "2026-11-23T20:15:09-05:30"),
        ("2026-11-23T08:00:00+01:00", "2026-11-23T08:00:00+01:00"),
        ("not a date at all", "2026-11-23T00:00:00+00:00"),
        ("Mon Feb 30 2026 20:15:09 GMT+0000", "2026-11-23T00:00:00+00:00"),
        (None, "2026-11-23T00:00:00+00:00"),
    ],
)
def test_minidiary_date_updated_is_read_or_falls_back(updated: str | None, created: str) -> None:
    entry = {"title": "", "text": "x", **({"dateUpdated": updated} if updated else {})}
    raw = orjson.dumps({"metadata": {}, "entries": {"2026-11-23": entry}})
    (note,) = import_minidiary(raw, zone=UTC)
    assert note.created.isoformat() == created


def test_daylio_reads_today_s_columns() -> None:
    good, meh, rad = import_daylio(sample("daylio.csv"), zone=UTC)
    assert good.date == dt.date(2026, 11, 25)
    assert good.created.time() == dt.time(21, 30)  # "9:30 pm"
    assert good.imported is not None
    assert good.imported.mood == "good"
    assert good.imported.tags == ("work", "walk", "good meal")
    assert good.imported.title == "Better day"
    assert good.narrative == "Got through the list.<br>Walked home."
    assert meh.created.time() == dt.time(0, 5)  # "12:05 am"
    assert meh.imported is not None
    assert meh.imported.tags == ("work", "stressed")
    assert meh.narrative == ""
    assert rad.created.time() == dt.time(18, 52)  # a 24-hour clock
    assert rad.imported is not None
    assert rad.imported.tags == ()


def test_daylio_reads_older_columns_by_name() -> None:
    happy, average, awful = import_daylio(sample("daylio-older.csv"), zone=UTC)
    assert [n.date for n in (happy, average, awful)] == [dt.date(2018, 5, d) for d in (18, 17, 16)]
    assert happy.created.time() == dt.time(23, 54)
    assert awful.created.time() == dt.time(11, 41)
    assert happy.imported is not None
    assert happy.imported.title == ""
    assert happy.narrative == "Went to a party"


def test_daylio_columns_in_another_order_with_an_extra_one() -> None:
    raw = (
        b"note,mood,scales,time,full_date,activities\r\n"
        b'"Hi, there",Rad,"7",07:15,2026-03-04,"a | b"\r\n'
        b"\r\n"
    )
    (note,) = import_daylio(raw, zone=UTC)
    assert (note.narrative, note.date, note.created.time()) == (
        "Hi, there",
        dt.date(2026, 3, 4),
        dt.time(7, 15),
    )
    assert note.imported is not None
    assert note.imported.mood == "Rad"


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("jrnl.json", ImportSource.JRNL),
        ("dayone-Journal.json", ImportSource.DAYONE),
        ("minidiary.json", ImportSource.MINIDIARY),
        ("daylio.csv", ImportSource.DAYLIO),
        ("daylio-older.csv", ImportSource.DAYLIO),
    ],
)
def test_looks_like_knows_each_sample(name: str, source: ImportSource) -> None:
    assert looks_like(sample(name)) is source


def test_looks_like_says_nothing_of_other_files() -> None:
    assert looks_like(b"# My journal\n\nA Markdown export") is None
    assert looks_like(b'{"format": "pwp-coach", "version": 2, "reflections": []}') is None
    assert looks_like(b"[1, 2]") is None
    assert looks_like(b'{"format":"pwp-coach","reflections":[{"time":"x","mood":"y"}]}') is None


def test_an_entry_repeated_in_the_file_is_one_note() -> None:
    entry = b'{"date": "2026-01-01", "time": "09:00", "title": "same", "body": "same"}'
    notes: list[Reflection] = import_jrnl(b'{"entries": [' + entry + b"," + entry + b"]}")
    assert len(notes) == 1


# --- whatever the file holds: notes, or one line naming what is wrong, never a crash ---------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = {
    ImportSource.JRNL: ("date", "time", "title", "body", "tags", "starred"),
    ImportSource.DAYONE: ("uuid", "creationDate", "timeZone", "text", "tags", "starred"),
    ImportSource.MINIDIARY: ("dateUpdated", "title", "text"),
}


def read_or_refused(source: ImportSource, raw: bytes) -> None:
    notes: list[Reflection] = []
    refused = ""
    try:
        notes = FOREIGN_IMPORTERS[source](raw)
    except ForeignFormatError as error:
        refused = str(error)
    assert "\n" not in refused
    assert all(note.kind is Kind.IMPORTED for note in notes)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(FIELDS)), st.data())
def test_any_json_entry_is_read_or_refused_in_one_line(
    source: ImportSource, data: st.DataObject
) -> None:
    fields = FIELDS[source]
    entry = data.draw(st.dictionaries(st.sampled_from(fields), JSON_VALUES | st.text(max_size=30)))
    if source is ImportSource.MINIDIARY:
        key = data.draw(
            st.sampled_from(["2026-01-01", "2026-02-30", "0000-01-01"]) | st.text(max_size=12)
        )
        document: object = {"entries": {key: entry}}
    else:
        document = {"entries": [entry, data.draw(JSON_VALUES)]}
    read_or_refused(source, orjson.dumps(document))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=15), min_size=1, max_size=9), st.binary(max_size=40))
def test_any_daylio_row_is_read_or_refused_in_one_line(row: list[str], tail: bytes) -> None:
    header = "full_date,date,weekday,time,mood,activities,note_title,note"
    body = ",".join('"' + cell.replace('"', '""') + '"' for cell in row)
    read_or_refused(ImportSource.DAYLIO, f"{header}\n{body}\n".encode() + tail)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_read_or_refused_in_one_line(raw: bytes) -> None:
    for source in ImportSource:
        read_or_refused(source, raw)
        read_or_refused(source, b"PK\x03\x04" + raw)
