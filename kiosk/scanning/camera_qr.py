"""Reading a QR code held under the camera: the ID card's QR for the identity step, a receipt's
QR to follow a dossier. Blocking — run it on a worker thread, never on the Qt thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from hardware.camera import DocumentCamera
from hardware.device import DeviceError, DeviceTimeout
from kiosk.scanning.detection import detect_page
from kiosk.scanning.qr import QrCode, QrDecoder, read_qr


def read_qr_from_camera(
    camera: DocumentCamera,
    decoder: QrDecoder | None = None,
    *,
    timeout: float,
    cancel: threading.Event | None = None,
    on_frame: Callable[[np.ndarray], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> QrCode | None:
    """The first QR code seen within `timeout` seconds, or None (also when cancelled).

    Each frame is read whole first; when that fails, the card or page found in it is zoomed
    into. Raises DeviceError when the camera is missing, so the journey can offer typing."""
    deadline = clock() + timeout
    last = -1
    while not (cancel is not None and cancel.is_set()):
        left = deadline - clock()
        if left <= 0:
            return None
        try:
            frame = camera.latest_frame(min(0.5, left), newer_than=last)
        except DeviceTimeout:
            continue
        except DeviceError:
            raise
        last = frame.index
        if on_frame is not None:
            on_frame(frame.image)
        detection = detect_page(frame.image)
        codes = read_qr(frame.image, decoder, regions=[detection.quad] if detection else [])
        if codes:
            return codes[0]
    return None
