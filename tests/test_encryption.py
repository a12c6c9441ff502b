"""Encryption at rest on real files: every file the journal keeps is sealed (backups, drafts,
temporary files and copies set aside included), a passphrase or the recovery key opens it,
changing the passphrase rewrites no entry, and every failure is clear and writes nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from coach.journal import (
    Journal,
    JournalCorrupt,
    JournalError,
    JournalLocked,
    WrongPassphrase,
    is_encrypted,
    unlock,
)
from coach.journal import encryption as encryption_module
from coach.journal.doctor import check
from coach.journal.encryption import (
    change_passphrase,
    decrypt,
    encrypt,
    kept_files,
    new_recovery,
)
from coach.journal.errors import EncryptionChanged, KeyFileProblem
from coach.journal.names import Layout
from coach.journal.passphrases import PassphraseRefused, passphrase_problem
from coach.journal.repair import repair
from coach.journal.sealing import (
    MAGIC,
    SealBroken,
    Sealed,
    Sealing,
    is_sealed,
    new_master_key,
)
from coach.model import Reflection, new_id

PASSPHRASE = "kettle on at half past five"
MARKER = "MARKER-7f3a-private-words"
UTC = dt.UTC


def make(day: str, words: str = MARKER) -> Reflection:
    date = dt.date.fromisoformat(day)
    return Reflection(
        id=new_id(),
        date=date,
        created=dt.datetime.combine(date, dt.time(17), UTC),
        narrative=f"{words} about {day}",
        strain=6,
    )


def every_file(folder: Path) -> dict[Path, bytes]:
    """Every regular file under ``folder`` and its bytes."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def holding(folder: Path, text: str) -> list[Path]:
    """The files under ``folder`` whose bytes hold ``text``."""
    return [p for p, raw in every_file(folder).items() if text.encode() in raw]


def read_everything(data_dir: Path, sealing: Sealing) -> None:
    """Open the journal and read every reflection and the draft."""
    with Journal(data_dir, sealing=sealing) as journal:
        list(journal.iter_newest_first())
        journal.load_draft()


