"""Encryption at rest for the outbox: AES-GCM with a fresh key per item, wrapped by a kiosk key.

Each item's data key is the only thing that can read its form data and scans, so wiping an item
is destroying its (wrapped) key. The kiosk key sits behind `KeyStore`, so a TPM or
systemd-creds backed store can replace the key file later without touching the outbox.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from foundation.errors import UserFacingError
from offline_queue.durable import fsync_dir, write_file
from platform_layer import file_mode, is_private

KEY_BYTES = 32
NONCE_BYTES = 12
# First byte of every sealed blob, so the format can change without guessing.
SEALED_FORMAT = b"\x01"


class IntegrityError(Exception):
    """A sealed blob was altered, truncated or sealed under another key or context."""


class KeyStoreError(UserFacingError):
    """The kiosk key cannot be used; `message_key` is a translation key for the technician."""

    def __init__(self, message_key: str, detail: str) -> None:
        super().__init__(message_key, detail)


def _seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return SEALED_FORMAT + nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def _open(key: bytes, sealed: bytes, context: bytes) -> bytes:
    header = len(SEALED_FORMAT) + NONCE_BYTES
    if len(sealed) < header + 16 or not sealed.startswith(SEALED_FORMAT):
        raise IntegrityError("sealed blob is truncated or of an unknown format")
    nonce = sealed[len(SEALED_FORMAT) : header]
    try:
        return AESGCM(key).decrypt(nonce, sealed[header:], context)
    except InvalidTag as exc:
        raise IntegrityError("authentication tag does not match") from exc


class DataKey:
    """One item's key. `context` binds each blob to its item and part, so a scan moved from one
    item to another, or the form swapped for a scan, fails to open."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise IntegrityError("a data key must be 32 bytes")
        self._key = key

    @classmethod
    def generate(cls) -> DataKey:
        return cls(AESGCM.generate_key(bit_length=KEY_BYTES * 8))

    @property
    def material(self) -> bytes:
        return self._key

    def seal(self, plaintext: bytes, context: bytes) -> bytes:
        return _seal(self._key, plaintext, context)

    def open(self, sealed: bytes, context: bytes) -> bytes:
        return _open(self._key, sealed, context)


class KeyStore(Protocol):
    """Wraps and unwraps data keys with a key the database never holds."""

    def wrap(self, data_key: DataKey, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> DataKey: ...


class FileKeyStore:
    """The kiosk key in a file of its own (mode 0600, folder 0700), created on first use.

    A key file readable by group or others is refused rather than silently fixed: someone may
    already have copied it, and the technician has to know.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = self._load_or_create()

    def wrap(self, data_key: DataKey, context: bytes) -> bytes:
        return _seal(self._key, data_key.material, context)

    def unwrap(self, wrapped: bytes, context: bytes) -> DataKey:
        return DataKey(_open(self._key, wrapped, context))

    def _load_or_create(self) -> bytes:
        if not self.path.exists():
            self._create()
        if not is_private(self.path):
            raise KeyStoreError(
                "outbox.key.file_insecure",
                f"{self.path} is readable by others (mode {file_mode(self.path):o})",
            )
        key = self.path.read_bytes()
        if len(key) != KEY_BYTES:
            raise KeyStoreError("outbox.key.file_invalid", f"{self.path} holds {len(key)} bytes")
        return key

    def _create(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_file(self.path, AESGCM.generate_key(bit_length=KEY_BYTES * 8), mode=0o600)
        fsync_dir(self.path.parent)
