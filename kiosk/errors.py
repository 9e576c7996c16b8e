"""The kiosk's errors meant for a person are `foundation.errors.UserFacingError`, the one base
every room raises; this module names it for the kiosk's own rules."""

from __future__ import annotations

from foundation.errors import UserFacingError, message_key_of

__all__ = ["UserFacingError", "message_key_of"]
