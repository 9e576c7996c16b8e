"""After wipes, a raw image of the kiosk's data folder — every byte of every file, SQLite's free
pages and the WAL included — holds no personal data of a wiped dossier in the clear, and no
wrapped key in it opens with the kiosk's key, the current one or a copy of the old one taken
before the wipes (as a thief with an earlier disk image would have)."""

from __future__ import annotations

from pathlib import Path

from offline_queue.crypto import NONCE_BYTES, SEALED_FORMAT, FileKeyStore, IntegrityError, KeyStore
from offline_queue.outbox import ItemState, Outbox, OutboxSettings, Scan
from offline_queue.outbox.retention import Wiper
from tests.outbox.support import MARKERS, ManualClock

# format byte + nonce + a 32-byte data key + the 16-byte GCM tag
WRAPPED_KEY_BYTES = len(SEALED_FORMAT) + NONCE_BYTES + 32 + 16


def applicant(n: int) -> dict[str, str]:
    """Each dossier's own markers, so a leak can be traced to the dossier it came from."""
    return {**MARKERS, "id_number": f"0793010{n:05d}", "name": f"Trần Văn Bảo{n:03d}"}


def markers_of(n: int) -> list[bytes]:
    person = applicant(n)
    return [value.encode() for value in person.values()] + [f"scan-page-{n:03d}".encode()]


def raw_image(folder: Path) -> bytes:
    """Every file under the data folder, whole: live rows, free pages, WAL frames, key files."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def keys_that_open(image: bytes, keystore: KeyStore, item_ids: list[str]) -> set[str]:
    """Every place in the image shaped like a wrapped key, tried for every item's context."""
    opened = set()
    start = image.find(SEALED_FORMAT)
    while start != -1:
        candidate = image[start : start + WRAPPED_KEY_BYTES]
        if len(candidate) == WRAPPED_KEY_BYTES:
            for item_id in item_ids:
                try:
                    keystore.unwrap(candidate, f"{item_id}\x00key".encode())
                except IntegrityError:
                    continue
                opened.add(item_id)
        start = image.find(SEALED_FORMAT, start + 1)
    return opened


def test_nothing_of_a_wiped_dossier_is_left_on_the_disk(tmp_path: Path) -> None:
    clock = ManualClock()
    settings = OutboxSettings(disk_reserve_mb=0, retention_hours=1, wipe_interval_seconds=1)
    key_file = tmp_path / "keys" / "outbox.key"
    box = Outbox.open(settings, tmp_path, FileKeyStore(key_file), clock=clock)
    wiped_ids, live_ids = [f"W-{n}" for n in range(12)], [f"L-{n}" for n in range(12, 15)]
    for n, item_id in enumerate(wiped_ids + live_ids):
        scan = Scan("giay-to.jpg", "image/jpeg", f"scan-page-{n:03d}".encode() * 50)
        data = {"procedure_code": "1.001193", "applicant": applicant(n), "form": {"n": n}}
        box.enqueue_dossier(item_id, data, [scan])
    thief_copy = key_file.read_bytes()  # an earlier image of the disk had the old key
    for item_id in wiped_ids:
        lease = box.claim_next()
        assert lease.item_id == item_id
        box.mark_acked(lease, f"R-{item_id}")
    box.mark_processed(wiped_ids)
    clock.advance(3601)

    assert Wiper(box).run_once() == len(wiped_ids)

    image = raw_image(tmp_path)
    for n in range(len(wiped_ids)):
        for marker in markers_of(n):
            assert marker not in image, marker
    old_key_file = tmp_path / "thief" / "old.key"
    old_key_file.parent.mkdir(mode=0o700)
    old_key_file.write_bytes(thief_copy)
    old_key_file.chmod(0o600)
    current = FileKeyStore(key_file)
    all_ids = wiped_ids + live_ids
    # The live items' keys are found and open with the current key: the search works…
    assert keys_that_open(image, current, all_ids) == set(live_ids)
    # …and no wrapped key in the image opens with the key from before the wipes.
    assert keys_that_open(image, FileKeyStore(old_key_file), all_ids) == set()
    assert box.item("W-0").state is ItemState.WIPED
    # The live items still open after the kiosk key was replaced.
    lease = box.claim_next()
    assert lease.item_id == "L-12" and "Bảo012".encode() in box.load_body(lease)
    box.close()
