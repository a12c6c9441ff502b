"""Typed settings on a real journal: the round trip, unknown keys, bad values, one-line settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import pytest

from coach.journal import Journal
from coach.settings import (
    MY_SUPPORT_FIELDS,
    SettingProblem,
    Settings,
    change_settings,
    clock_time,
    one_of,
    optional,
    read_settings,
    setting,
    whole_number,
)

NEWER = {"reach_out": {"days": 10, "people": ["Sam"]}}  # what a newer coach might keep
EVERY_SETTING = {
    "core_values": ("helping-others", "learning"),
    "my_support": {
        "occupational_health": "OH 0300 123 4567",
        "employee_assistance": "[bold]EAP[/]",
        "colleague": "Priya \x1b[2J",
        "other": "",
    },
    "theme": "nord",
    "keys": {"home.reflect": "ctrl+r,r", "support": "f12"},
    "lock_after_minutes": 25,
    "leave_horizon_weeks": 6,
    "reach_out_nudge_days": 21,
    "supervision_per_month": 2,
    "cpd_model": "gibbs",
    "cpd_entries_per_year": 12,
    "cpd_hours_per_year": 35,
    "worry_time": "18:30",
    "nudge_after": "16:45",
    "nudge_days": ("mon", "wed", "thu"),
    "imported_notes_in_insights": True,
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal(folder: Path) -> Iterator[Journal]:
    with Journal(folder) as opened:
        yield opened


def declared() -> set[str]:
    return {each.name for each in fields(Settings) if "read" in each.metadata}


def test_every_setting_round_trips_through_the_journal_and_unknown_keys_survive(
    journal: Journal, folder: Path
) -> None:
    assert set(EVERY_SETTING) == declared()  # a new setting must be added here too
    journal.update_settings(NEWER)
    kept = change_settings(journal, lambda now: replace(now, **EVERY_SETTING))

    with Journal(folder) as reopened:
        stored = reopened.settings()
        again = read_settings(reopened)
    assert again == kept
    assert again.problems == ()
    assert again.extra == NEWER
    assert again.to_dict() == stored
    assert stored == {
        **NEWER,
        **EVERY_SETTING,
        "core_values": ["helping-others", "learning"],
        "nudge_days": ["mon", "wed", "thu"],
    }
    for name, chosen in EVERY_SETTING.items():
        assert getattr(again, name) == chosen, name


def test_nothing_stored_reads_as_the_defaults_and_writes_nothing(journal: Journal) -> None:
    found = read_settings(journal)
    assert found == Settings()
    assert (found.core_values, found.theme, dict(found.keys)) == ((), None, {})
    assert dict(found.my_support) == dict.fromkeys(MY_SUPPORT_FIELDS, "")
    assert found.to_dict() == {}
    assert change_settings(journal, lambda now: now) == Settings()
    assert not journal.records_path.exists() or journal.settings() == {}


@pytest.mark.parametrize(
    "found",
    [
        {},
        {"core_values": []},
        {"theme": None, "my_support": {"colleague": "Sam"}},
        {"core_values": "helping-others", "theme": 7, "later": [1, {"a": None}]},
        {"keys": {"home.reflect": "ctrl r"}, "my_support": ["Sam"]},
    ],
)
def test_what_is_read_is_given_back_exactly(found: dict[str, Any]) -> None:
    assert Settings.from_dict(found).to_dict() == found
    assert Settings.from_dict(found).changes() == {}


@pytest.mark.parametrize(
    ("name", "bad", "problem"),
    [
        ("core_values", "helping-others", "core_values must be a list of text"),
        ("core_values", ["helping-others", 3], "core_values must be a list of text"),
        ("my_support", "call Sam", "my_support must be a table of text"),
        ("my_support", {"colleague": 7}, "my_support must be a table of text"),
        ("theme", 42, "theme must be text"),
        ("theme", "nord\x1b[2J", "theme must be a name without control characters"),
        ("keys", ["ctrl+r"], "keys must be a table of binding ids and keys"),
        ("keys", {"home.reflect": "ctrl + r"}, "keys must map binding ids to keys"),
    ],
)
def test_a_bad_stored_value_reads_as_its_default_with_one_line_naming_it(
    journal: Journal, name: str, bad: object, problem: str
) -> None:
    journal.update_settings({name: bad})
    found = read_settings(journal)
    assert getattr(found, name) == getattr(Settings(), name)
    assert len(found.problems) == 1
    assert found.problems[0].startswith(problem)
    assert "\n" not in found.problems[0]
    assert found.to_dict() == journal.settings()

    # Writing another setting leaves the bad value as stored: a newer coach may have written it.
    other = "theme" if name != "theme" else "core_values"
    change_settings(journal, lambda now: replace(now, **{other: EVERY_SETTING[other]}))
    assert journal.settings()[name] == bad
    assert read_settings(journal).problems == found.problems

    # Setting it is what replaces it.
    change_settings(journal, lambda now: replace(now, **{name: EVERY_SETTING[name]}))
    fixed = read_settings(journal)
    assert fixed.problems == ()
    assert getattr(fixed, name) == getattr(Settings(**{name: EVERY_SETTING[name]}), name)


@pytest.mark.parametrize(
    "wrong",
    [
        {"core_values": "learning"},
        {"theme": ""},
        {"my_support": {"colleague": None}},
        {"keys": {"": "r"}},
        {"keys": {"home.reflect": "r,,s"}},
    ],
)
def test_settings_built_with_a_wrong_value_are_refused(wrong: dict[str, Any]) -> None:
    with pytest.raises(SettingProblem):
        Settings(**wrong)


def test_only_what_changed_is_written_so_another_process_keeps_its_change(folder: Path) -> None:
    with Journal(folder) as first, Journal(folder) as second:
        mine = read_settings(first)
        change_settings(second, lambda now: replace(now, theme="dracula"))
        first.update_settings(replace(mine, core_values=("learning",)).changes())
        both = read_settings(first)
    assert (both.theme, both.core_values) == ("dracula", ("learning",))


def test_my_own_support_keeps_what_a_newer_coach_added_to_it(journal: Journal) -> None:
    journal.update_settings({"my_support": {"colleague": "Sam", "manager": "Alex"}})
    found = read_settings(journal)
    assert found.my_support["manager"] == "Alex"
    assert tuple(found.my_support)[: len(MY_SUPPORT_FIELDS)] == MY_SUPPORT_FIELDS
    change_settings(
        journal, lambda now: replace(now, my_support={**now.my_support, "colleague": "Priya"})
    )
    assert journal.settings()["my_support"]["manager"] == "Alex"
    assert read_settings(journal).my_support["colleague"] == "Priya"


def test_settings_cannot_be_changed_in_place() -> None:
    found = Settings.from_dict({"core_values": ["learning"], "keys": {"quit": "ctrl+q"}})
    with pytest.raises(AttributeError):
        found.theme = "nord"  # type: ignore[misc]
    with pytest.raises(TypeError):
        found.keys["quit"] = "q"  # type: ignore[index]
    with pytest.raises(TypeError):
        found.my_support["colleague"] = "Sam"  # type: ignore[index]


# --- a later tool's setting is one line --------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Later(Settings):
    """The settings later tools will add, declared as the module's docstring shows."""

    leave_horizon_weeks: int = setting(8, whole_number(1, 52))
    nudge_time: str | None = setting(None, optional(clock_time))
    worry_time: str | None = setting(None, optional(clock_time))
    cpd_model: str = setting("hcpc", one_of("hcpc", "bps", "own"))
    reach_out_days: int = setting(14, whole_number(1, 90))


