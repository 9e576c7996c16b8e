"""Sealing with per-item keys and the kiosk key file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from offline_queue.crypto import DataKey, FileKeyStore, IntegrityError, KeyStoreError


def test_sealed_data_opens_only_unaltered_and_in_its_own_context() -> None:
    key = DataKey.generate()
    sealed = key.seal(b"Nguyen Van A", b"item-1\x00body")
    assert b"Nguyen" not in sealed
    assert key.open(sealed, b"item-1\x00body") == b"Nguyen Van A"
    flipped = bytearray(sealed)
    flipped[len(flipped) // 2] ^= 0x01
    for broken, context in [
        (bytes(flipped), b"item-1\x00body"),
        (sealed[:-1], b"item-1\x00body"),
        (sealed, b"item-2\x00body"),
        (b"", b"item-1\x00body"),
    ]:
        with pytest.raises(IntegrityError):
            key.open(broken, context)
    with pytest.raises(IntegrityError):
        DataKey.generate().open(sealed, b"item-1\x00body")


def test_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "outbox.key"
    first = FileKeyStore(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    data_key = DataKey.generate()
    wrapped = first.wrap(data_key, b"dossier-1")
    assert data_key.material not in wrapped
    again = FileKeyStore(path)
    assert again.unwrap(wrapped, b"dossier-1").material == data_key.material
    with pytest.raises(IntegrityError):
        again.unwrap(wrapped, b"dossier-2")


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outbox.key"
    FileKeyStore(path)
    os.chmod(path, 0o640)
    with pytest.raises(KeyStoreError) as refused:
        FileKeyStore(path)
    assert refused.value.message_key == "outbox.key.file_insecure"


def test_a_damaged_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outbox.key"
    FileKeyStore(path)
    path.write_bytes(b"short")
    with pytest.raises(KeyStoreError) as refused:
        FileKeyStore(path)
    assert refused.value.message_key == "outbox.key.file_invalid"


def test_another_kiosk_key_cannot_unwrap(tmp_path: Path) -> None:
    wrapped = FileKeyStore(tmp_path / "a.key").wrap(DataKey.generate(), b"x")
    with pytest.raises(IntegrityError):
        FileKeyStore(tmp_path / "b.key").unwrap(wrapped, b"x")
