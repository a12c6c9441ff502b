"""``coach export --format supervision [--since DATE]``: the supervision agenda, from the journal.

It writes the agenda prepared last (``Agenda``, newest by when it was prepared); with
``--since``, the last one prepared for a period starting on or after that day. When none was
prepared, it writes the themes of a period, and nothing else: since ``--since``, else since
the last supervision session logged, else over the last four weeks, to today. A reflection's
own text leaves only when it was ticked on the prepare screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
from itertools import takewhile
from pathlib import Path

from coach.commands.common import date_option
from coach.content import load_catalog
from coach.exports.shared import Shared
from coach.exports.supervision import period_agenda, supervision_markdown
from coach.journal import Journal
from coach.supervision import Agenda, SupervisionSession
from coach.supervision_prep import default_since, latest_agenda, themes


def since_of(args: argparse.Namespace) -> dt.date | None:
    """The ``--since`` date, or None (``date_option`` says what is refused)."""
    return date_option("--since", getattr(args, "since", None))


def supervision_export(journal: Journal, args: argparse.Namespace) -> Shared:
    """The agenda (or the period's themes) as Markdown, with its pieces of journal text."""
    since = since_of(args)
    content = getattr(args, "content", None)
    words = load_catalog(Path(content) if content else None).prompt
    today = dt.datetime.now().astimezone().date()
    agenda = latest_agenda(journal.records(Agenda), since)
    prepared = agenda is not None
    if agenda is None:
        start = since or default_since(journal.records(SupervisionSession), today)
        until = max(start, today)
    else:
        start, until = agenda.since, agenda.until
    newest_first = journal.iter_newest_first()
    period = [r for r in takewhile(lambda r: r.date >= start, newest_first) if r.date <= until]
    found = themes(period, start, until)
    if agenda is None:
        agenda = period_agenda(start, until, found)
    by_id = {reflection.id: reflection for reflection in period}
    return supervision_markdown(agenda, found, by_id, words, prepared=prepared)
