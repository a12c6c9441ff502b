"""How the journal's bytes are kept on disk: as they are, or sealed with AES-256-GCM.

Every file the journal writes goes through one ``Sealing`` on its way to disk and back: year
files, records, the draft, the index, and so every temporary file and backup made of them
(a backup is a link to, or a copy of, a file already sealed). A plain journal's sealing keeps
the bytes as they are; an encrypted journal's seals each write with a fresh 96-bit nonce::

    b"PWPC" | version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext and tag

The whole header is the associated data, so a changed version byte or nonce fails the tag like
a changed ciphertext: the GCM tag alone decides whether a file is what the coach wrote. A file
without the header in an encrypted journal (or with it in a plain one) is refused too: nothing
the coach did not seal is read as if it had.

``cryptography`` is imported only when a journal is encrypted: a plain journal's start-up
never pays for it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"PWPC"
SEAL_VERSION = 1
NONCE_BYTES = 12
KEY_BYTES = 32
HEADER_BYTES = len(MAGIC) + 1 + NONCE_BYTES


class SealBroken(ValueError):
    """Stored bytes that cannot be unsealed; the message says why, as a file's problem."""


class Sealing(Protocol):
    """Turns the bytes the journal means into the bytes it stores, and back."""

    @property
    def encrypted(self) -> bool:
        """Whether what is stored is ciphertext."""

    @property
    def key_id(self) -> str:
        """Which master key seals ("" for a plain journal): two sealings with the same id
        read each other's files."""

    def seal(self, plain: bytes) -> bytes:
        """The bytes to store for ``plain``."""

    def unseal(self, stored: bytes) -> bytes:
        """The bytes meant by ``stored``; raises ``SealBroken``."""


def is_sealed(stored: bytes) -> bool:
    """Whether ``stored`` begins with the header of a sealed file."""
    return stored.startswith(MAGIC)


class _Plain:
    """A journal without encryption: bytes are stored as they are."""

    encrypted = False
    key_id = ""

    def seal(self, plain: bytes) -> bytes:
        return plain

    def unseal(self, stored: bytes) -> bytes:
        if is_sealed(stored):
            raise SealBroken("it is encrypted, but this journal has no key file to open it")
        return stored

    def __repr__(self) -> str:
        return "PLAIN"


PLAIN: Sealing = _Plain()


class Sealed:
    """An encrypted journal's sealing, holding its master key (never shown in a repr)."""

    encrypted = True

    def __init__(self, key: bytes, key_id: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(key) != KEY_BYTES:
            raise ValueError("a master key is 32 bytes")
        self._aead: AESGCM = AESGCM(key)
        self.key_id = key_id

    def seal(self, plain: bytes) -> bytes:
        header = MAGIC + bytes([SEAL_VERSION]) + os.urandom(NONCE_BYTES)
        return header + self._aead.encrypt(header[-NONCE_BYTES:], plain, header)

    def unseal(self, stored: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        if not is_sealed(stored):
            raise SealBroken(
                "it is plain, though the journal is encrypted: the coach did not save it"
            )
        if len(stored) < HEADER_BYTES:
            raise SealBroken("it was changed or damaged: it is cut short")
        version = stored[len(MAGIC)]
        if version > SEAL_VERSION:
            raise SealBroken(
                f"it was encrypted by a newer pwp-coach (format {version}); upgrade pwp-coach"
            )
        header = stored[:HEADER_BYTES]
        try:
            # A view, not a slice: copying a year's ciphertext first costs more than the AES.
            body = memoryview(stored)[HEADER_BYTES:]
            return self._aead.decrypt(header[-NONCE_BYTES:], body, header)
        except InvalidTag:
            raise SealBroken(
                "it was changed or damaged since the coach saved it: its encryption check failed"
            ) from None

    def __repr__(self) -> str:
        return f"Sealed(key_id={self.key_id!r})"


def new_master_key() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)
