"""The stand-in province's simulated clock: real time, optionally sped up, plus whatever a test
or the admin endpoint has skipped ahead, so days of dossier processing fit into a demo."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

# Vietnam keeps one offset all year (no daylight saving).
VIETNAM = timezone(timedelta(hours=7), "ICT")


class SimulatedClock:
    def __init__(self, speed: float = 1.0, start: datetime | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._lock = threading.Lock()
        self._speed = speed
        self._origin = (start or datetime.now(VIETNAM)).astimezone(VIETNAM)
        self._origin_mono = time.monotonic()
        self._skipped = timedelta()

    def now(self) -> datetime:
        with self._lock:
            elapsed = (time.monotonic() - self._origin_mono) * self._speed
            return self._origin + timedelta(seconds=elapsed) + self._skipped

    def advance(self, seconds: float) -> datetime:
        """Skip ahead (never back: timelines only move forward)."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._skipped += timedelta(seconds=seconds)
        return self.now()
