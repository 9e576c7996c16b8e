"""Local time of the centre. Queue numbers reset at local midnight (UTC+7), not UTC midnight,
so every date decision goes through here and tests can set the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class LocalTime:
    def __init__(self, timezone: str = "Asia/Ho_Chi_Minh", clock: Clock = system_clock) -> None:
        self.zone = ZoneInfo(timezone)
        self._clock = clock

    def now(self) -> datetime:
        return self._clock().astimezone(self.zone)
