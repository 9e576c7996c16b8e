"""Encryption at rest for the outbox: AES-GCM with a fresh key per item, wrapped by a kiosk key.

Each item's data key is the only thing that can read its form data and scans, so wiping an item
is destroying its (wrapped) key. The kiosk key is rotated after wipes (live items re-wrapped,
the old kiosk key destroyed), so a stale wrapped key found anywhere opens nothing; and it is
sealed by the TPM where the machine has one (`offline_queue.keysealing`).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from foundation.errors import UserFacingError
from offline_queue.durable import fsync_dir, write_file
from offline_queue.keysealing import KeySealer, PlainFileSealer, SealingError
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
    """Wraps and unwraps data keys with a kiosk key the database never holds, and replaces
    that key in three durable steps: begin (a next key exists beside the current one),
    re-wrap with `wrap_next`, finish (only the next key is left; the old one is gone)."""

    # True when this start made a new kiosk key because none was there.
    created: bool
    # Translation key of a warning for the technician (the key is not protected off the disk).
    warning_key: str | None
    # The file holding the kiosk key, if there is one: set aside with a damaged database and
    # named in the warning.
    path: Path | None

    def wrap(self, data_key: DataKey, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> DataKey: ...

    @property
    def rotating(self) -> bool: ...

    def begin_rotation(self) -> None: ...

    def wrap_next(self, data_key: DataKey, context: bytes) -> bytes: ...

    def unwrap_next(self, wrapped: bytes, context: bytes) -> DataKey: ...

    def finish_rotation(self) -> None: ...

    def abandon_rotation(self) -> None: ...


class FileKeyStore:
    """The kiosk key in a file of its own (mode 0600, folder 0700), created on first use,
    sealed by `sealer` (the TPM where there is one; by default a plain file). The file holds
    the current key, and during a rotation the next one after it.

    A key file readable by group or others is refused rather than silently fixed: someone may
    already have copied it, and the technician has to know.
    """

    def __init__(self, path: Path, sealer: KeySealer | None = None) -> None:
        self.path = path
        self.sealer = sealer or PlainFileSealer()
        self.created = False
        self._keys = self._load_or_create()

    @property
    def warning_key(self) -> str | None:
        return self.sealer.warning_key

    def wrap(self, data_key: DataKey, context: bytes) -> bytes:
        return _seal(self._keys[0], data_key.material, context)

    def unwrap(self, wrapped: bytes, context: bytes) -> DataKey:
        return DataKey(_open(self._keys[0], wrapped, context))

    @property
    def rotating(self) -> bool:
        return len(self._keys) == 2

    def begin_rotation(self) -> None:
        if not self.rotating:
            self._save([self._keys[0], AESGCM.generate_key(bit_length=KEY_BYTES * 8)])

    def wrap_next(self, data_key: DataKey, context: bytes) -> bytes:
        return _seal(self._keys[-1], data_key.material, context)

    def unwrap_next(self, wrapped: bytes, context: bytes) -> DataKey:
        return DataKey(_open(self._keys[-1], wrapped, context))

    def finish_rotation(self) -> None:
        """The next key becomes the only one; the old key is no longer anywhere in the file."""
        self._save([self._keys[-1]])

    def abandon_rotation(self) -> None:
        self._save([self._keys[0]])

    def _load_or_create(self) -> list[bytes]:
        if not self.path.exists():
            self.created = True
            self._save([AESGCM.generate_key(bit_length=KEY_BYTES * 8)])
        if not is_private(self.path):
            raise KeyStoreError(
                "outbox.key.file_insecure",
                f"{self.path} is readable by others (mode {file_mode(self.path):o})",
            )
        try:
            keys = self.sealer.unseal(self.path.read_bytes())
        except SealingError as exc:
            raise KeyStoreError("outbox.key.unseal_failed", f"{self.path}: {exc}") from exc
        if len(keys) not in (KEY_BYTES, 2 * KEY_BYTES):
            raise KeyStoreError("outbox.key.file_invalid", f"{self.path} holds {len(keys)} bytes")
        return [keys[i : i + KEY_BYTES] for i in range(0, len(keys), KEY_BYTES)]

    def _save(self, keys: list[bytes]) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            sealed = self.sealer.seal(b"".join(keys))
        except SealingError as exc:
            raise KeyStoreError("outbox.key.unseal_failed", f"{self.path}: {exc}") from exc
        write_file(self.path, sealed, mode=0o600)
        fsync_dir(self.path.parent)
        self._keys = keys
