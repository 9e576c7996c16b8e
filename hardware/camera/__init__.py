"""Document camera: the `DocumentCamera` interface, its OpenCV driver and its simulator.

`open_camera(settings)` builds the camera the configuration asks for; call `.open()` on it to
start streaming (a missing device is reported as status and retried, never raised).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from foundation.lazy_imports import lazy_exports

if TYPE_CHECKING:
    from hardware.camera.config import CameraSettings
    from hardware.camera.streaming import FrameSource, StreamingCamera


# Names load on first use: reading `[camera]` settings at start-up must not pull in OpenCV.
_EXPORTS = {
    "CameraSettings": "hardware.camera.config",
    "CameraCapabilities": "hardware.camera.interface",
    "CameraSnapshot": "hardware.camera.interface",
    "CameraStatus": "hardware.camera.interface",
    "DocumentCamera": "hardware.camera.interface",
    "Frame": "hardware.camera.interface",
    "OpenCvSource": "hardware.camera.opencv_source",
    "SimulatedSource": "hardware.camera.simulator",
    "FrameSource": "hardware.camera.streaming",
    "StreamingCamera": "hardware.camera.streaming",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = [
    "CameraCapabilities",
    "CameraSettings",
    "CameraSnapshot",
    "CameraStatus",
    "DocumentCamera",
    "Frame",
    "FrameSource",
    "StreamingCamera",
    "open_camera",
]


def open_camera(settings: CameraSettings, source: FrameSource | None = None) -> StreamingCamera:
    """The camera the settings describe (`source` overrides the transport, e.g. a simulator
    a test keeps a handle on to unplug it)."""
    from hardware.camera.opencv_source import OpenCvSource
    from hardware.camera.simulator import SimulatedSource
    from hardware.camera.streaming import StreamingCamera

    if source is None:
        opencv = settings.driver == "opencv"
        source = OpenCvSource(settings) if opencv else SimulatedSource(settings)
    return StreamingCamera(
        source,
        open_timeout=settings.open_timeout_seconds,
        frame_timeout=settings.frame_timeout_seconds,
        reconnect_interval=settings.reconnect_interval_seconds,
    )
