"""The folder of sealed scan files. Each file is written whole (temp → fsync → rename) and the
folder fsynced before the database row that names it is committed, so after any crash a file
is either referenced and whole, or an orphan that the start-up sweep removes."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path

from offline_queue.durable import fsync_dir, is_temp_name, write_file

SUFFIX = ".sealed"


class ScanFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # The folder's own entry must survive a power cut as much as the files in it.
        fsync_dir(folder.parent)

    def write_all(self, blobs: Sequence[bytes]) -> list[str]:
        """Store every blob under a fresh random name; all or nothing."""
        names: list[str] = []
        try:
            for blob in blobs:
                name = secrets.token_hex(16) + SUFFIX
                write_file(self.folder / name, blob)
                names.append(name)
            fsync_dir(self.folder)
        except BaseException:
            self.remove(names)
            raise
        return names

    def read(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()

    def remove(self, names: Iterable[str]) -> None:
        removed = False
        for name in names:
            try:
                (self.folder / name).unlink()
                removed = True
            except FileNotFoundError:
                continue
        if removed:
            fsync_dir(self.folder)

    def sealed_names(self) -> set[str]:
        return {entry.name for entry in os.scandir(self.folder) if entry.name.endswith(SUFFIX)}

    def temp_names(self) -> set[str]:
        return {entry.name for entry in os.scandir(self.folder) if is_temp_name(entry.name)}
