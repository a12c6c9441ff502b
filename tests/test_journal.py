"""The journal engine on real files: storage, order, search, import, settings, drafts, schema
numbers and rolling backups."""

from __future__ import annotations

import datetime as dt
import gc
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach.journal import Journal, JournalError, JournalTooNew, ReflectionNotFound
from coach.journal.storage import is_journal_file
from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Reflection,
    Status,
    Value,
    new_id,
)

UTC = dt.UTC


def make(day: str = "2026-11-26", hour: int = 17, **parts: Any) -> Reflection:
    """A reflection for ``day`` created at ``hour`` (UTC) with a fresh id."""
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(hour, 0), UTC)
    return Reflection(id=parts.pop("id", new_id()), date=date, created=created, **parts)


def full(day: str = "2026-11-26") -> Reflection:
    """A reflection with every part filled in."""
    return make(
        day,
        strain=7,
        alignment=6,
        challenges=(Challenge("caseload", "A full caseload", Dimension.SYSTEMIC, "Twelve calls"),),
        narrative="A long day with a risk call.",
        values=(Value("helping", "Helping others"),),
        meaning="I got someone to the crisis team in time.",
        appraisal=Appraisal(3, 2, 4),
        actions=(
            CopingAction("lunch", "Lunch away from the desk", Category.INDIVIDUAL, "12:30"),
            CopingAction("peer", "Debrief with a peer", Category.RELATIONAL, "", Status.DONE, 3),
        ),
        notes="Bring it to supervision.",
    )


def stored(path: Path) -> dict[str, Any]:
    """The reflections table of a year file, as raw documents by id."""
    tables = orjson.loads(path.read_bytes())
    return {document["id"]: document for document in tables.get("reflections", {}).values()}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal(data_dir: Path) -> Iterator[Journal]:
    with Journal(data_dir) as opened:
        yield opened


# --- add, get, update, delete ------------------------------------------------------------


def test_a_new_journal_is_empty_and_makes_its_folders(journal: Journal, data_dir: Path) -> None:
    assert journal.count() == 0
    assert journal.latest() is None
    assert list(journal.iter_newest_first()) == []
    assert (data_dir / "journal").is_dir()


def test_add_then_get_gives_back_an_equal_reflection(journal: Journal, data_dir: Path) -> None:
    reflection = full()
    journal.add(reflection)
    assert journal.get(reflection.id) == reflection
    assert journal.count() == 1
    assert list(stored(data_dir / "journal" / "2026.json")) == [reflection.id]
    with Journal(data_dir) as reopened:
        assert reopened.get(reflection.id) == reflection


def test_get_of_an_unknown_id_is_none(journal: Journal) -> None:
    journal.add(make())
    assert journal.get(new_id()) is None


def test_add_refuses_an_id_already_saved(journal: Journal) -> None:
    reflection = make()
    journal.add(reflection)
    with pytest.raises(JournalError, match=reflection.id):
        journal.add(reflection.with_changes(notes="again"))
    assert journal.count() == 1
    assert journal.get(reflection.id) == reflection


def test_update_replaces_the_stored_reflection(journal: Journal) -> None:
    reflection = full()
    journal.add(reflection)
    journal.add(make())
    changed = reflection.with_changes(strain=2, notes="Better by the evening.")
    journal.update(changed)
    assert journal.get(reflection.id) == changed
    assert journal.count() == 2


def test_update_of_a_missing_reflection_raises_and_writes_nothing(
    journal: Journal, data_dir: Path
) -> None:
    journal.add(make("2026-03-01"))
    year_file = data_dir / "journal" / "2026.json"
    before = year_file.read_bytes()
    with pytest.raises(ReflectionNotFound):
        journal.update(make("2026-03-02"))
    with pytest.raises(ReflectionNotFound):
        journal.update(make("2019-03-02"))
    assert year_file.read_bytes() == before
    assert journal.years() == [2026]


def test_save_adds_then_replaces(journal: Journal) -> None:
    reflection = make()
    journal.save(reflection)
    assert journal.get(reflection.id) == reflection
    changed = reflection.with_changes(narrative="Second thoughts.")
    journal.save(changed)
    assert journal.get(reflection.id) == changed
    assert journal.count() == 1


