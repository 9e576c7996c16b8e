"""The durable outbox: every item the kiosk must hand to the province, kept until the province
confirms it processed it, whatever happens to the power or the network in between.

One SQLite database (WAL, synchronous=FULL) holds each item's bookkeeping and its sealed data;
scans are sealed files beside it. Every change runs inside `db.atomic()`, so a crash leaves
either the old state or the new one. The uploader and the wiper drive items through their
states with the methods below; journeys only enqueue.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from offline_queue.contract.ids import ITEM_ID_PATTERN
from offline_queue.crypto import DataKey, IntegrityError, KeyStore, KeyStoreError
from offline_queue.outbox.config import OutboxSettings
from offline_queue.outbox.errors import (
    DuplicateItemError,
    InvalidItemError,
    ItemCorruptedError,
    OutboxInUseError,
)
from offline_queue.outbox.model import (
    UNCONFIRMED_STATES,
    Alert,
    ItemKind,
    ItemState,
    Lease,
    OutboxItem,
    QueueCounts,
    Scan,
    StorageNotice,
    SweepReport,
)
from offline_queue.outbox.payload import canonical_json, digest_of, dossier_body
from offline_queue.outbox.scanfiles import ScanFolder
from offline_queue.outbox.schema import configure_connection, migrate, open_connection
from offline_queue.outbox.setaside import set_aside, set_aside_notices
from offline_queue.outbox.space import MB, ensure_room, storage_failure
from offline_queue.outbox.walcheck import wal_damage
from platform_layer import AlreadyLocked, exclusive_lock

log = logging.getLogger(__name__)

DB_NAME = "outbox.db"
SCANS_FOLDER = "scans"
QUARANTINE_FOLDER = "quarantine"
LOCK_NAME = "outbox.lock"
# SQLite's codes for a file that is damaged or is no database at all.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
BUSY_TIMEOUT_S = 5.0
# Room a new item needs besides its sealed data: its row, index entries and WAL frames.
ROW_OVERHEAD_BYTES = 64 * 1024
_KEY_CHECK_CONTEXT = b"outbox/key-check"

_ITEM_COLUMNS = (
    "id, kind, state, created_at, attempts, next_attempt_at, digest, body_bytes, last_error, "
    "receipt_id, acked_at, processed_at, wiped_at, quarantined_at, quarantine_reason"
)


def _context(item_id: str, part: str) -> bytes:
    """What a sealed blob is bound to, so parts cannot be swapped between items."""
    return f"{item_id}\x00{part}".encode()


def _item_from_row(row: Sequence[Any]) -> OutboxItem:
    return OutboxItem(
        id=row[0],
        kind=ItemKind(row[1]),
        state=ItemState(row[2]),
        created_at=row[3],
        attempts=row[4],
        next_attempt_at=row[5],
        digest=row[6],
        body_bytes=row[7],
        last_error=row[8],
        receipt_id=row[9],
        acked_at=row[10],
        processed_at=row[11],
        wiped_at=row[12],
        quarantined_at=row[13],
        quarantine_reason=row[14],
    )


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "quick_check" in str(exc)


def _open_database(path: Path) -> Database:
    """Connect, set durability, check the file's structure and upgrade its schema. Raises
    sqlite3.DatabaseError for a damaged file (see `_is_damage`)."""
    db = Database(open_connection(str(path), BUSY_TIMEOUT_S), execute_plugins=False)
    try:
        configure_connection(db, int(BUSY_TIMEOUT_S * 1000))
        problems = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError(f"quick_check: {'; '.join(problems)[:300]}")
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _checked_id(item_id: str) -> str:
    if not isinstance(item_id, str) or not ITEM_ID_PATTERN.match(item_id):
        raise InvalidItemError(f"item id {item_id!r} is not 1–128 of A–Z a–z 0–9 . _ : -")
    return item_id


class Outbox:
    """Open with `Outbox.open(settings, data_dir, keystore)`; safe to share between threads."""

    def __init__(
        self,
        db: Database,
        scans: ScanFolder,
        keystore: KeyStore,
        settings: OutboxSettings,
        clock: Callable[[], float],
        held: ExitStack | None = None,
    ) -> None:
        self._db = db
        self._scans = scans
        self._folder = scans.folder.parent
        self._keystore = keystore
        self._settings = settings
        self._clock = clock
        self._lock = threading.RLock()
        # The folder's lock (and anything else to let go at close).
        self._held = held or ExitStack()
        self.last_sweep = SweepReport(0, 0, 0)

    @classmethod
    def open(
        cls,
        settings: OutboxSettings,
        data_dir: Path,
        keystore: KeyStore,
        *,
        clock: Callable[[], float] = time.time,
    ) -> Outbox:
        """Open (or create) the outbox, upgrade its schema and sweep what a crash left.

        Only one process may have a data folder's outbox open: OutboxInUseError otherwise,
        before anything is read. A damaged database (or one sealed with a kiosk key that is
        gone) is set aside, never deleted, and a fresh one opened so citizens can go on;
        a damaged WAL is copied aside before SQLite drops its tail. `notices()` tells the
        technician about each."""
        folder = settings.folder_path(data_dir)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        held = ExitStack()
        try:
            held.enter_context(exclusive_lock(folder / LOCK_NAME))
        except AlreadyLocked as exc:
            raise OutboxInUseError(str(folder)) from exc
        try:
            outbox = cls._open_locked(folder, settings, keystore, clock, held)
        except BaseException:
            held.close()
            raise
        return outbox

    @classmethod
    def _open_locked(
        cls,
        folder: Path,
        settings: OutboxSettings,
        keystore: KeyStore,
        clock: Callable[[], float],
        held: ExitStack,
    ) -> Outbox:
        db_path = folder / DB_NAME
        side_files = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
        kept_key = [keystore.path] if keystore.path is not None else []
        damage = wal_damage(side_files[1])
        if damage:
            set_aside(folder, "wal-damaged", damage, move=[], copy=side_files[:2] + kept_key)
        try:
            db = _open_database(db_path)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise storage_failure(exc) from exc
            moved = [*side_files, folder / SCANS_FOLDER]
            set_aside(folder, "damaged", f"{type(exc).__name__}: {exc}", moved, kept_key)
            db = _open_database(db_path)
        outbox = cls(db, ScanFolder(folder / SCANS_FOLDER), keystore, settings, clock, held)
        try:
            outbox._check_kiosk_key()
        except KeyStoreError:
            db.close()
            if not keystore.created:
                # Another key file than the outbox's: a mix-up a technician must put right;
                # a fresh outbox would only hide it.
                raise
            # The key file is gone: what it sealed can never be opened here again. Kept aside
            # (the key may turn up in a backup) while a fresh outbox takes new dossiers.
            detail = "the kiosk key file was missing; a new key was made"
            set_aside(folder, "key-lost", detail, move=[*side_files, folder / SCANS_FOLDER])
            db = _open_database(db_path)
            outbox = cls(db, ScanFolder(folder / SCANS_FOLDER), keystore, settings, clock, held)
            outbox._check_kiosk_key()
        try:
            # After WAL damage a record of a write may have outlived the lost commit that
            # used it: then no record proves a file an orphan.
            outbox.last_sweep = outbox.sweep(trust_records=not damage)
        except BaseException:
            db.close()
            raise
        return outbox

    @property
    def settings(self) -> OutboxSettings:
        return self._settings

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._held.close()

    # -- enqueue ---------------------------------------------------------------------------

    def enqueue_dossier(
        self, dossier_code: str, data: Mapping[str, Any], scans: Sequence[Scan]
    ) -> OutboxItem:
        """Store a dossier for delivery; its code is also its idempotency key. `data` holds
        the contract's Dossier members (procedure_code, applicant, form, submitted_at …).

        Returns once everything is on disk (fsynced). Raises DiskFullError, with nothing
        stored, when the disk cannot take it. Enqueuing the same dossier again returns the
        stored item; the same code with other content is refused."""
        dossier_id = _checked_id(dossier_code)
        for scan in scans:
            if not scan.name or not isinstance(scan.content, bytes | bytearray):
                raise InvalidItemError("every scan needs a name and bytes")
        body = dossier_body(dossier_id, data, scans)
        manifest = canonical_json(
            {
                "data": dict(data),
                "scans": [{"name": s.name, "content_type": s.content_type} for s in scans],
            }
        )
        return self._store(
            dossier_id, ItemKind.DOSSIER, body, manifest, [bytes(scan.content) for scan in scans]
        )

    def enqueue_rating(self, rating_id: str, rating: Mapping[str, Any]) -> OutboxItem:
        _checked_id(rating_id)
        body = canonical_json(dict(rating))
        return self._store(rating_id, ItemKind.RATING, body, body, [])

    def enqueue_ticket_record(self, record_id: str, record: Mapping[str, Any]) -> OutboxItem:
        _checked_id(record_id)
        body = canonical_json(dict(record))
        return self._store(record_id, ItemKind.TICKET_RECORD, body, body, [])

    def enqueue_notice(self, notice_id: str, notice: Mapping[str, Any]) -> OutboxItem:
        """A short message for the centre's staff (printer paper running out, a citizen asking
        for help); kept and retried like a rating, so it reaches them after an outage too."""
        _checked_id(notice_id)
        body = canonical_json(dict(notice))
        return self._store(notice_id, ItemKind.NOTICE, body, body, [])

    def enqueue_heartbeat(self, heartbeat: Mapping[str, Any]) -> OutboxItem:
        """Queue the kiosk's latest health report; an older one still waiting is dropped, since
        only the newest says anything about the kiosk now."""
        body = canonical_json(dict(heartbeat))
        return self._store(f"heartbeat-{uuid.uuid4().hex}", ItemKind.HEARTBEAT, body, body, [])

    def _store(
        self, item_id: str, kind: ItemKind, body: bytes, sealed_part: bytes, files: list[bytes]
    ) -> OutboxItem:
        digest = digest_of(body)
        existing = self.item(item_id)
        if existing is not None:
            return self._same_or_refuse(existing, digest)

        data_key = DataKey.generate()
        sealed_body = data_key.seal(sealed_part, _context(item_id, "body"))
        sealed_files = [
            data_key.seal(blob, _context(item_id, f"scan/{seq}")) for seq, blob in enumerate(files)
        ]
        needed = len(sealed_body) + sum(map(len, sealed_files)) + ROW_OVERHEAD_BYTES
        ensure_room(self._scans.folder, needed, int(self._settings.disk_reserve_mb * MB))
        names = self._scans.new_names(len(sealed_files))
        try:
            # Recorded before the files exist, so a crash between file and row leaves an orphan
            # the sweep can prove is one.
            self._record_intents(item_id, names, "write")
            self._scans.write_all(names, sealed_files)
        except (OSError, sqlite3.Error) as exc:
            self._forget_intents(names)
            raise storage_failure(exc) from exc
        try:
            self._insert(
                item_id,
                kind,
                data_key,
                sealed_body,
                digest,
                len(body),
                names,
                [len(blob) for blob in sealed_files],
            )
        except BaseException as exc:
            self._scans.remove(names)
            self._forget_intents(names)
            existing = self.item(item_id)
            if existing is not None:  # another thread stored the same id meanwhile
                return self._same_or_refuse(existing, digest)
            if isinstance(exc, OSError | sqlite3.Error):
                raise storage_failure(exc) from exc
            raise
        stored = self.item(item_id)
        assert stored is not None
        return stored

    def _insert(
        self,
        item_id: str,
        kind: ItemKind,
        data_key: DataKey,
        sealed_body: bytes,
        digest: str,
        body_bytes: int,
        names: list[str],
        sizes: list[int],
    ) -> None:
        now = self._clock()
        with self._lock, self._db.atomic():
            # Wrapped under the lock: a kiosk-key rotation (which holds it) either re-wraps
            # this row or happened before, never between wrapping and storing.
            wrapped_key = self._keystore.wrap(data_key, _context(item_id, "key"))
            if kind is ItemKind.HEARTBEAT:
                self._db.execute(
                    "DELETE FROM items WHERE kind = ? AND state = ?",
                    [ItemKind.HEARTBEAT, ItemState.PENDING],
                )
            self._db.execute(
                "INSERT INTO items (id, kind, state, created_at, updated_at, wrapped_key, "
                "sealed_body, digest, body_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item_id,
                    kind,
                    ItemState.PENDING,
                    now,
                    now,
                    wrapped_key,
                    sealed_body,
                    digest,
                    body_bytes,
                ],
            )
            for seq, (name, size) in enumerate(zip(names, sizes, strict=True)):
                self._db.execute(
                    "INSERT INTO item_files (item_id, seq, file_name, sealed_bytes) "
                    "VALUES (?, ?, ?, ?)",
                    [item_id, seq, name, size],
                )
                self._db.execute("DELETE FROM file_intents WHERE file_name = ?", [name])

    def _record_intents(self, item_id: str, names: Sequence[str], intent: str) -> None:
        if not names:
            return
        with self._lock, self._db.atomic():
            for name in names:
                self._db.execute(
                    "INSERT OR REPLACE INTO file_intents (file_name, item_id, intent) "
                    "VALUES (?, ?, ?)",
                    [name, item_id, intent],
                )

    def _forget_intents(self, names: Sequence[str]) -> None:
        """Best effort: a record left behind (disk full) only tells a later sweep that the
        file, if it is still there, is an orphan."""
        if not names:
            return
        with suppress(sqlite3.Error), self._lock, self._db.atomic():
            for name in names:
                self._db.execute("DELETE FROM file_intents WHERE file_name = ?", [name])

    @staticmethod
    def _same_or_refuse(existing: OutboxItem, digest: str) -> OutboxItem:
        if existing.digest != digest:
            raise DuplicateItemError(f"{existing.kind} {existing.id} is already stored")
        return existing

    # -- delivery (the uploader) ----------------------------------------------------------

    def claim_next(self) -> Lease | None:
        """Lease the oldest item that is due, or None when nothing is due now."""
        now = self._clock()
        with self._lock, self._db.atomic():
            row = self._db.execute(
                "SELECT id, kind, digest, attempts FROM items WHERE state = ? "
                "AND next_attempt_at <= ? ORDER BY created_at LIMIT 1",
                [ItemState.PENDING, now],
            ).fetchone()
            if row is None:
                row = self._db.execute(
                    "SELECT id, kind, digest, attempts FROM items WHERE state = ? "
                    "AND lease_until <= ? ORDER BY created_at LIMIT 1",
                    [ItemState.SENDING, now],
                ).fetchone()
            if row is None:
                return None
            lease = Lease(
                item_id=row[0],
                kind=ItemKind(row[1]),
                digest=row[2],
                attempts=row[3] + 1,
                owner=uuid.uuid4().hex,
                until=now + self._settings.lease_seconds,
            )
            self._db.execute(
                "UPDATE items SET state = ?, attempts = ?, lease_owner = ?, lease_until = ?, "
                "updated_at = ? WHERE id = ?",
                [ItemState.SENDING, lease.attempts, lease.owner, lease.until, now, lease.item_id],
            )
        return lease

    def next_due_at(self) -> float | None:
        """When the next waiting item becomes due (may be in the past), or None if none wait."""
        with self._lock:
            row = self._db.execute(
                "SELECT MIN(t) FROM (SELECT MIN(next_attempt_at) AS t FROM items WHERE state = ? "
                "UNION ALL SELECT MIN(lease_until) FROM items WHERE state = ?)",
                [ItemState.PENDING, ItemState.SENDING],
            ).fetchone()
        return row[0]

    def load_body(self, lease: Lease) -> bytes:
        """The exact bytes to send for a leased item, checked against the digest taken when it
        was stored. ItemCorruptedError when anything no longer opens or matches."""
        with self._lock:
            row = self._db.execute(
                "SELECT wrapped_key, sealed_body FROM items WHERE id = ?", [lease.item_id]
            ).fetchone()
            files = [
                name
                for (name,) in self._db.execute(
                    "SELECT file_name FROM item_files WHERE item_id = ? ORDER BY seq",
                    [lease.item_id],
                )
            ]
            if row is None or row[0] is None or row[1] is None:
                raise ItemCorruptedError(f"{lease.item_id} has no data left")
            try:
                # Under the lock, with the row just read: a rotation cannot come in between.
                data_key = self._keystore.unwrap(row[0], _context(lease.item_id, "key"))
            except IntegrityError as exc:
                raise ItemCorruptedError(f"{lease.item_id}: the item key does not open") from exc
        try:
            opened = data_key.open(row[1], _context(lease.item_id, "body"))
            if lease.kind is ItemKind.DOSSIER:
                body = self._rebuild_dossier(lease.item_id, data_key, opened, files)
            else:
                body = opened
        except (IntegrityError, OSError, ValueError, KeyError, TypeError) as exc:
            raise ItemCorruptedError(f"{lease.item_id}: {type(exc).__name__}: {exc}") from exc
        if digest_of(body) != lease.digest:
            raise ItemCorruptedError(f"{lease.item_id}: body does not match its digest")
        return body

    def _rebuild_dossier(
        self, item_id: str, data_key: DataKey, manifest_bytes: bytes, files: list[str]
    ) -> bytes:
        manifest = json.loads(manifest_bytes)
        described = manifest["scans"]
        if len(described) != len(files):
            raise ValueError(f"{len(described)} scans described, {len(files)} files recorded")
        scans = [
            Scan(
                name=meta["name"],
                content_type=meta["content_type"],
                content=data_key.open(self._scans.read(name), _context(item_id, f"scan/{seq}")),
            )
            for seq, (meta, name) in enumerate(zip(described, files, strict=True))
        ]
        return dossier_body(item_id, manifest["data"], scans)

    def mark_acked(self, lease: Lease, receipt_id: str) -> None:
        """The province holds the item. A heartbeat needs nothing more and is deleted."""
        now = self._clock()
        with self._lock, self._db.atomic():
            if lease.kind is ItemKind.HEARTBEAT:
                self._db.execute("DELETE FROM items WHERE id = ?", [lease.item_id])
                return
            self._db.execute(
                "UPDATE items SET state = ?, receipt_id = ?, acked_at = ?, last_error = NULL, "
                "lease_owner = NULL, lease_until = NULL, updated_at = ? "
                "WHERE id = ? AND state IN (?, ?)",
                [
                    ItemState.ACKED,
                    receipt_id,
                    now,
                    now,
                    lease.item_id,
                    ItemState.PENDING,
                    ItemState.SENDING,
                ],
            )

    def retry_later(self, lease: Lease, delay_s: float, error: str) -> None:
        now = self._clock()
        with self._lock, self._db.atomic():
            self._db.execute(
                "UPDATE items SET state = ?, next_attempt_at = ?, last_error = ?, "
                "lease_owner = NULL, lease_until = NULL, updated_at = ? "
                "WHERE id = ? AND state = ? AND lease_owner = ?",
                [
                    ItemState.PENDING,
                    now + max(delay_s, 0.0),
                    error[:500],
                    now,
                    lease.item_id,
                    ItemState.SENDING,
                    lease.owner,
                ],
            )

    def quarantine(self, item_id: str, reason: str) -> None:
        """Set an item aside for a person to look at; its data stays as it is."""
        now = self._clock()
        with self._lock, self._db.atomic():
            self._db.execute(
                "UPDATE items SET state = ?, quarantined_at = ?, quarantine_reason = ?, "
                "lease_owner = NULL, lease_until = NULL, updated_at = ? "
                "WHERE id = ? AND state IN (?, ?)",
                [
                    ItemState.QUARANTINED,
                    now,
                    reason[:500],
                    now,
                    item_id,
                    ItemState.PENDING,
                    ItemState.SENDING,
                ],
            )
        log.warning("outbox item %s quarantined: %s", item_id, reason)

    def requeue(self, item_id: str) -> bool:
        """Technician: send a quarantined item again (after fixing what made it fail)."""
        now = self._clock()
        with self._lock, self._db.atomic():
            cursor = self._db.execute(
                "UPDATE items SET state = ?, attempts = 0, next_attempt_at = 0, "
                "quarantined_at = NULL, quarantine_reason = NULL, updated_at = ? "
                "WHERE id = ? AND state = ?",
                [ItemState.PENDING, now, item_id, ItemState.QUARANTINED],
            )
        return cursor.rowcount == 1

    def make_all_due(self) -> int:
        """Technician ("send now"): every waiting item may be tried at once, whatever its
        backoff said; returns how many were waiting."""
        with self._lock, self._db.atomic():
            return self._db.execute(
                "UPDATE items SET next_attempt_at = 0 WHERE state = ?", [ItemState.PENDING]
            ).rowcount

    # -- confirmation and retention -------------------------------------------------------

    def awaiting_confirmation(self, limit: int = 500, after: str = "") -> list[str]:
        """Ids of received items the province has not confirmed processing, in id order from
        `after`: the uploader pages through them, so none waits behind a long backlog."""
        with self._lock:
            return [
                item_id
                for (item_id,) in self._db.execute(
                    "SELECT id FROM items WHERE state = ? AND id > ? ORDER BY id LIMIT ?",
                    [ItemState.ACKED, after, limit],
                )
            ]

    def mark_processed(self, item_ids: Iterable[str]) -> int:
        now = self._clock()
        changed = 0
        with self._lock, self._db.atomic():
            for item_id in item_ids:
                changed += self._db.execute(
                    "UPDATE items SET state = ?, processed_at = ?, updated_at = ? "
                    "WHERE id = ? AND state = ?",
                    [ItemState.PROCESSED, now, now, item_id, ItemState.ACKED],
                ).rowcount
        return changed

    def due_for_wipe(self, now: float | None = None) -> list[str]:
        """Items the province confirmed processing at least `retention_hours` ago."""
        cutoff = (self._clock() if now is None else now) - self._settings.retention_hours * 3600
        with self._lock:
            return [
                item_id
                for (item_id,) in self._db.execute(
                    "SELECT id FROM items WHERE state = ? AND processed_at <= ? "
                    "ORDER BY processed_at",
                    [ItemState.PROCESSED, cutoff],
                )
            ]

    def wipe(self, item_id: str) -> bool:
        """Destroy a processed item's key and sealed data, then its files; the row stays as a
        record that it was delivered. Only processed items can be wiped."""
        now = self._clock()
        with self._lock, self._db.atomic():
            files = [
                name
                for (name,) in self._db.execute(
                    "SELECT file_name FROM item_files WHERE item_id = ?", [item_id]
                )
            ]
            wiped = (
                self._db.execute(
                    "UPDATE items SET state = ?, wiped_at = ?, wrapped_key = NULL, "
                    "sealed_body = NULL, updated_at = ? WHERE id = ? AND state = ?",
                    [ItemState.WIPED, now, now, item_id, ItemState.PROCESSED],
                ).rowcount
                == 1
            )
            if wiped:
                self._db.execute(
                    "INSERT OR REPLACE INTO file_intents (file_name, item_id, intent) "
                    "SELECT file_name, item_id, 'delete' FROM item_files WHERE item_id = ?",
                    [item_id],
                )
                self._db.execute("DELETE FROM item_files WHERE item_id = ?", [item_id])
        if wiped:
            # Unreadable already (the key is gone); a crash before this leaves recorded
            # orphans the sweep removes.
            self._scans.remove(files)
            self._forget_intents(files)
        return wiped

    def rotate_kiosk_key(self) -> int:
        """Replace the kiosk key: re-wrap every item key still held with a new kiosk key, fold
        the WAL away, then destroy the old kiosk key. After this, a wrapped key of a wiped
        item that survived anywhere (a disk image, a backup) no longer opens with the kiosk's
        key. Crash-safe at every step (see `_check_kiosk_key`). Returns the keys re-wrapped."""
        keystore = self._keystore
        with self._lock:
            keystore.begin_rotation()
            with self._db.atomic():
                rows = self._db.execute(
                    "SELECT id, wrapped_key FROM items WHERE wrapped_key IS NOT NULL"
                ).fetchall()
                for item_id, wrapped in rows:
                    context = _context(item_id, "key")
                    rewrapped = keystore.wrap_next(keystore.unwrap(wrapped, context), context)
                    self._db.execute(
                        "UPDATE items SET wrapped_key = ? WHERE id = ?", [rewrapped, item_id]
                    )
                check = keystore.wrap_next(DataKey.generate(), _KEY_CHECK_CONTEXT)
                self._db.execute("UPDATE meta SET value = ? WHERE name = 'key_check'", [check])
            self.checkpoint()
            keystore.finish_rotation()
        return len(rows)

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it, so wiped rows' old page images do
        not stay behind in the WAL file."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # -- what people see ------------------------------------------------------------------

    def item(self, item_id: str) -> OutboxItem | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?", [item_id]
            ).fetchone()
        return None if row is None else _item_from_row(row)

    def items(
        self, states: Iterable[ItemState] | None = None, limit: int = 200
    ) -> list[OutboxItem]:
        """Newest first, for the technician's outbox inspector."""
        wanted = [str(state) for state in (states or list(ItemState))]
        marks = ", ".join("?" * len(wanted))
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_ITEM_COLUMNS} FROM items WHERE state IN ({marks}) "
                "ORDER BY created_at DESC LIMIT ?",
                [*wanted, limit],
            ).fetchall()
        return [_item_from_row(row) for row in rows]

    def counts(self) -> QueueCounts:
        with self._lock:
            by_state = dict(
                self._db.execute("SELECT state, COUNT(*) FROM items GROUP BY state").fetchall()
            )
            oldest = self._db.execute(
                "SELECT MIN(created_at) FROM items WHERE state IN (?, ?)",
                [ItemState.PENDING, ItemState.SENDING],
            ).fetchone()[0]
        return QueueCounts(
            **{state.value: by_state.get(state.value, 0) for state in ItemState},
            oldest_waiting_at=oldest,
        )

    def alerts(self, limit: int = 100) -> list[Alert]:
        """Quarantined items, and items the province has not confirmed after
        `unconfirmed_alert_hours`: each needs a person."""
        cutoff = self._clock() - self._settings.unconfirmed_alert_hours * 3600
        unconfirmed = [str(state) for state in UNCONFIRMED_STATES]
        with self._lock:
            quarantined = self._db.execute(
                "SELECT id, kind, quarantined_at, quarantine_reason FROM items WHERE state = ? "
                "ORDER BY quarantined_at LIMIT ?",
                [ItemState.QUARANTINED, limit],
            ).fetchall()
            late = self._db.execute(
                "SELECT id, kind, created_at, state FROM items WHERE state IN (?, ?, ?) "
                "AND created_at <= ? AND kind != ? ORDER BY created_at LIMIT ?",
                [*unconfirmed, cutoff, ItemKind.HEARTBEAT, limit],
            ).fetchall()
        return [
            *(
                Alert(
                    "quarantined",
                    item_id,
                    ItemKind(kind),
                    since,
                    "outbox.alert.quarantined",
                    reason or "",
                )
                for item_id, kind, since, reason in quarantined
            ),
            *(
                Alert(
                    "unconfirmed", item_id, ItemKind(kind), since, "outbox.alert.unconfirmed", state
                )
                for item_id, kind, since, state in late
            ),
        ]

    # -- start-up -------------------------------------------------------------------------

    def sweep(self, *, trust_records: bool = True) -> SweepReport:
        """Undo what a crash can leave: leases of an attempt that died, half-written temp
        files, and scan files no row names. Such a file is deleted only when the outbox
        recorded it as about to be written or deleted (provably an orphan); any other one —
        after a damaged WAL lost the row that named it, say — is moved to the quarantine
        folder for a person to look at, never deleted."""
        now = self._clock()
        with self._lock:
            with self._db.atomic():
                requeued = self._db.execute(
                    "UPDATE items SET state = ?, lease_owner = NULL, lease_until = NULL, "
                    "updated_at = ? WHERE state = ? AND lease_until <= ?",
                    [ItemState.PENDING, now, ItemState.SENDING, now],
                ).rowcount
            referenced = {name for (name,) in self._db.execute("SELECT file_name FROM item_files")}
            recorded = {name for (name,) in self._db.execute("SELECT file_name FROM file_intents")}
            unreferenced = self._scans.sealed_names() - referenced
            orphans = unreferenced & recorded if trust_records else set()
            unknown = unreferenced - orphans
            temps = self._scans.temp_names()
            self._scans.remove(orphans | temps)
            quarantined = self._scans.quarantine(sorted(unknown), self._folder / QUARANTINE_FOLDER)
            # This process holds the folder's lock: no write or wipe of another is under way.
            with self._db.atomic():
                self._db.execute("DELETE FROM file_intents")
        if orphans or temps or requeued or quarantined:
            log.info(
                "outbox sweep: %d orphan files, %d temp files removed, %d leases requeued, "
                "%d files of unknown origin moved to quarantine",
                len(orphans),
                len(temps),
                requeued,
                quarantined,
            )
        return SweepReport(len(orphans), len(temps), requeued, quarantined)

    def notices(self) -> list[StorageNotice]:
        """What the technician must know about the outbox's storage (no disk access beyond
        listing two small folders)."""
        notices = set_aside_notices(self._folder)
        quarantine = self._folder / QUARANTINE_FOLDER
        if quarantine.is_dir() and (count := sum(1 for _ in quarantine.iterdir())):
            notices.append(
                StorageNotice("outbox.notice.unknown_files", str(count), str(quarantine))
            )
        warning = self._keystore.warning_key
        if warning:
            where = self._keystore.path
            notices.append(StorageNotice(warning, "", str(where or "")))
        return notices

    def _check_kiosk_key(self) -> None:
        """Refuse another kiosk key than the one the stored items were sealed with (every
        item would look corrupted and end in quarantine), and finish or undo a key rotation
        a crash interrupted: the database tells which key it was committed with."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'key_check'").fetchone()
            if row is None:
                if self._keystore.rotating:
                    self._keystore.abandon_rotation()
                check = self._keystore.wrap(DataKey.generate(), _KEY_CHECK_CONTEXT)
                with self._db.atomic():
                    self._db.execute(
                        "INSERT INTO meta (name, value) VALUES ('key_check', ?)", [check]
                    )
                return
            if self._keystore.rotating:
                try:
                    self._keystore.unwrap_next(row[0], _KEY_CHECK_CONTEXT)
                except IntegrityError:
                    self._keystore.abandon_rotation()  # the re-wrap never committed
                else:
                    self.checkpoint()
                    self._keystore.finish_rotation()  # committed; the old key goes now
        try:
            self._keystore.unwrap(row[0], _KEY_CHECK_CONTEXT)
        except IntegrityError as exc:
            raise KeyStoreError(
                "outbox.key.mismatch", "the kiosk key is not the one the outbox was sealed with"
            ) from exc
