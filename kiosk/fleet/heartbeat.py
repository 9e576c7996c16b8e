"""The kiosk's heartbeat: what the province's dashboard needs to tell which kiosk needs a visit
— version, uptime, each device's health (paper near end or out, card reader, camera), the
outbox's depth and oldest item, free disk, and the last update and configuration results —
sent every few minutes through the outbox (only the newest waits there).

`collect` blocks (device health checks, the outbox): `HeartbeatTimer` runs it on its own thread.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from hardware.printer import TicketPrinter
from hardware.printer.interface import PaperState
from kiosk.technician.health import HasHealth, check_all

log = logging.getLogger(__name__)

# technician-screen device keys → the heartbeat's names
DEVICE_NAMES = {
    "technician.device.printer": "printer",
    "technician.device.card_reader": "card_reader",
    "technician.device.camera": "camera",
    "technician.device.outbox": "outbox",
}
PAPER = {
    PaperState.OK: "ok",
    PaperState.LOW: "near_end",
    PaperState.OUT: "out",
    PaperState.UNKNOWN: "unknown",
}


class OutboxCounts(Protocol):
    waiting: int
    quarantined: int
    oldest_waiting_at: float | None


@dataclass
class FleetResults:
    """The latest outcome of the updater and of configuration bundles, as reported by them
    (on their threads) and read by the heartbeat; plain assignments, no lock needed."""

    last_update: dict[str, Any] | None = None
    config_bundle: dict[str, Any] | None = None
    listeners: list[Callable[[], None]] = field(default_factory=list)

    def update_step(self, step: object) -> None:
        """An `UpdateStep` happened: keep it, log it and send a heartbeat now, so every step
        of an update reaches the province, not only the one a timer happens to catch."""
        self.last_update = asdict(step)  # type: ignore[call-overload]
        log.info("update step: %s", self.last_update)
        self._changed()

    def bundle_result(self, result: Mapping[str, Any]) -> None:
        self.config_bundle = dict(result)
        log.info("configuration bundle: %s", self.config_bundle)
        self._changed()

    def _changed(self) -> None:
        for listener in self.listeners:
            listener()


@dataclass(frozen=True)
class HeartbeatSources:
    kiosk_id: str
    app_version: str
    data_dir: Path
    devices: Callable[[], Mapping[str, HasHealth]]
    printer: TicketPrinter
    outbox_counts: Callable[[], OutboxCounts | None]
    now: Callable[[], datetime]
    results: FleetResults
    started_monotonic: float = field(default_factory=time.monotonic)


def collect(sources: HeartbeatSources) -> dict[str, Any]:
    """One heartbeat as the contract's `Heartbeat` schema describes it."""
    health: dict[str, dict[str, Any]] = {}
    for checked in check_all(dict(sources.devices())):
        name = DEVICE_NAMES.get(checked.name, checked.name)
        health[name] = {"ok": checked.report.ok, "text": checked.report.text}
    if "printer" in health:
        try:
            paper = PAPER[sources.printer.status().paper]
        except Exception:  # a silent printer: unknown, never "ok"
            paper = "unknown"
        health["printer"]["paper"] = paper
    counts = sources.outbox_counts()
    wall = time.time()
    outbox = (
        {
            "depth": counts.waiting,
            "oldest_age_seconds": (
                round(max(0.0, wall - counts.oldest_waiting_at), 1)
                if counts.oldest_waiting_at is not None
                else None
            ),
            "quarantined": counts.quarantined,
        }
        if counts is not None
        else None
    )
    return {
        "at": sources.now().isoformat(timespec="seconds"),
        "kiosk_id": sources.kiosk_id,
        "app_version": sources.app_version,
        "uptime_seconds": round(time.monotonic() - sources.started_monotonic, 1),
        "queue_depth": counts.waiting if counts is not None else 0,
        "devices": {name: "ok" if h["ok"] else "fault" for name, h in health.items()},
        "device_health": health,
        "outbox": outbox,
        "free_disk_bytes": shutil.disk_usage(sources.data_dir).free,
        "last_update": sources.results.last_update,
        "config_bundle": sources.results.config_bundle,
    }


class HeartbeatTimer:
    """Collects and sends a heartbeat every `interval_s` on its own thread, and at once when
    `beat_now()` is called (after an update step)."""

    def __init__(
        self,
        sources: HeartbeatSources,
        send: Callable[[Mapping[str, Any]], None],
        interval_s: float,
        first_after_s: float = 0.0,
    ) -> None:
        self.sources = sources
        self.send = send
        self.interval_s = interval_s
        # the first one waits until start-up is over: it checks every device
        self.first_after_s = first_after_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        sources.results.listeners.append(self.beat_now)

    def start(self) -> HeartbeatTimer:
        self._thread.start()
        return self

    def beat_now(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        self._wake.wait(self.first_after_s)
        self._wake.clear()
        while not self._stop.is_set():
            try:
                self.send(collect(self.sources))
            except Exception:
                log.exception("heartbeat not sent")
            self._wake.wait(self.interval_s)
            self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
