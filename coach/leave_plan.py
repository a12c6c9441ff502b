"""Leave in view: what home says about the next leave, and when to nudge towards planning some.

Practitioners in the study kept some leave in view: a date to look forward to is itself a way
of coping. These rules are pure (an injected ``today``), so home, insights and tests agree:

- on leave today (any period covers it): on leave until the last day of the run of periods
  that touch or overlap it (two periods back to back read as one stretch of leave);
- else the next period to start: how many days until it;
- a nudge when no leave starts within the horizon (a setting, 8 weeks by default): never when
  on leave, and never a judgement; the words are the content's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.time_away import Leave

DEFAULT_HORIZON_WEEKS = 8


@dataclass(frozen=True)
class LeaveOutlook:
    """What is known today about leave."""

    on_leave_until: dt.date | None = None  # the last day of the stretch of leave today is in
    next_start: dt.date | None = None  # the first day of the next leave, when not on leave
    days_until: int | None = None
    nudge: bool = False  # nothing planned within the horizon

    @property
    def on_leave(self) -> bool:
        """Whether today is a day of leave."""
        return self.on_leave_until is not None


def stretch_end(periods: Iterable[Leave], day: dt.date) -> dt.date | None:
    """The last day of the stretch of leave ``day`` is in (periods that overlap or meet run on
    as one), or None when ``day`` is not a day of leave."""
    ordered = sorted(periods, key=lambda p: p.start)
    end: dt.date | None = None
    for period in ordered:
        if end is None:
            if period.start <= day <= period.end:
                end = period.end
        elif period.start <= end + dt.timedelta(days=1):
            end = max(end, period.end)
    return end


def leave_outlook(
    periods: Iterable[Leave], today: dt.date, horizon_weeks: int = DEFAULT_HORIZON_WEEKS
) -> LeaveOutlook:
    """Today's view of leave: on leave until, or the next leave and how soon, or a nudge."""
    known = list(periods)
    until = stretch_end(known, today)
    if until is not None:
        return LeaveOutlook(on_leave_until=until)
    coming = sorted(p.start for p in known if p.start > today)
    horizon = today + dt.timedelta(weeks=horizon_weeks)
    if not coming:
        return LeaveOutlook(nudge=True)
    start = coming[0]
    return LeaveOutlook(next_start=start, days_until=(start - today).days, nudge=start > horizon)


def last_leave_end(periods: Iterable[Leave], today: dt.date) -> dt.date | None:
    """The last day of the most recent leave that has ended before ``today``, if any."""
    ended = [p.end for p in periods if p.end < today]
    return max(ended, default=None)
