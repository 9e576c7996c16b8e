"""OpenCV transport for USB/overhead document cameras: by index, device node, file or URL.

Requested resolution, focus and exposure are applied where the device accepts them; what it
actually does is read back and reported in the capabilities.
"""

from __future__ import annotations

import logging
from pathlib import Path

import cv2
import numpy as np

from hardware.camera.config import CameraSettings
from hardware.camera.interface import CameraCapabilities
from hardware.device import DeviceError

log = logging.getLogger(__name__)

_BACKENDS = {
    "any": cv2.CAP_ANY,
    "v4l2": cv2.CAP_V4L2,
    "ffmpeg": cv2.CAP_FFMPEG,
    "gstreamer": cv2.CAP_GSTREAMER,
}


_STILL_ATTEMPTS = 4


def _device_argument(device: str) -> int | str:
    """ "0" means the first camera; anything else is a path or URL OpenCV understands."""
    return int(device) if device.strip().isdigit() else device


class OpenCvSource:
    def __init__(self, settings: CameraSettings) -> None:
        self._settings = settings
        self._capture: cv2.VideoCapture | None = None
        target = _device_argument(settings.device)
        self._rewinds = isinstance(target, str) and Path(target).is_file()
        self.description = f"OpenCV {settings.backend} {settings.device}"

    def connect(self) -> CameraCapabilities:
        settings = self._settings
        timeout_ms = int(settings.open_timeout_seconds * 1000)
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
            timeout_ms,
            cv2.CAP_PROP_READ_TIMEOUT_MSEC,
            int(settings.frame_timeout_seconds * 1000),
        ]
        capture = cv2.VideoCapture(
            _device_argument(settings.device), _BACKENDS[settings.backend], params
        )
        if not capture.isOpened():
            capture.release()
            raise DeviceError("camera.no_device", self.description)
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
        capture.set(cv2.CAP_PROP_FPS, settings.fps)
        # One buffered frame keeps the preview live instead of seconds behind.
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        focus = self._apply_focus(capture)
        exposure = self._apply_exposure(capture)
        ok, probe = capture.read()
        if not ok or probe is None:
            capture.release()
            raise DeviceError("camera.no_device", f"{self.description} opened but sent no frame")
        self._capture = capture
        height, width = probe.shape[:2]
        return CameraCapabilities(
            resolution=(width, height),
            focus_control=focus,
            exposure_control=exposure,
            description=self.description,
        )

    def read(self) -> np.ndarray | None:
        capture = self._capture
        if capture is None:
            return None
        ok, image = capture.read()
        if not ok and self._rewinds:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = capture.read()
        return image if ok else None

    def read_still(self) -> np.ndarray | None:
        """Switch the device to the still size, take a picture, switch back. The first frames
        after a switch may still be in the old size (or dark on some UVC cameras): a few are
        read until one has the new size."""
        capture = self._capture
        settings = self._settings
        if capture is None:
            return None
        if not (settings.still_width and settings.still_height):
            return self.read()
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, settings.still_width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.still_height)
        still = None
        for _ in range(_STILL_ATTEMPTS):
            ok, image = capture.read()
            if not ok:
                break
            still = image
            if image.shape[1] > settings.width:
                break
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
        return still

    def disconnect(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _apply_focus(self, capture: cv2.VideoCapture) -> bool:
        settings = self._settings
        supported = capture.set(cv2.CAP_PROP_AUTOFOCUS, capture.get(cv2.CAP_PROP_AUTOFOCUS))
        if settings.autofocus is not None:
            supported = capture.set(cv2.CAP_PROP_AUTOFOCUS, 1 if settings.autofocus else 0)
        if settings.focus is not None:
            supported = capture.set(cv2.CAP_PROP_FOCUS, settings.focus) and supported
        if not supported and (settings.autofocus is not None or settings.focus is not None):
            log.warning("camera %s ignores focus settings", self.description)
        return bool(supported)

    def _apply_exposure(self, capture: cv2.VideoCapture) -> bool:
        settings = self._settings
        supported = capture.set(cv2.CAP_PROP_AUTO_EXPOSURE, capture.get(cv2.CAP_PROP_AUTO_EXPOSURE))
        if settings.auto_exposure is not None:
            # V4L2 convention: 3 = aperture-priority auto, 1 = manual
            supported = capture.set(cv2.CAP_PROP_AUTO_EXPOSURE, 3 if settings.auto_exposure else 1)
        if settings.exposure is not None:
            supported = capture.set(cv2.CAP_PROP_EXPOSURE, settings.exposure) and supported
        if not supported and (settings.auto_exposure is not None or settings.exposure is not None):
            log.warning("camera %s ignores exposure settings", self.description)
        return bool(supported)
