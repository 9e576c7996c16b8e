"""View-model of the scan screens (`scan` in QML): live preview with the page outline, plain
guidance, auto-capture with a visible flash, the pages taken so far with retake and delete.

The scanning session calls back on its own threads; each update is turned into a QImage there
and handed to the Qt thread through a queued signal, newest only, so a slow screen skips
frames instead of falling behind. Stopping a session and saving run on workers too.

The step's states live in its journey (`kiosk/journeys/scan.py`). Journeys run it with
`begin(finished, cancelled)`: the capture screen opens, `finished` gets the saved PDF and page
JPEGs when the citizen presses Done, `cancelled` hears of Back. Used alone (a home tile or a
test), Done shows a summary screen and the files are wiped with the session.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QImage

from hardware.camera import CameraStatus, DocumentCamera
from kiosk.journeys.scan import ScanState, ScanStep
from kiosk.scanning import EnhanceMode, SavedDocument, ScanSession, ScanUpdate
from ui.background import call_on_qt_thread, run_in_background
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)

S = ScanState
SCREENS = {S.CAPTURE: "ScanCapture", S.SAVING: "ScanCapture", S.DONE: "ScanDone"}
_CAPTURED_MESSAGE_FRAMES = 20  # about 1.5 s of preview


@dataclass(frozen=True)
class PageRow:
    """A page taken so far (a row of `Scan.pages`)."""

    pageIndex: int
    label: str  # "Trang 2"
    image: QImage  # its thumbnail
    retaking: bool  # the page the next capture replaces


@dataclass(frozen=True)
class ScanPaper:
    """The paper a journey asks for: its name heads the screen; `lack` (with what happens
    then) offers "I don't have this paper" on the scan screen itself."""

    name: str
    lack_note: str = ""
    lack: Callable[[], None] | None = None


@dataclass
class _Inbox:
    """What arrived from the session since the Qt thread last looked: the newest frame only,
    but every capture and the latest camera status."""

    frame_update: ScanUpdate | None = None
    frame: QImage | None = None
    pages: list[QImage] | None = None
    captures: list[tuple[int, str]] = field(default_factory=list)  # (page index, guidance)
    status: CameraStatus | None = None

    def take(self, update: ScanUpdate, frame: QImage | None, pages: list[QImage] | None) -> None:
        if frame is not None:
            self.frame_update, self.frame = update, frame
        if pages is not None:
            self.pages = pages
        if update.captured_index is not None:
            self.captures.append((update.captured_index, update.guidance_key))
        self.status = update.camera_status


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage that owns a copy of a BGR or greyscale uint8 array."""
    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, width, height, 3 * width, QImage.Format.Format_BGR888).copy()


