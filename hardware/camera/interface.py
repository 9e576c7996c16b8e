"""What every document camera offers the kiosk, whatever drives it (OpenCV, the simulator).

Frames arrive on the camera's own capture thread, as `frame` events and through
`latest_frame()`; the Qt thread never waits on a camera.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from hardware.device import DeviceState, EventSource, HealthReport


class CameraStatus(enum.Enum):
    UNKNOWN = "unknown"  # not opened, or nothing heard from the device yet
    NO_DEVICE = "no_device"  # nothing to open, or it went away (waiting to reconnect)
    STREAMING = "streaming"
    ERROR = "error"  # opened but frames stopped or came out broken


@dataclass(frozen=True)
class Frame:
    """One picture, BGR uint8, owned by whoever received it (never reused by the camera)."""

    image: np.ndarray
    index: int
    timestamp: float  # time.monotonic() when it was read

    @property
    def size(self) -> tuple[int, int]:
        height, width = self.image.shape[:2]
        return width, height


@dataclass(frozen=True)
class CameraCapabilities:
    """What the opened device turned out to support (the requested values may be refused)."""

    resolution: tuple[int, int]
    focus_control: bool
    exposure_control: bool
    description: str


@dataclass(frozen=True)
class CameraSnapshot:
    """`status()`: what the camera is doing right now, for journeys and the technician."""

    status: CameraStatus
    resolution: tuple[int, int] | None
    fps: float  # measured over the last second or so
    frames: int
    reconnects: int
    detail: str = ""


class DocumentCamera(ABC):
    """Open → stream → close. Events: `status_changed` (payload CameraSnapshot), `frame`
    (payload Frame, on the capture thread: listeners must return quickly), `error`."""

    events: EventSource

    @property
    @abstractmethod
    def state(self) -> DeviceState: ...

    @property
    @abstractmethod
    def capabilities(self) -> CameraCapabilities | None:
        """None until the device has been opened once."""

    @abstractmethod
    def open(self) -> None:
        """Start the capture thread; returns at once. A missing device is reported as status
        and retried, not raised, so a camera plugged in later is picked up."""

    @abstractmethod
    def close(self, timeout: float = 3.0) -> None: ...

    @abstractmethod
    def status(self) -> CameraSnapshot: ...

    @abstractmethod
    def latest_frame(self, timeout: float, newer_than: int = -1) -> Frame:
        """The newest frame with index > `newer_than`, waiting up to `timeout` seconds.
        Raises DeviceTimeout, or DeviceError("camera.no_device") when nothing is connected."""

    @abstractmethod
    def still(self, timeout: float) -> Frame:
        """One picture at the still resolution (higher than the stream's where the device
        allows), taken between two streamed frames; the stream then resumes. Raises
        DeviceTimeout, or DeviceError("camera.no_device") when nothing is connected."""

    @abstractmethod
    def check_health(self, timeout: float = 3.0) -> HealthReport: ...
