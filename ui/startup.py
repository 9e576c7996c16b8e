"""Start-up measurement for the benchmark: prints when the first frame of the home screen has
been painted, so `bench/startup.py` can time process start → home screen."""

from __future__ import annotations

import time

from PySide6.QtQuick import QQuickWindow


def report_first_frame(window: QQuickWindow, started: float) -> None:
    reported: list[bool] = []

    def painted() -> None:
        # direct: measured where the frame is swapped (the render thread), once
        if not reported:
            reported.append(True)
            print(f"KIOSK_PAINTED {time.perf_counter() - started:.4f}", flush=True)

    window.frameSwapped.connect(painted)
