"""The folder of sealed scan files. Each file is written whole (temp → fsync → rename) and the
folder fsynced before the database row that names it is committed, so after any crash a file
is either referenced and whole, or an orphan the outbox recorded as such (see store.sweep)."""

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

    @staticmethod
    def new_names(count: int) -> list[str]:
        """Fresh random names, chosen before writing so they can be recorded first."""
        return [secrets.token_hex(16) + SUFFIX for _ in range(count)]

    def write_all(self, names: Sequence[str], blobs: Sequence[bytes]) -> None:
        """Store each blob under its name; all or nothing."""
        try:
            for name, blob in zip(names, blobs, strict=True):
                write_file(self.folder / name, blob)
            fsync_dir(self.folder)
        except BaseException:
            self.remove(names)
            raise

    def quarantine(self, names: Iterable[str], destination: Path) -> int:
        """Move files nobody can account for out of the way, never deleting them."""
        moved = 0
        for name in names:
            destination.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(self.folder / name, destination / name)
            moved += 1
        if moved:
            fsync_dir(destination)
            fsync_dir(self.folder)
        return moved

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
