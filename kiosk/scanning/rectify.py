"""Straightens a detected page to its true proportions at a chosen resolution.

A perspective view shortens one side more than the other, so side lengths alone misjudge the
page's shape. The true width/height ratio comes from the quadrilateral itself (Zhang & He,
"Whiteboard scanning and image enhancement", 2007: the focal length and the ratio follow from the
vanishing geometry of a rectangle, principal point at the frame centre). The ratio then snaps
to a known paper format (A4, A5, ID card) when it is close, so a page comes out exactly
210 × 297 mm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.quad import Quad

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class PaperFormat:
    name: str  # "A4", "A5", "card", "receipt", "other"
    width_mm: float  # as the page lies in the frame (landscape when wider than tall)
    height_mm: float

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    def pixels(self, dpi: float) -> tuple[int, int]:
        return (round(self.width_mm / MM_PER_INCH * dpi), round(self.height_mm / MM_PER_INCH * dpi))


# short side, long side in mm. A4 and A5 share a shape; only a known scale tells them apart.
KNOWN_FORMATS = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "card": (53.98, 85.6)}
RECEIPT_WIDTH_MM = 80.0  # thermal till roll; the length is what the photo shows
_SNAP_TOLERANCE = 0.05  # relative difference in aspect ratio still taken as the format


def true_aspect(quad: Quad, frame_size: tuple[int, int]) -> float:
    """Width / height of the rectangle the quadrilateral is a picture of."""
    tl, tr, br, bl = (np.array([x, y, 1.0]) for x, y in quad.corners)
    m1, m2, m3, m4 = tl, tr, bl, br  # the paper's numbering: a rectangle's corners row by row
    u0, v0 = frame_size[0] / 2, frame_size[1] / 2
    k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
    k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    widths = quad.side_lengths()
    measured = (widths[0] + widths[2]) / max(widths[1] + widths[3], 1e-9)
    if abs(n2[2]) < 1e-6 or abs(n3[2]) < 1e-6:
        return float(measured)  # no perspective: an affine view keeps ratios
    f_squared = -(
        (n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0)
        + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0)
    ) / (n2[2] * n3[2])
    if not math.isfinite(f_squared) or f_squared <= 0:
        return float(measured)  # nearly fronto-parallel: the focal length is not observable
    a_inv = np.array([[1, 0, -u0], [0, 1, -v0], [0, 0, math.sqrt(f_squared)]]) / math.sqrt(
        f_squared
    )
    a_inv[2] = [0, 0, 1]
    p2, p3 = a_inv @ n2, a_inv @ n3
    ratio = math.sqrt(float(p2 @ p2) / float(p3 @ p3))
    # A wild focal length means the formula is ill-conditioned; trust the sides instead.
    if not 0.5 * measured < ratio < 2.0 * measured:
        return float(measured)
    return ratio


def choose_format(aspect: float, long_side_mm: float | None = None) -> PaperFormat:
    """The known format this shape (and, when the scale is known, size) matches."""
    landscape = aspect > 1
    shape = max(aspect, 1 / aspect)
    best: tuple[float, str] | None = None
    for name, (short, long) in KNOWN_FORMATS.items():
        if name == "A5" and long_side_mm is None:
            continue  # same shape as A4: without a scale, the common one is meant
        mismatch = abs(shape - long / short) / (long / short)
        if long_side_mm is not None:
            mismatch += abs(long_side_mm - long) / long
        if best is None or mismatch < best[0]:
            best = (mismatch, name)
    assert best is not None
    mismatch, name = best
    limit = _SNAP_TOLERANCE * (3 if long_side_mm is not None else 1)
    if mismatch <= limit:
        short, long = KNOWN_FORMATS[name]
    else:
        long = long_side_mm or KNOWN_FORMATS["A4"][1]
        short, name = long / shape, "other"
    return PaperFormat(name, long, short) if landscape else PaperFormat(name, short, long)


def rectify(image: np.ndarray, quad: Quad, paper: PaperFormat, dpi: float) -> np.ndarray:
    """The page cut out and straightened to `paper` at `dpi` (colour, as the frame)."""
    width, height = paper.pixels(dpi)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    # quad corners run clockwise from the top left, as the target's do
    transform = cv2.getPerspectiveTransform(quad.corners.astype(np.float32), target)
    return cv2.warpPerspective(
        image, transform, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
