"""Disk space: refuse new data early, with a reserve, and recognise a full disk when a write
fails anyway (space can vanish between the check and the write, and files have size limits)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from offline_queue.outbox.errors import DiskFullError, StorageError

# ENOSPC: device full; EDQUOT: quota reached; EFBIG: file size limit (RLIMIT_FSIZE) reached.
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_SQLITE_FULL = 13

MB = 1024 * 1024


def ensure_room(folder: Path, needed_bytes: int, reserve_bytes: int) -> None:
    free = shutil.disk_usage(folder).free
    if free - needed_bytes < reserve_bytes:
        raise DiskFullError(
            f"{needed_bytes / MB:.1f} MB needed, {free / MB:.1f} MB free, "
            f"{reserve_bytes / MB:.0f} MB kept in reserve"
        )


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL
    return False


def storage_failure(exc: OSError | sqlite3.Error) -> DiskFullError | StorageError:
    """What to tell the caller when storing a new item failed on the disk."""
    error = DiskFullError if is_disk_full(exc) else StorageError
    return error(f"{type(exc).__name__}: {exc}")
