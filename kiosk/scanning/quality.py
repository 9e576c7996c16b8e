"""Is this frame good enough to keep? Checks a detected page for what spoils scans — no page,
cut off by the frame, too small, moving, blurred, glare — and names the first problem as a
translation key the citizen can act on ("Hold the page still", not "variance too low").

Blur is judged against the page's own small print at one scale for every camera
(`kiosk.scanning.blur`), so 1080p and 12 MP frames, A4 forms and ID cards are held to what
keeps their text readable.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.blur import faint_marks, lens_smear, page_transform
from kiosk.scanning.detection import PageDetection
from kiosk.scanning.document_type import print_x_height_mm, short_side_mm
from kiosk.scanning.glare import glare_fraction
from kiosk.scanning.quad import Quad

_INSPECT_SIZE = 720  # the page is inspected at most this many pixels long
# The lens's smear of the print (measuring pixels: small print 10 px high, see
# kiosk.scanning.blur) at sharpness 0.5: 0.12 of the print's x-height, where tesseract
# starts misreading accents and digits (tests/camera/quality_frames.py, --calibrate in
# bench/scan_quality.py). Sharpness falls from 1 (no smear) to 0 at twice that.
_SMEAR_AT_HALF = 1.18


class QualityIssue(enum.Enum):
    """In order of what the citizen should fix first."""

    NO_PAGE = "scanning.guidance.no_page"
    CUT_OFF = "scanning.guidance.cut_off"
    TOO_SMALL = "scanning.guidance.too_small"
    MOVING = "scanning.guidance.moving"
    BLURRED = "scanning.guidance.blurred"
    GLARE = "scanning.guidance.glare"

    @property
    def message_key(self) -> str:
        return self.value


# The camera is fixed above the desk, so a document's size in the picture follows from its
# size on paper: what matters is whether its print gets enough pixels. `min_page_fraction`
# is set for an A4 page (its shorter side against the frame's shorter side); every kind is
# held to the same pixels per millimetre, measured across its shorter side (a receipt's
# 80 mm width whatever its length). An ID card a quarter of the frame wide passes.


@dataclass(frozen=True)
class QualityLimits:
    min_page_fraction: float = 0.25  # shorter page side / shorter frame side (A4; see above)
    edge_margin_fraction: float = 0.004  # corners closer to the frame edge count as cut off
    moving_fraction: float = 0.006  # corner travel between frames / frame diagonal
    min_sharpness: float = 0.5  # see `sharpness`
    max_glare_fraction: float = 0.002  # share of the page burnt out to white


@dataclass(frozen=True)
class QualityReport:
    issues: tuple[QualityIssue, ...]
    sharpness: float | None  # 0 blurred ‥ 1 crisp; None: no print to judge (blank page)
    glare_fraction: float
    page_fraction: float

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def guidance_key(self) -> str:
        return self.issues[0].message_key if self.issues else "scanning.guidance.hold_still"


def sharpness(
    image: np.ndarray,
    quad: Quad,
    document_type: str | None = None,
    overview: np.ndarray | None = None,
) -> float | None:
    """0 (blurred) ‥ 1 (crisp) for the page at `quad` (BGR or grey frame); None when there
    is no print to judge (a blank page). `overview` is its `page_view`, if made already."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    overview = page_view(grey, quad) if overview is None else overview
    spread = lens_smear(grey, quad, overview, document_type)
    if spread is None:
        return 0.0 if faint_marks(overview) else None
    return float(np.clip(1 - spread / (2 * _SMEAR_AT_HALF), 0.0, 1.0))


def page_view(image: np.ndarray, quad: Quad) -> np.ndarray:
    """The page straightened at about the resolution the camera saw it (greyscale), a small
    margin inside its outline so the desk does not count."""
    lengths = quad.side_lengths()
    width, height = (lengths[0] + lengths[2]) / 2, (lengths[1] + lengths[3]) / 2
    scale = min(1.0, _INSPECT_SIZE / max(width, height))
    size = (max(16, round(width * scale)), max(16, round(height * scale)))
    transform = page_transform(quad, size)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    return cv2.warpPerspective(grey, transform, size, flags=cv2.INTER_AREA)


def size_fraction(quad: Quad, frame_size: tuple[int, int], document_type: str | None) -> float:
    """How large the document looks, in A4 terms: compared with `min_page_fraction`."""
    scale = short_side_mm("A4") / short_side_mm(document_type)
    return float(quad.side_lengths().min() / min(frame_size)) * scale


def assess(
    image: np.ndarray,
    detection: PageDetection | None,
    previous: Quad | None = None,
    limits: QualityLimits | None = None,
    document_type: str | None = None,
) -> QualityReport:
    """What is wrong with this frame, most important first (empty when it can be kept)."""
    limits = limits or QualityLimits()
    if detection is None:
        return QualityReport((QualityIssue.NO_PAGE,), None, 0.0, 0.0)
    width, height = detection.frame_size
    quad = detection.quad
    issues = []
    if quad.border_gap(width, height) < limits.edge_margin_fraction * min(width, height):
        issues.append(QualityIssue.CUT_OFF)
    page_fraction = size_fraction(quad, (width, height), document_type)
    if page_fraction < limits.min_page_fraction:
        issues.append(QualityIssue.TOO_SMALL)
    if previous is not None and quad.max_shift(previous) > limits.moving_fraction * np.hypot(
        width, height
    ):
        issues.append(QualityIssue.MOVING)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    view = page_view(grey, quad)
    sharp = sharpness(grey, quad, document_type, view)
    if sharp is not None and sharp < limits.min_sharpness:
        issues.append(QualityIssue.BLURRED)
    view_px_per_mm = min(view.shape) / short_side_mm(document_type)
    glare = glare_fraction(view, print_x_height_mm(document_type) * view_px_per_mm)
    if glare > limits.max_glare_fraction:
        issues.append(QualityIssue.GLARE)
    return QualityReport(tuple(issues), sharp, glare, page_fraction)
