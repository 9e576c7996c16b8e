"""The technician PIN: stored as a salted scrypt hash in a 0600 file outside the configuration
(never in TOML), checked in constant time, with a lock-out after repeated wrong tries so a
citizen cannot guess it at the kiosk.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import UserFacingError
from kiosk.paths import data_dir

MIN_DIGITS = 6
MAX_TRIES = 5
LOCKOUT_SECONDS = 300
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def pin_path(data: Path | None = None) -> Path:
    return (data or data_dir()) / "secrets" / "technician-pin.json"


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)


class PinStore:
    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        return self.path.exists()

    def set_pin(self, pin: str) -> None:
        if not (pin.isdigit() and pin.isascii() and len(pin) >= MIN_DIGITS):
            raise ValueError(f"the PIN must be at least {MIN_DIGITS} digits")
        salt = secrets.token_bytes(16)
        record = {"salt": salt.hex(), "hash": _hash(pin, salt).hex(), "scrypt": _SCRYPT}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(record, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, self.path)

    def verify(self, pin: str) -> bool:
        """True for the right PIN; raises when no PIN is set or while locked out."""
        if not self.configured:
            raise UserFacingError("technician.no_pin")
        now = self._clock()
        if now < self._locked_until:
            raise UserFacingError(
                "technician.locked", minutes=int((self._locked_until - now) // 60) + 1
            )
        record = json.loads(self.path.read_text())
        ok = hmac.compare_digest(
            _hash(pin, bytes.fromhex(record["salt"])), bytes.fromhex(record["hash"])
        )
        if ok:
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= MAX_TRIES:
            self._failures = 0
            self._locked_until = now + LOCKOUT_SECONDS
        return False
