"""A kiosk-side process for the crash test: it enqueues dossiers with scans while its uploader
sends them to a stand-in province and its wiper wipes what the province processed, and keeps
a journal of what it did, so the test can kill it (-9) at any moment and check what survived.

    python -m tests.outbox.crash_driver DATA_DIR URL SECRET_HEX [--drain]

Journal lines (appended with single writes, which a killed process cannot tear):
    start / ready ORPHANS TEMPS LEASES / enqueue-begin ID / enqueued ID DIGEST /
    upload-begin ID / upload-end ID / wipe-begin / wipe-end / drained
Dossier n always has the same content, so enqueuing it again after a crash is harmless.
"""

from __future__ import annotations

import argparse
import os
import random
import threading
import time
from pathlib import Path

from offline_queue.client import ClientSettings, ProvincialClient, Receipt
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, OutboxSettings
from offline_queue.outbox.retention import Wiper
from offline_queue.uploader import Uploader
from tests.outbox.support import dossier_data, make_scans

JOURNAL = "journal.log"
SETTINGS = OutboxSettings(
    disk_reserve_mb=0,
    lease_seconds=1,
    retention_hours=0,
    backoff_base_seconds=0.02,
    backoff_cap_seconds=0.2,
    confirm_interval_seconds=0.05,
    wipe_interval_seconds=0.05,
)
# Keep a few dossiers waiting so uploads, confirmations and wipes all happen in every run.
MAX_WAITING = 8


def dossier_id(n: int) -> str:
    return f"000.00.06.H56-261123-{n:04d}"


def dossier_scans(n: int) -> list:
    rng = random.Random(n)
    return make_scans(rng.randint(1, 3), rng.randint(20_000, 120_000), seed=n)


class Journal:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def write(self, *words: object) -> None:
        os.write(self._fd, (" ".join(map(str, words)) + "\n").encode())


def enqueued_so_far(journal_path: Path) -> int:
    return sum(1 for line in journal_path.read_text().splitlines() if line.startswith("enqueued "))


class JournalingClient:
    """The real client, with each submission's start and end written to the journal."""

    def __init__(self, client: ProvincialClient, journal: Journal) -> None:
        self._client = client
        self._journal = journal

    def submit_dossier(self, dossier_id: str, body: bytes, digest: str) -> Receipt:
        self._journal.write("upload-begin", dossier_id)
        try:
            return self._client.submit_dossier(dossier_id, body, digest)
        finally:
            self._journal.write("upload-end", dossier_id)

    def submit_rating(self, rating_id: str, body: bytes) -> Receipt:
        return self._client.submit_rating(rating_id, body)

    def submit_ticket_record(self, record_id: str, body: bytes) -> Receipt:
        return self._client.submit_ticket_record(record_id, body)

    def heartbeat(self, body: bytes) -> None:
        self._client.heartbeat(body)

    def confirmations(self, item_ids: list[str]) -> dict[str, str]:
        return self._client.confirmations(item_ids)


def wipe_loop(outbox: Outbox, journal: Journal, stop: threading.Event) -> None:
    wiper = Wiper(outbox)
    while not stop.wait(SETTINGS.wipe_interval_seconds):
        if outbox.due_for_wipe():
            journal.write("wipe-begin")
            try:
                wiper.run_once()
            finally:
                journal.write("wipe-end")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("url")
    parser.add_argument("secret_hex")
    parser.add_argument("--drain", action="store_true", help="enqueue nothing; exit when empty")
    args = parser.parse_args()
    journal_path = args.data_dir / JOURNAL
    journal = Journal(journal_path)
    journal.write("start")
    outbox = Outbox.open(SETTINGS, args.data_dir, FileKeyStore(args.data_dir / "kiosk.key"))
    sweep = outbox.last_sweep
    journal.write(
        "ready", sweep.orphan_files_removed, sweep.temp_files_removed, sweep.leases_requeued
    )
    print("ready", flush=True)
    client = ProvincialClient(
        ClientSettings(
            base_url=args.url,
            kiosk_id="kiosk-01",
            secret=bytes.fromhex(args.secret_hex),
            connect_timeout=1.0,
            read_timeout=3.0,
        )
    )
    uploader = Uploader(outbox, JournalingClient(client, journal))
    stop = threading.Event()
    wiper = threading.Thread(target=wipe_loop, args=(outbox, journal, stop), daemon=True)
    uploader.start()
    wiper.start()
    if args.drain:
        while True:
            counts = outbox.counts()
            if counts.waiting + counts.acked + counts.processed == 0:
                break
            time.sleep(0.05)
        stop.set()
        uploader.stop()
        wiper.join()
        outbox.close()
        journal.write("drained")
        return
    n = enqueued_so_far(journal_path)
    while True:
        if outbox.counts().waiting >= MAX_WAITING:
            time.sleep(0.01)
            continue
        journal.write("enqueue-begin", dossier_id(n))
        item = outbox.enqueue_dossier(dossier_id(n), dossier_data(n), dossier_scans(n))
        journal.write("enqueued", item.id, item.digest)
        uploader.wake()
        n += 1


if __name__ == "__main__":
    main()
