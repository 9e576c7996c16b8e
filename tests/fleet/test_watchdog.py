"""The watchdog end to end: the real kiosk started by the shipped launcher under a service
manager that does what systemd documents for the shipped unit (tests/fleet/service_manager.py;
no systemd runs here), its Qt event loop hung on purpose, restarted within 30 s."""

from __future__ import annotations

import configparser
import os
import sys
import time
from pathlib import Path

import pytest

from kiosk.fleet.install_root import InstallRoot
from tests.fleet.service_manager import ServiceManager

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "scripts" / "install-kiosk.d" / "kiosk.service"


def unit_seconds() -> dict[str, float]:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(UNIT)
    service = parser["Service"]
    assert service["Type"] == "notify" and service["Restart"] == "always"
    assert service["NotifyAccess"] == "main"
    return {k: float(service[k]) for k in ("WatchdogSec", "TimeoutAbortSec", "RestartSec")}


def test_the_shipped_unit_restarts_a_silent_kiosk_within_30_seconds() -> None:
    seconds = unit_seconds()
    assert sum(seconds.values()) <= 30


def install_hanging_release(root: InstallRoot, marker: Path) -> None:
    release = root.release_dir("1.0.0")
    release.mkdir(parents=True)
    program = release / "kiosk"
    program.write_text(
        "#!/bin/sh\n"
        f"export PYTHONPATH={REPO}\n"
        f'exec {sys.executable} -m tests.fleet.hanging_kiosk {marker} "$@"\n'
    )
    program.chmod(0o755)
    root.point(root.current, "1.0.0")


def restarted_kiosk_has_journeys(log: Path) -> bool:
    """The log says so after the last kiosk start (each start names its watchdog feeding)."""
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    return "journeys ready" in text.rpartition("feeding the service watchdog")[2]


@pytest.mark.timeout(300)  # two kiosk starts, each slow on a loaded machine
def test_a_hung_event_loop_is_restarted_within_30_seconds(tmp_path: Path) -> None:
    seconds = unit_seconds()
    root = InstallRoot(tmp_path / "kiosk-app")
    install_hanging_release(root, tmp_path / "hung-once")
    manager = ServiceManager(
        [sys.executable, "-m", "kiosk.fleet.launcher", str(root.root)],
        tmp_path / "notify",
        watchdog_s=seconds["WatchdogSec"],
        abort_timeout_s=seconds["TimeoutAbortSec"],
        restart_s=seconds["RestartSec"],
        env={
            "PYTHONPATH": str(REPO),
            "KIOSK_HOME": str(tmp_path / "home"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    ).start()
    try:
        # a condition, not a time: the restarted kiosk's READY=1 (the cap is only for a failure)
        deadline = time.monotonic() + 270
        while len(manager.of("ready")) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        events = [(e.what, e.pid) for e in manager.events]
        assert len(manager.of("ready")) == 2, events
        # stopped once the restarted kiosk has its journeys, as a running kiosk is stopped (a
        # stop during start-up waits for their loading, which a loaded machine drags past 10 s)
        log = tmp_path / "home" / "logs" / "kiosk.log"
        while not restarted_kiosk_has_journeys(log) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stopped = manager.stop()
    assert stopped == 0  # SIGTERM closes the restarted kiosk cleanly

    first, second = manager.of("started")[:2]
    timeout = manager.of("watchdog_timeout")[0]
    assert timeout.pid == first.pid
    fed = [e for e in manager.of("watchdog") if e.pid == first.pid]
    assert fed, "the Qt thread fed the watchdog before it hung"
    last_sign_of_life = fed[-1].at
    restarted_after = second.at - last_sign_of_life
    assert restarted_after <= 30, f"restarted {restarted_after:.1f} s after the last feed"
    ready_again = manager.of("ready")[1]
    assert ready_again.pid == second.pid
    print(
        f"hung kiosk: restarted {restarted_after:.1f} s after its last watchdog feed, "
        f"ready again after {ready_again.at - last_sign_of_life:.1f} s"
    )
    assert not os.path.exists(f"/proc/{first.pid}/status") or first.pid != second.pid