class Clock:
    """Today, moved on by the test (each day a file changes gets a backup)."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.date(2026, 11, 2))


@pytest.fixture
def journal_with_backups(tmp_path: Path, clock: Clock) -> Path:
    """A plain journal of two years, written over three days (so it has backups), with a
    draft and a copy doctor set aside beside a year file."""
    data_dir = tmp_path / "data"
    for day in (2, 3, 4):
        clock.day = dt.date(2026, 11, day)
        with Journal(data_dir, today=clock) as journal:
            journal.save(make(f"2026-11-0{day}"))
            journal.save(make(f"2025-06-0{day}"))
            journal.update_settings({"core_values": [f"{MARKER} value"]})
    with Journal(data_dir, today=clock) as journal:
        journal.save_draft({"narrative": f"{MARKER} in the draft"})
    aside = data_dir / "journal" / "2025.json.damaged-20261101T090000"
    aside.write_bytes((data_dir / "journal" / "2025.json").read_bytes())
    aside.chmod(0o600)
    assert list((data_dir / "backups").rglob("*.json"))  # the fixture made backups
    return data_dir


def contents(data_dir: Path, sealing: Any = None) -> tuple[list[dict[str, Any]], Any, Any]:
    """What the journal holds: its reflections, draft and settings."""
    kwargs = {} if sealing is None else {"sealing": sealing}
    with Journal(data_dir, **kwargs) as journal:
        draft = journal.load_draft()
        return (
            [r.to_dict() for r in journal.iter_newest_first()],
            draft.state if draft else None,
            journal.settings(),
        )


def test_encrypting_seals_every_file_and_the_journal_reads_the_same(
    journal_with_backups: Path,
) -> None:
    data_dir = journal_with_backups
    before = contents(data_dir)
    recovery = encrypt(data_dir, PASSPHRASE)
    assert is_encrypted(data_dir)
    assert holding(data_dir, MARKER) == []
    sealed = kept_files(Layout(data_dir))
    assert len(sealed) >= 8  # years, records, draft, index, the aside copy, the backups
    assert all(path.read_bytes().startswith(MAGIC) for path in sealed)
    assert not list(data_dir.rglob("*.tmp"))
    assert not (data_dir / "pending.json").exists()
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in every_file(data_dir))
    assert contents(data_dir, unlock(data_dir, PASSPHRASE)) == before
    assert contents(data_dir, unlock(data_dir, recovery.lower().replace("-", " "))) == before


def test_a_backup_once_a_link_to_the_plain_file_is_sealed_too(
    journal_with_backups: Path,
) -> None:
    """A backup is a hard link to the file it kept: encrypting must not leave the old inode's
    plaintext reachable through it."""
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    for backup in (data_dir / "backups").rglob("*.json"):
        assert is_sealed(backup.read_bytes()), backup


def test_saving_with_encryption_on_writes_no_plaintext_anywhere_not_even_in_temp_files(
    journal_with_backups: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    sealing = unlock(data_dir, PASSPHRASE)
    written: list[bytes] = []
    real_replace = os.replace

    def watching(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        written.append(Path(source).read_bytes())  # the temp file, as it is renamed in
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", watching)
    later = "LATER-d41c-more-private-words"
    for day in (5, 6):
        clock.day = dt.date(2026, 11, day)
        with Journal(data_dir, sealing=sealing, today=clock) as journal:
            moved = make(f"2026-11-0{day}", later)
            journal.save(moved)
            journal.save(Reflection.from_dict({**moved.to_dict(), "date": "2024-01-01"}))
            journal.save_draft({"narrative": f"{later} draft"})
            journal.update_settings({"core_values": [later]})
    assert written  # the saves went through temp files, one change across two years too
    assert not any(later.encode() in raw for raw in written)
    assert holding(data_dir, later) == []
    assert holding(data_dir, MARKER) == []
    with Journal(data_dir, sealing=sealing) as journal:
        assert [r.narrative for r in journal.search("LATER-d41c")] == [
            f"{later} about 2026-11-06",
            f"{later} about 2026-11-05",
        ]


def test_an_encrypted_journal_will_not_open_without_its_key(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    before = every_file(data_dir)
    with pytest.raises(JournalLocked, match="encrypted; it opens with its passphrase"):
        Journal(data_dir)
    with pytest.raises(WrongPassphrase, match="that passphrase does not open this journal"):
        unlock(data_dir, "not the passphrase at all")
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")  # shaped like a recovery key
    stranger = Sealed(new_master_key(), "someone-else")
    with pytest.raises(JournalLocked):
        Journal(data_dir, sealing=stranger)
    assert every_file(data_dir) == before


@pytest.mark.parametrize(
    "name",
    ["journal/2026.json", "records.json", "draft.json", "backups/2026/2026-11-03.json"],
)
def test_a_flipped_byte_in_a_sealed_file_is_refused_and_the_file_untouched(
    journal_with_backups: Path, name: str
) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    sealing = unlock(data_dir, PASSPHRASE)
    target = data_dir / name
    raw = bytearray(target.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    target.write_bytes(bytes(raw))
    before = every_file(data_dir)
    if name.startswith("backups"):
        with pytest.raises(SealBroken, match="changed or damaged"):
            sealing.unseal(target.read_bytes())
        return
    with pytest.raises(JournalCorrupt, match="changed or damaged since the coach saved it"):
        read_everything(data_dir, sealing)
    after = every_file(data_dir)
    index = data_dir / "index.json"  # a cache, made again for the year files it can read
    assert {p: b for p, b in after.items() if p != index} == {
        p: b for p, b in before.items() if p != index
    }


def test_a_flipped_byte_in_the_header_fails_the_tag_too(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    sealing = unlock(data_dir, PASSPHRASE)
    target = data_dir / "journal" / "2026.json"
    raw = bytearray(target.read_bytes())
    raw[len(MAGIC) + 3] ^= 0x80  # in the nonce, bound as associated data
    with pytest.raises(SealBroken, match="changed or damaged"):
        sealing.unseal(bytes(raw))


def test_a_damaged_index_is_only_a_cache_and_a_damaged_key_file_says_so(
    journal_with_backups: Path,
) -> None:
    data_dir = journal_with_backups
    before = contents(data_dir)
    encrypt(data_dir, PASSPHRASE)
    index = data_dir / "index.json"
    index.write_bytes(index.read_bytes()[:-3] + b"xyz")
    assert contents(data_dir, unlock(data_dir, PASSPHRASE)) == before
    keys = data_dir / "keys.json"
    keys.write_bytes(keys.read_bytes().replace(b'"key_id"', b'"kye_id"'))
    with pytest.raises(KeyFileProblem, match=r"key file .* is damaged"):
        unlock(data_dir, PASSPHRASE)


def test_a_plain_file_dropped_into_an_encrypted_journal_is_refused(
    journal_with_backups: Path, tmp_path: Path
) -> None:
    data_dir = journal_with_backups
    plain_copy = (data_dir / "journal" / "2025.json").read_bytes()
    encrypt(data_dir, PASSPHRASE)
    (data_dir / "journal" / "2025.json").write_bytes(plain_copy)
    sealing = unlock(data_dir, PASSPHRASE)
    with pytest.raises(JournalCorrupt, match="it is plain, though the journal is encrypted"):
        read_everything(data_dir, sealing)


def test_changing_the_passphrase_rewrites_no_entry(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    recovery = encrypt(data_dir, PASSPHRASE)
    files = {p: raw for p, raw in every_file(data_dir).items() if p.name != "keys.json"}
    change_passphrase(data_dir, PASSPHRASE, "a brand new passphrase")
    assert {p: raw for p, raw in every_file(data_dir).items() if p.name != "keys.json"} == files
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, PASSPHRASE)
    unlock(data_dir, "a brand new passphrase")
    unlock(data_dir, recovery)  # still works
    change_passphrase(data_dir, recovery, "forgotten then replaced")  # the way back in
    unlock(data_dir, "forgotten then replaced")


def test_a_new_recovery_key_replaces_the_old_one(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    old = encrypt(data_dir, PASSPHRASE)
    new = new_recovery(data_dir, PASSPHRASE)
    assert new != old
    unlock(data_dir, new)
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, old)


def test_removing_encryption_stores_everything_plain_again(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    before = contents(data_dir)
    encrypt(data_dir, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        decrypt(data_dir, "not the passphrase at all")
    assert is_encrypted(data_dir)
    decrypt(data_dir, PASSPHRASE)
    assert not is_encrypted(data_dir)
    assert not any(is_sealed(raw) for raw in every_file(data_dir).values())
    assert contents(data_dir) == before


@pytest.mark.parametrize(
    ("passphrase", "why"),
    [
        ("short one", "at least 10 characters"),
        ("Password123", "commonest passwords"),
        ("qwerty uiop", "commonest passwords"),
        ("zzzzzzzzzzzz", "one character repeated"),
    ],
)
def test_a_weak_passphrase_is_refused_with_a_reason_and_nothing_written(
    journal_with_backups: Path, passphrase: str, why: str
) -> None:
    data_dir = journal_with_backups
    before = every_file(data_dir)
    with pytest.raises(PassphraseRefused, match=why):
        encrypt(data_dir, passphrase)
    assert every_file(data_dir) == before
    assert passphrase_problem(PASSPHRASE) is None


def test_encrypting_cut_off_before_its_commit_leaves_the_journal_plain(
    journal_with_backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = journal_with_backups
    before = every_file(data_dir)
    real = encryption_module.write_atomic

    def failing(path: Path, payload: bytes, **kwargs: Any) -> None:
        if path.name == "pending.json":
            raise OSError(28, "No space left on device")
        real(path, payload, **kwargs)

    monkeypatch.setattr(encryption_module, "write_atomic", failing)
    with pytest.raises(OSError, match="No space left"):
        encrypt(data_dir, PASSPHRASE)
    assert every_file(data_dir) == before  # no temp file, no key file, nothing sealed


def test_encrypting_cut_off_after_its_commit_is_finished_by_the_next_open(
    journal_with_backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = journal_with_backups
    before = contents(data_dir)
    monkeypatch.setattr(encryption_module, "finish_plan", lambda layout, plan: None)  # killed
    encrypt(data_dir, PASSPHRASE)
    monkeypatch.undo()
    assert (data_dir / "pending.json").exists()
    assert not (data_dir / "keys.json").exists()
    with pytest.raises(JournalLocked):  # opening finishes it: the journal is now encrypted
        Journal(data_dir)
    assert contents(data_dir, unlock(data_dir, PASSPHRASE)) == before
    assert holding(data_dir, MARKER) == []


def test_a_journal_open_when_encryption_changes_elsewhere_saves_nothing(
    journal_with_backups: Path,
) -> None:
    data_dir = journal_with_backups
    with Journal(data_dir) as journal:
        list(journal.iter_newest_first())
        encrypt(data_dir, PASSPHRASE)  # another process, say
        with pytest.raises(EncryptionChanged, match="nothing was saved"):
            journal.save(make("2026-11-20", "PLAIN-LEAK"))
        with pytest.raises(EncryptionChanged):
            journal.save_draft({"narrative": "PLAIN-LEAK"})
    assert holding(data_dir, "PLAIN-LEAK") == []
    sealing = unlock(data_dir, PASSPHRASE)
    with Journal(data_dir, sealing=sealing) as journal:
        change_passphrase(data_dir, PASSPHRASE, "a brand new passphrase")
        journal.save(make("2026-11-21", "STILL-FINE"))  # a new passphrase, the same key
        decrypt(data_dir, "a brand new passphrase")
        with pytest.raises(EncryptionChanged):
            journal.save(make("2026-11-22", "NOT-SEALED"))


def test_the_key_file_holds_wrapped_keys_only(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    keys = orjson.loads((data_dir / "keys.json").read_bytes())
    assert keys["cipher"] == "AES-256-GCM"
    assert keys["kdf"] == "Argon2id"
    wrap = keys["wraps"]["passphrase"]
    assert (wrap["memory_kib"], wrap["iterations"], wrap["lanes"]) == (65536, 3, 4)
    assert set(keys["wraps"]) == {"passphrase", "recovery"}
    assert PASSPHRASE.encode() not in (data_dir / "keys.json").read_bytes()


def test_each_write_has_a_fresh_nonce() -> None:
    sealing = Sealed(new_master_key(), "k")
    first, second = sealing.seal(b"same"), sealing.seal(b"same")
    assert first != second
    assert first[:5] == second[:5] == MAGIC + b"\x01"
    assert sealing.unseal(first) == sealing.unseal(second) == b"same"


def test_encrypting_twice_is_refused(journal_with_backups: Path) -> None:
    encrypt(journal_with_backups, PASSPHRASE)
    with pytest.raises(JournalError, match="already encrypted"):
        encrypt(journal_with_backups, "another long passphrase")


def test_doctor_checks_and_restores_an_encrypted_journal_from_its_sealed_backups(
    journal_with_backups: Path,
) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    sealing = unlock(data_dir, PASSPHRASE)
    assert check(data_dir, sealing=sealing).sound
    target = data_dir / "journal" / "2026.json"
    raw = bytearray(target.read_bytes())
    raw[-1] ^= 0x01  # the tag
    target.write_bytes(bytes(raw))
    checkup = check(data_dir, sealing=sealing)
    [problem] = [p for p in checkup.problems if p.serious]
    assert problem.path == target
    assert "changed or damaged" in problem.explanation
    assert problem.backup is not None
    repair(checkup)
    assert check(data_dir, sealing=sealing).sound
    assert is_sealed(target.read_bytes())
    with Journal(data_dir, sealing=sealing) as journal:
        assert journal.count() == 5  # the backup holds the day before the last save
    assert holding(data_dir, MARKER) == []


def test_a_loosened_key_file_is_made_private_again_on_open(journal_with_backups: Path) -> None:
    data_dir = journal_with_backups
    encrypt(data_dir, PASSPHRASE)
    keys = data_dir / "keys.json"
    assert keys.stat().st_mode & 0o777 == 0o600
    keys.chmod(0o644)
    Journal(data_dir, sealing=unlock(data_dir, PASSPHRASE)).close()
    assert keys.stat().st_mode & 0o777 == 0o600
