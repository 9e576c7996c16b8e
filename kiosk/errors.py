"""Errors meant for a person: they carry a translation key (and values for it), so the screen
knows what to say and the log knows what happened, without either reading the other's text."""

from __future__ import annotations

from typing import Any


class UserFacingError(Exception):
    def __init__(self, message_key: str, **values: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.values = values
