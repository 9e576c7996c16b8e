"""Switchable faults of the stand-in province, the ways a real link to a province fails.

A test (or the admin endpoint) arms a fault; the next matching requests meet it. Faults apply
to the contract's API only, never to the admin endpoints.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Literal


class FaultKind(StrEnum):
    SERVER_ERROR = "server_error"  # a 5xx reply (`status`); with `after_store` the item is kept
    RATE_LIMITED = "rate_limited"  # 429 with Retry-After in seconds or as an HTTP-date
    HANG = "hang"  # reads the request, then says nothing for `hang_seconds`
    RESET = "reset"  # reads the request, then resets the connection (TCP RST), item not kept
    DROP_MID_BODY = "drop_mid_body"  # cuts the request or the reply half-way, then closes
    RESPONSE_LOST = "response_lost"  # stores the item, then resets: accepted, reply lost
    POISON = "poison"  # refuses the item with a 4xx (`status`), as for data it cannot take
    DUPLICATE = "duplicate"  # the request arrives twice (as from a retrying proxy)


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    # How many matching requests meet the fault; None = until cleared.
    times: int | None = 1
    # Only requests whose path starts with this, and (if set) that carry this item id.
    path: str = "/v1/"
    item_id: str | None = None
    # server_error: 500–599; poison: 400–499 except 408/429
    status: int | None = None
    after_store: bool = False
    retry_after: float = 1.0
    retry_after_format: Literal["seconds", "http-date"] = "seconds"
    hang_seconds: float = 30.0
    during: Literal["request", "response"] = "response"

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", FaultKind(self.kind))
        if self.times is not None and self.times < 1:
            raise ValueError("times must be at least 1, or None for 'until cleared'")
        if self.status is not None:
            allowed = {
                FaultKind.SERVER_ERROR: range(500, 600),
                FaultKind.POISON: [s for s in range(400, 500) if s not in (408, 429)],
            }.get(self.kind, ())
            if self.status not in allowed:
                raise ValueError(f"status {self.status} does not fit a {self.kind} fault")
        if self.retry_after < 0 or self.hang_seconds < 0:
            raise ValueError("retry_after and hang_seconds cannot be negative")
        if self.during not in ("request", "response"):
            raise ValueError("during must be 'request' or 'response'")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        return cls(**data)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def matches(self, path: str, item_id: str | None) -> bool:
        return path.startswith(self.path) and (self.item_id is None or self.item_id == item_id)


class FaultSwitch:
    """The armed faults, first armed first met; thread-safe (the server is multi-threaded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[list[Any]] = []  # [fault, uses left or None]
        self.met: dict[FaultKind, int] = {}

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._armed.append([fault, fault.times])
        return fault

    def clear(self) -> None:
        with self._lock:
            self._armed.clear()

    def armed(self) -> list[Fault]:
        with self._lock:
            return [fault for fault, _ in self._armed]

    def take(self, path: str, item_id: str | None) -> Fault | None:
        """The fault this request meets, if any, using up one of its times."""
        with self._lock:
            for entry in self._armed:
                fault, left = entry
                if not fault.matches(path, item_id):
                    continue
                if left is not None:
                    entry[1] = left - 1
                    if entry[1] == 0:
                        self._armed.remove(entry)
                self.met[fault.kind] = self.met.get(fault.kind, 0) + 1
                return fault
        return None
