"""The kiosk's own small SQLite files (queue numbers, dossier codes): opened the same careful way
so a power cut never hands out a number twice."""

from __future__ import annotations

import sqlite3
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