def test_delete_removes_one_reflection(journal: Journal) -> None:
    keep, drop = make("2025-06-01"), make("2026-06-01")
    journal.add(keep)
    journal.add(drop)
    assert journal.delete(drop.id) is True
    assert journal.delete(drop.id) is False
    assert journal.get(drop.id) is None
    assert [r.id for r in journal.iter_newest_first()] == [keep.id]
    assert journal.count() == 1


def test_count_spans_every_year(journal: Journal) -> None:
    for day in ("2019-01-01", "2024-12-31", "2025-01-01", "2026-05-05", "2026-05-06"):
        journal.add(make(day))
    assert journal.count() == 5
    assert journal.years() == [2026, 2025, 2024, 2019]


# --- order, pages and dates --------------------------------------------------------------


@pytest.fixture
def across_years(journal: Journal) -> list[Reflection]:
    """Reflections over three years, added out of order; returned newest first."""
    days = [
        ("2025-12-31", 18),
        ("2024-02-29", 9),
        ("2026-01-01", 8),
        ("2025-12-31", 7),
        ("2026-11-26", 20),
        ("2026-01-01", 21),
        ("2024-12-31", 23),
    ]
    reflections = [make(day, hour) for day, hour in days]
    for reflection in reflections:
        journal.add(reflection)
    return sorted(reflections, key=lambda r: r.sort_key, reverse=True)


def test_newest_first_across_years(journal: Journal, across_years: list[Reflection]) -> None:
    found = list(journal.iter_newest_first())
    assert found == across_years
    assert [(r.date.isoformat(), r.created.hour) for r in found[:4]] == [
        ("2026-11-26", 20),
        ("2026-01-01", 21),
        ("2026-01-01", 8),
        ("2025-12-31", 18),
    ]
    assert journal.latest() == across_years[0]


def test_newest_first_is_lazy(journal: Journal, across_years: list[Reflection]) -> None:
    walk = journal.iter_newest_first()
    assert next(walk) == across_years[0]
    journal.add(make("2027-01-01"))
    assert next(walk) == across_years[1]


def test_pages_walk_across_year_boundaries(
    journal: Journal, across_years: list[Reflection]
) -> None:
    assert journal.page(0, 3) == across_years[:3]
    assert journal.page(3, 3) == across_years[3:6]
    assert journal.page(6, 3) == across_years[6:]
    assert journal.page(7, 3) == []
    pages = [r for offset in range(0, 7, 2) for r in journal.page(offset, 2)]
    assert pages == across_years


def test_on_date_gives_that_days_reflections(
    journal: Journal, across_years: list[Reflection]
) -> None:
    day = journal.on_date(dt.date(2025, 12, 31))
    assert [r.created.hour for r in day] == [18, 7]
    assert journal.on_date(dt.date(2025, 12, 30)) == []
    assert journal.on_date(dt.date(2010, 1, 1)) == []


# --- search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["narrative", "meaning", "notes", "challenge", "challenge note", "value", "action"],
)
def test_search_finds_text_in_every_field_ignoring_case(journal: Journal, where: str) -> None:
    word = "Quokkafest"
    parts: dict[str, Any] = {
        "narrative": {"narrative": f"Today was a {word} of calls"},
        "meaning": {"meaning": f"{word}!"},
        "notes": {"notes": f"note: {word}"},
        "challenge": {"challenges": (Challenge("c", f"A {word}", Dimension.SYSTEMIC),)},
        "challenge note": {
            "challenges": (Challenge("c", "Caseload", Dimension.SYSTEMIC, f"({word})"),)
        },
        "value": {"values": (Value("v", f"{word} values"),)},
        "action": {"actions": (CopingAction("a", f"Go to {word}", Category.INDIVIDUAL),)},
    }[where]
    target = make("2025-04-01", **parts)
    journal.add(target)
    journal.add(make("2026-04-01", narrative="Nothing to see here", notes="quokka"))
    journal.add(make("2024-04-01", meaning="A fest of calm"))
    for query in ("quokkafest", "QUOKKAFEST", "QuokkaFest", "  quokkaFEST  "):
        assert [r.id for r in journal.search(query)] == [target.id], query


