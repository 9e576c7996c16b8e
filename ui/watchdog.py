"""Feeds the service manager's watchdog from the Qt thread (sd_notify "WATCHDOG=1" on a timer
of the event loop itself), so a hung event loop — a frozen screen — stops the feeding and the
service manager restarts the kiosk (systemd: WatchdogSec=, Restart=always).

A worker thread feeding it would keep a frozen screen alive; that is why this lives in ui/.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from platform_layer import notify_service_manager, watchdog_interval_seconds

log = logging.getLogger(__name__)


class ServiceWatchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_s = watchdog_interval_seconds()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.feed)
        if self.interval_s:
            # a third of the period, as sd_watchdog_enabled(3) advises half or less
            self._timer.start(max(100, int(self.interval_s * 1000 / 3)))
            log.info("feeding the service watchdog every %.1f s", self.interval_s / 3)

    def feed(self) -> None:
        notify_service_manager("WATCHDOG=1")

    def ready(self) -> None:
        """The kiosk is up (its first frame is painted): Type=notify units count from here."""
        notify_service_manager("READY=1")

    def stopping(self) -> None:
        self._timer.stop()
        notify_service_manager("STOPPING=1")
