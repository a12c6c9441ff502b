"""Which reflections history shows: search text, a date range, a challenge, value, action, kind.

Pure functions over reflections: no files, no screens. The history screen reads the journal
newest first (or ``Journal.search`` for the text) and passes it through ``filtered``; a date
range stops the walk as soon as it is older than the range, so a narrow range stays fast however
long the journal is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coach.model import Kind, Reflection

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class DateBoundError(ValueError):
    """A date typed into a filter that is not a date; the message says what is expected."""


@dataclass(frozen=True)
class HistoryFilter:
    """What the user narrowed history to; every part is optional and they all combine."""

    text: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    challenge: str | None = None
    value: str | None = None
    action: str | None = None
    kind: Kind | None = None
    practice_only: bool = False  # the kind filter's "practice": self-practice records alone

    @property
    def needle(self) -> str:
        """The search text as matched: case-folded, without surrounding spaces."""
        return self.text.casefold().strip()

    @property
    def is_empty(self) -> bool:
        """Whether nothing narrows history at all."""
        return self == HistoryFilter(text=self.text) and not self.needle

    def matches(self, reflection: Reflection, *, text_checked: bool = False) -> bool:
        """Whether a reflection passes every part (``text_checked``: the search already did)."""
        if self.since is not None and reflection.date < self.since:
            return False
        if self.until is not None and reflection.date > self.until:
            return False
        if self.practice_only or (self.kind is not None and reflection.kind is not self.kind):
            return False
        if self.challenge is not None and all(
            c.key != self.challenge for c in reflection.challenges
        ):
            return False
        if self.value is not None and all(v.key != self.value for v in reflection.values):
            return False
        if self.action is not None and all(a.key != self.action for a in reflection.actions):
            return False
        return text_checked or not self.needle or self.needle in reflection.search_text()


def filtered(
    reflections: Iterable[Reflection],
    history_filter: HistoryFilter,
    *,
    newest_first: bool = False,
    text_checked: bool = False,
) -> Iterator[Reflection]:
    """The reflections that pass the filter, in the order given.

    With ``newest_first`` (the order the journal reads in), the walk stops at the first
    reflection older than ``since``: none after it can match.
    """
    since = history_filter.since
    for reflection in reflections:
        if newest_first and since is not None and reflection.date < since:
            return
        if history_filter.matches(reflection, text_checked=text_checked):
            yield reflection


def parse_bound(text: str, *, end: bool) -> dt.date | None:
    """A typed date bound: ``2026-03-14``, ``2026-03`` (a month) or ``2026`` (a year).

    A month or a year means its first day for a start (``end=False``) and its last day for an
    end. Empty text is no bound. Raises ``DateBoundError`` with a one-line message otherwise.
    """
    text = text.strip()
    if not text:
        return None
    try:
        if _YEAR.match(text):
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        month = _MONTH.match(text)
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            first = dt.date(year, number, 1)
            if not end:
                return first
            following = dt.date(year + number // 12, number % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DateBoundError(f"{text!r} is not a date: try 2026-03-14, 2026-03 or 2026") from None