def test_search_gives_matches_newest_first_across_years(journal: Journal) -> None:
    older = make("2024-07-01", narrative="Supervision helped.")
    newer = make("2026-07-01", notes="supervision moved")
    journal.add(older)
    journal.add(make("2025-07-01", narrative="no match"))
    journal.add(newer)
    assert list(journal.search("SUPERVISION")) == [newer, older]
    assert list(journal.search("nothing like this")) == []
    assert len(list(journal.search(""))) == 3


def test_search_sees_changes_made_after_an_earlier_search(journal: Journal) -> None:
    reflection = make(narrative="first words")
    journal.add(reflection)
    assert [r.id for r in journal.search("first")] == [reflection.id]
    journal.update(reflection.with_changes(narrative="second words"))
    assert list(journal.search("first")) == []
    assert [r.id for r in journal.search("second")] == [reflection.id]


TRICKY_TEXTS = [
    'She said "enough" and meant it',
    "C:\\Users\\notes back\\slash",
    "line one\nline two\ttabbed",
    "Straße und STRASSE",
    "ΣΊΣΥΦΟΣ σίσυφος",
    "İstanbul ıi",
    "emoji 🧠💬 and RTL שלום עליכם",
    "control \x07 bell \x1b[31m and DEL \x7f",
    "[bold]markup[/] [@click=app.quit]",
]
TRICKY_NEEDLES = [
    *TRICKY_TEXTS,
    *("enough", '"enough"', "\\notes", "one\nline", "strasse", "STRASSE", "straße", "σίσυφος"),
    *("ΣΊΣΥΦΟΣ", "istanbul", "🧠", "שלום", "\x07", "\x1b[31m", "[/]", "app.quit", "e", "  two "),
    # in the stored JSON (keys, dates, ids, enum values) but in no text a search looks at:
    *("2026", "narrative", "schema", "systemic", "planned", "helping", '":"', "null"),
]


def tricky_journal(data_dir: Path) -> list[Reflection]:
    """Reflections holding text JSON escapes or case-folds oddly, in every searched field."""
    reflections = []
    for index, text in enumerate(TRICKY_TEXTS):
        field = index % 6
        parts: dict[str, Any] = [
            {"narrative": text},
            {"notes": text, "meaning": "plain"},
            {"challenges": (Challenge("c", "Caseload", Dimension.SYSTEMIC, text),)},
            {"values": (Value("helping", text),)},
            {"actions": (CopingAction("a", "Walk", Category.INDIVIDUAL, when=text),)},
            {"meaning": text},
        ][field]
        reflections.append(make(f"{2024 + index % 3}-0{1 + index % 9}-11", **parts))
    with Journal(data_dir) as journal:
        journal.import_reflections(reflections)
    return reflections


def test_a_first_search_finds_exactly_what_a_later_one_finds(data_dir: Path) -> None:
    reflections = tricky_journal(data_dir)
    with Journal(data_dir) as warm:
        everything = list(warm.iter_newest_first())  # every year read: searches use the model
        assert len(everything) == len(reflections)
        for needle in TRICKY_NEEDLES:
            with Journal(data_dir) as cold:  # nothing read yet: the stored text is looked at first
                first = [r.id for r in cold.search(needle)]
            expected = [r.id for r in everything if needle.casefold().strip() in r.search_text()]
            assert first == expected, needle
            assert [r.id for r in warm.search(needle)] == expected, needle
    with Journal(data_dir) as cold:
        assert [r.id for r in cold.search("strasse")] == [reflections[3].id]
        assert list(cold.search("2026")) == []


def test_a_second_journal_object_sees_what_the_first_wrote(data_dir: Path) -> None:
    with Journal(data_dir) as reader, Journal(data_dir) as writer:
        assert reader.count() == 0
        reflection = make(narrative="from the other window")
        writer.add(reflection)
        assert reader.count() == 1
        assert reader.get(reflection.id) == reflection
        assert [r.id for r in reader.search("other window")] == [reflection.id]
        writer.delete(reflection.id)
        assert reader.count() == 0