def test_a_later_tools_settings_are_one_line_each(journal: Journal) -> None:
    journal.update_settings(
        {
            "leave_horizon_weeks": 12,
            "nudge_time": "17:30",
            "worry_time": "7:30",
            "cpd_model": "bps",
            "reach_out_days": True,
            "theme": "nord",
        }
    )
    found = Later.from_dict(journal.settings())
    assert (found.leave_horizon_weeks, found.nudge_time, found.cpd_model) == (12, "17:30", "bps")
    assert (found.worry_time, found.reach_out_days, found.theme) == (None, 14, "nord")
    assert found.problems == (
        "worry_time must be a time such as 17:30",
        "reach_out_days must be a whole number from 1 to 90",
    )
    assert found.extra == {}
    assert found.to_dict() == journal.settings()

    journal.update_settings(replace(found, worry_time="23:59", reach_out_days=90).changes())
    again = Later.from_dict(journal.settings())
    assert (again.worry_time, again.reach_out_days, again.problems) == ("23:59", 90, ())
    # This version's Settings keeps the later ones it does not know as extra, untouched.
    assert read_settings(journal).extra["nudge_time"] == "17:30"
    assert read_settings(journal).leave_horizon_weeks == 12  # these it knows now
    assert read_settings(journal).worry_time == "23:59"


@pytest.mark.parametrize("wrong", ["24:00", "17:60", "1730", " 17:30", 1730])
def test_a_clock_time_is_hh_mm(wrong: object) -> None:
    with pytest.raises(SettingProblem):
        clock_time(wrong)
    assert clock_time("00:00") == "00:00"


def test_nudge_days_keep_week_order_and_refuse_strangers() -> None:
    assert Settings.from_dict({"nudge_days": ["fri", "mon"]}).nudge_days == ("mon", "fri")
    assert Settings.from_dict({"nudge_days": []}).nudge_days == ()  # never: the nudge is off
    for wrong in (["Monday"], ["mon", "mon"], "mon", [1]):
        found = Settings.from_dict({"nudge_days": wrong})
        assert found.nudge_days == ("mon", "tue", "wed", "thu", "fri")
        assert found.problems
        assert found.problems[0].startswith("nudge_days must be")
    assert Settings.from_dict({"imported_notes_in_insights": 1}).problems == (
        "imported_notes_in_insights must be true or false",
    )
