"""Every kind of record the journal keeps beside its reflections, declared once.

``RECORD_KINDS`` names each kind as the JSON export's arrays and the journal's tables name it
(the class's own ``KIND``), in the order the export writes them. A kind with a ``date`` is kept
in its year's file; any other in ``records.json`` (``coach.journal.records``).

The journal names a kind's table from its class alone, and imports this module only to read or
check every kind: so reading one kind (home reads leave) imports no other kind's module.
"""

from __future__ import annotations

from collections.abc import Mapping

from coach.people import Contact, ReachOut
from coach.practice import Practice, Programme
from coach.shape import Record
from coach.supervision import Agenda, SupervisionSession
from coach.time_away import TIME_AWAY_KINDS

# Added in export version 4 (issue: not alone): my people, supervision and its preparation.
NOT_ALONE_KINDS: Mapping[str, type[Record]] = {
    kind.KIND: kind for kind in (Contact, ReachOut, SupervisionSession, Agenda)
}

# Added in export version 5 (issue: self-practice): exercises practised, and SP/SR programmes.
PRACTICE_KINDS: Mapping[str, type[Record]] = {kind.KIND: kind for kind in (Practice, Programme)}

RECORD_KINDS: Mapping[str, type[Record]] = {**TIME_AWAY_KINDS, **NOT_ALONE_KINDS, **PRACTICE_KINDS}
