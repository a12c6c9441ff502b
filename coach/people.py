"""My people, as the journal keeps them: contacts, and a log of reaching out to them.

Phase 3's relational side (supervision and peers were among the most helpful ways of coping):

- ``Contact``: someone I can turn to, their role, and how to reach them, as free text (the
  coach never dials, sends or looks anything up);
- ``ReachOut``: a day I reached out to someone, with an optional note. It keeps the name as it
  was, beside the contact's id, so deleting a contact leaves the log readable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from coach.model import check_created, check_day, check_id, new_id, now
from coach.shape import Record, meta
from coach.vocabulary import Role


@dataclass(frozen=True, slots=True)
class Contact(Record):
    """Someone I can turn to: a name, their role, and how I reach them (my own words)."""

    KIND: ClassVar[str] = "contacts"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    name: str
    role: Role = field(default=Role.PEER, metadata=meta(required=True))
    reach: str = ""  # how to reach them, as free text
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, name: str, role: Role = Role.PEER, reach: str = "") -> Contact:
        """A new contact with a fresh id."""
        return cls(id=new_id(), name=name, role=role, reach=reach)


@dataclass(frozen=True, slots=True)
class ReachOut(Record):
    """I reached out to someone: the day, who (their id and their name as it was), a note."""

    KIND: ClassVar[str] = "reach_outs"  # its table, and its array in the export

    id: str = field(metadata=meta(check=check_id))
    date: dt.date = field(metadata=meta(check=lambda day: check_day(day, "date")))
    created: dt.datetime = field(metadata=meta(check=check_created))
    name: str
    contact: str = ""  # the contact's id; the contact may since have been deleted
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, contact: Contact, note: str = "", day: dt.date | None = None) -> ReachOut:
        """Reaching out to ``contact`` (today unless ``day`` is given), logged now."""
        created = now()
        return cls(
            id=new_id(),
            date=day or created.date(),
            created=created,
            name=contact.name,
            contact=contact.id,
            note=note,
        )
