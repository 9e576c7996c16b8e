"""The technician PIN: hashed in a private file, right and wrong PINs, lock-out that survives a
restart and a kill -9."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kiosk.errors import UserFacingError
from kiosk.technician.pin import COST, LOCKOUT_SECONDS, MAX_TRIES, Argon2Cost, PinStore

# Tests other than the first check behaviour, not cost: a cheap Argon2id keeps them quick.
CHEAP = Argon2Cost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_pin_is_stored_hashed_in_a_private_file(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "secrets" / "pin.json")
    store.set_pin("482915")
    raw = store.path.read_text()
    assert "482915" not in raw
    assert json.loads(raw)["argon2id"]["memory_kib"] == COST.memory_kib >= 256 * 1024
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.verify("482915")
    assert stat.S_IMODE(store.tries_path.stat().st_mode) == 0o600


def test_short_or_non_digit_pins_are_refused(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pin.json", cost=CHEAP)
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
    store = PinStore(tmp_path / "pin.json", clock=clock, cost=CHEAP)
    store.set_pin("482915")
    for _ in range(MAX_TRIES):
        assert not store.verify("000000")
    with pytest.raises(UserFacingError) as raised:
        store.verify("482915")  # even the right PIN waits
    assert raised.value.message_key == "technician.locked"
    clock.now += LOCKOUT_SECONDS + 1
    assert store.verify("482915")


def test_the_lock_out_survives_a_restart_and_a_clock_set_back(tmp_path: Path) -> None:
    clock = Clock()
    clock.now = 1_000_000.0
    PinStore(tmp_path / "pin.json", clock=clock, cost=CHEAP).set_pin("482915")
    for _ in range(MAX_TRIES):
        assert not PinStore(tmp_path / "pin.json", clock=clock).verify("111111")

    clock.now -= 3600  # someone sets the clock back an hour
    restarted = PinStore(tmp_path / "pin.json", clock=clock)
    with pytest.raises(UserFacingError):
        restarted.verify("482915")
    clock.now += LOCKOUT_SECONDS + 1
    assert restarted.verify("482915")


def test_a_pin_of_the_earlier_scrypt_kind_still_opens_and_is_upgraded(tmp_path: Path) -> None:
    salt = bytes(16)
    scrypt = {"n": 2**14, "r": 8, "p": 1}
    digest = hashlib.scrypt(b"482915", salt=salt, dklen=32, **scrypt)
    path = tmp_path / "pin.json"
    path.write_text(json.dumps({"salt": salt.hex(), "hash": digest.hex(), "scrypt": scrypt}))

    assert PinStore(path, cost=CHEAP).verify("482915")
    assert "argon2id" in json.loads(path.read_text())
    assert PinStore(path).verify("482915")


def _locked_on_disk(store: PinStore) -> bool:
    try:
        return json.loads(store.tries_path.read_text())["locked_until"] > 0
    except (FileNotFoundError, ValueError):  # not written yet, or caught mid-rename
        return False


_GUESSER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.technician.pin import Argon2Cost, PinStore
    store = PinStore(Path(sys.argv[1]), cost=Argon2Cost(1, 8 * 1024, 1))
    for n in range(int(sys.argv[2])):
        store.verify(f"{n:06d}")
        print("tried", flush=True)
    # The next check is under way (slow Argon2id) when the kill strikes.
    print("checking", flush=True)
    PinStore(Path(sys.argv[1])).verify("999999")
    """
)


def test_the_lock_out_survives_a_kill_9_even_in_the_middle_of_a_check(tmp_path: Path) -> None:
    before_kill = MAX_TRIES - 1
    path = tmp_path / "pin.json"
    PinStore(path, cost=CHEAP).set_pin("482915")
    guesser = subprocess.Popen(
        [sys.executable, "-c", _GUESSER, str(path), str(before_kill)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    store = PinStore(path)
    try:
        lines = [guesser.stdout.readline().strip() for _ in range(before_kill + 1)]
        # Killed once the last check has begun (its try is counted), while Argon2id runs.
        deadline = time.monotonic() + 20
        while not _locked_on_disk(store) and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        guesser.send_signal(signal.SIGKILL)
        guesser.wait(10)
    assert lines[-1] == "checking"
    assert guesser.returncode == -signal.SIGKILL

    # Four wrong tries and a fifth killed mid-check count as five: the door is locked.
    with pytest.raises(UserFacingError) as raised:
        PinStore(path).verify("482915")
    assert raised.value.message_key == "technician.locked"