class ScanViewModel(JourneyViewModel):
    changed = Signal()
    frameChanged = Signal()
    captured = Signal(int)  # page number just kept: QML flashes the preview

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self._lock = threading.Lock()
        self._inbox: _Inbox | None = None
        self._session: ScanSession | None = None
        self._mode: EnhanceMode | None = None
        self._folder: Path | None = None  # saved files nobody took over (shown alone)
        self._paper: ScanPaper | None = None
        self._clear_view()
        self.follow(ScanStep())
        self._page_rows = live_rows(self, self.changed, PageRow, self._get_page_rows)

    def _clear_view(self) -> None:
        self._frame = QImage()
        self._outline: list[float] = []
        self._guidance_key = "scanning.guidance.no_page"
        self._guidance_values: dict[str, object] = {}
        self._steady = 0.0
        self._ok = False
        self._camera_ok = True
        self._pages: list[QImage] = []
        self._retaking = -1
        self._fps = 0.0
        self._frames_seen = 0
        self._captured_at = -_CAPTURED_MESSAGE_FRAMES

    # --- life ---------------------------------------------------------------------------------
    @property
    def camera(self) -> DocumentCamera | None:
        return self.kiosk.services.camera

    @property
    def camera_available(self) -> bool:
        """A camera is fitted and has not been found missing."""
        camera = self.camera
        return camera is not None and camera.status().status is not CameraStatus.NO_DEVICE

    def start(self) -> None:
        """Opened on its own (home tile, tests): Done shows a summary screen."""
        self.begin()

    def begin(
        self,
        finished: Callable[[SavedDocument], None] | None = None,
        cancelled: Callable[[str], None] | None = None,
        mode: EnhanceMode | None = None,
        document_type: str | None = None,
        paper: ScanPaper | None = None,
        progress: tuple[int, int] | None = None,
    ) -> None:
        """Start scanning one paper for a journey: `finished` gets the saved files (the journey
        owns them from then on), `cancelled(problem_key)` hears of Back; without them the step
        runs alone. `mode` forces colour/grey/black-and-white instead of the settings;
        `document_type` ("card", "receipt"…, see kiosk.scanning.document_type) is what to
        expect under the camera; `paper` names it on the screen; `progress` is the journey's
        "Bước n/total" to show."""
        self.reset()
        self._mode = mode
        self._paper = paper
        camera = self.camera
        if camera is None:
            self._camera_ok = False
            self._guidance_key = "scanning.guidance.camera_problem"
        else:
            camera.open()
            self._session = ScanSession(
                camera,
                self.core.config.camera.scan,
                self._weak_listener(),
                mode=mode,
                document_type=document_type,
            )
            self._session.start()
        if finished is None:
            self.journey.run_alone()
        else:
            self.journey.run_for(finished, cancelled or (lambda _problem: None), progress)
        self.journey.camera_changed(self._camera_ok)

    def forget(self) -> None:
        self._paper = None
        self._stop_session()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)  # nobody took the files over
        self._folder = None
        self._clear_view()
        self.changed.emit()
        self.frameChanged.emit()

    def _stop_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.request_stop()
            session.clear()
            run_in_background(session.stop, lambda _: None)
        with self._lock:
            self._inbox = None

    # --- from the session's threads -------------------------------------------------------------
    def _weak_listener(self) -> Callable[[ScanUpdate], None]:
        """The session's threads must not keep this object alive: a QObject whose last
        reference goes on a worker thread is destroyed there, taking its Qt timers with it."""
        method = weakref.WeakMethod(self._on_update)

        def listener(update: ScanUpdate) -> None:
            on_update = method()
            if on_update is not None:
                on_update(update)

        return listener

    def _on_update(self, update: ScanUpdate) -> None:
        frame = to_qimage(update.preview) if update.preview is not None else None
        session = self._session
        pages = None
        if update.captured_index is not None and session is not None:
            pages = [to_qimage(t) for t in session.thumbnails()]
        with self._lock:
            if self._inbox is None:
                self._inbox = _Inbox()
                schedule = True
            else:
                schedule = False
            self._inbox.take(update, frame, pages)
        if schedule:
            call_on_qt_thread(self._apply_pending)

    # --- on the Qt thread -----------------------------------------------------------------------
    def _apply_pending(self) -> None:
        with self._lock:
            inbox, self._inbox = self._inbox, None
        if inbox is None or self._session is None:
            return
        if inbox.frame is not None and inbox.frame_update is not None:
            update, frame = inbox.frame_update, inbox.frame
            self._frame = frame
            scale = np.array([frame.width(), frame.height()], float)
            outline = update.outline
            self._outline = [] if outline is None else (outline / scale).ravel().tolist()
            self._ok = update.ok
            self._steady = update.steady
            self._fps = update.analysed_fps
            self._show_guidance(update.guidance_key)
        if inbox.status is not None:
            self._camera_ok = inbox.status is CameraStatus.STREAMING
            self.journey.camera_changed(self._camera_ok)
            if not self._camera_ok:
                self._outline = []
                self._show_guidance("scanning.guidance.camera_problem")
        if inbox.pages is not None:
            self._pages = inbox.pages
            self.journey.pages_changed(len(self._pages))
        for index, key in inbox.captures:
            self._retaking = -1
            # a page kept without its edges found: the citizen checks it (retake or delete)
            check = key == "scanning.guidance.captured_check"
            self._guidance_key = key if check else "scanning.guidance.captured"
            self._guidance_values = {"number": index + 1}
            self._captured_at = self._frames_seen
            self.captured.emit(index + 1)
            self.core.speaker.sound("capture")
        self._frames_seen += 1
        self.frameChanged.emit()
        self.changed.emit()

    def _show_guidance(self, key: str) -> None:
        # "Page 2 captured" stays up for a moment before the next guidance replaces it
        if (
            self._guidance_key in ("scanning.guidance.captured", "scanning.guidance.captured_check")
            and self._frames_seen - self._captured_at < _CAPTURED_MESSAGE_FRAMES
        ):
            return
        self._guidance_key = key
        self._guidance_values = {"count": self.core.config.camera.scan.max_pages}

    # --- what the screens show -------------------------------------------------------------
    def _get_frame(self) -> QImage:
        return self._frame

    def _get_outline(self) -> list[float]:
        return self._outline

    def _get_guidance(self) -> str:
        if self._retaking >= 0 and self._guidance_key != "scanning.guidance.camera_problem":
            return self.t("scanning.screen.retaking", number=self._retaking + 1)
        return self.t(self._guidance_key, **self._guidance_values)

    def _get_page_rows(self) -> list[PageRow]:
        return [
            PageRow(i, self.t("scanning.screen.page", number=i + 1), image, i == self._retaking)
            for i, image in enumerate(self._pages)
        ]

    def _get_pages(self) -> RowsModel:
        return self._page_rows

    frame = Property(QImage, _get_frame, notify=frameChanged)
    outline = Property(list, _get_outline, notify=frameChanged)
    steady = Property(float, lambda self: self._steady, notify=frameChanged)
    pageOk = Property(bool, lambda self: self._ok, notify=frameChanged)
    previewFps = Property(float, lambda self: self._fps, notify=frameChanged)
    guidance = Property(str, _get_guidance, notify=changed)
    cameraOk = Property(bool, lambda self: self._camera_ok, notify=changed)
    pages = Property(QObject, _get_pages, constant=True)
    pageCount = Property(int, lambda self: len(self._pages), notify=changed)
    saving = Property(bool, lambda self: self.journey.state is S.SAVING, notify=changed)
    paperName = Property(str, lambda self: self._paper.name if self._paper else "", notify=changed)
    canLack = Property(
        bool, lambda self: self._paper is not None and self._paper.lack is not None, notify=changed
    )
    lackNote = Property(
        str, lambda self: self._paper.lack_note if self._paper else "", notify=changed
    )
    savedPages = Property(int, lambda self: self.journey.saved_pages, notify=changed)
    # the journey's step while scanning for one; none shown for a scan on its own
    step = Property(int, lambda self: self.journey.step, notify=changed)
    stepTotal = Property(
        int, lambda self: self.journey.step_total if self.journey.has_caller else 0, notify=changed
    )
    savedText = Property(
        str,
        lambda self: self.t("scanning.screen.done_body", count=self.journey.saved_pages),
        notify=changed,
    )

    # --- what the citizen does ------------------------------------------------------------------
    @Slot()
    def captureNow(self) -> None:
        if self._session is not None:
            self._session.capture_now()

    @Slot(int)
    def retake(self, index: int) -> None:
        if self._session is not None and 0 <= index < len(self._pages):
            self._session.retake(index)
            self._retaking = index
            self.changed.emit()

    @Slot(int)
    def deletePage(self, index: int) -> None:
        if self._session is None or not 0 <= index < len(self._pages):
            return
        self._session.delete(index)
        del self._pages[index]
        self.journey.pages_changed(len(self._pages))
        if self._retaking == index:
            self._retaking = -1
        self.changed.emit()

    @Slot()
    def finish(self) -> None:
        session = self._session
        if session is None or not self.journey.done_pressed():
            return
        folder = self.core.data_dir / "scans" / uuid.uuid4().hex
        stem = "giay-to"
        run_in_background(
            lambda: session.save(folder, stem),
            lambda saved: self._saved(session, folder, saved),
            lambda exc: self._save_failed(session, exc),
        )

    def _saved(self, session: ScanSession, folder: Path, saved: SavedDocument) -> None:
        if session is not self._session:
            shutil.rmtree(folder, ignore_errors=True)  # the citizen left meanwhile
            return
        self._session = None
        session.request_stop()
        run_in_background(session.stop, lambda _: None)
        if not self.journey.saved(saved):
            self._folder = folder  # shown alone: wiped with the session
        self.changed.emit()

    def _save_failed(self, session: ScanSession, exc: BaseException) -> None:
        log.error("saving the scanned pages failed", exc_info=exc)
        if session is self._session:
            self.journey.save_failed()
            self._guidance_key = self.journey.problem_key or self._guidance_key
            self.changed.emit()

    @Slot()
    def lackPaper(self) -> None:
        """ "I don't have this paper": the pages taken are dropped and the journey hears it."""
        paper = self._paper
        if paper is None or paper.lack is None or self.journey.state is not S.CAPTURE:
            return
        self.reset()  # the pages go, and nobody waits for them any more
        paper.lack()

    @Slot()
    def back(self) -> None:
        """Back from the capture screen: the step is left without a result."""
        self._stop_session()
        if not self.journey.back():
            self.shell.back()
