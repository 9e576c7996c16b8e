"""The outbox database's schema, versioned in `PRAGMA user_version` and upgraded in order.

A migration is a list of statements run in one transaction together with the version bump, so a
crash mid-upgrade leaves the previous version intact. Never edit a released migration: add one.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from offline_queue.outbox.errors import SchemaTooNewError

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: items with their sealed data and delivery bookkeeping; the scan files of each item;
    # a value sealed with the kiosk key, to recognise a wrong key file at start-up.
    (
        """
        CREATE TABLE items (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            wrapped_key BLOB,
            sealed_body BLOB,
            digest TEXT NOT NULL,
            body_bytes INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            lease_owner TEXT,
            lease_until REAL,
            last_error TEXT,
            receipt_id TEXT,
            acked_at REAL,
            processed_at REAL,
            wiped_at REAL,
            quarantined_at REAL,
            quarantine_reason TEXT
        )
        """,
        "CREATE INDEX items_by_state ON items (state, next_attempt_at, created_at)",
        """
        CREATE TABLE item_files (
            item_id TEXT NOT NULL REFERENCES items (id),
            seq INTEGER NOT NULL,
            file_name TEXT NOT NULL UNIQUE,
            sealed_bytes INTEGER NOT NULL,
            PRIMARY KEY (item_id, seq)
        )
        """,
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
    ),
    # 2: scan files about to be written, or about to be deleted after a wipe. The start-up sweep
    # deletes an unreferenced file only when it is recorded here (provably an orphan); any other
    # unreferenced file goes to the quarantine folder.
    (
        """
        CREATE TABLE file_intents (
            file_name TEXT PRIMARY KEY,
            item_id TEXT NOT NULL,
            intent TEXT NOT NULL CHECK (intent IN ('write', 'delete'))
        )
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> int:
    """Bring the database up to `SCHEMA_VERSION`; returns the version found before."""
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise SchemaTooNewError(f"database schema {found}, this software knows {SCHEMA_VERSION}")
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            for statement in MIGRATIONS[version - 1]:
                db.execute(statement)
            # PRAGMA takes no parameters; `version` is an int from our own table.
            db.execute(f"PRAGMA user_version = {version:d}")
    return found


def configure_connection(db: Database, busy_timeout_ms: int) -> None:
    """Durability settings: WAL, fsync on every commit, wait for a busy writer, zero freed
    pages so a wiped item's bytes do not linger in the file."""
    db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms:d}")
    db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA foreign_keys = ON")


def open_connection(path: str, busy_timeout_s: float) -> sqlite3.Connection:
    # One connection shared by the uploader, the wiper and the journeys' worker threads; the
    # outbox serialises its use with a lock.
    return sqlite3.connect(path, timeout=busy_timeout_s, check_same_thread=False)
