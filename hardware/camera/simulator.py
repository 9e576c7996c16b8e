"""A camera for demos, development and tests: plays image files or a video in a loop, paced like
a real device, and fails like one ("no device" at start, or the camera gone mid-stream).

With no files configured it shows a built-in scene: an empty desk, a page laid down, the desk
again, then a second page carrying a QR code — enough to see detection and auto-capture work.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import cv2
import numpy as np
import qrcode

from hardware.camera.config import CameraSettings
from hardware.camera.interface import CameraCapabilities
from hardware.device import DeviceError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm"}


def fit_to(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Crop to the target aspect ratio around the centre, then scale: what a sensor would see."""
    h, w = image.shape[:2]
    if (w, h) == (width, height):
        return image
    scale = max(width / w, height / h)
    crop_w, crop_h = round(width / scale), round(height / scale)
    x0, y0 = (w - crop_w) // 2, (h - crop_h) // 2
    cropped = image[y0 : y0 + crop_h, x0 : x0 + crop_w]
    return cv2.resize(cropped, (width, height), interpolation=cv2.INTER_AREA)


def _expand(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for entry in paths:
        path = Path(entry).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES))
        else:
            files.append(path)
    return files


_DEMO_PRINT = "ho so dang ky khai sinh giay to cong dan xa phuong 2026 ngay thang nam"


