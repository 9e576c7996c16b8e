"""Durable, encrypted outbox of everything the kiosk hands to the province (see store.py)."""

from offline_queue.outbox.config import OutboxSettings
from offline_queue.outbox.errors import (
    DiskFullError,
    DuplicateItemError,
    InvalidItemError,
    ItemCorruptedError,
    OutboxError,
    SchemaTooNewError,
    StorageError,
)
from offline_queue.outbox.model import (
    Alert,
    ItemKind,
    ItemState,
    Lease,
    OutboxItem,
    QueueCounts,
    Scan,
    SweepReport,
)
from offline_queue.outbox.retention import Wiper
from offline_queue.outbox.store import Outbox

__all__ = [
    "Alert",
    "DiskFullError",
    "DuplicateItemError",
    "InvalidItemError",
    "ItemCorruptedError",
    "ItemKind",
    "ItemState",
    "Lease",
    "Outbox",
    "OutboxError",
    "OutboxItem",
    "OutboxSettings",
    "QueueCounts",
    "Scan",
    "SchemaTooNewError",
    "StorageError",
    "SweepReport",
    "Wiper",
]
