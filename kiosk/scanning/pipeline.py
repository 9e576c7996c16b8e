"""One frame through the pipeline: find the page, judge it; and one kept page: straighten it
to its paper size and clean it up. Plain functions, no threads — the session runs them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.detection import PageDetection, detect_page
from kiosk.scanning.document import ScannedPage
from kiosk.scanning.enhance import EnhanceMode, enhance
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityLimits, QualityReport, assess, page_view, sharpness
from kiosk.scanning.rectify import PaperFormat, choose_format, rectify, true_aspect


@dataclass(frozen=True)
class FrameAnalysis:
    detection: PageDetection | None
    report: QualityReport


def limits_from(settings: ScanSettings) -> QualityLimits:
    return QualityLimits(
        min_page_fraction=settings.min_page_fraction,
        min_sharpness=settings.min_sharpness,
        max_glare_fraction=settings.max_glare_fraction,
    )


def analyse(
    image: np.ndarray,
    limits: QualityLimits,
    previous: Quad | None = None,
    document_type: str | None = None,
) -> FrameAnalysis:
    """`document_type` ("A4", "A5", "card", "receipt" or None) is the paper asked for."""
    detection = detect_page(image, document_type)
    return FrameAnalysis(detection, assess(image, detection, previous, limits, document_type))


def paper_of(quad: Quad, frame_size: tuple[int, int], pixels_per_mm: float) -> PaperFormat:
    long_side_mm = None
    if pixels_per_mm > 0:
        long_side_mm = float(quad.side_lengths().max()) / pixels_per_mm
    return choose_format(true_aspect(quad, frame_size), long_side_mm)


def mode_for(paper: PaperFormat, setting: str) -> EnhanceMode:
    """`auto`: colour for cards (photo, seal), clean black-and-white for pages of text."""
    if setting == "auto":
        return EnhanceMode.COLOUR if paper.name == "card" else EnhanceMode.BW
    return EnhanceMode(setting)


def make_page(
    image: np.ndarray, quad: Quad, settings: ScanSettings, mode: EnhanceMode | None = None
) -> ScannedPage:
    """The kept page: straightened to its paper size at the configured dpi, then cleaned."""
    height, width = image.shape[:2]
    paper = paper_of(quad, (width, height), settings.pixels_per_mm)
    mode = mode or mode_for(paper, settings.mode)
    flat = rectify(image, quad, paper, settings.dpi)
    measured = sharpness(page_view(image, quad))
    return ScannedPage(
        image=enhance(flat, mode),
        mode=mode,
        paper=paper,
        dpi=settings.dpi,
        sharpness=1.0 if measured is None else measured,
    )
