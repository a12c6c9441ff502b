"""Issue 8's acceptance: 200 SIGKILLs landing inside moves and imports leave no reflection
twice in any reader's view or in the export, lose nothing acknowledged, and the export always
imports (adding nothing to the journal it came from).

A child (``helpers/mover.py``) moves reflections between year files and imports batches that
move more, each change touching two or three files; the parent kills it at a random moment.
After each kill the journal is read by a reader opened before the kill (as a running app would
be: it must read a cut-off change through its plan), by doctor, and by a fresh open (which
finishes the change), then exported and imported back.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.cli import main
from coach.exports import read_export
from coach.journal import Journal
from coach.journal.doctor import check
from coach.journal.files import stale_temps

HELPERS = Path(__file__).parent / "helpers"
sys.path.insert(0, str(HELPERS))
from mover import COUNT, seed_journal, version_of  # noqa: E402

pytestmark = pytest.mark.slow

KILLS = 200
KILLS_PER_JOURNAL = 10
SIZE = 20_000  # characters a narrative: each change writes a few hundred KB


def acknowledged(output: bytes) -> dict[str, int]:
    """The newest version the child said it had written, by id (whole lines only)."""
    newest: dict[str, int] = {}
    for line in output.split(b"\n")[:-1]:
        if line and line != b"ready":
            rid, version = line.decode().split()
            newest[rid] = max(newest.get(rid, 0), int(version))
    return newest


def whole_view(journal: Journal) -> dict[str, int]:
    """What one reader sees: each id's version; fails on an id seen twice or a wrong count."""
    found = [(r.id, version_of(r)) for r in journal.iter_newest_first()]
    ids = [rid for rid, _version in found]
    assert len(ids) == len(set(ids)), "a reflection seen twice"
    assert journal.count() == len(ids)
    return dict(found)


def export_and_reimport(data_dir: Path, tmp_path: Path, trial: int) -> dict[str, int]:
    """``coach export`` of the journal: read back whole, imported into a fresh folder, and
    imported into the journal itself, which must add and change nothing."""
    export = tmp_path / f"export-{trial}.json"
    assert main(["--data-dir", str(data_dir), "export", "-o", str(export)]) == 0
    exported = read_export(export.read_bytes())  # refuses an id twice
    fresh = tmp_path / f"fresh-{trial}"
    assert main(["--data-dir", str(fresh), "import", str(export)]) == 0
    with Journal(data_dir) as journal:
        report = journal.import_reflections(exported)
    assert (report.added, report.updated) == (0, 0)
    export.unlink()
    return {r.id: version_of(r) for r in exported}


def test_kills_inside_moves_and_imports_never_leave_a_reflection_twice(tmp_path: Path) -> None:
    rng = random.Random(20261130)
    newest_acknowledged: dict[Path, dict[str, int]] = {}
    readers: dict[Path, Journal] = {}
    cut_after_commit = cut_while_staging = 0
    for trial in range(KILLS):
        data_dir = tmp_path / f"journal-{trial // KILLS_PER_JOURNAL}"
        if data_dir not in readers:
            seed_journal(data_dir, SIZE)
            readers[data_dir] = Journal(data_dir)  # open through every kill, like the app
            newest_acknowledged[data_dir] = {}
        child = subprocess.Popen(
            [sys.executable, str(HELPERS / "mover.py"), str(data_dir), "--size", str(SIZE),
             "--seed", str(trial)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err.decode(errors="replace")
        acked = newest_acknowledged[data_dir]
        for rid, version in acknowledged(out).items():
            acked[rid] = max(acked.get(rid, 0), version)

        if (data_dir / "pending.json").exists():
            cut_after_commit += 1
        elif stale_temps(data_dir / "journal"):
            cut_while_staging += 1

        views = [whole_view(readers[data_dir])]  # reads a cut-off change through its plan
        checkup = check(data_dir)  # so does doctor, and it calls nothing serious
        assert checkup.sound, [p.explanation for p in checkup.problems]
        assert checkup.reflections == COUNT
        with Journal(data_dir) as reopened:  # finishes the change, or drops what was staged
            views.append(whole_view(reopened))
        assert not (data_dir / "pending.json").exists()
        assert stale_temps(data_dir / "journal") == []
        views.append(export_and_reimport(data_dir, tmp_path, trial))
        for view in views:
            assert len(view) == COUNT, f"trial {trial}: a reflection missing"
            lost = {rid: v for rid, v in acked.items() if view[rid] < v}
            assert lost == {}, f"trial {trial}: acknowledged versions lost"
        assert views[0] == views[1] == views[2], f"trial {trial}: readers disagree"

    for reader in readers.values():
        reader.close()
    print(
        f"{KILLS} kills: {cut_after_commit} after a commit, before its renames; "
        f"{cut_while_staging} while new versions were being staged"
    )
    assert cut_after_commit > 0, "no kill landed between a commit and its renames"
    assert cut_while_staging > 0, "no kill landed while a change was being staged"
