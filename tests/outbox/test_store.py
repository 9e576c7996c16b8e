"""The outbox's states, leases, retention, sweep and schema, on a real SQLite file."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from offline_queue.crypto import FileKeyStore, KeyStoreError
from offline_queue.outbox import (
    DuplicateItemError,
    InvalidItemError,
    ItemCorruptedError,
    ItemKind,
    ItemState,
    Outbox,
    OutboxSettings,
    Scan,
    SchemaTooNewError,
)
from offline_queue.outbox.payload import digest_of, dossier_body
from offline_queue.outbox.schema import SCHEMA_VERSION
from offline_queue.outbox.store import DB_NAME, SCANS_FOLDER
from tests.outbox.support import ManualClock, dossier_data, make_scans


def scan_dir(tmp_path: Path) -> Path:
    return tmp_path / "outbox" / SCANS_FOLDER


def test_connection_is_durable_wal_with_a_busy_timeout(outbox: Outbox) -> None:
    db = outbox._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_dossier_is_stored_sealed_and_rebuilt_byte_for_byte(
    outbox: Outbox, tmp_path: Path
) -> None:
    scans = make_scans(3, 50_000)
    item = outbox.enqueue_dossier("000.00.06.H56-231027-0361", dossier_data(), scans)
    assert (item.kind, item.state, item.attempts) == (ItemKind.DOSSIER, ItemState.PENDING, 0)
    expected = dossier_body("000.00.06.H56-231027-0361", dossier_data(), scans)
    assert item.digest == digest_of(expected)
    files = sorted(scan_dir(tmp_path).iterdir())
    assert len(files) == 3
    assert all(scans[0].content[:64] not in f.read_bytes() for f in files)
    lease = outbox.claim_next()
    assert lease is not None and lease.item_id == item.id
    assert outbox.load_body(lease) == expected
    document = json.loads(expected)
    assert [f["name"] for f in document["files"]] == [s.name for s in scans]
    assert document["dossier_code"] == item.id


def test_the_dossier_body_is_the_contracts_json_and_always_the_same_bytes() -> None:
    scans = [*make_scans(2, 10), Scan('tờ "khai".pdf', "application/pdf", b"")]
    data = {"z": [1, 2.5, None], "applicant": {"tên": 'Lê "Văn" B\n'}}
    body = dossier_body("D-1", data, scans)
    assert body == dossier_body("D-1", dict(reversed(data.items())), scans)
    assert json.loads(body) == {
        **data,
        "dossier_code": "D-1",
        "files": [
            {
                "name": s.name,
                "content_type": s.content_type,
                "data_base64": base64.b64encode(s.content).decode(),
                "sha256": hashlib.sha256(s.content).hexdigest(),
            }
            for s in scans
        ],
    }
    with pytest.raises(InvalidItemError):
        dossier_body("D-1", {"files": []}, scans)


def test_enqueuing_again_is_harmless_but_other_content_under_the_same_id_is_refused(
    outbox: Outbox,
) -> None:
    scans = make_scans(1, 1000)
    first = outbox.enqueue_dossier("D-1", dossier_data(), scans)
    assert outbox.enqueue_dossier("D-1", dossier_data(), scans) == first
    with pytest.raises(DuplicateItemError) as refused:
        outbox.enqueue_dossier("D-1", dossier_data(1), scans)
    assert refused.value.message_key == "outbox.error.duplicate_item"
    assert outbox.counts().pending == 1


@pytest.mark.parametrize("bad_id", ["", "có dấu", "a/b", "x" * 129])
def test_ids_the_contract_cannot_carry_are_refused(outbox: Outbox, bad_id: str) -> None:
    with pytest.raises(InvalidItemError):
        outbox.enqueue_rating(bad_id, {"level": 1})


def test_data_that_is_not_json_is_refused_and_nothing_stored(
    outbox: Outbox, tmp_path: Path
) -> None:
    with pytest.raises(InvalidItemError) as refused:
        outbox.enqueue_dossier("D-1", {"when": object()}, make_scans(1, 10))
    assert refused.value.message_key == "outbox.error.invalid_item"
    with pytest.raises(InvalidItemError):
        outbox.enqueue_rating("R-1", {"score": float("nan")})
    assert outbox.counts().pending == 0
    assert list(scan_dir(tmp_path).iterdir()) == []


def test_ratings_and_ticket_records_are_sent_as_given(outbox: Outbox) -> None:
    outbox.enqueue_rating("R-1", {"level": 1, "counter": "3"})
    outbox.enqueue_ticket_record("T-1", {"number": "A012", "event": "issued"})
    bodies = {}
    while (lease := outbox.claim_next()) is not None:
        bodies[lease.item_id] = json.loads(outbox.load_body(lease))
    assert bodies == {
        "R-1": {"level": 1, "counter": "3"},
        "T-1": {"number": "A012", "event": "issued"},
    }


def test_only_the_newest_heartbeat_waits(outbox: Outbox) -> None:
    outbox.enqueue_heartbeat({"n": 1})
    newest = outbox.enqueue_heartbeat({"n": 2})
    assert [i.id for i in outbox.items([ItemState.PENDING])] == [newest.id]
    lease = outbox.claim_next()
    assert lease is not None and json.loads(outbox.load_body(lease)) == {"n": 2}
    outbox.mark_acked(lease, "")
    assert outbox.item(newest.id) is None


def test_leases_go_oldest_first_and_only_when_due(timed_outbox: Outbox, clock: ManualClock) -> None:
    for n in range(3):
        timed_outbox.enqueue_rating(f"R-{n}", {"level": n})
        clock.advance(1)
    first = timed_outbox.claim_next()
    second = timed_outbox.claim_next()
    assert first is not None and second is not None
    assert (first.item_id, second.item_id, first.attempts) == ("R-0", "R-1", 1)
    timed_outbox.retry_later(first, 60, "TransientError: down")
    timed_outbox.retry_later(second, 5, "TransientError: down")
    third = timed_outbox.claim_next()
    assert third is not None and third.item_id == "R-2"
    assert timed_outbox.claim_next() is None
    assert timed_outbox.next_due_at() == pytest.approx(clock() + 5)
    clock.advance(5)
    again = timed_outbox.claim_next()
    assert again is not None and (again.item_id, again.attempts) == ("R-1", 2)
    assert timed_outbox.item("R-0").last_error == "TransientError: down"


def test_an_expired_lease_is_taken_over_and_the_old_holder_changes_nothing(
    timed_outbox: Outbox, clock: ManualClock, settings: OutboxSettings
) -> None:
    timed_outbox.enqueue_rating("R-1", {"level": 1})
    stale = timed_outbox.claim_next()
    assert stale is not None and timed_outbox.claim_next() is None
    clock.advance(settings.lease_seconds + 1)
    fresh = timed_outbox.claim_next()
    assert fresh is not None and fresh.attempts == 2
    timed_outbox.retry_later(stale, 1000, "late answer")
    assert timed_outbox.item("R-1").state is ItemState.SENDING
    timed_outbox.mark_acked(fresh, "RCPT-1")
    assert timed_outbox.item("R-1").receipt_id == "RCPT-1"


def test_lifecycle_to_wiped_destroys_key_data_and_files(
    timed_outbox: Outbox, clock: ManualClock, tmp_path: Path
) -> None:
    timed_outbox.enqueue_dossier("D-1", dossier_data(), make_scans(2, 1000))
    lease = timed_outbox.claim_next()
    timed_outbox.mark_acked(lease, "RCPT-1")
    assert timed_outbox.wipe("D-1") is False  # received is not processed: never wiped
    assert timed_outbox.awaiting_confirmation() == ["D-1"]
    assert timed_outbox.mark_processed(["D-1", "unknown"]) == 1
    assert timed_outbox.due_for_wipe() == []
    clock.advance(24 * 3600 - 1)
    assert timed_outbox.due_for_wipe() == []
    clock.advance(1)
    assert timed_outbox.due_for_wipe() == ["D-1"]
    assert timed_outbox.wipe("D-1") is True
    timed_outbox.checkpoint()
    item = timed_outbox.item("D-1")
    assert item.state is ItemState.WIPED and item.receipt_id == "RCPT-1"
    row = timed_outbox._db.execute(
        "SELECT wrapped_key, sealed_body FROM items WHERE id = 'D-1'"
    ).fetchone()
    assert row == (None, None)
    assert list(scan_dir(tmp_path).iterdir()) == []
    assert (tmp_path / "outbox" / f"{DB_NAME}-wal").stat().st_size == 0


def test_received_items_are_listed_page_by_page(outbox: Outbox) -> None:
    for n in range(5):
        outbox.enqueue_rating(f"R-{n}", {"level": 1})
        outbox.mark_acked(outbox.claim_next(), f"RCPT-{n}")
    assert outbox.awaiting_confirmation(2) == ["R-0", "R-1"]
    assert outbox.awaiting_confirmation(2, after="R-1") == ["R-2", "R-3"]
    assert outbox.awaiting_confirmation(2, after="R-3") == ["R-4"]


def test_unconfirmed_states_are_never_wiped(timed_outbox: Outbox, clock: ManualClock) -> None:
    timed_outbox.enqueue_rating("R-pending", {"level": 1})
    timed_outbox.enqueue_rating("R-quarantined", {"level": 1})
    timed_outbox.quarantine("R-quarantined", "refused: 422")
    clock.advance(365 * 24 * 3600)
    assert timed_outbox.due_for_wipe() == []
    assert not timed_outbox.wipe("R-pending") and not timed_outbox.wipe("R-quarantined")


def test_alerts_for_quarantined_and_long_unconfirmed_items(
    timed_outbox: Outbox, clock: ManualClock
) -> None:
    timed_outbox.enqueue_rating("R-old", {"level": 1})
    timed_outbox.enqueue_heartbeat({"ok": True})
    clock.advance(72 * 3600)
    timed_outbox.enqueue_rating("R-new", {"level": 2})
    timed_outbox.enqueue_rating("R-bad", {"level": 3})
    timed_outbox.quarantine("R-bad", "refused: 422 poison")
    alerts = {(a.kind, a.item_id): a for a in timed_outbox.alerts()}
    assert set(alerts) == {("quarantined", "R-bad"), ("unconfirmed", "R-old")}
    assert alerts["quarantined", "R-bad"].message_key == "outbox.alert.quarantined"
    assert "422" in alerts["quarantined", "R-bad"].detail


def test_quarantine_keeps_the_data_and_a_technician_can_requeue(outbox: Outbox) -> None:
    outbox.enqueue_dossier("D-1", dossier_data(), make_scans(1, 100))
    lease = outbox.claim_next()
    body = outbox.load_body(lease)
    outbox.quarantine("D-1", "refused: 422")
    assert outbox.counts().quarantined == 1 and outbox.claim_next() is None
    assert outbox.requeue("D-1") is True
    again = outbox.claim_next()
    assert again is not None and again.attempts == 1 and outbox.load_body(again) == body


def test_a_flipped_byte_in_a_scan_file_is_detected(outbox: Outbox, tmp_path: Path) -> None:
    outbox.enqueue_dossier("D-1", dossier_data(), make_scans(2, 1000))
    victim = sorted(scan_dir(tmp_path).iterdir())[0]
    data = bytearray(victim.read_bytes())
    data[100] ^= 0x40
    victim.write_bytes(bytes(data))
    lease = outbox.claim_next()
    with pytest.raises(ItemCorruptedError) as broken:
        outbox.load_body(lease)
    assert broken.value.message_key == "outbox.error.item_corrupted"


def test_a_flipped_byte_in_the_database_or_a_missing_file_is_detected(
    outbox: Outbox, tmp_path: Path
) -> None:
    outbox.enqueue_dossier("D-1", dossier_data(), make_scans(1, 1000))
    outbox.enqueue_dossier("D-2", dossier_data(), make_scans(1, 1000))
    sealed = bytearray(
        outbox._db.execute("SELECT sealed_body FROM items WHERE id = 'D-1'").fetchone()[0]
    )
    sealed[-1] ^= 0x01
    with outbox._db.atomic():
        outbox._db.execute("UPDATE items SET sealed_body = ? WHERE id = 'D-1'", [bytes(sealed)])
    name = outbox._db.execute("SELECT file_name FROM item_files WHERE item_id = 'D-2'").fetchone()
    (scan_dir(tmp_path) / name[0]).unlink()
    for _ in range(2):
        lease = outbox.claim_next()
        with pytest.raises(ItemCorruptedError):
            outbox.load_body(lease)


def test_sweep_removes_orphans_and_temp_files_and_requeues_dead_leases(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore, clock: ManualClock
) -> None:
    box = Outbox.open(settings, tmp_path, keystore, clock=clock)
    box.enqueue_dossier("D-1", dossier_data(), make_scans(2, 100))
    box.enqueue_rating("R-1", {"level": 1})
    box.enqueue_rating("R-2", {"level": 1})
    expired = box.claim_next()
    clock.advance(settings.lease_seconds + 1)
    live = box.claim_next()
    assert (expired.item_id, live.item_id) == ("D-1", "R-1")
    orphan, stranger = "ab" * 16 + ".sealed", "ef" * 16 + ".sealed"
    # As enqueue does: the name is recorded, then the file written, then the row never came.
    box._record_intents("D-9", [orphan], "write")
    box.close()
    folder = scan_dir(tmp_path)
    (folder / orphan).write_bytes(b"written before a commit that never came")
    (folder / stranger).write_bytes(b"nobody recorded this one")
    (folder / ".cd.sealed.1234.tmp").write_bytes(b"half written")
    kept = {p.name for p in folder.iterdir() if p.suffix == ".sealed"} - {orphan, stranger}

    box = Outbox.open(settings, tmp_path, keystore, clock=clock)
    assert box.last_sweep.orphan_files_removed == 1
    assert box.last_sweep.temp_files_removed == 1
    assert box.last_sweep.leases_requeued == 1
    assert {p.name for p in folder.iterdir()} == kept
    # Not provably an orphan: moved aside, never deleted, and the technician is told.
    assert box.last_sweep.unknown_files_quarantined == 1
    assert (tmp_path / "outbox" / "quarantine" / stranger).read_bytes().startswith(b"nobody")
    assert [n.message_key for n in box.notices()] == [
        "outbox.notice.unknown_files",
        "outbox.key.on_data_disk",
    ]
    assert box.item("D-1").state is ItemState.PENDING
    assert box.item("R-1").state is ItemState.SENDING
    lease = box.claim_next()
    assert lease.item_id == "D-1" and box.load_body(lease)
    box.close()


def test_a_database_from_newer_software_is_not_touched(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore
) -> None:
    Outbox.open(settings, tmp_path, keystore).close()
    path = tmp_path / "outbox" / DB_NAME
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNewError):
        Outbox.open(settings, tmp_path, keystore)


def test_another_kiosk_key_is_refused_before_anything_is_quarantined(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore
) -> None:
    box = Outbox.open(settings, tmp_path, keystore)
    box.enqueue_rating("R-1", {"level": 1})
    box.close()
    FileKeyStore(tmp_path / "other.key")  # the key file of another kiosk, already there
    with pytest.raises(KeyStoreError) as refused:
        Outbox.open(settings, tmp_path, FileKeyStore(tmp_path / "other.key"))
    assert refused.value.message_key == "outbox.key.mismatch"
    box = Outbox.open(settings, tmp_path, keystore)
    assert box.item("R-1").state is ItemState.PENDING
    box.close()
