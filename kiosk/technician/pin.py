"""The technician PIN: stored as a salted Argon2id hash in a 0600 file outside the configuration
(never in TOML), checked in constant time, with a lock-out after repeated wrong tries so a
citizen cannot guess it at the kiosk.

Two guards against guessing. Each guess costs about a second of one core and 256 MiB
(`bench/pin_bench.py` prints the figure), so trying every 6-digit PIN from a stolen file takes
about ten core-days, not hours. And the count of wrong tries lives on disk, written *before*
each PIN is checked: neither a restart nor a kill in the middle of a check gives fresh tries.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from kiosk.errors import UserFacingError
from kiosk.paths import data_dir
from platform_layer import fsync_dir

MIN_DIGITS = 6
MAX_TRIES = 5
LOCKOUT_SECONDS = 300


@dataclass(frozen=True)
class Argon2Cost:
    """RFC 9106 Argon2id parameters; stored with each hash, so they can grow later."""

    time_cost: int = 3
    memory_kib: int = 256 * 1024
    parallelism: int = 1


COST = Argon2Cost()


def pin_path(data: Path | None = None) -> Path:
    return (data or data_dir()) / "secrets" / "technician-pin.json"


def _argon2(pin: str, salt: bytes, cost: Argon2Cost) -> bytes:
    return hash_secret_raw(
        pin.encode(),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _matches(pin: str, record: dict[str, Any]) -> bool:
    salt, expected = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
    if "argon2id" in record:
        computed = _argon2(pin, salt, Argon2Cost(**record["argon2id"]))
    else:  # a PIN set by an earlier version (scrypt); replaced by Argon2id once it is right
        computed = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **record["scrypt"])
    return hmac.compare_digest(computed, expected)


def _write_private(path: Path, data: dict[str, Any]) -> None:
    """temp (0600) → fsync → rename → fsync the folder: whole or absent, and durable."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(data, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, path)
    fsync_dir(path.parent)


@dataclass(frozen=True)
class _Tries:
    """Wrong tries since the last right PIN, and the wall-clock second a lock-out ends."""

    failures: int = 0
    locked_until: float = 0.0
    # When this was written: a clock set backwards must not shorten a lock-out.
    written_at: float = 0.0


class PinStore:
    def __init__(
        self, path: Path, clock: Callable[[], float] = time.time, cost: Argon2Cost = COST
    ) -> None:
        self.path = path
        self.tries_path = path.with_name(path.stem + "-tries.json")
        self._clock = clock
        self._cost = cost

    @property
    def configured(self) -> bool:
        return self.path.exists()

    def set_pin(self, pin: str) -> None:
        if not (pin.isdigit() and pin.isascii() and len(pin) >= MIN_DIGITS):
            raise ValueError(f"the PIN must be at least {MIN_DIGITS} digits")
        salt = secrets.token_bytes(16)
        record = {
            "salt": salt.hex(),
            "hash": _argon2(pin, salt, self._cost).hex(),
            "argon2id": asdict(self._cost),
        }
        _write_private(self.path, record)

    def verify(self, pin: str) -> bool:
        """True for the right PIN; raises when no PIN is set or while locked out. Slow (about
        a second): call it from a worker."""
        if not self.configured:
            raise UserFacingError("technician.no_pin")
        now = self._clock()
        tries = self._tries()
        if now < tries.written_at:  # the clock went back: the lock-out starts again from now
            tries = _Tries(tries.failures, now + LOCKOUT_SECONDS if tries.locked_until else 0, now)
            self._save(tries)
        if now < tries.locked_until:
            raise UserFacingError(
                "technician.locked", minutes=int((tries.locked_until - now) // 60) + 1
            )
        # Counted as wrong before checking, so killing the kiosk mid-check gains nothing.
        failures = tries.failures + 1
        locked = failures >= MAX_TRIES
        self._save(_Tries(0 if locked else failures, now + LOCKOUT_SECONDS if locked else 0, now))
        record = json.loads(self.path.read_text())
        if not _matches(pin, record):
            return False
        self._save(_Tries(0, 0.0, now))
        if "argon2id" not in record:
            self.set_pin(pin)
        return True

    def _tries(self) -> _Tries:
        try:
            return _Tries(**json.loads(self.tries_path.read_text()))
        except FileNotFoundError:
            return _Tries()
        except (ValueError, TypeError):  # damaged: treat as locked rather than as fresh tries
            return _Tries(0, self._clock() + LOCKOUT_SECONDS, self._clock())

    def _save(self, tries: _Tries) -> None:
        _write_private(self.tries_path, asdict(tries))
