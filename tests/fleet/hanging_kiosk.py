"""The real kiosk (`ui.main`) whose Qt event loop is made to hang on purpose, the first time it
runs only: right after its first watchdog feed since it told the service manager it is ready,
the event loop itself sleeps for an hour, so the watchdog stops being fed from the Qt thread.
Hanging on that feed rather than after a fixed time makes the feed the manager counts from one
that came after READY=1, however slowly a loaded machine starts the kiosk.

    python -m tests.fleet.hanging_kiosk MARKER_FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from ui.main import main
from ui.watchdog import ServiceWatchdog


def run() -> int:
    marker = Path(sys.argv[1])
    if not marker.exists():
        marker.write_text(f"hung at {time.time()}\n")
        told_ready, fed = ServiceWatchdog.ready, ServiceWatchdog.feed
        ready: list[bool] = []

        def ready_then_note(self: ServiceWatchdog) -> None:
            told_ready(self)
            ready.append(True)

        def feed_then_hang_once_ready(self: ServiceWatchdog) -> None:
            fed(self)
            if ready:
                QTimer.singleShot(0, lambda: time.sleep(3600))

        ServiceWatchdog.ready = ready_then_note  # type: ignore[method-assign]
        ServiceWatchdog.feed = feed_then_hang_once_ready  # type: ignore[method-assign]
    return main(["--windowed"])


if __name__ == "__main__":
    sys.exit(run())
