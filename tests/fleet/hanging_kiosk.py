"""The real kiosk (`ui.main`) whose Qt event loop is made to hang on purpose, the first time it
runs only: a few seconds after it told the service manager it is ready, a timer of the event
loop itself sleeps for an hour, so the watchdog stops being fed from the Qt thread.

    python -m tests.fleet.hanging_kiosk MARKER_FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from ui.main import main
from ui.watchdog import ServiceWatchdog

HANG_AFTER_MS = 8000


def run() -> int:
    marker = Path(sys.argv[1])
    if not marker.exists():
        marker.write_text(f"hung at {time.time()}\n")
        told_ready = ServiceWatchdog.ready

        def ready_then_hang(self: ServiceWatchdog) -> None:
            told_ready(self)
            QTimer.singleShot(HANG_AFTER_MS, lambda: time.sleep(3600))

        ServiceWatchdog.ready = ready_then_hang  # type: ignore[method-assign]
    return main(["--windowed"])


if __name__ == "__main__":
    sys.exit(run())
