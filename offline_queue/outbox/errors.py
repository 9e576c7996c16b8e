"""Errors the outbox raises to its callers; each carries a translation key a person can be shown
(`config/i18n/outbox.toml`) and a detail for the log."""

from __future__ import annotations

from foundation.errors import UserFacingError


class OutboxError(UserFacingError):
    message_key = "outbox.error.unexpected"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail=detail)


class DiskFullError(OutboxError):
    """Not enough disk for a new item; every item already stored is untouched."""

    message_key = "outbox.error.disk_full"


class StorageError(OutboxError):
    """Storing a new item failed on the disk for another reason (I/O error, file size limit
    in SQLite); nothing was stored and every item already stored is untouched."""

    message_key = "outbox.error.storage"


class InvalidItemError(OutboxError):
    """The caller handed over something that cannot be stored or sent (bad id, not JSON)."""

    message_key = "outbox.error.invalid_item"


class DuplicateItemError(OutboxError):
    """An item with this id is already stored with different content."""

    message_key = "outbox.error.duplicate_item"


class ItemCorruptedError(OutboxError):
    """An item's stored data no longer opens or no longer matches its digest."""

    message_key = "outbox.error.item_corrupted"


class SchemaTooNewError(OutboxError):
    """The database was written by a newer version of the kiosk software."""

    message_key = "outbox.error.schema_too_new"


class OutboxInUseError(OutboxError):
    """Another process (a second kiosk started on the same data folder) has the outbox open.
    Two writers would each sweep away the other's files, so the second one is refused."""

    message_key = "outbox.error.in_use"
