"""The kiosk's signing secret: a file of its own (hex text, mode 0600), never in the TOML.

Installation (or the demo's first start) creates it; the province keeps the same secret for
this kiosk id. Losing the file means re-registering the kiosk, never losing queued dossiers.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from foundation.errors import UserFacingError
from platform_layer import is_private

SECRET_BYTES = 32


class KioskSecretError(UserFacingError):
    """The secret file is missing, unreadable, too open or not a hex secret; the message names
    the file for the log, `message_key` is for the technician screen."""

    message_key = "provincial.secret.unusable"


def read_kiosk_secret(path: Path) -> bytes:
    try:
        private = is_private(path)
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskSecretError(detail=f"{path}: cannot read the kiosk secret ({exc})") from exc
    if not private:
        raise KioskSecretError(detail=f"{path}: others may read it; run chmod 600 {path}")
    try:
        secret = bytes.fromhex(text)
    except ValueError as exc:
        raise KioskSecretError(detail=f"{path}: the kiosk secret must be hex text") from exc
    if len(secret) < 16:
        raise KioskSecretError(detail=f"{path}: the kiosk secret is shorter than 16 bytes")
    return secret


def create_kiosk_secret(path: Path) -> bytes:
    """Write a fresh random secret, readable by the owner only; refuses to overwrite one."""
    secret = secrets.token_bytes(SECRET_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise KioskSecretError(detail=f"{path}: a kiosk secret is already there") from exc
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secret.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return secret


def load_or_create_kiosk_secret(path: Path) -> bytes:
    """For the demo configuration: use the secret if there is one, else make one."""
    return read_kiosk_secret(path) if path.exists() else create_kiosk_secret(path)