# --- moving between years ----------------------------------------------------------------


@pytest.mark.parametrize("method", ["save", "update"])
def test_changing_the_date_moves_a_reflection_to_its_new_year(
    journal: Journal, data_dir: Path, method: str
) -> None:
    reflection = make("2025-12-31", narrative="late")
    neighbour = make("2025-12-30")
    journal.add(reflection)
    journal.add(neighbour)
    moved = reflection.with_changes(date=dt.date(2026, 1, 1))
    getattr(journal, method)(moved)
    assert journal.get(reflection.id) == moved
    assert journal.count() == 2
    assert list(stored(data_dir / "journal" / "2025.json")) == [neighbour.id]
    assert list(stored(data_dir / "journal" / "2026.json")) == [reflection.id]
    assert [r.id for r in journal.iter_newest_first()] == [reflection.id, neighbour.id]


def plant_copy(data_dir: Path, reflection: Reflection) -> None:
    """Add a copy of ``reflection`` to its year's file by hand, as an older coach's move that
    was cut off between writing the new copy and removing the old one left it."""
    path = data_dir / "journal" / f"{reflection.year}.json"
    tables = orjson.loads(path.read_bytes()) if path.exists() else {"reflections": {}}
    table = tables.setdefault("reflections", {})
    table[str(len(table) + 1)] = {**reflection.to_dict(), "schema": 1}
    path.write_bytes(orjson.dumps(tables))


def test_a_move_an_older_coach_cut_short_is_shown_once_and_tidied_by_the_next_save(
    journal: Journal, data_dir: Path
) -> None:
    earlier = make("2025-12-31", narrative="before the move")
    journal.add(earlier)
    moved = earlier.with_changes(date=dt.date(2026, 1, 2), narrative="after the move")
    plant_copy(data_dir, moved)
    with Journal(data_dir) as reader:  # every reader shows the copy in the newest year, once
        assert [r.narrative for r in reader.iter_newest_first()] == ["after the move"]
        assert reader.count() == 1
        assert reader.get(earlier.id) == moved
        assert list(reader.search("before the move")) == []
        assert reader.on_date(dt.date(2025, 12, 31)) == []
    journal.save(moved.with_changes(notes="saved again"))
    assert [r.notes for r in journal.iter_newest_first()] == ["saved again"]
    assert list(stored(data_dir / "journal" / "2025.json")) == []


def test_a_schema_field_carried_in_a_reflection_cannot_mark_the_file_too_new(
    journal: Journal, data_dir: Path
) -> None:
    reflection = make(extra={"schema": 99, "mood_colour": "teal"})
    journal.add(reflection)
    with Journal(data_dir) as reopened:
        assert reopened.count() == 1
        found = reopened.get(reflection.id)
    assert found is not None
    assert found.extra == {"mood_colour": "teal"}


# --- import ------------------------------------------------------------------------------


def test_import_merges_by_id_and_counts(journal: Journal, data_dir: Path) -> None:
    same, changed = make("2026-02-01"), make("2026-02-02", strain=3)
    journal.add(same)
    journal.add(changed)
    incoming = [
        same,
        changed.with_changes(strain=4),
        make("2026-02-03"),
        make("2023-05-05"),
    ]
    report = journal.import_reflections(incoming)
    assert (report.added, report.updated, report.unchanged) == (2, 1, 1)
    assert journal.count() == 4
    assert sorted(journal.iter_newest_first(), key=lambda r: r.id) == sorted(
        incoming, key=lambda r: r.id
    )
    files = {p.name: p.read_bytes() for p in (data_dir / "journal").iterdir()}
    again = journal.import_reflections(incoming)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert {p.name: p.read_bytes() for p in (data_dir / "journal").iterdir()} == files


def test_import_that_changes_the_year_moves_the_reflection(journal: Journal) -> None:
    reflection = make("2025-12-31")
    journal.add(reflection)
    moved = reflection.with_changes(date=dt.date(2026, 1, 2))
    report = journal.import_reflections([moved])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    assert list(journal.iter_newest_first()) == [moved]


