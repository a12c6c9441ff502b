"""``coach passphrase`` and ``coach recovery-key`` as a script runs them (answers on stdin),
and every other command on an encrypted journal asking the same way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import orjson
import pytest

from coach.journal import Journal, is_encrypted
from coach.model import Reflection, new_id
from tests.helpers.run import as_text, run_coach

PASSPHRASE = "kettle on at half past five"
NEW = "a brand new passphrase"
MARKER = "CLI-MARKER-40c2"


def coach(data_dir: Path, *argv: str, answers: tuple[str, ...] = ()) -> tuple[int, str, str]:
    """Run ``coach ARGV --data-dir DIR`` with one line of stdin per answer."""
    stdin = "".join(f"{line}\n" for line in answers).encode()
    done = as_text(run_coach(*argv, "--data-dir", str(data_dir), env_data=data_dir, stdin=stdin))
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.save(
            Reflection(
                id=new_id(),
                date=dt.date(2026, 11, 26),
                created=dt.datetime(2026, 11, 26, 17, tzinfo=dt.UTC),
                narrative=f"{MARKER} a hard day",
            )
        )
    return folder


def recovery_key_in(out: str) -> str:
    found = re.search(r"([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})", out)
    assert found is not None, out
    return found.group(1)


def test_set_then_every_command_asks_and_the_recovery_key_works(data_dir: Path) -> None:
    code, out, err = coach(
        data_dir, "passphrase", "set", "--passphrase-stdin", answers=(PASSPHRASE, PASSPHRASE)
    )
    assert (code, err) == (0, "")
    assert "shown this once" in out
    recovery = recovery_key_in(out)
    assert is_encrypted(data_dir)
    assert not any(MARKER.encode() in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())

    code, out, err = coach(data_dir, "export", "--passphrase-stdin", answers=(PASSPHRASE,))
    assert code == 0
    assert MARKER in orjson.loads(out)["reflections"][0]["narrative"]
    code, out, _ = coach(data_dir, "stats", "--json", "--passphrase-stdin", answers=(recovery,))
    assert code == 0
    assert orjson.loads(out)["reflections"] == 1
    code, out, _ = coach(data_dir, "doctor", "--passphrase-stdin", answers=(PASSPHRASE,))
    assert code == 0
    assert "journal OK: 1 reflection" in out


def test_a_wrong_passphrase_or_none_is_one_clear_line(data_dir: Path) -> None:
    coach(data_dir, "passphrase", "set", "--passphrase-stdin", answers=(PASSPHRASE, PASSPHRASE))
    code, out, err = coach(data_dir, "stats", "--passphrase-stdin", answers=("not it at all",))
    assert (code, out) == (1, "")
    assert err == "coach: that passphrase does not open this journal\n"
    code, _, err = coach(data_dir, "stats")  # stdin is not a terminal, and no flag
    assert code == 1
    assert "no terminal to ask for its passphrase on" in err
    assert "--passphrase-stdin" in err
    assert "Traceback" not in err


def test_set_asks_twice_and_refuses_a_weak_one_with_nothing_written(data_dir: Path) -> None:
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    code, _, err = coach(data_dir, "passphrase", "set", "--passphrase-stdin", answers=("short",))
    assert code == 1
    assert "at least 10 characters" in err
    code, _, err = coach(
        data_dir, "passphrase", "set", "--passphrase-stdin", answers=(PASSPHRASE, "different one")
    )
    assert code == 1
    assert "were not the same; nothing was changed" in err
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_change_remove_and_a_new_recovery_key(data_dir: Path) -> None:
    _, out, _ = coach(
        data_dir, "passphrase", "set", "--passphrase-stdin", answers=(PASSPHRASE, PASSPHRASE)
    )
    first_recovery = recovery_key_in(out)
    code, out, err = coach(
        data_dir, "passphrase", "change", "--passphrase-stdin", answers=(PASSPHRASE, NEW, NEW)
    )
    assert (code, err) == (0, "")
    assert "recovery key still works" in out
    code, _, _ = coach(data_dir, "stats", "--passphrase-stdin", answers=(PASSPHRASE,))
    assert code == 1
    code, out, _ = coach(data_dir, "recovery-key", "new", "--passphrase-stdin", answers=(NEW,))
    assert code == 0
    assert recovery_key_in(out) != first_recovery
    code, _, err = coach(data_dir, "stats", "--passphrase-stdin", answers=(first_recovery,))
    assert code == 1
    code, out, err = coach(data_dir, "passphrase", "remove", "--passphrase-stdin", answers=(NEW,))
    assert (code, err) == (0, "")
    assert not is_encrypted(data_dir)
    code, out, _ = coach(data_dir, "stats", "--json")
    assert code == 0
    assert orjson.loads(out)["reflections"] == 1


def test_import_into_an_encrypted_journal_keeps_it_encrypted(
    data_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    coach(data_dir, "export", "-o", str(export))
    fresh = tmp_path / "fresh"
    coach(fresh, "passphrase", "set", "--passphrase-stdin", answers=(PASSPHRASE, PASSPHRASE))
    code, out, _ = coach(fresh, "import", str(export), "--passphrase-stdin", answers=(PASSPHRASE,))
    assert code == 0
    assert out.startswith("reflections: added 1")
    assert not any(MARKER.encode() in p.read_bytes() for p in fresh.rglob("*") if p.is_file())
