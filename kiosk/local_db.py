"""The kiosk's own small SQLite files (queue numbers, dossier codes): opened the same careful way
so a power cut never hands out a number twice, and upgraded by numbered migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlite_utils


def open_local_db(path: Path) -> sqlite_utils.Database:
    """WAL, `synchronous=FULL` and a 5 s busy timeout. Workers use the connection, so it may
    cross threads: the caller serialises its use with a lock."""
    db = sqlite_utils.Database(sqlite3.connect(path, check_same_thread=False))
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute("PRAGMA synchronous=FULL")
    db.conn.execute("PRAGMA busy_timeout=5000")
    return db


Migration = Callable[[sqlite_utils.Database], None]


def migrate(db: sqlite_utils.Database, migrations: Sequence[Migration]) -> None:
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
