"""The journal's promises under stress, on real files and real processes: a kill at any moment
tears nothing and loses nothing acknowledged; two processes at once lose nothing; a damaged file
is reported, named with its newest good backup, and never written to."""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import orjson
import pytest

from coach.journal import Journal, JournalCorrupt
from coach.journal.files import stale_temps
from coach.model import Reflection, new_id
from tests.helpers.run import as_text, run_coach

HELPERS = Path(__file__).parent / "helpers"
WRITER = HELPERS / "journal_writer.py"
sys.path.insert(0, str(HELPERS))
from journal_writer import narrative_for  # noqa: E402

pytestmark = pytest.mark.slow

KILL_TRIALS = 60
TRIALS_PER_JOURNAL = 6
BIG_NARRATIVE = 100_000  # characters: makes each write long enough to be hit by a kill


def coach_command(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m coach --data-dir DATA_DIR ...`` and capture what it says."""
    done = run_coach("--data-dir", str(data_dir), *arguments, env_data=data_dir / "unused")
    return as_text(done)


def start_writer(data_dir: Path, *arguments: str) -> subprocess.Popen[bytes]:
    """Start the writer child and wait until its journal is open."""
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    if first != b"ready\n":
        child.kill()
        _, err = child.communicate()
        pytest.fail(f"writer did not start: {first!r} {err.decode(errors='replace')}")
    return child


def acknowledged(output: bytes) -> list[str]:
    """The ids a writer printed in whole lines, each printed only after its save returned."""
    lines = output.split(b"\n")[:-1]  # the last piece has no newline: it may be cut short
    return [line.decode() for line in lines if line and line != b"ready"]


# --- a kill at a random moment -----------------------------------------------------------


def test_a_kill_at_any_moment_leaves_a_sound_journal_with_every_acknowledged_save(
    tmp_path: Path,
) -> None:
    rng = random.Random(20261126)
    saved: dict[Path, list[str]] = {}
    interrupted_writes = 0
    for trial in range(KILL_TRIALS):
        data_dir = tmp_path / f"journal-{trial // TRIALS_PER_JOURNAL}"
        child = start_writer(data_dir, "--size", str(BIG_NARRATIVE), "--tag", f"t{trial}")
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err.decode(errors="replace")
        saved.setdefault(data_dir, []).extend(acknowledged(out))

        # A temp file left behind means the kill landed inside a file write.
        if stale_temps(data_dir) or stale_temps(data_dir / "journal"):
            interrupted_writes += 1

        doctor = coach_command(data_dir, "doctor")
        assert doctor.returncode == 0, f"trial {trial}: {doctor.stdout}{doctor.stderr}"
        assert "journal OK" in doctor.stdout

        with Journal(data_dir) as journal:
            found = {r.id: r for r in journal.iter_newest_first()}
            assert journal.count() == len(found)
        missing = [rid for rid in saved[data_dir] if rid not in found]
        assert missing == [], f"trial {trial}: acknowledged saves lost"
        for rid in saved[data_dir]:
            assert found[rid].narrative == narrative_for(rid, BIG_NARRATIVE), rid
        assert not stale_temps(data_dir / "journal"), "open should tidy stale temp files"

    total = sum(len(ids) for ids in saved.values())
    print(f"{KILL_TRIALS} kills, {interrupted_writes} inside a write, {total} saves acknowledged")
    assert total > KILL_TRIALS  # the children did save
    assert interrupted_writes > 0, "no kill landed inside a write: the test proved little"


# --- two processes at once ---------------------------------------------------------------


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared"
    # A short pause after each save gives the other writer a chance at the lock, so their saves
    # interleave (without it, one tends to hold the lock until it is done).
    pause = ("--pause", "0.003")
    children = [
        start_writer(data_dir, "--count", "200", "--size", "300", "--tag", tag, "--wait", *pause)
        for tag in ("a", "b")
    ]
    for child in children:  # both are open: start them together
        assert child.stdin is not None
        child.stdin.write(b"go\n")
        child.stdin.flush()
    reported: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode(errors="replace")
        assert err == b""
        ids = acknowledged(out)
        assert len(ids) == 200
        reported += ids
    with Journal(data_dir) as journal:
        found = {r.id: r for r in journal.iter_newest_first()}
        assert journal.count() == 400
    assert set(found) == set(reported)
    assert all(found[rid].narrative == narrative_for(rid, 300) for rid in reported)
    turns = 0
    for path in (data_dir / "journal").glob("*.json"):
        documents = orjson.loads(path.read_bytes())["reflections"]
        assert len({d["id"] for d in documents.values()}) == len(documents)  # none twice
        writers = [documents[key]["id"][0] for key in sorted(documents, key=int)]
        turns += sum(1 for one, other in pairwise(writers) if one != other)
    assert turns >= 4, "the two writers never took turns: they did not really run at once"


# --- damaged files -----------------------------------------------------------------------


def make(day: str, **parts: object) -> Reflection:
    date = dt.date.fromisoformat(day)
    created = dt.datetime.combine(date, dt.time(18, 0), dt.UTC)
    return Reflection(id=new_id(), date=date, created=created, **parts)  # type: ignore[arg-type]


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def build_with_backups(data_dir: Path) -> tuple[Path, Path]:
    """A journal changed on two days, so its 2026 file has two good backups.

    Returns the 2026 file and its newest backup.
    """
    clock = Clock(dt.date(2026, 3, 1))
    with Journal(data_dir, today=clock) as journal:
        journal.add(make("2025-12-31"))
        journal.add(make("2026-02-01"))
        journal.add(make("2026-02-02"))  # backup 2026-03-01: the file holding 02-01
        clock.day = dt.date(2026, 3, 2)
        journal.add(make("2026-02-03"))  # backup 2026-03-02: the file holding 02-01, 02-02
    newest = data_dir / "backups" / "2026" / "2026-03-02.json"
    assert newest.is_file()
    return data_dir / "journal" / "2026.json", newest


def valid_document() -> dict[str, object]:
    return {"schema": 1, **make("2026-05-05").to_dict()}


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda _good: b"\x00\xff\xfe\x89PNG garbage \x1b[31m",
    "truncated": lambda good: good[: len(good) // 2],
    "truncated by one byte": lambda good: good[:-1],
    "empty": lambda _good: b"",
    "only whitespace": lambda _good: b" \n\t",
    "a list": lambda _good: b"[]",
    "null": lambda _good: b"null",
    "a table that is a list": lambda _good: b'{"reflections": []}',
    "an entry that is text": lambda _good: b'{"reflections": {"1": "a reflection"}}',
    "a non-numeric document id": lambda _good: b'{"reflections": {"one": {}}}',
    "an entry the model rejects": lambda _good: orjson.dumps(
        {"reflections": {"1": {**valid_document(), "strain": 42}}}
    ),
    "an unversioned entry the model rejects": lambda _good: orjson.dumps(
        {"reflections": {"1": {**make("2026-05-05").to_dict(), "kind": "diary"}}}
    ),
}


MODEL_DAMAGE = {"an entry the model rejects", "an unversioned entry the model rejects"}


def folder_state(data_dir: Path) -> dict[str, bytes]:
    """Every file under the data folder but the lock and the index (a cache), by relative path."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name not in ("journal.lock", "index.json")
    }


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_year_file_stops_the_open_and_is_not_changed(tmp_path: Path, damage: str) -> None:
    data_dir = tmp_path / "data"
    year_file, newest_backup = build_with_backups(data_dir)
    year_file.write_bytes(DAMAGE[damage](year_file.read_bytes()))
    before = folder_state(data_dir)
    with pytest.raises(JournalCorrupt) as caught, Journal(data_dir) as journal:
        list(journal.iter_newest_first())
    error = caught.value
    assert error.path == year_file
    assert error.backup == newest_backup
    message = str(error)
    assert str(year_file) in message
    assert str(newest_backup) in message
    assert "\n" not in message
    assert folder_state(data_dir) == before


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_file_damaged_while_open_is_reported_on_read_and_never_written(
    tmp_path: Path, damage: str
) -> None:
    data_dir = tmp_path / "data"
    year_file, newest_backup = build_with_backups(data_dir)
    with Journal(data_dir) as journal:
        earlier = journal.on_date(dt.date(2025, 12, 31))
        year_file.write_bytes(DAMAGE[damage](year_file.read_bytes()))
        damaged = year_file.read_bytes()
        with pytest.raises(JournalCorrupt) as caught:
            list(journal.iter_newest_first())
        assert caught.value.path == year_file
        assert caught.value.backup == newest_backup
        with pytest.raises(JournalCorrupt):
            list(journal.search(""))
        if damage not in MODEL_DAMAGE:
            with pytest.raises(JournalCorrupt):
                list(journal.search("anything"))
            with pytest.raises(JournalCorrupt):
                journal.count()
        # A file readers call damaged is never written, whatever the change: not even when
        # it parses and only one entry is one the model rejects (strain 99, say).
        with pytest.raises(JournalCorrupt) as refused:
            journal.add(make("2026-06-01"))
        assert refused.value.path == year_file
        assert refused.value.backup == newest_backup
        assert year_file.read_bytes() == damaged
        assert journal.on_date(dt.date(2025, 12, 31)) == earlier


