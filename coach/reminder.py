"""When ``coach nudge`` speaks: the rule alone, apart from the files and the clock.

``coach nudge`` prints one line for a shell prompt or a login script when it is past a time of
day (``nudge_after``, 17:00 unless set) on one of the chosen days (``nudge_days``, Monday to
Friday unless set; none at all switches it off) and nothing has been written in the coach
today. The command's flags win over the settings. What "written today" means is the journal's
business (``coach.journal.glance``); the time is given, so a test can stand anywhere in the
week without a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach.settings import WEEKDAYS, SettingProblem, Settings, clock_time, weekdays

# What a user may write for "no day at all" (``--days none``, or the settings screen): the
# nudge switched off. An empty value means the same.
NO_DAYS = "none"


@dataclass(frozen=True)
class NudgeRule:
    """After what time, on which days of the week (``WEEKDAYS`` names), the nudge may speak."""

    after: dt.time
    days: tuple[str, ...]


def read_after(text: str) -> dt.time:
    """A time of day as ``HH:MM`` (24-hour); raises ``SettingProblem`` saying what is wanted."""
    found = clock_time(text.strip())
    hours, minutes = found.split(":")
    return dt.time(int(hours), int(minutes))


def read_days(text: str) -> tuple[str, ...]:
    """Days as written on a command line or in the settings screen: ``mon,tue,fri`` (spaces
    and capitals allowed), or ``none`` (or nothing) for none. In week order, each once; raises
    ``SettingProblem`` for anything else."""
    words = [word.strip().casefold() for word in text.split(",")]
    words = [word for word in words if word]
    if words == [NO_DAYS]:
        return ()
    return weekdays(words)


def days_text(days: tuple[str, ...]) -> str:
    """Days as ``read_days`` reads them back: ``mon,tue`` or ``none``."""
    return ",".join(days) if days else NO_DAYS


def rule_of(
    stored: Mapping[str, Any], *, after: str | None = None, days: str | None = None
) -> NudgeRule:
    """The rule from the stored settings (a value that does not fit reads as its default, as
    everywhere) with the flags, when given, winning; a bad flag raises ``SettingProblem``."""
    settings = Settings.from_dict(stored)
    return NudgeRule(
        after=read_after(settings.nudge_after if after is None else after),
        days=settings.nudge_days if days is None else read_days(days),
    )


def is_due(rule: NudgeRule, now: dt.datetime, *, written_today: bool) -> bool:
    """Whether to nudge at ``now`` (local time): a chosen day, at or past the time, and
    nothing written in the coach today."""
    if written_today or WEEKDAYS[now.weekday()] not in rule.days:
        return False
    return now.time() >= rule.after


__all__ = [
    "NO_DAYS",
    "NudgeRule",
    "SettingProblem",
    "days_text",
    "is_due",
    "read_after",
    "read_days",
    "rule_of",
]
