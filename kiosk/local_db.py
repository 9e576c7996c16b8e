"""The kiosk's own small SQLite files (queue numbers, dossier codes): opened the same careful way
so a power cut never hands out a number twice, and upgraded by numbered migrations.

Plain `sqlite3`, not sqlite-utils: the queue-number file opens before the home screen's first
frame, and sqlite-utils brings numpy, click and dateutil with it (issue 18)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class LocalDb:
    """One connection in autocommit mode; `atomic()` is the only way to group statements."""

    def __init__(self, path: Path) -> None:
        # workers use the connection, so it may cross threads: the caller serialises its use
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    @contextmanager
    def atomic(self) -> Iterator[LocalDb]:
        """One transaction, taking the write lock at once (a counter read then written must not
        interleave with another process's); rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]

    def close(self) -> None:
        self.conn.close()


def open_local_db(path: Path) -> LocalDb:
    """WAL, `synchronous=FULL` and a 5 s busy timeout."""
    db = LocalDb(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=5000")
    return db


Migration = Callable[[LocalDb], None]


def migrate(db: LocalDb, migrations: Sequence[Migration]) -> None:
    """Run the migrations a file has not had yet, in order, each in its own transaction: the
    file's `user_version` is the number of migrations applied. Never edit a released migration;
    add the next one, so every existing database upgrades the same way."""
    applied = db.execute("PRAGMA user_version").fetchone()[0]
    if applied > len(migrations):
        raise RuntimeError(f"{db.conn} was written by a newer kiosk (schema {applied})")
    for number, step in enumerate(migrations[applied:], start=applied + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version={number}")