def test_the_newest_good_backup_is_named_when_a_newer_one_is_damaged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    year_file, newest_backup = build_with_backups(data_dir)
    newest_backup.unlink()  # a hard link: replace it with a damaged copy, not edit it
    newest_backup.write_bytes(b'{"reflections": {"1": ')
    year_file.write_bytes(b"")
    with pytest.raises(JournalCorrupt) as caught:
        Journal(data_dir)
    assert caught.value.backup == newest_backup.with_name("2026-03-01.json")


def test_a_backup_that_parses_but_holds_a_bad_entry_is_not_named(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    year_file, newest_backup = build_with_backups(data_dir)
    newest_backup.unlink()
    bad_entry = {"reflections": {"1": {"schema": 1, "id": "x", "date": "not a date"}}}
    newest_backup.write_bytes(orjson.dumps(bad_entry))
    year_file.write_bytes(b"")
    with pytest.raises(JournalCorrupt) as caught:
        Journal(data_dir)
    # The same backup coach doctor would restore: one whose every entry reads.
    assert caught.value.backup == newest_backup.with_name("2026-03-01.json")


def test_without_a_good_backup_the_error_says_so(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Journal(data_dir) as journal:
        journal.add(make("2026-02-01"))
    year_file = data_dir / "journal" / "2026.json"
    year_file.write_bytes(b"{")
    with pytest.raises(JournalCorrupt) as caught:
        Journal(data_dir)
    assert caught.value.backup is None
    assert "no good backup" in str(caught.value)
    assert year_file.read_bytes() == b"{"


def test_damaged_records_stop_the_open(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Journal(data_dir) as journal:
        journal.update_settings({"reminder": "18:00"})
    records = data_dir / "records.json"
    records.write_bytes(b'{"settings": {"1": {"reminder": "18:')
    with pytest.raises(JournalCorrupt) as caught:
        Journal(data_dir)
    assert caught.value.path == records
    assert records.read_bytes() == b'{"settings": {"1": {"reminder": "18:'


def test_a_damaged_draft_is_reported_and_not_overwritten(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Journal(data_dir) as journal:
        journal.save_draft({"step": "values"})
        draft = data_dir / "draft.json"
        draft.write_bytes(b"\x00")
        with pytest.raises(JournalCorrupt) as caught:
            journal.load_draft()
        assert caught.value.path == draft
        with pytest.raises(JournalCorrupt):
            journal.save_draft({"step": "coping"})
        with pytest.raises(JournalCorrupt):
            journal.discard_draft()
        assert draft.read_bytes() == b"\x00"


def test_the_command_line_reports_damage_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    year_file, newest_backup = build_with_backups(data_dir)
    year_file.write_bytes(b"not json at all")
    before = folder_state(data_dir)
    doctor = coach_command(data_dir, "doctor")
    assert doctor.returncode != 0
    assert str(year_file) in doctor.stdout + doctor.stderr
    assert str(newest_backup) in doctor.stdout + doctor.stderr
    for arguments in (["export", "--format", "json"], ["stats"]):
        result = coach_command(data_dir, *arguments)
        assert result.returncode != 0, arguments
        assert result.stderr.count("\n") == 1, result.stderr
        assert str(year_file) in result.stderr
        assert "Traceback" not in result.stderr
    assert folder_state(data_dir) == before