def _demo_page(width: int, height: int, qr_text: str | None) -> np.ndarray:
    """A plain printed page: heading, text lines, a table and optionally a QR code."""
    page = np.full((height, width, 3), 246, np.uint8)
    margin = width // 10
    cv2.rectangle(page, (margin, margin), (width - margin, margin + height // 30), (40, 40, 40), -1)
    y = margin + height // 15
    line = height // 45
    # lines of real print (strokes in every direction, as letters have): the blur check
    # judges a page by its small print, and bars of grey read to it as print smeared flat
    scale = cv2.getFontScaleFromHeight(cv2.FONT_HERSHEY_SIMPLEX, max(line // 2, 6))
    words = _DEMO_PRINT.split()
    for row in range(14):
        length = width - 2 * margin - (row * 37 % 5) * width // 14
        text = " ".join(words[(row + n) % len(words)] for n in range(40))
        (text_w, _), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)
        text = text[: max(1, len(text) * length // max(text_w, 1))]
        baseline = (margin, y + line // 2)
        cv2.putText(page, text, baseline, cv2.FONT_HERSHEY_SIMPLEX, scale, (50, 50, 50), 1)
        y += line
    table_top = y + line
    for r in range(6):
        cv2.line(
            page,
            (margin, table_top + r * line),
            (width - margin, table_top + r * line),
            (60, 60, 60),
            2,
        )
    for c in range(4):
        x = margin + c * (width - 2 * margin) // 3
        cv2.line(page, (x, table_top), (x, table_top + 5 * line), (60, 60, 60), 2)
    if qr_text:
        code = qrcode.QRCode(border=2)
        code.add_data(qr_text)
        matrix = np.array(code.get_matrix(), dtype=bool)
        side = width // 4
        tile = cv2.resize(
            np.where(matrix, 30, 246).astype(np.uint8),
            (side, side),
            interpolation=cv2.INTER_NEAREST,
        )
        top = height - margin - side
        page[top : top + side, width - margin - side : width - margin] = tile[..., None]
    return page


def demo_scene(width: int, height: int) -> list[np.ndarray]:
    """Desk, page, desk, page with a QR: deterministic, so a demo looks the same every time."""
    rng = np.random.default_rng(7)
    desk = np.empty((height, width, 3), np.uint8)
    gradient = np.linspace(55, 35, width, dtype=np.float32)[None, :, None]
    desk[:] = (gradient * np.array([0.8, 0.9, 1.0], np.float32)).astype(np.uint8)
    desk = cv2.add(desk, rng.integers(0, 6, desk.shape, dtype=np.uint8))
    frames = [desk]
    for number, qr_text in ((1, None), (2, "000.00.06.H56-231027-0361")):
        page_h = int(height * 0.86)
        page_w = int(page_h / 1.414)
        page = _demo_page(page_w, page_h, qr_text)
        cx, cy = width / 2 + (number - 1.5) * width * 0.06, height / 2
        angle = np.deg2rad(4 if number == 1 else -6)
        corners = (
            np.array(
                [[-page_w, -page_h], [page_w, -page_h], [page_w, page_h], [-page_w, page_h]],
                np.float32,
            )
            / 2
        )
        rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        placed = (corners @ rotation.T + [cx, cy]).astype(np.float32)
        source = np.array([[0, 0], [page_w, 0], [page_w, page_h], [0, page_h]], np.float32)
        warp = cv2.getPerspectiveTransform(source, placed)
        scene = desk.copy()
        cv2.warpPerspective(
            page, warp, (width, height), dst=scene, borderMode=cv2.BORDER_TRANSPARENT
        )
        frames += [scene, desk] if number == 1 else [scene]
    return frames


class SimulatedSource:
    """Stills are each held for `simulator_hold_seconds`; a video plays frame by frame."""

    def __init__(self, settings: CameraSettings, clock: Callable[[], float] = time.monotonic):
        self._settings = settings
        self._clock = clock
        self._files = _expand(settings.simulator_files)
        self._stills: list[np.ndarray] = []
        self._originals: list[np.ndarray] = []  # the files as loaded, for high-resolution stills
        self._video: cv2.VideoCapture | None = None
        self._position = 0
        self._next_due = 0.0
        self._connected_at = 0.0
        self._unplugged = threading.Event()
        self._gone_since: float | None = None
        names = ", ".join(p.name for p in self._files[:3]) or "built-in scene"
        self.description = f"simulator ({names})"

    # --- fault switches for tests and demos ---------------------------------------------------
    def unplug(self) -> None:
        self._unplugged.set()

    def replug(self) -> None:
        self._unplugged.clear()

    def _absent(self) -> bool:
        settings = self._settings
        if self._unplugged.is_set() or settings.simulator_fault == "no_device":
            return True
        if settings.simulator_fault == "gone" and self._gone_since is not None:
            # gone for as long as it was there, then back
            return self._clock() - self._gone_since < settings.simulator_gone_after_seconds
        return False

    # --- FrameSource ------------------------------------------------------------------------------
    def connect(self) -> CameraCapabilities:
        if self._absent():
            raise DeviceError("camera.no_device", self.description)
        self._gone_since = None
        settings = self._settings
        width, height = settings.width, settings.height
        if len(self._files) == 1 and self._files[0].suffix.lower() in VIDEO_SUFFIXES:
            self._video = cv2.VideoCapture(str(self._files[0]))
            if not self._video.isOpened():
                raise DeviceError("camera.simulator_bad_file", str(self._files[0]), retryable=False)
        elif self._files:
            self._originals = [self._load(path) for path in self._files]
            self._stills = [fit_to(image, width, height) for image in self._originals]
        else:
            self._stills = demo_scene(width, height)
        self._connected_at = self._clock()
        self._next_due = self._connected_at
        return CameraCapabilities(
            resolution=(width, height),
            focus_control=False,
            exposure_control=False,
            description=self.description,
        )

    def read(self) -> np.ndarray | None:
        settings = self._settings
        if (
            settings.simulator_fault == "gone"
            and self._gone_since is None
            and (self._clock() - self._connected_at >= settings.simulator_gone_after_seconds)
        ):
            self._gone_since = self._clock()
        if self._absent():
            return None
        wait = self._next_due - self._clock()
        if wait > 0:
            time.sleep(wait)
        self._next_due = max(self._next_due + 1 / settings.simulator_fps, self._clock() - 1.0)
        if self._video is not None:
            image = self._next_video_frame()
            return None if image is None else fit_to(image, settings.width, settings.height)
        image = self._stills[self._shown()]
        self._position += 1
        return image.copy()

    def read_still(self) -> np.ndarray | None:
        """The picture in view at the still size, from the file itself: a file larger than
        the stream is the sensor's full picture; a smaller one (or the built-in scene) has
        no more detail than the stream, so the still is the streamed picture."""
        settings = self._settings
        if self._absent():
            return None
        size = (settings.still_width, settings.still_height)
        if self._video is not None:
            image = self._next_video_frame()
            if image is None:
                return None
            if not (all(size) and image.shape[1] > settings.width):
                size = (settings.width, settings.height)
            return fit_to(image, *size)
        shown = self._shown(last=True)
        if all(size) and self._originals and self._originals[shown].shape[1] > settings.width:
            return fit_to(self._originals[shown], *size).copy()
        return self._stills[shown].copy()

    def _shown(self, last: bool = False) -> int:
        """Which still is in view: the next frame's, or the one last read."""
        settings = self._settings
        hold = max(1, round(settings.simulator_hold_seconds * settings.simulator_fps))
        position = max(self._position - 1, 0) if last else self._position
        return (position // hold) % len(self._stills)

    def disconnect(self) -> None:
        if self._video is not None:
            self._video.release()
            self._video = None
        self._stills = []
        self._originals = []
        self._position = 0

    def _next_video_frame(self) -> np.ndarray | None:
        """The video's next frame as it is in the file."""
        assert self._video is not None
        ok, image = self._video.read()
        if not ok:
            self._video.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._video.read()
        return image if ok else None

    @staticmethod
    def _load(path: Path) -> np.ndarray:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is None:
            raise DeviceError("camera.simulator_bad_file", str(path), retryable=False)
        return image
