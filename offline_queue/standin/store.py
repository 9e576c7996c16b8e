"""What the stand-in province has received, in its own SQLite database.

Items are kept once per (kind, item id): the same id with the same digest is a repeat and gets
the first receipt back; the same id with another digest is a conflict. Every arrival is also
logged in `deliveries`, so tests can see that a repeat really reached the server.

It is a demo, yet dossiers and ratings hold real citizens' data when someone tries the kiosk:
their bodies are sealed with a key that lives only in the stand-in's memory (readable while it
runs, never after), the file is the owner's alone (0600) and freed pages are zeroed.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SCHEMA = """
CREATE TABLE IF NOT EXISTS received (
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    body TEXT NOT NULL,
    receipt_id TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    dossier_code TEXT,
    scenario TEXT,
    PRIMARY KEY (kind, item_id)
);
CREATE INDEX IF NOT EXISTS received_by_code ON received (dossier_code);
CREATE TABLE IF NOT EXISTS deliveries (
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payments (
    dossier_code TEXT PRIMARY KEY,
    amount_vnd INTEGER NOT NULL,
    paid_at TEXT NOT NULL,
    receipt_number TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS scenario_overrides (
    dossier_code TEXT PRIMARY KEY,
    scenario TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ticket_ranges (
    day TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (day, kiosk_id)
);
CREATE TABLE IF NOT EXISTS kiosks (
    kiosk_id TEXT PRIMARY KEY,
    last_heartbeat_at TEXT NOT NULL,
    last_heartbeat TEXT NOT NULL,
    heartbeats INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_base (
    service_id TEXT PRIMARY KEY,
    waiting INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS nonces (
    kiosk_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at REAL NOT NULL,
    PRIMARY KEY (kiosk_id, nonce)
);
CREATE INDEX IF NOT EXISTS nonces_by_age ON nonces (seen_at);
"""
# Kinds whose bodies the stand-in needs to read as data (queue counts); they hold no one's
# personal data. Every other body is sealed.
CLEAR_KINDS = frozenset({"ticket_record"})
_NONCE_BYTES = 12

# Ticket record events that add someone to a queue, and those that take someone off it.
JOINS_QUEUE = ("issued",)
LEAVES_QUEUE = ("called", "served", "no_show", "cancelled")


@dataclass(frozen=True)
class StoredItem:
    kind: str
    item_id: str
    kiosk_id: str
    digest: str
    receipt_id: str
    received_at: datetime
    dossier_code: str | None
    scenario: str | None


class DigestConflict(Exception):
    """The id is already taken by an item with other content."""


class StandinStore:
    """One connection behind a lock: the stand-in's load is small and this keeps each
    check-then-insert atomic across the server's threads."""

    def __init__(self, path: Path | str) -> None:
        self._lock = threading.Lock()
        self._key = AESGCM(AESGCM.generate_key(bit_length=256))
        path = Path(path)
        # SQLite creates the -wal and -shm files with the database file's mode.
        path.touch(mode=0o600, exist_ok=True)
        os.chmod(path, 0o600)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)

    def _seal(self, kind: str, body: str) -> str:
        if kind in CLEAR_KINDS:
            return body
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return "sealed:" + (nonce + self._key.encrypt(nonce, body.encode(), kind.encode())).hex()

    def _open(self, kind: str, stored: str) -> bytes | None:
        if not stored.startswith("sealed:"):
            return stored.encode()
        raw = bytes.fromhex(stored.removeprefix("sealed:"))
        try:
            return self._key.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], kind.encode())
        except InvalidTag:  # sealed by an earlier run of the stand-in: gone for good
            return None

    def remember_nonce(self, kiosk_id: str, nonce: str, now: float, keep_seconds: float) -> bool:
        """Note a signed request's nonce; False when it was seen within `keep_seconds` (a
        replay). Older nonces are forgotten: the timestamp check refuses their requests."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM nonces WHERE seen_at < ?", (now - keep_seconds,))
            inserted = self._db.execute(
                "INSERT OR IGNORE INTO nonces VALUES (?, ?, ?)", (kiosk_id, nonce, now)
            ).rowcount
        return inserted == 1

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def take_in(
        self,
        kind: str,
        item_id: str,
        kiosk_id: str,
        digest: str,
        body: str,
        now: datetime,
        dossier_code: str | None = None,
        scenario: str | None = None,
    ) -> tuple[StoredItem, bool]:
        """Store a new item, or recognise a repeat. Returns (item, is_repeat)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            item = self._get(kind, item_id)
            if item is None:
                item = StoredItem(
                    kind,
                    item_id,
                    kiosk_id,
                    digest,
                    f"{kind[0].upper()}-{uuid.uuid4().hex[:16]}",
                    now,
                    dossier_code,
                    scenario,
                )
                self._db.execute(
                    "INSERT INTO received VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        kind,
                        item_id,
                        kiosk_id,
                        digest,
                        self._seal(kind, body),
                        item.receipt_id,
                        now.isoformat(),
                        dossier_code,
                        scenario,
                    ),
                )
                outcome = "stored"
            else:
                outcome = "repeat" if item.digest == digest else "conflict"
            self._log(kind, item_id, kiosk_id, outcome, now)
        # Raised after the commit, so the conflicting delivery stays in the log.
        if outcome == "conflict":
            raise DigestConflict(item_id)
        return item, outcome == "repeat"

    def _log(self, kind: str, item_id: str, kiosk_id: str, outcome: str, now: datetime) -> None:
        self._db.execute(
            "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?)",
            (kind, item_id, kiosk_id, outcome, now.isoformat()),
        )

    def _get(self, kind: str, item_id: str) -> StoredItem | None:
        row = self._db.execute(
            "SELECT kind, item_id, kiosk_id, digest, receipt_id, received_at, dossier_code,"
            " scenario FROM received WHERE kind = ? AND item_id = ?",
            (kind, item_id),
        ).fetchone()
        return _item(row) if row else None

    def get(self, kind: str, item_id: str) -> StoredItem | None:
        with self._lock:
            return self._get(kind, item_id)

    def body(self, kind: str, item_id: str) -> bytes | None:
        """The body as received; None when unknown, or sealed by an earlier run."""
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM received WHERE kind = ? AND item_id = ?", (kind, item_id)
            ).fetchone()
        return self._open(kind, row[0]) if row else None

    def items(self, kind: str) -> list[StoredItem]:
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, item_id, kiosk_id, digest, receipt_id, received_at, dossier_code,"
                " scenario FROM received WHERE kind = ? ORDER BY rowid",
                (kind,),
            ).fetchall()
        return [_item(row) for row in rows]

    def find(self, item_ids: list[str]) -> list[StoredItem]:
        marks = ",".join("?" * len(item_ids))
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, item_id, kiosk_id, digest, receipt_id, received_at, dossier_code,"
                f" scenario FROM received WHERE item_id IN ({marks})",
                item_ids,
            ).fetchall()
        return [_item(row) for row in rows]

    def dossier(self, code: str) -> StoredItem | None:
        """A dossier by the code printed for the citizen, or by its id when it has no code."""
        with self._lock:
            row = self._db.execute(
                "SELECT kind, item_id, kiosk_id, digest, receipt_id, received_at, dossier_code,"
                " scenario FROM received WHERE kind = 'dossier' AND"
                " (dossier_code = ? OR (dossier_code IS NULL AND item_id = ?))"
                " ORDER BY rowid LIMIT 1",
                (code, code),
            ).fetchone()
        return _item(row) if row else None

    def count_by_code(self, dossier_code: str) -> int:
        """How many dossiers carry this code: 1 when the link delivered exactly once."""
        with self._lock:
            (count,) = self._db.execute(
                "SELECT count(*) FROM received WHERE kind = 'dossier' AND dossier_code = ?",
                (dossier_code,),
            ).fetchone()
        return count

    def deliveries(self, kind: str, item_id: str | None = None) -> dict[str, int]:
        """How many times items arrived, by outcome (stored, repeat, conflict)."""
        query = "SELECT outcome, count(*) FROM deliveries WHERE kind = ?"
        params: tuple[str, ...] = (kind,)
        if item_id is not None:
            query += " AND item_id = ?"
            params += (item_id,)
        with self._lock:
            rows = self._db.execute(query + " GROUP BY outcome", params).fetchall()
        return dict(rows)

    def override_scenario(self, dossier_code: str, scenario: str) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO scenario_overrides VALUES (?, ?)", (dossier_code, scenario)
            )

    def record_payment(
        self, dossier_code: str, amount_vnd: int, paid_at: str, receipt_number: str
    ) -> None:
        """The province's treasury reports the fee paid (a test or demo says so)."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO payments VALUES (?, ?, ?, ?)",
                (dossier_code, amount_vnd, paid_at, receipt_number),
            )

    def payment(self, dossier_code: str) -> tuple[int, str, str] | None:
        """(amount, paid at, e-receipt number) once paid."""
        with self._lock:
            row = self._db.execute(
                "SELECT amount_vnd, paid_at, receipt_number FROM payments WHERE dossier_code = ?",
                (dossier_code,),
            ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def scenario_override(self, dossier_code: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT scenario FROM scenario_overrides WHERE dossier_code = ?", (dossier_code,)
            ).fetchone()
        return row[0] if row else None

    def ticket_range(
        self, day: str, kiosk_id: str, block: int, ceiling: int = 9999
    ) -> tuple[int, int] | None:
        """This kiosk's numbers for the day: kiosks get consecutive blocks in the order they
        first ask; the same kiosk always gets its block back. None when none are left."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute(
                "SELECT first, last FROM ticket_ranges WHERE day = ? AND kiosk_id = ?",
                (day, kiosk_id),
            ).fetchone()
            if row:
                return row[0], row[1]
            (taken,) = self._db.execute(
                "SELECT coalesce(max(last), 0) FROM ticket_ranges WHERE day = ?", (day,)
            ).fetchone()
            first, last = taken + 1, taken + block
            if last > ceiling:
                return None
            self._db.execute(
                "INSERT INTO ticket_ranges VALUES (?, ?, ?, ?)", (day, kiosk_id, first, last)
            )
            return first, last

    def record_heartbeat(self, kiosk_id: str, body: str, now: datetime) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO kiosks VALUES (?, ?, ?, 1) ON CONFLICT (kiosk_id) DO UPDATE SET"
                " last_heartbeat_at = excluded.last_heartbeat_at,"
                " last_heartbeat = excluded.last_heartbeat, heartbeats = heartbeats + 1",
                (kiosk_id, now.isoformat(), body),
            )

    def latest_heartbeats(self, kiosk_id: str | None = None) -> list[dict[str, Any]]:
        """The newest heartbeat of each kiosk (or of one), as the dashboard shows them."""
        query = "SELECT kiosk_id, last_heartbeat_at, heartbeats, last_heartbeat FROM kiosks"
        with self._lock:
            if kiosk_id is None:
                rows = self._db.execute(query + " ORDER BY kiosk_id").fetchall()
            else:
                rows = self._db.execute(query + " WHERE kiosk_id = ?", (kiosk_id,)).fetchall()
        return [
            {
                "kiosk_id": row[0],
                "received_at": row[1],
                "heartbeats": row[2],
                "heartbeat": json.loads(row[3]),
            }
            for row in rows
        ]

    def heartbeats(self, kiosk_id: str) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT heartbeats FROM kiosks WHERE kiosk_id = ?", (kiosk_id,)
            ).fetchone()
        return row[0] if row else 0

    def set_waiting(self, service_id: str, waiting: int) -> None:
        """People the centre's own queue system has waiting, before kiosk tickets count."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO queue_base VALUES (?, ?)", (service_id, waiting)
            )

    def waiting(self) -> dict[str, int]:
        """People waiting per service: the base count, plus tickets issued, minus tickets
        called, served, missed or cancelled, as the kiosks' ticket records report them."""
        joins = ",".join(f"'{event}'" for event in JOINS_QUEUE)
        leaves = ",".join(f"'{event}'" for event in LEAVES_QUEUE)
        with self._lock:
            counts = dict(self._db.execute("SELECT service_id, waiting FROM queue_base"))
            rows = self._db.execute(
                "SELECT json_extract(body, '$.service_id') AS service,"
                f" sum(CASE WHEN json_extract(body, '$.event') IN ({joins}) THEN 1"
                f" WHEN json_extract(body, '$.event') IN ({leaves}) THEN -1 ELSE 0 END)"
                " FROM received WHERE kind = 'ticket_record' AND json_valid(body)"
                " AND typeof(json_extract(body, '$.service_id')) = 'text' GROUP BY service"
            ).fetchall()
        for service, change in rows:
            counts[service] = counts.get(service, 0) + change
        return {service: max(count, 0) for service, count in counts.items()}


def _item(row: tuple) -> StoredItem:
    kind, item_id, kiosk_id, digest, receipt_id, received_at, dossier_code, scenario = row
    return StoredItem(
        kind,
        item_id,
        kiosk_id,
        digest,
        receipt_id,
        datetime.fromisoformat(received_at),
        dossier_code,
        scenario,
    )
