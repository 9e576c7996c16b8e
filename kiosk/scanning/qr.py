"""Reads QR codes from camera frames and still images: the ID card's QR, dossier receipts.

Two decoders sit behind one interface; `bench/camera_qr.py` measures both and the faster,
surer one (zxing-cpp) is the default. Decoding never raises: a decoder that chokes on odd bytes
(OpenCV's Python binding raises on payloads that are not UTF-8) just finds nothing. When the
first look finds nothing, a second pass zooms into where a symbol, a card or a page is, because
a card's QR on a 1080p frame may be only two or three pixels a module.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np
import zxingcpp

from kiosk.scanning.quad import Quad

log = logging.getLogger(__name__)

_ZOOM_TARGET = 1200  # a zoomed region is scaled so its longer side is about this many pixels
_ZOOM_RANGE = (2.0, 4.0)
_REGION_MARGIN = 0.25  # of the region's size, added around it before zooming
_MAX_REGIONS = 6
# (amount, radius in original pixels) of the unsharp masks tried on a zoomed region: a mild
# one for a sharp small symbol, a strong one for a blurred symbol of four or five pixels a
# module (a card's QR in a high-resolution still; measured in bench/camera_qr.py)
_SHARPENINGS = ((1.0, 0.8), (3.0, 1.5))


@dataclass(frozen=True)
class QrCode:
    text: str
    raw: bytes  # the payload as stored; `text` is its reading (UTF-8, else the decoder's guess)
    corners: np.ndarray  # (4, 2) in the pixels of the image that was read
    decoder: str


class QrDecoder(Protocol):
    name: str

    def decode(self, grey: np.ndarray) -> list[QrCode]:
        """Every QR code found in a greyscale image; never raises."""
        ...

    def locate(self, grey: np.ndarray) -> list[np.ndarray]:
        """Outlines (4×2) of symbols seen but not read, worth a closer look."""
        ...


def _text(raw: bytes, fallback: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return fallback


class ZxingDecoder:
    name = "zxing-cpp"
    _formats = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)

    def _read(self, grey: np.ndarray, errors: bool) -> list[zxingcpp.Barcode]:
        try:
            return zxingcpp.read_barcodes(
                np.ascontiguousarray(grey), formats=self._formats, return_errors=errors
            )
        except Exception:
            log.exception("zxing-cpp failed on a %s image", grey.shape)
            return []

    @staticmethod
    def _corners(barcode: zxingcpp.Barcode) -> np.ndarray:
        p = barcode.position
        return np.array(
            [[c.x, c.y] for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)],
            np.float64,
        )

    def decode(self, grey: np.ndarray) -> list[QrCode]:
        found = []
        for barcode in self._read(grey, errors=False):
            raw = bytes(barcode.bytes)
            found.append(QrCode(_text(raw, barcode.text), raw, self._corners(barcode), self.name))
        return found

    def locate(self, grey: np.ndarray) -> list[np.ndarray]:
        return [self._corners(b) for b in self._read(grey, errors=True) if not b.valid]


class OpenCvDecoder:
    name = "opencv"

    def __init__(self) -> None:
        self._local = threading.local()  # a detector is not safe to share between threads

    @property
    def _detector(self) -> cv2.QRCodeDetector:
        detector = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._local.detector = cv2.QRCodeDetector()
        return detector

    def decode(self, grey: np.ndarray) -> list[QrCode]:
        try:
            text, points, _ = self._detector.detectAndDecode(grey)
        except (UnicodeDecodeError, cv2.error):
            # OpenCV's binding raises on a payload that is not UTF-8; nothing was read
            return []
        if not text or points is None:
            return []
        raw = text.encode("utf-8")
        return [QrCode(text, raw, points.reshape(-1, 2).astype(np.float64)[:4], self.name)]

    def locate(self, grey: np.ndarray) -> list[np.ndarray]:
        try:
            ok, points = self._detector.detect(grey)
        except cv2.error:
            return []
        return [points.reshape(-1, 2).astype(np.float64)] if ok and points is not None else []


def _grey(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image


def _boxes(outlines: Iterable[np.ndarray], width: int, height: int) -> list[tuple[int, ...]]:
    boxes = []
    for outline in outlines:
        low, high = outline.min(axis=0), outline.max(axis=0)
        margin = (high - low).max() * _REGION_MARGIN + 8
        x0, y0 = np.maximum(low - margin, 0).astype(int)
        x1, y1 = np.minimum(high + margin, [width, height]).astype(int)
        if x1 - x0 >= 16 and y1 - y0 >= 16:
            boxes.append((x0, y0, x1, y1))
    return boxes[:_MAX_REGIONS]


def read_qr(
    image: np.ndarray, decoder: QrDecoder | None = None, regions: Sequence[Quad] = ()
) -> list[QrCode]:
    """QR codes in a BGR or greyscale image. `regions` (a detected card or page) are zoomed
    into when the whole image yields nothing."""
    decoder = decoder or ZxingDecoder()
    grey = _grey(image)
    found = decoder.decode(grey)
    if found:
        return found
    height, width = grey.shape
    outlines = [*decoder.locate(grey), *(region.corners for region in regions)]
    for x0, y0, x1, y1 in _boxes(outlines, width, height):
        crop = grey[y0:y1, x0:x1]
        zoom = float(np.clip(_ZOOM_TARGET / max(crop.shape), *_ZOOM_RANGE))
        zoomed = cv2.resize(crop, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
        for attempt in (zoomed, *(_sharpened(zoomed, zoom, *s) for s in _SHARPENINGS)):
            found = decoder.decode(attempt)
            if found:
                return [
                    QrCode(code.text, code.raw, code.corners / zoom + (x0, y0), code.decoder)
                    for code in found
                ]
    return []


def _sharpened(zoomed: np.ndarray, zoom: float, amount: float, sigma: float) -> np.ndarray:
    """Unsharp mask at the scale of the original pixels: restores module edges the lens and
    the upscaling softened (this is what reads a card QR at about two pixels a module)."""
    soft = cv2.GaussianBlur(zoomed, (0, 0), sigma * zoom)
    return cv2.addWeighted(zoomed, 1.0 + amount, soft, -amount, 0)
