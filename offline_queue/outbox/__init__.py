"""Durable, encrypted outbox of everything the kiosk hands to the province (see store.py).

`Outbox` and `Wiper` load on first use: they bring sqlite-utils, cryptography and the HTTP
client, which reading the `[outbox]` settings at start-up must not wait for."""

from foundation.lazy_imports import lazy_exports
from offline_queue.outbox.config import OutboxSettings
from offline_queue.outbox.errors import (
    DiskFullError,
    DuplicateItemError,
    InvalidItemError,
    ItemCorruptedError,
    OutboxError,
    OutboxInUseError,
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
    StorageNotice,
    SweepReport,
)

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
    "OutboxInUseError",
    "OutboxItem",
    "OutboxSettings",
    "QueueCounts",
    "Scan",
    "SchemaTooNewError",
    "StorageError",
    "StorageNotice",
    "SweepReport",
    "Wiper",
]


__getattr__ = lazy_exports(
    __name__,
    {"Outbox": "offline_queue.outbox.store", "Wiper": "offline_queue.outbox.retention"},
)
