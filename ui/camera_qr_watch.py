"""Keeps the camera looking for a QR code while a screen asks for one (the ID card's, a
receipt's): each look runs on a worker for a window of time and the next one starts while the
screen still wants it; leaving the screen cancels the look in flight."""

from __future__ import annotations

import threading
from collections.abc import Callable

from hardware.camera import DocumentCamera
from kiosk.scanning import QrCode, read_qr_from_camera
from ui.background import run_in_background

WINDOW_SECONDS = 30.0


class CameraQrWatch:
    def __init__(
        self,
        wanted: Callable[[], bool],
        on_code: Callable[[bytes], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """`wanted()`: is the screen still asking? `on_code(raw)` and `on_failure(exc)` run on
        the Qt thread, and only for the look that is still current."""
        self._wanted = wanted
        self._on_code = on_code
        self._on_failure = on_failure
        self._cancel: threading.Event | None = None

    def start(self, camera: DocumentCamera | None) -> None:
        if camera is None or self._cancel is not None or not self._wanted():
            return
        cancel = threading.Event()
        self._cancel = cancel

        def look() -> QrCode | None:
            camera.open()
            return read_qr_from_camera(camera, timeout=WINDOW_SECONDS, cancel=cancel)

        def seen(code: QrCode | None) -> None:
            if self._cancel is not cancel:
                return  # the screen was left, or the session ended, while the camera looked
            self._cancel = None
            if code is not None:
                self._on_code(code.raw)
            self.start(camera)

        def failed(exc: BaseException) -> None:
            if self._cancel is not cancel:
                return
            self._cancel = None
            self._on_failure(exc)

        run_in_background(look, seen, failed)

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
