"""When a new version or configuration may be switched in: never while a citizen uses the
kiosk; outside office hours at once; during office hours only after a stretch without a touch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time


@dataclass(frozen=True)
class QuietMoment:
    working_hours: Sequence[tuple[time, time]]
    days_off: frozenset[int]  # date.weekday() numbers
    idle_s: float
    # seconds since the last touch with no citizen session, or None during a session
    quiet_for: Callable[[], float | None]
    now: Callable[[], datetime]

    def office_open(self, moment: datetime) -> bool:
        if moment.weekday() in self.days_off:
            return False
        clock = moment.time()
        return any(start <= clock < end for start, end in self.working_hours)

    def is_quiet(self) -> bool:
        quiet = self.quiet_for()
        if quiet is None:
            return False
        return not self.office_open(self.now()) or quiet >= self.idle_s
