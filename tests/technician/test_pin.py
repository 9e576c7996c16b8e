"""The technician PIN: hashed in a private file, right and wrong PINs, lock-out."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.errors import UserFacingError
from kiosk.technician.pin import LOCKOUT_SECONDS, MAX_TRIES, PinStore


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_pin_is_stored_hashed_in_a_private_file(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "secrets" / "pin.json")
    store.set_pin("482915")
    raw = store.path.read_text()
    assert "482915" not in raw
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.verify("482915") and not store.verify("482916")


def test_short_or_non_digit_pins_are_refused(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pin.json")
    for bad in ("1234", "12345a", "１２３４５６"):
        with pytest.raises(ValueError):
            store.set_pin(bad)
    assert not store.configured


def test_no_pin_means_no_entry(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError) as raised:
        PinStore(tmp_path / "pin.json").verify("000000")
    assert raised.value.message_key == "technician.no_pin"


def test_repeated_wrong_tries_lock_the_door_for_a_while(tmp_path: Path) -> None:
    clock = Clock()
    store = PinStore(tmp_path / "pin.json", clock=clock)
    store.set_pin("482915")
    for _ in range(MAX_TRIES):
        assert not store.verify("000000")
    with pytest.raises(UserFacingError) as raised:
        store.verify("482915")  # even the right PIN waits
    assert raised.value.message_key == "technician.locked"
    clock.now += LOCKOUT_SECONDS + 1
    assert store.verify("482915")
