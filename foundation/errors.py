"""Errors meant for a person, like Electrum's `UserFacingException`: each carries a translation
key (`config/i18n/*.toml`) and values for it, so the screen knows what to say and the log knows
what happened (`detail`), without either reading the other's text. Devices, the outbox, the
kiosk key, the province link and the kiosk's own rules all raise subclasses of this one base;
`message_key_of` is the one way to read a key from any exception.
"""

from __future__ import annotations

from typing import Any

UNEXPECTED = "common.unexpected"


class UserFacingError(Exception):
    message_key: str = UNEXPECTED  # a subclass may fix its key here instead of passing one
    retryable: bool = True  # whether trying again may help (paper out: yes, once refilled)

    def __init__(self, message_key: str | None = None, detail: str = "", **values: Any) -> None:
        if message_key is not None:
            self.message_key = message_key
        self.detail = detail  # for the log; never shown, never personal data
        self.values = values  # fills the translated text's {placeholders}
        super().__init__(f"{self.message_key}: {detail}" if detail else self.message_key)


def message_key_of(exc: BaseException, fallback: str = UNEXPECTED) -> str:
    """The key to show for `exc`: its own when it is user-facing, else `fallback`, said in the
    caller's words (the exception itself goes to the log)."""
    return exc.message_key if isinstance(exc, UserFacingError) else fallback
