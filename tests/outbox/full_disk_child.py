"""Run in a child process whose disk runs out (a tiny tmpfs, or RLIMIT_FSIZE): store a few
small dossiers, then bigger ones until the outbox refuses one, then ratings (no files: only the
database grows) until it refuses one too, then read every stored item back and check its
digest. Prints one JSON line for the test.

    python -m tests.outbox.full_disk_child DATA_DIR SMALL_COUNT BIG_KB [--no-precheck]

`--no-precheck` turns off the free-space check, so the writes themselves meet the full disk.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from offline_queue.crypto import FileKeyStore
from offline_queue.durable import is_temp_name
from offline_queue.outbox import Lease, Outbox, OutboxError, OutboxSettings, store
from tests.outbox.support import dossier_data, make_scans


def main() -> None:
    data_dir, small_count, big_kb = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    if "--no-precheck" in sys.argv:
        store.ensure_room = lambda folder, needed, reserve: None
    outbox = Outbox.open(
        OutboxSettings(disk_reserve_mb=0), data_dir, FileKeyStore(data_dir / "kiosk.key")
    )
    stored = [
        outbox.enqueue_dossier(f"S-{n}", dossier_data(n), make_scans(1, 20_000, seed=n))
        for n in range(small_count)
    ]
    refusal = None
    for n in range(1000):
        try:
            stored.append(
                outbox.enqueue_dossier(
                    f"B-{n}", dossier_data(n), make_scans(2, big_kb * 512, seed=n)
                )
            )
        except OutboxError as exc:
            refusal = {"key": exc.message_key, "detail": exc.detail}
            break
    rating_refusal = None
    for n in range(100_000):
        try:
            stored.append(outbox.enqueue_rating(f"R-{n}", {"level": 1 + n % 5, "pad": "x" * 900}))
        except OutboxError as exc:
            rating_refusal = {"key": exc.message_key, "detail": exc.detail}
            break
    intact = 0
    for item in stored:
        lease = Lease(item.id, item.kind, item.digest, item.attempts, "check", 0.0)
        intact += bool(outbox.load_body(lease))
    scans = data_dir / "outbox" / "scans"
    print(
        json.dumps(
            {
                "stored": len(stored),
                "intact": intact,
                "refusal": refusal,
                "rating_refusal": rating_refusal,
                "pending": outbox.counts().pending,
                "files": len(list(scans.iterdir())),
                "temp_files": sum(is_temp_name(p.name) for p in scans.iterdir()),
                "referenced": outbox._db.execute("SELECT COUNT(*) FROM item_files").fetchone()[0],
            }
        )
    )
    outbox.close()


if __name__ == "__main__":
    main()
