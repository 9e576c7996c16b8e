"""Run in a child process on a tiny tmpfs: queue a few ratings, fill the disk to the last byte,
run the uploader for a while (every step it takes needs the disk), then free the disk and let
it deliver. Prints one JSON line: how often it tried while the disk was full, what it logged,
what the technician would see, and what reached the stand-in.

    python -m tests.outbox.stuck_disk_child DATA_DIR SECONDS_FULL
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from offline_queue.client import ProvincialClient
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, OutboxSettings
from offline_queue.standin.embedded import start_standin
from offline_queue.uploader import Uploader

ITEMS = 5


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.lines.append(record.getMessage().splitlines()[0])


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # ENOSPC: not one block is left
        pass
    finally:
        os.close(fd)
    return filler


def main() -> None:
    data_dir, seconds_full = Path(sys.argv[1]), float(sys.argv[2])
    lines = Lines()
    logging.getLogger("offline_queue").addHandler(lines)
    logging.getLogger("offline_queue").setLevel(logging.INFO)
    settings = OutboxSettings(disk_reserve_mb=0, backoff_base_seconds=0.05, backoff_cap_seconds=1)
    outbox = Outbox.open(settings, data_dir, FileKeyStore(data_dir / "kiosk.key"))
    for n in range(ITEMS):
        outbox.enqueue_rating(f"R-{n}", {"level": 1 + n % 5})
    outbox.checkpoint()  # an empty WAL: the next change needs new space on the disk
    filler = fill(data_dir)
    standin = start_standin(Path(tempfile.mkdtemp()) / "standin.sqlite")
    client = ProvincialClient(standin.client_settings())
    uploader = Uploader(outbox, client)
    cpu_before = time.process_time()
    uploader.start()
    time.sleep(seconds_full)
    tries_while_full = uploader._trouble.failures
    seen_while_full = uploader.snapshot().storage_error_key
    cpu_while_full = time.process_time() - cpu_before
    lines_while_full = list(lines.lines)
    filler.unlink()
    give_up = time.monotonic() + 30
    while len(standin.store.items("rating")) < ITEMS and time.monotonic() < give_up:
        time.sleep(0.05)
    time.sleep(0.2)
    uploader.stop()
    print(
        json.dumps(
            {
                "tries_while_full": tries_while_full,
                "seen_while_full": seen_while_full,
                "seen_after": uploader.snapshot().storage_error_key,
                "cpu_seconds_while_full": round(cpu_while_full, 3),
                "lines_while_full": lines_while_full,
                "lines": lines.lines,
                "delivered": len(standin.store.items("rating")),
            }
        )
    )
    outbox.close()
    client.close()
    standin.stop()


if __name__ == "__main__":
    main()
