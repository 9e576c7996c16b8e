"""Errors meant for a person: they carry a translation key (and values for it), so the screen
knows what to say and the log knows what happened, without either reading the other's text.

`UserFacingError` is the kiosk's own; the rooms below it cannot import it, so the device, outbox,
kiosk-key and province errors carry their own `message_key` attribute. `message_key_of` is the
one place that reads a key from any of them (without importing them: it is on every path).
"""

from __future__ import annotations

from typing import Any


class UserFacingError(Exception):
    def __init__(self, message_key: str, **values: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.values = values


def message_key_of(exc: BaseException, fallback: str = "common.unexpected") -> str:
    """The key to show for `exc`: its own when it carries one (UserFacingError, DeviceError,
    OutboxError, ProvincialError, KeyStoreError, KioskSecretError, AdminUnitsUnavailable), else
    `fallback`, said in the caller's words; the exception itself goes to the log."""
    key = getattr(exc, "message_key", None)
    return key if isinstance(key, str) and key else fallback
