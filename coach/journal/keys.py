"""The key file (``keys.json``): the journal's master key, wrapped once per way of unlocking.

A random master key seals the journal (``coach.journal.sealing``). It is stored only wrapped:
AES-256-GCM under a key derived with Argon2id (RFC 9106's second recommended setting: 64 MiB,
3 passes, 4 lanes, a random 16-byte salt) from each way of unlocking: the passphrase, and a
recovery key (random, shown once for the user to write down). Changing the passphrase rewraps
the master key, so no entry is rewritten; the GCM tag of a wrap decides whether a passphrase
is right. The file holds nothing of the journal's content, so it is stored as it is (0600).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import orjson

from coach.journal.errors import KeyFileProblem, WrongPassphrase
from coach.journal.sealing import KEY_BYTES, NONCE_BYTES, Sealed, new_master_key

KEY_FILE_FORMAT = "pwp-coach-keys"
KEY_FILE_VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"

# Argon2id as RFC 9106 recommends where memory is scarcer than 2 GiB (section 4, option 2).
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 3
ARGON2_LANES = 4
SALT_BYTES = 16

RECOVERY_BYTES = 20  # 160 random bits: 32 base32 characters
RECOVERY_GROUP = 4
_RECOVERY_SHAPE = re.compile(r"^[A-Z2-7]{32}$")


@dataclass(frozen=True)
class Wrap:
    """The master key wrapped under one way of unlocking, with what derives its key."""

    salt: bytes
    nonce: bytes
    wrapped: bytes
    memory_kib: int = ARGON2_MEMORY_KIB
    iterations: int = ARGON2_ITERATIONS
    lanes: int = ARGON2_LANES


@dataclass(frozen=True)
class KeyFile:
    """What ``keys.json`` holds: the master key's id and its wraps by way of unlocking."""

    key_id: str
    wraps: dict[str, Wrap]

    def to_bytes(self) -> bytes:
        """The file's bytes."""
        return orjson.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "version": KEY_FILE_VERSION,
                "cipher": "AES-256-GCM",
                "kdf": "Argon2id",
                "key_id": self.key_id,
                "wraps": {
                    kind: {
                        "salt": _b64(wrap.salt),
                        "nonce": _b64(wrap.nonce),
                        "wrapped": _b64(wrap.wrapped),
                        "memory_kib": wrap.memory_kib,
                        "iterations": wrap.iterations,
                        "lanes": wrap.lanes,
                    }
                    for kind, wrap in sorted(self.wraps.items())
                },
            },
            option=orjson.OPT_INDENT_2,
        )

    @classmethod
    def from_bytes(cls, path: Path, raw: bytes) -> KeyFile:
        """Read a key file; a damaged one, or one from a newer coach, is a clear error."""

        def damaged(why: str) -> KeyFileProblem:
            return KeyFileProblem(
                f"the key file {path} is damaged ({why}); it has not been changed; without it "
                "the journal cannot be opened, so restore it from your own backup of the folder"
            )

        try:
            found = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise damaged("not valid JSON") from None
        if not isinstance(found, dict) or found.get("format") != KEY_FILE_FORMAT:
            raise damaged("not a pwp-coach key file")
        version = found.get("version")
        if isinstance(version, int) and version > KEY_FILE_VERSION:
            raise KeyFileProblem(
                f"the journal was encrypted by a newer pwp-coach (key file version {version}; "
                f"this version reads up to {KEY_FILE_VERSION}); upgrade pwp-coach to open it"
            )
        wraps: dict[str, Wrap] = {}
        try:
            for kind, entry in found["wraps"].items():
                wraps[kind] = Wrap(
                    salt=_unb64(entry["salt"]),
                    nonce=_unb64(entry["nonce"]),
                    wrapped=_unb64(entry["wrapped"]),
                    memory_kib=_number(entry["memory_kib"]),
                    iterations=_number(entry["iterations"]),
                    lanes=_number(entry["lanes"]),
                )
            key_id = found["key_id"]
        except (KeyError, TypeError, AttributeError, ValueError, binascii.Error):
            raise damaged("a wrapped key has the wrong shape") from None
        if version != KEY_FILE_VERSION or not isinstance(key_id, str) or PASSPHRASE not in wraps:
            raise damaged("a wrapped key has the wrong shape")
        return cls(key_id, wraps)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not text")
    return base64.b64decode(text, validate=True)


def _number(found: object) -> int:
    if not isinstance(found, int) or isinstance(found, bool) or not 1 <= found <= 4 * 1024 * 1024:
        raise ValueError("not a count")
    return found


