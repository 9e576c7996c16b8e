"""Many kiosk starts racing on one data folder, each its own process: open the outbox (the
start-up sweep runs), store one dossier, close. A start that finds the folder in use says so
and leaves.

    python -m tests.outbox.overlap_child DATA_DIR STARTS

The interpreter and the outbox's modules are loaded once, then STARTS processes are forked and
held at a gate until all exist, so they overlap however loaded the machine is (fifty separate
interpreters cost half a CPU-second each to start, which spread them out under load and took
the test past its time limit). Each prints "stored ID DIGEST" or "refused"; the exit status is
1 if any of them failed.
"""

from __future__ import annotations

import os
import random
import sys
import time
import traceback
from pathlib import Path

from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, OutboxInUseError, OutboxSettings
from tests.outbox.support import dossier_data, make_scans


def one_start(data_dir: Path, n: int) -> None:
    rng = random.Random(n)
    time.sleep(rng.uniform(0, 2))  # the starts come in a burst over two seconds
    try:
        box = Outbox.open(OutboxSettings(disk_reserve_mb=0), data_dir, FileKeyStore(data_dir / "k"))
    except OutboxInUseError:
        os.write(1, b"refused\n")
        return
    try:
        item = box.enqueue_dossier(f"O-{n}", dossier_data(n), make_scans(1, 5000, seed=n))
        os.write(1, f"stored {item.id} {item.digest}\n".encode())
        time.sleep(rng.uniform(0, 0.1))
    finally:
        box.close()


def main() -> int:
    data_dir, starts = Path(sys.argv[1]), int(sys.argv[2])
    gate_out, gate_in = os.pipe()
    children = []
    for n in range(starts):
        pid = os.fork()
        if pid == 0:
            os.close(gate_in)
            os.read(gate_out, 1)  # returns at EOF: when the parent closes the gate
            status = 0
            try:
                one_start(data_dir, n)
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                sys.stderr.flush()
                os._exit(status)
        children.append(pid)
    os.close(gate_out)
    os.close(gate_in)  # every start goes
    failed = sum(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0 for pid in children)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
