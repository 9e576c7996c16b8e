"""The idle rule of ui.md: after `idle_seconds` without a touch, warn with a countdown of at
least 20 s that one tap extends; when it runs out the session ends and is wiped.

Plain time arithmetic so it is tested without a screen; the UI feeds it clock readings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class IdlePhase(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleReading:
    phase: IdlePhase
    seconds_left: int  # until expiry; meaningful in WARNING


class IdlePolicy:
    def __init__(self, idle_seconds: int, warning_seconds: int) -> None:
        if warning_seconds < 20:
            raise ValueError("the warning must give at least 20 seconds to answer")
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self._last_touch = 0.0

    def touched(self, now: float) -> None:
        self._last_touch = now

    def read(self, now: float) -> IdleReading:
        quiet = now - self._last_touch
        total = self.idle_seconds + self.warning_seconds
        if quiet < self.idle_seconds:
            return IdleReading(IdlePhase.ACTIVE, int(total - quiet))
        if quiet < total:
            return IdleReading(IdlePhase.WARNING, max(1, round(total - quiet)))
        return IdleReading(IdlePhase.EXPIRED, 0)
