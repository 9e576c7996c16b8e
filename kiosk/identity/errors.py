"""The one error type of the identity step: a translation key a citizen can be shown.

Messages never carry the data that was wrong, so an error can be logged without leaking it.
"""

from __future__ import annotations

from kiosk.errors import UserFacingError


class IdentityError(UserFacingError):
    def __init__(self, message_key: str, *, retryable: bool = True) -> None:
        super().__init__(message_key)
        self.retryable = retryable
