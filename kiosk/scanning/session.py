"""A scanning session: the camera's frames analysed on a thread of their own, the page
captured when it is steady (or when the citizen presses the button), pages kept in order.

The session never blocks its caller: `start()` returns at once and every change is reported
through `on_update` (called on the session's threads — a screen marshals it to its own).
Straightening and cleaning a captured page runs on yet another thread, so the live preview
keeps going while a page is being processed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from hardware.camera import CameraStatus, DocumentCamera, Frame
from hardware.device import DeviceError
from kiosk.scanning.autocapture import AutoCapture
from kiosk.scanning.config import ScanSettings
from kiosk.scanning.document import PageLimitReached, ScannedDocument, ScannedPage
from kiosk.scanning.enhance import EnhanceMode
from kiosk.scanning.output import SavedDocument, save_document
from kiosk.scanning.pipeline import analyse, limits_from, make_page
from kiosk.scanning.quad import Quad

log = logging.getLogger(__name__)

_THUMBNAIL_WIDTH = 240
_FRAME_WAIT = 0.5
# "Chụp ngay" with no page found in the frame: the outline seen this recently still counts
# (a hand or a reflection hid an edge for a moment), otherwise the whole frame is kept.
_LAST_OUTLINE_SECONDS = 2.0


@dataclass(frozen=True)
class ScanUpdate:
    """What the scan screen shows after each analysed frame (or a finished capture)."""

    preview: np.ndarray | None  # BGR, `preview_width` wide; None when there is no picture
    outline: np.ndarray | None  # (4, 2) page corners in preview pixels
    guidance_key: str
    steady: float  # 0‥1: how close the auto-capture is
    page_count: int
    camera_status: CameraStatus
    analysed_fps: float
    captured_index: int | None = None  # set once, when a page has just been kept
    ok: bool = False  # the page in view could be kept now


def thumbnail_of(page: ScannedPage) -> np.ndarray:
    """A small BGR picture of a kept page, for the strip of pages on screen."""
    image = page.pixels()
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    scale = _THUMBNAIL_WIDTH / image.shape[1]
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


class ScanSession:
    def __init__(
        self,
        camera: DocumentCamera,
        settings: ScanSettings,
        on_update: Callable[[ScanUpdate], None],
        *,
        mode: EnhanceMode | None = None,
        document_type: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`document_type` ("A4", "A5", "card", "receipt" or None for any) is the paper the
        citizen was asked for: detection and the size check are judged for it."""
        self._camera = camera
        self._settings = settings
        self._on_update = on_update
        self._mode = mode
        self._document_type = document_type
        self._clock = clock
        self._last_outline: tuple[Quad, float] | None = None  # (outline, frame timestamp)
        self._limits = limits_from(settings)
        self._autocapture = AutoCapture(settings.steady_seconds)
        self._document = ScannedDocument(max_pages=settings.max_pages)
        self._thumbnails: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._processing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scan-page")
        self._manual = threading.Event()
        self._retake: int | None = None
        self._times: list[float] = []

    # --- control (any thread) -----------------------------------------------------------------
    def start(self) -> None:
        """Begin analysing frames (the camera must be open). A session runs once: after
        `stop()` make a new one."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="scan-analysis", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Stop reporting at once (safe from any thread, never blocks); `stop()` then waits
        for the threads to finish."""
        self._stop.set()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._processing.shutdown(wait=True)

    def capture_now(self) -> None:
        """The citizen pressed the button: keep the next frame, always. Without a page in
        it, the outline seen a moment ago or else the whole frame is kept, and the citizen
        is asked to check the page (retake or delete it from the strip)."""
        self._manual.set()

    def retake(self, index: int) -> None:
        """The next capture replaces page `index` instead of adding a page."""
        with self._lock:
            self._document.check_index(index)
            self._retake = index
        self._autocapture.reset()

    def delete(self, index: int) -> None:
        with self._lock:
            self._document.delete(index)
            del self._thumbnails[index]

    def move(self, index: int, to: int) -> None:
        with self._lock:
            self._document.move(index, to)
            self._thumbnails.insert(to, self._thumbnails.pop(index))

    def clear(self) -> None:
        """Wipe every page (end of the citizen's session)."""
        with self._lock:
            self._document.clear()
            self._thumbnails.clear()
            self._retake = None
        self._autocapture.reset()

    @property
    def page_count(self) -> int:
        with self._lock:
            return len(self._document)

    def thumbnails(self) -> list[np.ndarray]:
        with self._lock:
            return list(self._thumbnails)

    def pages(self) -> list[ScannedPage]:
        with self._lock:
            return list(self._document.pages)

    def save(self, folder: Path, stem: str) -> SavedDocument:
        """PDF + a JPEG per page (slow: call it from a worker thread)."""
        with self._lock:
            document = ScannedDocument(self._document.max_pages, list(self._document.pages))
        return save_document(document, folder, stem, self._settings.jpeg_quality)

    # --- analysis thread ----------------------------------------------------------------------
    def _run(self) -> None:
        last_index = -1
        previous: Quad | None = None
        while not self._stop.is_set():
            try:
                frame = self._camera.latest_frame(_FRAME_WAIT, newer_than=last_index)
            except DeviceError as exc:
                log.debug("no frame: %s", exc.message_key)
                self._publish_problem()
                continue
            last_index = frame.index
            try:
                previous = self._analyse(frame, previous)
            except Exception:
                log.exception("analysing a camera frame failed; carrying on with the next")

    def _analyse(self, frame: Frame, previous: Quad | None) -> Quad | None:
        analysis = analyse(frame.image, self._limits, previous, self._document_type)
        quad = analysis.detection.quad if analysis.detection else None
        if quad is not None:
            self._last_outline = (quad, frame.timestamp)
        steady = self._autocapture.update(quad, analysis.report, frame.size, frame.timestamp)
        guidance = analysis.report.guidance_key
        if self._manual.is_set():
            self._manual.clear()
            kept = quad or self._fallback_outline(frame)
            self._autocapture.captured_manually(quad)
            guidance = self._start_capture(frame, kept, check=quad is None) or guidance
        elif steady.capture and quad is not None:
            guidance = self._start_capture(frame, quad) or guidance
        self._publish(frame, quad, guidance, steady.progress, analysis.report.ok)
        return quad

    def _fallback_outline(self, frame: Frame) -> Quad:
        """For a capture without a page in view: the recent outline, or the whole frame."""
        if self._last_outline is not None:
            outline, seen = self._last_outline
            if frame.timestamp - seen <= _LAST_OUTLINE_SECONDS:
                return outline
        width, height = frame.size
        return Quad.from_points(
            np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], float)
        )

    def _start_capture(self, frame: Frame, quad: Quad, check: bool = False) -> str | None:
        with self._lock:
            if self._retake is None and len(self._document) >= self._document.max_pages:
                return "scanning.guidance.page_limit"
        self._processing.submit(self._keep_page, frame, quad, check)
        return None

    def _keep_page(self, frame: Frame, quad: Quad, check: bool) -> None:
        """`check`: kept without a page found in view; the citizen is asked to look at it."""
        try:
            page = make_page(frame.image, quad, self._settings, self._mode, self._document_type)
            thumbnail = thumbnail_of(page)
            with self._lock:
                if self._retake is not None and self._retake < len(self._document):
                    index = self._retake
                    self._document.replace(index, page)
                    self._thumbnails[index] = thumbnail
                else:
                    index = self._document.add(page)
                    self._thumbnails.append(thumbnail)
                self._retake = None
        except PageLimitReached:
            return
        except Exception:
            log.exception("keeping a scanned page failed")
            return
        self._emit(
            ScanUpdate(
                None,
                None,
                "scanning.guidance.captured_check" if check else "scanning.guidance.next_page",
                1.0,
                self.page_count,
                self._camera.status().status,
                self._fps(),
                captured_index=index,
            )
        )

    # --- reporting ------------------------------------------------------------------------------
    def _publish(
        self, frame: Frame, quad: Quad | None, guidance: str, steady: float, ok: bool
    ) -> None:
        self._times.append(self._clock())
        self._times = self._times[-30:]
        scale = self._settings.preview_width / frame.image.shape[1]
        preview = cv2.resize(frame.image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        outline = None if quad is None else (quad.corners + 0.5) * scale - 0.5
        self._emit(
            ScanUpdate(
                preview,
                outline,
                guidance,
                steady,
                self.page_count,
                CameraStatus.STREAMING,
                self._fps(),
                ok=ok,
            )
        )

    def _publish_problem(self) -> None:
        status = self._camera.status()
        if status.status is CameraStatus.STREAMING:
            return  # only slow to deliver: keep the last picture on screen
        self._emit(
            ScanUpdate(
                None,
                None,
                "scanning.guidance.camera_problem",
                0.0,
                self.page_count,
                status.status,
                0.0,
            )
        )

    def _fps(self) -> float:
        times = self._times
        if len(times) < 2 or times[-1] == times[0]:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])

    def _emit(self, update: ScanUpdate) -> None:
        if self._stop.is_set():
            return  # whoever listened has moved on
        try:
            self._on_update(update)
        except Exception:
            log.exception("scan update listener failed")