def test_import_into_an_empty_journal_keeps_every_field(journal: Journal) -> None:
    incoming = [full("2026-01-05"), full("2024-03-01"), make("2025-09-09")]
    report = journal.import_reflections(incoming)
    assert report.added == 3
    assert [journal.get(r.id) for r in incoming] == incoming


# --- settings ----------------------------------------------------------------------------


def test_settings_are_empty_at_first_then_merge_and_persist(
    journal: Journal, data_dir: Path
) -> None:
    assert journal.settings() == {}
    journal.update_settings({"core_values": ["helping", "learning"]})
    journal.update_settings({"reminder": "17:30"})
    journal.update_settings({"reminder": "18:00"})
    expected = {"core_values": ["helping", "learning"], "reminder": "18:00"}
    assert journal.settings() == expected
    with Journal(data_dir) as reopened:
        assert reopened.settings() == expected
    assert is_journal_file((data_dir / "records.json").read_bytes())


# --- drafts ------------------------------------------------------------------------------


def test_a_draft_is_saved_loaded_and_discarded(journal: Journal, data_dir: Path) -> None:
    assert journal.load_draft() is None
    state = {"step": "values", "narrative": "Half a thought [bold]", "strain": 6}
    journal.save_draft(state)
    draft = journal.load_draft()
    assert draft is not None
    assert draft.state == state
    assert draft.saved.utcoffset() is not None
    journal.save_draft({"step": "coping"})
    with Journal(data_dir) as reopened:
        found = reopened.load_draft()
        assert found is not None
        assert found.state == {"step": "coping"}
        reopened.discard_draft()
    assert journal.load_draft() is None
    journal.discard_draft()
    assert journal.load_draft() is None
    assert not (data_dir / "backups" / "draft").exists()


