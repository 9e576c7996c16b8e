"""The capture loop every camera shares: one thread reads frames from a thin `FrameSource`,
keeps the newest, raises events, and reconnects when the device goes away.

Sources only open, read and release (see `opencv_source.py`, `simulator.py`); everything about
threads, status and timeouts lives here once.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Protocol

import numpy as np

from hardware.camera.interface import (
    CameraCapabilities,
    CameraSnapshot,
    CameraStatus,
    DocumentCamera,
    Frame,
)
from hardware.device import (
    DeviceError,
    DeviceEvent,
    DeviceState,
    DeviceTimeout,
    EventSource,
    HealthReport,
    run_with_timeout,
)

log = logging.getLogger(__name__)

_FPS_WINDOW = 30


class FrameSource(Protocol):
    """A transport: opens the device, reads one BGR frame at a time, releases it."""

    description: str

    def connect(self) -> CameraCapabilities:
        """Open the device; raise DeviceError("camera.no_device") when it is not there."""
        ...

    def read(self) -> np.ndarray | None:
        """Block until the next frame; None when the device stopped answering."""
        ...

    def read_still(self) -> np.ndarray | None:
        """One frame at the still resolution, the stream left as it was; None on failure."""
        ...

    def disconnect(self) -> None: ...


class StreamingCamera(DocumentCamera):
    def __init__(
        self,
        source: FrameSource,
        *,
        open_timeout: float = 5.0,
        frame_timeout: float = 2.0,
        reconnect_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.events = EventSource()
        self._source = source
        self._open_timeout = open_timeout
        self._frame_timeout = frame_timeout
        self._reconnect_interval = reconnect_interval
        self._clock = clock
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._frame: Frame | None = None
        self._next_index = 0
        self._times: collections.deque[float] = collections.deque(maxlen=_FPS_WINDOW)
        self._status = CameraStatus.UNKNOWN
        self._detail = ""
        self._capabilities: CameraCapabilities | None = None
        self._connections = 0
        self._still_requests: list[Future[Frame]] = []

    # --- DocumentCamera -----------------------------------------------------------------------
    @property
    def state(self) -> DeviceState:
        if self._thread is None:
            return DeviceState.CLOSED
        status = self.status().status
        if status in (CameraStatus.NO_DEVICE, CameraStatus.ERROR):
            return DeviceState.ERROR
        return DeviceState.IDLE

    @property
    def capabilities(self) -> CameraCapabilities | None:
        return self._capabilities

    def open(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 3.0) -> None:
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        with self._lock:
            self._lock.notify_all()
        thread.join(timeout)
        if thread.is_alive():
            log.warning("camera capture thread did not stop within %.1f s", timeout)
        self._thread = None
        with self._lock:
            self._frame = None
            self._times.clear()
        self._fail_stills()
        self._set_status(CameraStatus.UNKNOWN, "camera.closed")

    def status(self) -> CameraSnapshot:
        with self._lock:
            status, detail = self._status, self._detail
            frame = self._frame
            if (
                status is CameraStatus.STREAMING
                and frame is not None
                and self._clock() - frame.timestamp > self._frame_timeout
            ):
                status, detail = CameraStatus.ERROR, "camera.no_frames"
            return CameraSnapshot(
                status=status,
                resolution=frame.size if frame is not None else None,
                fps=self._measured_fps(),
                frames=self._next_index,
                reconnects=max(0, self._connections - 1),
                detail=detail,
            )

    def latest_frame(self, timeout: float, newer_than: int = -1) -> Frame:
        if self._thread is None:
            raise DeviceError("camera.closed", "open() the camera first", retryable=False)
        deadline = self._clock() + timeout
        with self._lock:
            while self._frame is None or self._frame.index <= newer_than:
                left = deadline - self._clock()
                if left <= 0 or self._stop.is_set():
                    break
                self._lock.wait(min(left, 0.1))
            frame = self._frame
        if frame is not None and frame.index > newer_than:
            return frame
        if self.status().status is CameraStatus.NO_DEVICE:
            raise DeviceError("camera.no_device", self._source.description)
        raise DeviceTimeout("camera frame", timeout)

    def still(self, timeout: float) -> Frame:
        if self._thread is None:
            raise DeviceError("camera.closed", "open() the camera first", retryable=False)
        if self.status().status is CameraStatus.NO_DEVICE:
            raise DeviceError("camera.no_device", self._source.description)
        request: Future[Frame] = Future()
        with self._lock:
            self._still_requests.append(request)
        try:
            return request.result(timeout)
        except FutureTimeout:
            request.cancel()
            raise DeviceTimeout("camera still", timeout) from None

    def check_health(self, timeout: float = 3.0) -> HealthReport:
        if self._thread is None:
            return HealthReport(False, "Camera is closed.", {"status": "closed"})
        try:
            frame = self.latest_frame(timeout, newer_than=self.status().frames - 1)
        except DeviceError as exc:
            snapshot = self.status()
            return HealthReport(
                False,
                f"No picture from the camera ({self._source.description}): {exc.message_key}.",
                {"status": snapshot.status.value, "message_key": exc.message_key},
            )
        snapshot = self.status()
        width, height = frame.size
        return HealthReport(
            True,
            f"Camera streaming {width}×{height} at {snapshot.fps:.0f} fps "
            f"({self._source.description}).",
            {
                "status": snapshot.status.value,
                "resolution": [width, height],
                "fps": round(snapshot.fps, 1),
                "reconnects": snapshot.reconnects,
            },
        )

    # --- capture thread -------------------------------------------------------------------------
    def _run(self) -> None:
        connected = False
        try:
            while not self._stop.is_set():
                if not connected:
                    connected = self._connect()
                    if not connected:
                        self._stop.wait(self._reconnect_interval)
                    continue
                if self._still_requests:
                    self._take_still()
                image = self._read()
                if image is None:
                    connected = False
                    self._disconnect()
                    self._set_status(CameraStatus.NO_DEVICE, "camera.lost")
                    self.events.emit(DeviceEvent("error", "camera.lost", retryable=True))
                    self._stop.wait(self._reconnect_interval)
                    continue
                self._publish(image)
        finally:
            if connected:
                self._disconnect()

    def _connect(self) -> bool:
        try:
            capabilities = run_with_timeout(self._source.connect, self._open_timeout, "camera open")
        except DeviceError as exc:
            self._set_status(CameraStatus.NO_DEVICE, exc.message_key)
            return False
        except Exception as exc:
            log.exception("camera %s failed to open", self._source.description)
            self._set_status(CameraStatus.ERROR, f"camera.open_failed: {exc}")
            return False
        self._capabilities = capabilities
        self._connections += 1
        return True

    def _read(self) -> np.ndarray | None:
        try:
            image = self._source.read()
        except Exception:
            log.exception("camera %s failed to read a frame", self._source.description)
            return None
        if image is None or image.ndim != 3 or image.shape[2] != 3 or image.size == 0:
            return None
        return image

    def _take_still(self) -> None:
        """Serve every waiting still request with one picture (on the capture thread: the
        source is never used from two threads)."""
        with self._lock:
            requests, self._still_requests = self._still_requests, []
        requests = [r for r in requests if r.set_running_or_notify_cancel()]
        if not requests:
            return
        try:
            image = self._source.read_still()
        except Exception:
            log.exception("camera %s failed to take a still", self._source.description)
            image = None
        if image is None or image.ndim != 3 or image.shape[2] != 3 or image.size == 0:
            error = DeviceError("camera.no_frames", f"{self._source.description}: no still")
            for request in requests:
                request.set_exception(error)
            return
        frame = Frame(image=image, index=max(self._next_index - 1, 0), timestamp=self._clock())
        for request in requests:
            request.set_result(frame)

    def _fail_stills(self) -> None:
        with self._lock:
            requests, self._still_requests = self._still_requests, []
        for request in requests:
            if request.set_running_or_notify_cancel():
                request.set_exception(DeviceError("camera.closed", "closed", retryable=False))

    def _disconnect(self) -> None:
        try:
            self._source.disconnect()
        except Exception:
            log.exception("camera %s failed to release", self._source.description)

    def _publish(self, image: np.ndarray) -> None:
        with self._lock:
            frame = Frame(image=image, index=self._next_index, timestamp=self._clock())
            self._next_index += 1
            self._frame = frame
            self._times.append(frame.timestamp)
            self._lock.notify_all()
        if self._status is not CameraStatus.STREAMING:
            self._set_status(CameraStatus.STREAMING, "")
        self.events.emit(DeviceEvent("frame", frame))

    def _measured_fps(self) -> float:
        if len(self._times) < 2:
            return 0.0
        span = self._times[-1] - self._times[0]
        return (len(self._times) - 1) / span if span > 0 else 0.0

    def _set_status(self, status: CameraStatus, detail: str) -> None:
        with self._lock:
            changed = (status, detail) != (self._status, self._detail)
            self._status, self._detail = status, detail
        if changed:
            log.info("camera %s: %s %s", self._source.description, status.value, detail)
            self.events.emit(DeviceEvent("status_changed", self.status()))
