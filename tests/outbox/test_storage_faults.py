"""Storage faults a person causes — a corrupted database, a damaged WAL, a deleted key file, a
second kiosk on the same folder — each end in translated words for the technician, with nothing
lost: damaged storage is set aside (never deleted) and a fresh outbox takes new dossiers."""

from __future__ import annotations

import hashlib
import logging
import shutil
import struct
from pathlib import Path

import pytest

from kiosk.i18n import translate
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import ItemState, Outbox, OutboxInUseError, OutboxSettings
from offline_queue.outbox.store import DB_NAME, QUARANTINE_FOLDER, SCANS_FOLDER
from tests.outbox.support import MARKERS, dossier_data, make_scans


def fill(box: Outbox, count: int) -> list[str]:
    ids = [f"D-{n}" for n in range(count)]
    for n, item_id in enumerate(ids):
        box.enqueue_dossier(item_id, dossier_data(n), make_scans(1, 3000, seed=n))
    return ids


def files_under(folder: Path) -> dict[str, str]:
    """Every file's hash by name (scan names are unique random hex)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*.sealed")
    }


def assert_translated(key: str, **values: str) -> None:
    for lang in ("vi", "en"):
        text = translate(key, lang, **values)
        assert text != key and "{" not in text, (key, lang)


def notices_of(box: Outbox, key: str) -> list:
    return [n for n in box.notices() if n.message_key == key]


def test_a_corrupted_database_is_set_aside_whole_and_a_fresh_outbox_takes_over(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore, caplog
) -> None:
    box = Outbox.open(settings, tmp_path, keystore)
    fill(box, 4)
    box.close()
    db = tmp_path / "outbox" / DB_NAME
    original = db.read_bytes()
    scans_before = files_under(tmp_path / "outbox" / SCANS_FOLDER)
    damaged = bytearray(original)
    damaged[100:4096] = b"\xa5" * (4096 - 100)  # the schema page: SQLite cannot read it
    db.write_bytes(bytes(damaged))

    with caplog.at_level(logging.INFO, logger="offline_queue"):
        box = Outbox.open(settings, tmp_path, keystore)

    (notice,) = notices_of(box, "outbox.notice.set_aside_damaged")
    kept = Path(notice.where)
    assert (kept / DB_NAME).read_bytes() == bytes(damaged)  # nothing deleted
    assert files_under(kept / SCANS_FOLDER) == scans_before
    assert_translated(notice.message_key, where=notice.where, detail=notice.detail)
    assert "Cơ sở dữ liệu hàng đợi bị hỏng" in translate(
        notice.message_key, "vi", where="x", detail="y"
    )
    # Citizens go on: the fresh outbox takes a dossier.
    assert box.enqueue_dossier("D-new", dossier_data(9), make_scans(1, 100)).state == "pending"
    set_aside_lines = [r for r in caplog.records if "set aside" in r.getMessage()]
    assert len(set_aside_lines) == 1
    box.close()
    # The notice stays until a person deals with the folder, and nothing is set aside twice.
    box = Outbox.open(settings, tmp_path, keystore)
    assert len(notices_of(box, "outbox.notice.set_aside_damaged")) == 1
    assert box.item("D-new") is not None
    box.close()


def _corrupt_a_middle_frame(wal: Path) -> None:
    raw = bytearray(wal.read_bytes())
    page_size = struct.unpack(">I", raw[8:12])[0]
    frames = (len(raw) - 32) // (24 + page_size)
    assert frames > 6
    offset = 32 + (frames // 3) * (24 + page_size) + 24 + page_size // 2
    raw[offset] ^= 0xFF
    wal.write_bytes(bytes(raw))


def test_a_damaged_wal_is_detected_copied_aside_and_its_lost_items_files_kept(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore
) -> None:
    box = Outbox.open(settings, tmp_path, keystore)
    box._db.execute("PRAGMA wal_autocheckpoint = 0")
    ids = fill(box, 8)
    # The files as a power cut would leave them: database and WAL, not checkpointed.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    folder = tmp_path / "outbox"
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        shutil.copy2(folder / name, crashed / name)
    box.close()
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        shutil.copy2(crashed / name, folder / name)
    _corrupt_a_middle_frame(folder / f"{DB_NAME}-wal")
    damaged_wal = (folder / f"{DB_NAME}-wal").read_bytes()
    scans_before = files_under(folder / SCANS_FOLDER)

    box = Outbox.open(settings, tmp_path, keystore)

    (notice,) = notices_of(box, "outbox.notice.wal_damaged")
    assert "committed transactions" in notice.detail
    assert (Path(notice.where) / f"{DB_NAME}-wal").read_bytes() == damaged_wal
    assert_translated(notice.message_key, where=notice.where, detail=notice.detail)
    still_here = [i for i in ids if box.item(i) is not None]
    assert 0 < len(still_here) < len(ids)  # SQLite really dropped the tail
    # Every scan is still on the disk: in use, or moved to quarantine — none deleted.
    assert files_under(folder / SCANS_FOLDER) | files_under(folder / QUARANTINE_FOLDER) == (
        scans_before
    )
    in_use = box._db.execute("SELECT COUNT(*) FROM item_files").fetchone()[0]
    assert box.last_sweep.unknown_files_quarantined == len(scans_before) - in_use, (
        in_use,
        still_here,
        sorted(p.name for p in (folder / SCANS_FOLDER).iterdir()),
    )
    assert notices_of(box, "outbox.notice.unknown_files")
    box.close()


def test_a_deleted_key_file_sets_the_sealed_items_aside_and_the_kiosk_goes_on(
    tmp_path: Path, settings: OutboxSettings
) -> None:
    key_file = tmp_path / "keys" / "outbox.key"
    box = Outbox.open(settings, tmp_path, FileKeyStore(key_file))
    fill(box, 3)
    box.close()
    scans_before = files_under(tmp_path / "outbox" / SCANS_FOLDER)
    key_file.unlink()

    box = Outbox.open(settings, tmp_path, FileKeyStore(key_file))

    (notice,) = notices_of(box, "outbox.notice.set_aside_key_lost")
    assert files_under(Path(notice.where)) == scans_before
    assert (Path(notice.where) / DB_NAME).exists()
    assert_translated(notice.message_key, where=notice.where, detail=notice.detail)
    assert box.counts().pending == 0
    box.enqueue_dossier("D-after", dossier_data(), make_scans(1, 100))
    lease = box.claim_next()
    assert MARKERS["name"] in box.load_body(lease).decode()
    box.close()


def test_an_unreadable_database_is_a_storage_error_in_words_and_nothing_is_moved(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore
) -> None:
    (tmp_path / "outbox" / DB_NAME).mkdir(parents=True)  # where the file should be: a folder

    with pytest.raises(Exception) as refused:
        Outbox.open(settings, tmp_path, keystore)

    assert refused.value.message_key == "outbox.error.storage"
    assert (tmp_path / "outbox" / DB_NAME).is_dir()
    assert not (tmp_path / "outbox" / "set-aside").exists()


def test_a_second_opener_of_the_same_folder_is_refused_before_it_reads_anything(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore
) -> None:
    box = Outbox.open(settings, tmp_path, keystore)
    fill(box, 1)

    with pytest.raises(OutboxInUseError) as refused:
        Outbox.open(settings, tmp_path, keystore)

    assert_translated(refused.value.message_key)
    assert box.item("D-0").state is ItemState.PENDING
    box.close()
    Outbox.open(settings, tmp_path, keystore).close()  # free again once the first is closed
