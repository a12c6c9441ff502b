"""Day One's JSON export as imported notes: a ``Journal.json``, or the zip Day One makes (one
``*.json`` for each journal exported, beside its photos).

Each entry has ``uuid`` (the note's id is made from it, so importing again adds nothing and an
entry edited in Day One updates its note), ``creationDate`` (ISO 8601 in UTC, ``...Z``),
``timeZone`` (the IANA zone it was written in, ``Europe/London``), ``text`` (Day One's Markdown,
kept exactly), ``tags`` and ``starred``. Day One has no title of its own: the text is the note.

The note's date is the day it was written where it was written: ``creationDate`` on the clock
of ``timeZone``. A zone this machine does not know (an old name, a typing slip, none at all) is
not an error: the time is kept in UTC, which is what Day One wrote, and only the date can then
differ by one near midnight. A ``creationDate`` without an offset is UTC, as Day One writes it.

A zip is read in memory, never extracted: only its ``.json`` members are read (photos, audio
and macOS's ``__MACOSX``/``._`` files are skipped), each read no further than
``MAX_JSON_BYTES`` whatever its header claims, and all of them together no further than
``MAX_TOTAL_BYTES``, so a zip bomb is refused rather than unpacked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.imported import ImportSource
from coach.importers.common import (
    ForeignFormatError,
    entries_of,
    entry_name,
    flag_of,
    imported_note,
    in_range,
    iso_day,
    kind_of,
    load_json,
    problem,
    stable_key,
    tags_of,
    text_of,
    unique,
    whole_minutes,
)
from coach.model import Reflection
from coach.text import quoted

WHAT = "a Day One JSON export (Journal.json, or the zip Day One exports)"
MAX_JSON_BYTES = 64 * 1024 * 1024  # one journal's JSON: years of daily entries are a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_JOURNALS = 200
_ZIP_MAGIC = b"PK\x03\x04"
_DAY_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}")


def _zone(found: str) -> dt.tzinfo:
    """The IANA zone named ``found``, or UTC where this machine does not know it."""
    try:
        return ZoneInfo(found) if found else dt.UTC
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return dt.UTC


def _created(found: str, zone_name: str, where: str) -> dt.datetime:
    """``creationDate`` on the clock of the entry's zone (UTC when it has none)."""
    try:
        moment = dt.datetime.fromisoformat(found)
    except ValueError:
        if _DAY_FIRST.match(found):  # an error that says the date is off the calendar
            iso_day(found[:10], where, "creationDate")
        raise problem(
            where, "creationDate", f"must be a date and time as ISO 8601, not {quoted(found, 40)}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        local = whole_minutes(moment.astimezone(_zone(zone_name)))
    except OverflowError:  # 0001-01-01T00:00Z has no day before it for a zone west of UTC
        raise problem(where, "creationDate", f"is out of range: {quoted(found, 40)}") from None
    in_range(local.date(), where, "creationDate")
    return local


def _note(index: int, entry: Any, journal: str) -> Reflection:
    if not isinstance(entry, Mapping):
        where = f"{journal}{entry_name(index)}"
        raise ForeignFormatError(f"{where}: must be an object, not {kind_of(entry)}")
    written = entry.get("creationDate")
    where = f"{journal}{entry_name(index, written[:10] if isinstance(written, str) else None)}"
    uuid = text_of(entry, "uuid", where, required=True)
    if not uuid.strip():
        raise problem(where, "uuid", "must not be empty")
    created = _created(
        text_of(entry, "creationDate", where, required=True),
        text_of(entry, "timeZone", where),
        where,
    )
    where = f"{journal}{entry_name(index, created.date())}"
    return imported_note(
        ImportSource.DAYONE,
        stable_key(uuid),
        where,
        day=created.date(),
        created=created,
        text=text_of(entry, "text", where),
        tags=tags_of(entry, "tags", where),
        starred=flag_of(entry, "starred", where),
    )


def _journal_notes(raw: bytes, journal: str) -> list[Reflection]:
    entries = entries_of(load_json(raw, WHAT), WHAT)
    return [_note(index, entry, journal) for index, entry in enumerate(entries)]


def _is_journal(info: zipfile.ZipInfo) -> bool:
    """Whether a zip member is a journal's JSON, not a photo or macOS's resource fork."""
    name = info.filename.replace("\\", "/")
    base = name.rsplit("/", 1)[-1]
    return (
        not info.is_dir()
        and base.lower().endswith(".json")
        and not base.startswith("._")
        and not name.startswith("__MACOSX/")
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """A member's bytes, read no further than the caps allow (its header can lie)."""
    limit = min(MAX_JSON_BYTES, budget)
    name = quoted(info.filename)
    try:
        with archive.open(info) as member:
            raw = member.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ForeignFormatError(f"{name} in the zip is damaged ({error})") from None
    except (NotImplementedError, RuntimeError) as error:  # a method or encryption not read here
        raise ForeignFormatError(f"{name} in the zip cannot be read ({error})") from None
    if len(raw) > limit:
        too_big = (
            f"{name} in the zip unpacks to more than {MAX_JSON_BYTES // 2**20} MB"
            if limit == MAX_JSON_BYTES
            else f"the journals in the zip unpack to more than {MAX_TOTAL_BYTES // 2**20} MB"
        )
        raise ForeignFormatError(f"{too_big}; export fewer journals at a time")
    return raw


def _zip_notes(raw: bytes) -> list[Reflection]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ForeignFormatError(f"not {WHAT}: not a readable zip ({error})") from None
    with archive:
        journals = [info for info in archive.infolist() if _is_journal(info)]
        if not journals:
            raise ForeignFormatError(f"not {WHAT}: the zip holds no journal (.json)")
        if len(journals) > MAX_JOURNALS:
            raise ForeignFormatError(f"the zip holds more than {MAX_JOURNALS} journals")
        notes: list[Reflection] = []
        budget = MAX_TOTAL_BYTES
        for info in journals:
            member = _read_member(archive, info, budget)
            budget -= len(member)
            notes += _journal_notes(member, f"{quoted(info.filename)}: ")
    return notes


def import_dayone(raw: bytes) -> list[Reflection]:
    """Every entry of a Day One JSON export (or of every journal in its zip) as an imported
    note, all read before any is returned."""
    notes = _zip_notes(raw) if raw.startswith(_ZIP_MAGIC) else _journal_notes(raw, "")
    return unique(notes)


__all__ = ["MAX_JSON_BYTES", "MAX_TOTAL_BYTES", "import_dayone"]
