"""Is this frame good enough to keep? Checks a detected page for what spoils scans — no page,
cut off by the frame, too small, moving, blurred, glare — and names the first problem as a
translation key the citizen can act on ("Hold the page still", not "variance too low").

Sharpness is judged by how steep the print's edges are: on a sharp picture the brightness
climbs from ink to paper within a pixel or two, on a blurred one over many; dividing the
steepest slopes by the local ink-to-paper contrast makes the measure independent of lighting
and of how dark the print is. It is measured on the page itself at about the resolution the
camera saw it, so print, not the desk, decides; sensor noise barely moves it because only
strong edges count.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.detection import PageDetection
from kiosk.scanning.quad import Quad

_INSPECT_SIZE = 720  # the page is inspected at most this many pixels long
_EDGE_CONTRAST = 40.0  # ink-to-paper difference that makes an edge worth measuring
_FAINT_CONTRAST = 15.0
_MIN_EDGE_PIXELS = 200
# slope / contrast at the steepest edges: ~0.17 for a smear, ~0.4 for crisp print
_BLURRED_STEEPNESS = 0.17
_CRISP_STEEPNESS = 0.40


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
_SHORT_SIDE_MM = {None: 210.0, "A4": 210.0, "A5": 148.0, "card": 53.98, "receipt": 80.0}
_GLARE_OVER_PAPER = 10.0  # a reflection is this much brighter than the page's own paper…
_GLARE_LEVEL = (244.0, 255.0)  # …and at least this bright (sensor near saturation)


@dataclass(frozen=True)
class QualityLimits:
    min_page_fraction: float = 0.25  # shorter page side / shorter frame side (A4; see above)
    edge_margin_fraction: float = 0.004  # corners closer to the frame edge count as cut off
    moving_fraction: float = 0.006  # corner travel between frames / frame diagonal
    min_sharpness: float = 0.55  # see `sharpness`; print blurred by σ ≈ 1.1 px (1080p) sits here
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


def sharpness(grey: np.ndarray) -> float | None:
    """0 (blurred) ‥ 1 (crisp) for a greyscale page; None when there is no print to judge."""
    image = cv2.GaussianBlur(grey, (3, 3), 0).astype(np.float32)
    dx = cv2.Sobel(image, cv2.CV_32F, 1, 0, ksize=3)
    dy = cv2.Sobel(image, cv2.CV_32F, 0, 1, ksize=3)
    slope = cv2.magnitude(dx, dy) / 8  # brightness change per pixel
    window = np.ones((7, 7), np.uint8)
    contrast = cv2.dilate(image, window) - cv2.erode(image, window)
    edges = contrast > _EDGE_CONTRAST
    if edges.sum() < _MIN_EDGE_PIXELS:
        # Faint marks only: print smeared beyond recognition, or a blank page.
        return 0.0 if np.percentile(contrast, 99.5) > _FAINT_CONTRAST else None
    steepness = float(np.percentile(slope[edges] / contrast[edges], 95))
    return float(
        np.clip((steepness - _BLURRED_STEEPNESS) / (_CRISP_STEEPNESS - _BLURRED_STEEPNESS), 0, 1)
    )


def page_view(image: np.ndarray, quad: Quad) -> np.ndarray:
    """The page straightened at about the resolution the camera saw it (greyscale), a small
    margin inside its outline so the desk does not count."""
    lengths = quad.side_lengths()
    width, height = (lengths[0] + lengths[2]) / 2, (lengths[1] + lengths[3]) / 2
    scale = min(1.0, _INSPECT_SIZE / max(width, height))
    size = (max(16, round(width * scale)), max(16, round(height * scale)))
    inset = 0.03
    target = (
        np.array(
            [[-inset, -inset], [1 + inset, -inset], [1 + inset, 1 + inset], [-inset, 1 + inset]]
        )
        * size
    )
    transform = cv2.getPerspectiveTransform(
        quad.corners.astype(np.float32), target.astype(np.float32)
    )
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    return cv2.warpPerspective(grey, transform, size, flags=cv2.INTER_AREA)


def glare_fraction(view: np.ndarray) -> float:
    """Share of the page burnt out in patches clearly brighter than its own paper (a lamp's
    reflection), not specks: bright white paper that is evenly lit is not glare."""
    paper = float(np.percentile(view, 60))
    level = float(np.clip(paper + _GLARE_OVER_PAPER, *_GLARE_LEVEL))
    burnt = (view >= level).view(np.uint8)
    burnt = cv2.morphologyEx(burnt, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    return float(burnt.mean())


def size_fraction(quad: Quad, frame_size: tuple[int, int], document_type: str | None) -> float:
    """How large the document looks, in A4 terms: compared with `min_page_fraction`."""
    short_mm = _SHORT_SIDE_MM.get(document_type, _SHORT_SIDE_MM[None])
    scale = _SHORT_SIDE_MM["A4"] / short_mm
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
    view = page_view(image, quad)
    sharp = sharpness(view)
    if sharp is not None and sharp < limits.min_sharpness:
        issues.append(QualityIssue.BLURRED)
    glare = glare_fraction(view)
    if glare > limits.max_glare_fraction:
        issues.append(QualityIssue.GLARE)
    return QualityReport(tuple(issues), sharp, glare, page_fraction)
