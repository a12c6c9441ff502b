"""Figures about my people, for the people screen and insights: pure, with the day injected.

From the journal's contacts and reach-outs (any order) and ``today``:

- ``days_since_reaching_out``: whole days since the last reach-out noted on or before today
  (0 when it was today); None when none is noted yet. Reach-outs dated after today are left
  out (a date typed ahead is not a reach-out yet);
- ``nudge_due``: no reach-out in the last ``nudge_days`` days (``settings.reach_out_nudge_days``).
  The nudge counts from the last reach-out noted, so it is never due on a journal with no
  reach-outs at all: with no log there is nothing to count from, and someone who has not started
  using the log (or has just added their first contact) is not told they have fallen behind.
  The screens say "none noted yet" instead, gently;
- ``last_by_contact``: each contact's last reach-out, by the contact's id;
- ``for_display``: contacts in the order the screen lists them (supervisors, managers, peers,
  then others; by name within a role), and ``recent_log``: the newest reach-outs first.

They describe; they never score. Time to reach out is something a service makes room for, and
the words (the content's) say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coach.content import Catalog
from coach.people import Contact, ReachOut
from coach.vocabulary import Role

# The order roles are listed in: the people who hold the work with me first.
ROLE_ORDER: tuple[Role, ...] = (Role.SUPERVISOR, Role.MANAGER, Role.PEER, Role.OTHER)
RECENT_LOG = 10  # reach-outs the people screen lists


def _noted(reach_outs: Iterable[ReachOut], today: dt.date) -> list[ReachOut]:
    """Reach-outs on or before ``today``, newest first (by day, then by when they were noted)."""
    done = [each for each in reach_outs if each.date <= today]
    return sorted(done, key=lambda each: (each.date, each.created, each.id), reverse=True)


def last_reach_out(reach_outs: Iterable[ReachOut], today: dt.date) -> ReachOut | None:
    """The last reach-out on or before ``today``; None when none is noted."""
    noted = _noted(reach_outs, today)
    return noted[0] if noted else None


def days_since_reaching_out(reach_outs: Iterable[ReachOut], today: dt.date) -> int | None:
    """Whole days since the last reach-out (0 today); None when none is noted yet."""
    last = last_reach_out(reach_outs, today)
    return None if last is None else (today - last.date).days


def nudge_due(reach_outs: Iterable[ReachOut], today: dt.date, nudge_days: int) -> bool:
    """No reach-out in the last ``nudge_days`` days, counted from the last one noted (never
    due when none is noted: see the module)."""
    return _due(days_since_reaching_out(reach_outs, today), nudge_days)


def _due(days: int | None, nudge_days: int) -> bool:
    return days is not None and days >= nudge_days


def last_by_contact(reach_outs: Iterable[ReachOut], today: dt.date) -> dict[str, ReachOut]:
    """Each contact's last reach-out on or before ``today``, by the contact's id."""
    last: dict[str, ReachOut] = {}
    for each in reversed(_noted(reach_outs, today)):  # oldest first: the newest is kept
        if each.contact:
            last[each.contact] = each
    return last


def for_display(contacts: Iterable[Contact]) -> list[Contact]:
    """Supervisors, managers, peers, then others; by name within a role (then id, so the
    order is always the same)."""
    return sorted(
        contacts, key=lambda c: (ROLE_ORDER.index(c.role), c.name.casefold(), c.name, c.id)
    )


def recent_log(
    reach_outs: Iterable[ReachOut], today: dt.date, limit: int = RECENT_LOG
) -> list[ReachOut]:
    """The newest ``limit`` reach-outs on or before ``today``, newest first. Each keeps the
    name as it was, so a deleted contact's reach-outs read as before."""
    return _noted(reach_outs, today)[:limit]


@dataclass(frozen=True)
class ReachingOut:
    """Every figure about reaching out, for ``today``."""

    as_of: dt.date
    contacts: int
    last: ReachOut | None
    days_since: int | None
    nudge_days: int
    nudge_due: bool


def reaching_out(
    contacts: Iterable[Contact],
    reach_outs: Iterable[ReachOut],
    today: dt.date,
    nudge_days: int,
) -> ReachingOut:
    """The figures for ``today``, with the nudge after ``nudge_days`` days."""
    reach_outs = list(reach_outs)
    last = last_reach_out(reach_outs, today)
    days = None if last is None else (today - last.date).days
    return ReachingOut(
        as_of=today,
        contacts=len(list(contacts)),
        last=last,
        days_since=days,
        nudge_days=nudge_days,
        nudge_due=_due(days, nudge_days),
    )


def reaching_out_lines(figures: ReachingOut, catalog: Catalog) -> str:
    """Days since I last reached out, and the gentle nudge when it is due, in the content's
    words (plain text; the name is the user's and is shown literally by the screen)."""
    if figures.last is None:
        key = "people.since_none" if figures.contacts else "people.since_no_people"
        return catalog.prompt(key)
    name = figures.last.name
    if figures.days_since == 0:
        line = catalog.prompt("people.since_today", name=name)
    elif figures.days_since == 1:
        line = catalog.prompt("people.since_yesterday", name=name)
    else:
        line = catalog.prompt("people.since_days", days=figures.days_since, name=name)
    if figures.nudge_due:
        line += "\n" + catalog.prompt("people.nudge", days=figures.nudge_days)
    return line
