"""What the outbox holds and reports: item kinds and states, and the snapshots it hands out.

None of these carry personal data in the clear; an item's form data and scans only exist
sealed, and only the uploader opens them, to send them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    DOSSIER = "dossier"
    RATING = "rating"
    TICKET_RECORD = "ticket_record"
    HEARTBEAT = "heartbeat"
    NOTICE = "notice"


class ItemState(StrEnum):
    """pending → sending (leased) → acked (receipt) → processed (province confirmed) → wiped;
    quarantined when the province refuses an item or its data no longer opens: kept, alerted."""

    PENDING = "pending"
    SENDING = "sending"
    ACKED = "acked"
    PROCESSED = "processed"
    WIPED = "wiped"
    QUARANTINED = "quarantined"


# States in which an item still holds data the province has not confirmed it processed.
UNCONFIRMED_STATES = (ItemState.PENDING, ItemState.SENDING, ItemState.ACKED)


@dataclass(frozen=True)
class Scan:
    """One scanned paper of a dossier, as the camera journey hands it over."""

    name: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class OutboxItem:
    """An item's bookkeeping, for the uploader and the technician's outbox inspector."""

    id: str
    kind: ItemKind
    state: ItemState
    created_at: float
    attempts: int
    next_attempt_at: float
    digest: str
    body_bytes: int
    last_error: str | None
    receipt_id: str | None
    acked_at: float | None
    processed_at: float | None
    wiped_at: float | None
    quarantined_at: float | None
    quarantine_reason: str | None


@dataclass(frozen=True)
class Lease:
    """The uploader's claim on one item until `until`; it must ack, release or quarantine.
    `owner` is unique to this claim, so a late answer to an attempt whose lease expired and
    was taken over changes nothing."""

    item_id: str
    kind: ItemKind
    digest: str
    attempts: int
    owner: str
    until: float


@dataclass(frozen=True)
class QueueCounts:
    pending: int = 0
    sending: int = 0
    acked: int = 0
    processed: int = 0
    wiped: int = 0
    quarantined: int = 0
    # Creation time of the oldest item not yet handed over (pending or sending), if any.
    oldest_waiting_at: float | None = None

    @property
    def waiting(self) -> int:
        """Items the province has not received yet: the queue depth a person cares about."""
        return self.pending + self.sending


@dataclass(frozen=True)
class Alert:
    """Something a technician must look at; `message_key` is a translation key."""

    kind: str
    item_id: str
    item_kind: ItemKind
    since: float
    message_key: str
    detail: str = ""


@dataclass(frozen=True)
class SweepReport:
    orphan_files_removed: int
    temp_files_removed: int
    leases_requeued: int
    # Files no row names and no record proves orphaned: moved to the quarantine folder.
    unknown_files_quarantined: int = 0


@dataclass(frozen=True)
class StorageNotice:
    """Something about the outbox's storage a technician must know or act on (a database set
    aside, files of unknown origin, the kiosk key kept on the data disk). `message_key` is a
    translation key taking `{detail}` and `{where}`; nothing here holds personal data."""

    message_key: str
    detail: str = ""
    where: str = ""
