"""Personal data never lies on disk in the clear: not in the database, its WAL, nor the scans."""

from __future__ import annotations

import base64
import json
import random
import unicodedata
from pathlib import Path

from offline_queue.client import ProvincialClient
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, Scan
from offline_queue.outbox.retention import Wiper
from offline_queue.standin.embedded import EmbeddedStandin
from offline_queue.uploader import Uploader
from tests.outbox.support import MARKERS, dossier_data


def _spellings(text: str) -> set[bytes]:
    """The ways a marker could end up in bytes: UTF-8 composed and decomposed, UTF-16,
    without diacritics, and JSON-escaped."""
    folded = (
        "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        .replace("đ", "d")
        .replace("Đ", "D")
    )
    return {
        text.encode(),
        unicodedata.normalize("NFD", text).encode(),
        text.encode("utf-16-le"),
        text.encode("utf-16-be"),
        folded.encode(),
        json.dumps(text).encode(),
    }


def _scan_with_markers(seed: int) -> Scan:
    """A 'scan' of the ID card: image noise with the card's text in it, as OCR-able pixels
    or metadata would carry it."""
    rng = random.Random(seed)
    text = " ".join(MARKERS.values()).encode()
    return Scan(
        "cccd-mat-truoc.jpg", "image/jpeg", rng.randbytes(30_000) + text + rng.randbytes(30_000)
    )


def _disk_bytes(outbox_folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outbox_folder)): path.read_bytes()
        for path in sorted(outbox_folder.rglob("*"))
        if path.is_file()
    }


def _leaks(files: dict[str, bytes], needles: dict[str, set[bytes]]) -> list[str]:
    return [
        f"{name} holds {what}"
        for name, data in files.items()
        for what, spellings in needles.items()
        if any(s in data for s in spellings)
    ]


def test_no_marker_of_personal_data_is_on_disk_at_any_stage(
    tmp_path: Path,
    outbox: Outbox,
    keystore: FileKeyStore,
    standin: EmbeddedStandin,
    client: ProvincialClient,
) -> None:
    scans = [_scan_with_markers(n) for n in range(2)]
    needles = {key: _spellings(value) for key, value in MARKERS.items()}
    needles["scan bytes"] = {scans[0].content[:48], base64.b64encode(scans[0].content[:48])}
    for n in range(3):
        outbox.enqueue_dossier(f"D-{n}", dossier_data(n), scans)
    outbox.enqueue_rating("R-1", {"level": 5, "comment": f"Cảm ơn, {MARKERS['name']}"})
    outbox.enqueue_ticket_record(
        "T-1", {"number": 12, "event": "issued", "phone": MARKERS["phone"]}
    )
    folder = tmp_path / "outbox"

    stored = _disk_bytes(folder)
    assert {"outbox.db", "outbox.db-wal"} <= set(stored) and len(stored) >= 8
    assert stored["outbox.db-wal"], "the WAL must still hold the new rows for this to test it"
    assert _leaks(stored, needles) == []
    # …while they really are in what the outbox was given, and in what it sends.
    lease = outbox.claim_next()
    assert _leaks({"the body sent": outbox.load_body(lease)}, {"name": needles["name"]})
    outbox.retry_later(lease, 0, "test")

    uploader = Uploader(outbox, client)
    while outbox.counts().waiting:
        uploader.run_once()
    assert _leaks(_disk_bytes(folder), needles) == []

    standin.clock.advance(3600)
    while outbox.counts().acked:
        uploader.run_once()
    outbox.close()
    wiped = Outbox.open(
        outbox.settings.model_copy(update={"retention_hours": 0}), tmp_path, keystore
    )
    assert Wiper(wiped).run_once() == 5
    after = _disk_bytes(folder)
    assert not any(name.startswith("scans/") for name in after)
    assert _leaks(after, needles) == []
    wiped.close()
