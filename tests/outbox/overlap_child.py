"""One of many kiosk starts racing on one data folder: open the outbox (the start-up sweep
runs), store one dossier, close. A start that finds the folder in use says so and leaves.

    python -m tests.outbox.overlap_child DATA_DIR N

Prints "stored ID DIGEST" or "refused".
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, OutboxInUseError, OutboxSettings
from tests.outbox.support import dossier_data, make_scans


def main() -> None:
    data_dir, n = Path(sys.argv[1]), int(sys.argv[2])
    try:
        box = Outbox.open(OutboxSettings(disk_reserve_mb=0), data_dir, FileKeyStore(data_dir / "k"))
    except OutboxInUseError:
        print("refused", flush=True)
        return
    try:
        item = box.enqueue_dossier(f"O-{n}", dossier_data(n), make_scans(1, 5000, seed=n))
        print(f"stored {item.id} {item.digest}", flush=True)
        time.sleep(random.uniform(0, 0.1))
    finally:
        box.close()


if __name__ == "__main__":
    main()