@pytest.fixture
def replaces(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every journal file the code under test replaced (each atomic write ends in one
    ``os.replace``); the index, a cache of what the year files hold, is left out."""
    done: list[Path] = []
    real_replace = os.replace

    def counting_replace(source: Any, target: Any, **kwargs: Any) -> None:
        if Path(target).name != "index.json":
            done.append(Path(target))
        real_replace(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", counting_replace)
    return done


def test_a_draft_save_is_a_single_file_write(
    journal: Journal, data_dir: Path, replaces: list[Path]
) -> None:
    journal.save_draft({"step": 1})
    assert replaces == [data_dir / "draft.json"]
    journal.save_draft({"step": 2})
    assert replaces == [data_dir / "draft.json"] * 2
    journal.discard_draft()
    replaces.clear()
    journal.save_draft({"step": 3})
    assert replaces == [data_dir / "draft.json"]
    draft = journal.load_draft()
    assert draft is not None
    assert draft.state == {"step": 3}


def test_adding_a_reflection_writes_only_its_years_file(
    journal: Journal, data_dir: Path, replaces: list[Path]
) -> None:
    journal.add(make("2024-01-01"))
    journal.add(make("2025-01-01"))
    replaces.clear()
    journal.add(make("2025-02-01"))
    journal.save(make("2025-03-01"))
    assert replaces == [data_dir / "journal" / "2025.json"] * 2


# --- schema numbers and migration --------------------------------------------------------


def write_year(data_dir: Path, year: int, documents: list[dict[str, Any]]) -> Path:
    """A year file written by hand, as an older or newer coach might have left it."""
    folder = data_dir / "journal"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{year}.json"
    table = {str(index): document for index, document in enumerate(documents, start=1)}
    path.write_bytes(orjson.dumps({"reflections": table}))
    return path


def old_document(**changes: Any) -> dict[str, Any]:
    """A reflection as written before schema numbers: no ``schema``, no ``meaning``/``notes``."""
    document = make("2026-02-03").to_dict()
    for name in ("schema", "meaning", "notes"):
        document.pop(name, None)
    return {**document, **changes}


def test_a_document_without_schema_is_migrated_on_open(data_dir: Path) -> None:
    document = old_document(narrative="from before schemas")
    path = write_year(data_dir, 2026, [document])
    with Journal(data_dir) as journal:
        on_disk = stored(path)[document["id"]]
        assert on_disk == {**document, "schema": 1}
        found = journal.get(document["id"])
        assert found is not None
        assert found.narrative == "from before schemas"
        assert (found.meaning, found.notes) == ("", "")


def test_an_unknown_field_survives_load_and_save_unchanged(data_dir: Path) -> None:
    unknown = {"mood_colour": {"hue": 210, "words": ["calm"]}, "later": [1, None, "x"]}
    document = {**old_document(), **unknown}
    path = write_year(data_dir, 2026, [document])
    with Journal(data_dir) as journal:
        assert stored(path)[document["id"]]["mood_colour"] == unknown["mood_colour"]
        found = journal.get(document["id"])
        assert found is not None
        journal.update(found.with_changes(notes="added later"))
        journal.add(make("2026-02-04"))
    with Journal(data_dir) as journal:
        again = stored(path)[document["id"]]
        assert {k: again[k] for k in unknown} == unknown
        assert again["notes"] == "added later"
        assert again["schema"] == 1
        found = journal.get(document["id"])
        assert found is not None
        assert dict(found.extra) == unknown


def test_a_newer_schema_raises_too_new_and_changes_no_file(data_dir: Path) -> None:
    too_new = write_year(data_dir, 2024, [{**old_document(date="2024-01-01"), "schema": 99}])
    unversioned = write_year(data_dir, 2026, [old_document()])
    before = {path: path.read_bytes() for path in (too_new, unversioned)}
    with pytest.raises(JournalTooNew, match="schema 99") as caught:
        Journal(data_dir)
    assert caught.value.path == too_new
    assert "upgrade" in str(caught.value)
    assert {path: path.read_bytes() for path in before} == before


def test_a_newer_schema_in_records_raises_too_new(data_dir: Path) -> None:
    data_dir.mkdir()
    records = data_dir / "records.json"
    records.write_bytes(orjson.dumps({"settings": {"1": {"schema": 7, "reminder": "18:00"}}}))
    before = records.read_bytes()
    with pytest.raises(JournalTooNew):
        Journal(data_dir)
    assert records.read_bytes() == before


# --- stale temporary files ---------------------------------------------------------------


def test_stale_temp_files_are_removed_at_open(data_dir: Path) -> None:
    with Journal(data_dir) as journal:
        journal.add(make())
    leftovers = [
        data_dir / "journal" / ".2026.json.0a1b2c3d4e5f.tmp",
        data_dir / ".records.json.ffeeddccbbaa.tmp",
        data_dir / ".draft.json.123456abcdef.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b'{"reflections": {"1": {"half": ')
    kept = [data_dir / ".keep", data_dir / "journal" / "notes.tmp"]
    for path in kept:
        path.write_bytes(b"not ours")
    with Journal(data_dir) as journal:
        assert journal.count() == 1
    assert not any(p.exists() for p in leftovers)
    assert all(p.read_bytes() == b"not ours" for p in kept)


# --- rolling backups ---------------------------------------------------------------------


class Clock:
    """A ``today`` the test moves on by hand."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def backups_of(data_dir: Path, stem: str) -> list[str]:
    folder = data_dir / "backups" / stem
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_backups_keep_one_good_version_per_day_changed_and_only_n(data_dir: Path) -> None:
    clock = Clock(dt.date(2026, 3, 1))
    added: list[str] = []
    before_day: dict[str, set[str]] = {}
    journal = Journal(data_dir, keep_days=3, today=clock)
    for day in range(1, 8):
        clock.day = dt.date(2026, 3, day)
        if day == 4:
            continue  # nothing changed that day: no backup for it
        before_day[clock.day.isoformat()] = set(added)
        for hour in (9, 17):
            reflection = make(f"2026-02-{day:02d}", hour)
            journal.add(reflection)
            added.append(reflection.id)
        journal.update_settings({"last": day})
    assert backups_of(data_dir, "2026") == ["2026-03-05.json", "2026-03-06.json", "2026-03-07.json"]
    for name in backups_of(data_dir, "2026"):
        raw = (data_dir / "backups" / "2026" / name).read_bytes()
        assert is_journal_file(raw)
        assert set(stored(data_dir / "backups" / "2026" / name)) == before_day[name[:10]]
    assert len(backups_of(data_dir, "records")) == 3
    newest = orjson.loads((data_dir / "backups" / "records" / "2026-03-07.json").read_bytes())
    assert next(iter(newest["settings"].values()))["last"] == 6
    assert journal.count() == 12


def test_the_first_write_of_a_file_has_nothing_to_back_up(data_dir: Path) -> None:
    with Journal(data_dir, today=Clock(dt.date(2026, 3, 1))) as journal:
        journal.add(make("2026-01-01"))
        assert backups_of(data_dir, "2026") == []
        journal.add(make("2026-01-02"))
        assert backups_of(data_dir, "2026") == ["2026-03-01.json"]


def test_a_backup_is_not_changed_by_later_writes(data_dir: Path) -> None:
    clock = Clock(dt.date(2026, 3, 1))
    with Journal(data_dir, today=clock) as journal:
        first = make("2026-01-01")
        journal.add(first)
        journal.add(make("2026-01-02"))
        backup = data_dir / "backups" / "2026" / "2026-03-01.json"
        kept = backup.read_bytes()
        for day in range(3, 9):
            journal.add(make(f"2026-01-{day:02d}"))
        journal.delete(first.id)
        assert backup.read_bytes() == kept
        assert list(stored(backup)) == [first.id]


def test_keep_days_zero_makes_no_backups(data_dir: Path) -> None:
    with Journal(data_dir, keep_days=0) as journal:
        for day in range(1, 4):
            journal.add(make(f"2026-01-0{day}"))
    assert not (data_dir / "backups" / "2026").exists()


def test_backups_are_named_by_the_day_of_the_change(data_dir: Path) -> None:
    with Journal(data_dir, today=Clock(dt.date(2030, 1, 2))) as journal:
        journal.add(make("2026-01-01"))
        journal.add(make("2026-01-02"))
    assert backups_of(data_dir, "2026") == ["2030-01-02.json"]


def test_a_journal_let_go_is_freed_at_once(data_dir: Path) -> None:
    """No reference cycle: the parsed files go with the journal, not at the next full GC."""
    with Journal(data_dir) as journal:
        journal.add(make("2025-01-01", narrative="kept"))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        journal = Journal(data_dir)
        journal.count()
        list(journal.search("kept"))
        list(journal.iter_newest_first())
        journal.add(make("2026-01-01"))
        gone = weakref.ref(journal)
        del journal
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()


def test_warm_up_changes_nothing_a_search_finds(data_dir: Path) -> None:
    with Journal(data_dir) as journal:
        for day, words in (("2024-03-01", "Supervision helped"), ("2026-11-20", "a quiet day")):
            journal.add(make(day, narrative=words))
        journal.add(make("2025-06-02", notes="SUPERVISION cancelled"))
    with Journal(data_dir) as cold:
        before = [r.id for r in cold.search("supervision")]
    with Journal(data_dir) as warmed:
        warmed.warm_up()
        after = [r.id for r in warmed.search("supervision")]
        assert [r.id for r in warmed.search("")] == [r.id for r in warmed.iter_newest_first()]
    assert before == after
    assert len(after) == 2


def test_a_read_never_waits_behind_a_writer_blocked_on_another_process(data_dir: Path) -> None:
    import threading

    from filelock import FileLock

    with Journal(data_dir) as journal:
        first = make(narrative="already there")
        journal.add(first)
        other_process = FileLock(str(data_dir / "journal.lock"))
        other_process.acquire()
        try:
            writer = threading.Thread(target=journal.add, args=(make("2026-11-27"),))
            writer.start()
            writer.join(0.2)
            assert writer.is_alive()  # the writer is waiting for the file lock...
            assert journal.latest() == first  # ...and a read answers all the same
            assert writer.is_alive()
        finally:
            other_process.release()
        writer.join(10)
        assert journal.count() == 2
