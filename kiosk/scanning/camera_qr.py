"""Reading a QR code held under the camera: the ID card's QR for the identity step, a receipt's
QR to follow a dossier. Blocking — run it on a worker thread, never on the Qt thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np

from hardware.camera import DocumentCamera, Frame
from hardware.device import DeviceError, DeviceTimeout
from kiosk.scanning.detection import detect_page
from kiosk.scanning.qr import QrCode, QrDecoder, read_qr
from kiosk.scanning.quad import Quad

log = logging.getLogger(__name__)

# A card's QR is two pixels a module at 1080p when the card fills a quarter of the frame's
# width: too few once the lens blurs a little. Then a high-resolution still is read, at most
# this often (switching a camera's resolution costs a fraction of a second).
_STILL_EVERY_SECONDS = 1.0
_STILL_TIMEOUT = 3.0


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
    into, and when something is found but not read, a high-resolution still is read too.
    Raises DeviceError when the camera is missing, so the journey can offer typing."""
    deadline = clock() + timeout
    last = -1
    next_still = clock()
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
        if detection is not None and clock() >= next_still and deadline - clock() > 0:
            next_still = clock() + _STILL_EVERY_SECONDS
            codes = _read_still(camera, decoder, frame, detection.quad, deadline - clock())
            if codes:
                return codes[0]
    return None


def _read_still(
    camera: DocumentCamera, decoder: QrDecoder | None, frame: Frame, seen: Quad, left: float
) -> list[QrCode]:
    """The QR in a high-resolution still, zoomed where the card was in the frame (scaled to
    the still's pixels). A camera that cannot take one just leaves the frames to be read."""
    try:
        still = camera.still(min(_STILL_TIMEOUT, left))
    except DeviceError as exc:
        log.debug("no high-resolution still: %s", exc.message_key)
        return []
    scale = still.size[0] / frame.size[0]
    if scale <= 1.0:
        return []  # nothing more to see than in the frame already read
    region = Quad.from_points((seen.corners + 0.5) * scale - 0.5)
    return read_qr(still.image, decoder, regions=[region])
