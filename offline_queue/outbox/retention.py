"""Retention: wipe an item a set time after the province confirms it processed it, never
before. Runs on its own thread, so a failing upload never delays a wipe (nor the reverse)."""

from __future__ import annotations

import logging
import threading

from offline_queue.outbox.store import Outbox
from offline_queue.outbox.trouble import Trouble

log = logging.getLogger(__name__)


class Wiper:
    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox
        self._interval = outbox.settings.wipe_interval_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.trouble = Trouble("the outbox wiper", log)

    def run_once(self) -> int:
        """Wipe every item past its retention time; returns how many were wiped."""
        wiped = sum(self._outbox.wipe(item_id) for item_id in self._outbox.due_for_wipe())
        if wiped:
            # Old page images leave the WAL; then a new kiosk key makes any stale wrapped key
            # of a wiped item (wherever it survived) useless.
            self._outbox.checkpoint()
            self._outbox.rotate_kiosk_key()
            log.info("wiped %d processed items and rotated the kiosk key", wiped)
        return wiped

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-wiper", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> bool:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as exc:  # keep wiping later whatever one run hit
                self._stop.wait(max(self._interval, self.trouble.failed(exc)))
                continue
            self.trouble.recovered()
            self._stop.wait(self._interval)