def secret_bytes(secret: str) -> bytes:
    """A passphrase as the key derivation takes it: Unicode NFC, UTF-8 (the same passphrase
    typed on another system, composed differently, still opens the journal)."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def _derive(secret: bytes, wrap: Wrap) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(
        salt=wrap.salt,
        length=KEY_BYTES,
        iterations=wrap.iterations,
        lanes=wrap.lanes,
        memory_cost=wrap.memory_kib,
    ).derive(secret)


def _aad(kind: str, key_id: str) -> bytes:
    return f"{KEY_FILE_FORMAT} {KEY_FILE_VERSION} {kind} {key_id}".encode()


def wrap_key(master: bytes, kind: str, secret: bytes, key_id: str) -> Wrap:
    """The master key wrapped under a key derived from ``secret``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    unwrapped = Wrap(salt=os.urandom(SALT_BYTES), nonce=os.urandom(NONCE_BYTES), wrapped=b"")
    wrapping = AESGCM(_derive(secret, unwrapped))
    sealed = wrapping.encrypt(unwrapped.nonce, master, _aad(kind, key_id))
    return replace(unwrapped, wrapped=sealed)


def unwrap_key(keys: KeyFile, kind: str, secret: bytes) -> bytes | None:
    """The master key, if ``secret`` opens its wrap of this kind; else None."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrap = keys.wraps.get(kind)
    if wrap is None:
        return None
    try:
        master = AESGCM(_derive(secret, wrap)).decrypt(
            wrap.nonce, wrap.wrapped, _aad(kind, keys.key_id)
        )
    except InvalidTag:
        return None
    return master if len(master) == KEY_BYTES else None


def new_recovery_key() -> str:
    """A fresh recovery key, in groups of four for writing down: ``ABCD-EFGH-...``."""
    raw = base64.b32encode(os.urandom(RECOVERY_BYTES)).decode("ascii")
    return "-".join(raw[i : i + RECOVERY_GROUP] for i in range(0, len(raw), RECOVERY_GROUP))


def recovery_form(text: str) -> str | None:
    """``text`` as a recovery key (case, spaces and dashes do not matter), or None if it is
    not shaped like one."""
    squeezed = re.sub(r"[\s-]", "", text).upper()
    return squeezed if _RECOVERY_SHAPE.match(squeezed) else None


def read_key_file(path: Path) -> KeyFile | None:
    """The key file, or None when the journal is not encrypted."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise KeyFileProblem(f"the key file {path} is a folder, not a file") from None
    return KeyFile.from_bytes(path, raw)


def new_keys(passphrase: str) -> tuple[KeyFile, Sealed, str]:
    """A new master key wrapped under ``passphrase`` and a new recovery key: the key file,
    the sealing it opens, and the recovery key to show once."""
    master = new_master_key()
    key_id = os.urandom(8).hex()
    recovery = new_recovery_key()
    keys = KeyFile(
        key_id,
        {
            PASSPHRASE: wrap_key(master, PASSPHRASE, secret_bytes(passphrase), key_id),
            RECOVERY: wrap_key(master, RECOVERY, _recovery_bytes(recovery), key_id),
        },
    )
    return keys, Sealed(master, key_id), recovery


def _recovery_bytes(recovery: str) -> bytes:
    form = recovery_form(recovery)
    assert form is not None  # made by new_recovery_key
    return form.encode("ascii")


def master_key(keys: KeyFile, secret: str) -> bytes:
    """The master key ``secret`` opens (the passphrase, or the recovery key); raises
    ``WrongPassphrase``."""
    attempts: list[tuple[str, bytes]] = []
    form = recovery_form(secret)
    if form is not None:
        attempts.append((RECOVERY, form.encode("ascii")))
    attempts.append((PASSPHRASE, secret_bytes(secret)))
    for kind, candidate in attempts:
        master = unwrap_key(keys, kind, candidate)
        if master is not None:
            return master
    raise WrongPassphrase


def opened(keys: KeyFile, secret: str) -> Sealed:
    """The sealing ``secret`` opens; raises ``WrongPassphrase``."""
    return Sealed(master_key(keys, secret), keys.key_id)


def rewrapped(keys: KeyFile, master: bytes, kind: str, secret: str) -> KeyFile:
    """The key file with one way of unlocking replaced (a new passphrase or recovery key)."""
    material = _recovery_bytes(secret) if kind == RECOVERY else secret_bytes(secret)
    wraps = dict(keys.wraps)
    wraps[kind] = wrap_key(master, kind, material, keys.key_id)
    return replace(keys, wraps=wraps)
