"""Setting damaged outbox storage aside instead of deleting it, so the kiosk goes on with a
fresh outbox while nothing that was stored is lost: a technician (or the province's support)
can still recover it from the set-aside folder.

Each set-aside is a folder `set-aside/<UTC time>-<reason>/` inside the outbox folder holding the
moved (or copied) files, a copy of the kiosk key file when it still fits the data, and
`reason.txt`. It stays until a person removes it; while it is there, the technician screen
says so.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

from offline_queue.durable import fsync_dir, write_file
from offline_queue.outbox.model import StorageNotice

log = logging.getLogger(__name__)

FOLDER = "set-aside"
REASON_FILE = "reason.txt"
# reason → translation key of what the technician reads
REASONS = {
    "damaged": "outbox.notice.set_aside_damaged",
    "wal-damaged": "outbox.notice.wal_damaged",
    "key-lost": "outbox.notice.set_aside_key_lost",
}


def set_aside(
    outbox_folder: Path,
    reason: str,
    detail: str,
    move: Sequence[Path],
    copy: Sequence[Path] = (),
) -> Path:
    """Move `move` and copy `copy` (those that exist) into a new set-aside folder; durable
    (fsynced) before it returns. Returns the folder."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = outbox_folder / FOLDER / f"{stamp}-{reason}"
    suffix = 1
    while target.exists():
        suffix += 1
        target = outbox_folder / FOLDER / f"{stamp}-{reason}-{suffix}"
    target.mkdir(mode=0o700, parents=True)
    fsync_dir(target.parent)
    for path in copy:
        if path.exists():
            shutil.copy2(path, target / path.name)
            with open(target / path.name, "rb+") as fh:
                os.fsync(fh.fileno())
    for path in move:
        if path.exists():
            os.replace(path, target / path.name)
    write_file(target / REASON_FILE, f"{reason}\n{detail}\n".encode())
    fsync_dir(target)
    fsync_dir(outbox_folder)
    log.error("outbox storage set aside in %s (%s): %s", target, reason, detail)
    return target


def set_aside_notices(outbox_folder: Path) -> list[StorageNotice]:
    folder = outbox_folder / FOLDER
    if not folder.is_dir():
        return []
    notices = []
    for entry in sorted(folder.iterdir()):
        try:
            reason, _, detail = (entry / REASON_FILE).read_text().partition("\n")
        except OSError:
            reason, detail = "damaged", "(no reason recorded)"
        key = REASONS.get(reason.strip(), REASONS["damaged"])
        notices.append(StorageNotice(key, detail.strip(), str(entry)))
    return notices
