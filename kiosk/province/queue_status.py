"""People waiting per service, as the province last said: a poller keeps it fresh so printing a
ticket never waits for the network."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offline_queue.client import ProvincialClient

log = logging.getLogger(__name__)

QUEUE_STATUS_EVERY_S = 30.0
QUEUE_STATUS_FRESH_S = 120.0


@dataclass
class QueueStatusCache:
    """People waiting per service as last heard from the province, with when."""

    client: ProvincialClient
    waiting: dict[str, int] = field(default_factory=dict)
    heard_at: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        threading.Thread(target=self._run, name="queue-status", daemon=True).start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.waiting = self.client.queue_status()
                self.heard_at = time.monotonic()
            except Exception as exc:  # offline: the ticket simply goes without the count
                log.info("queue status unavailable: %s", type(exc).__name__)
            self._stop.wait(QUEUE_STATUS_EVERY_S)

    def people_waiting(self, service_id: str) -> int | None:
        if time.monotonic() - self.heard_at > QUEUE_STATUS_FRESH_S:
            return None
        return self.waiting.get(service_id)

    def stop(self) -> None:
        self._stop.set()
