"""A journal holding something of everything: reflections, a check-in, imported notes from
each source, every kind of record and settings (known, and one from a newer coach), with hostile
text in places. Shared by the tests of the JSON, jrnl and CSV exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from coach.imported import ImportedFrom, ImportSource, imported_id
from coach.journal import Journal
from coach.model import (
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Status,
    Value,
)
from tests.helpers.controls import NASTY
from tests.test_export_records import RECORDS as TIME_AWAY
from tests.test_not_alone_records import AGENDA, GIBBS, PRIYA, REACH_OUTS, SAM, SESSIONS, WHAT
from tests.test_practice_records import HALF_WAY, PRACTICE, PROGRAMME

UTC = dt.UTC


def at(day: str, hour: int, minute: int = 0, offset: int = 0) -> dt.datetime:
    zone = dt.timezone(dt.timedelta(hours=offset))
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), zone)


FULL = Reflection(
    "r-full", dt.date(2026, 11, 27), at("2026-11-27", 18, 5), strain=7, alignment=4, feeling=3,
    challenges=(Challenge("own:calls", "Back-to-back calls", Dimension.SYSTEMIC, "no gap"),
                Challenge("own:risk", "A risk call", Dimension.INDIVIDUAL)),
    narrative="A long day.\n[2020-01-01 10:00] looks like a jrnl entry\nStill here.",
    values=(Value("own:care", "Care"), Value("own:learn", "Learning")),
    meaning="A client laughed.", mine_to_influence="My breaks",
    actions=(CopingAction("own:walk", "Walk at lunch", Category.INDIVIDUAL, "tomorrow"),
             CopingAction("own:ask", "=SUM(A1:A9)", Category.RELATIONAL, "",
                          Status.DONE, 4)),
    notes="@team said thanks", cpd=WHAT,
)  # fmt: skip
CHECK_IN = Reflection(
    "r-check", dt.date(2026, 11, 28), at("2026-11-28", 12, 30, offset=1), Kind.CHECK_IN,
    strain=5, feeling=2, narrative="+quick one, " + NASTY,
)  # fmt: skip
BARE = Reflection("r-bare", dt.date(2024, 1, 5), at("2024-01-05", 9), cpd=GIBBS)


def note(
    source: ImportSource, day: str, text: str, created: dt.datetime, **kept: Any
) -> Reflection:
    return Reflection(
        imported_id(source, f"{day} {text}"), dt.date.fromisoformat(day), created,
        Kind.IMPORTED, narrative=text, imported=ImportedFrom(source, **kept),
    )  # fmt: skip


NOTES = [
    note(ImportSource.JRNL, "2025-06-01", "Body line.\nSecond @work line.", at("2025-06-01", 8),
         title="A jrnl day", tags=("@work",), starred=True),
    note(ImportSource.DAYLIO, "2025-06-02", "-felt flat", at("2025-06-02", 21, 15),
         mood="meh", tags=("work", "sleep")),
    note(ImportSource.DAYONE, "2025-06-03", "No title here. Second sentence.",
         at("2025-06-03", 7, 45, offset=-5)),
    note(ImportSource.MINIDIARY, "2025-06-04", "[2025-06-04 10:00] a tricky line",
         at("2025-06-04", 10), title="Title with *"),
]  # fmt: skip
REFLECTIONS = [FULL, CHECK_IN, BARE, *NOTES]
RECORDS: dict[str, list[Any]] = {
    **TIME_AWAY,
    "contacts": [SAM, PRIYA],
    "reach_outs": REACH_OUTS,
    "supervision_sessions": SESSIONS,
    "supervision_agendas": [AGENDA],
    "practice": [PRACTICE, HALF_WAY],
    "programmes": [PROGRAMME],
}
SETTINGS: dict[str, Any] = {
    "core_values": ["Care", NASTY],
    "my_support": {"occupational_health": "Ext 4411", "colleague": "Sam"},
    "theme": "nord",
    "nudge_after": "18:30",
    "nudge_days": ["mon", "wed"],
    "imported_notes_in_insights": True,
    "from_a_newer_coach": {"nested": [1, None, "x"]},
}


def fill_every_kind(folder: Path, settings: dict[str, Any] | None = None) -> None:
    """Write everything above into a (new) journal in ``folder``."""
    with Journal(folder) as journal:
        journal.import_all(REFLECTIONS, RECORDS, {}, SETTINGS if settings is None else settings)
