"""Start-up measurement for the benchmark: prints when the first frame of the home screen has
been painted, so `bench/startup.py` can time process start → home screen."""

from __future__ import annotations

import sys
import time

from PySide6.QtQuick import QQuickWindow


def report_first_frame(window: QQuickWindow, started: float) -> None:
    def painted() -> None:
        window.frameSwapped.disconnect(painted)
        print(f"KIOSK_PAINTED {time.perf_counter() - started:.4f}", flush=True)

    window.frameSwapped.connect(painted)
    sys.stdout.flush()
