"""Crash-safe file writes: a file is either absent or whole, never half-written.

Write to a temporary name, fsync it, rename it into place, then fsync the folder so the rename
itself survives a power cut. Temporary names start with "." and end in ".tmp" so a start-up sweep
can recognise and remove what a crash left behind.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platform_layer import fsync_dir

__all__ = ["fsync_dir", "is_temp_name", "temp_name_for", "write_file"]

TEMP_SUFFIX = ".tmp"


def temp_name_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def write_file(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` via a fsynced temporary file. The caller fsyncs the folder (once
    for a batch of files) before it relies on the new names."""
    temp = temp_name_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(temp, path)
