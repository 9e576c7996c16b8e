"""One frame through the pipeline: find the page, judge it; and one kept page: straighten it
to its paper size and clean it up. Plain functions, no threads — the session runs them."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.detection import PageDetection, detect_page
from kiosk.scanning.document import ScannedPage
from kiosk.scanning.enhance import EnhanceMode, enhance
from kiosk.scanning.orientation import upright_turns
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityLimits, QualityReport, assess, sharpness
from kiosk.scanning.rectify import (
    KNOWN_FORMATS,
    RECEIPT_WIDTH_MM,
    PaperFormat,
    choose_format,
    rectify,
    true_aspect,
)

_ANNOUNCED_TOLERANCE = 0.15  # the announced document's shape, allowing for a corner off
_COLOUR_CHROMA = 40  # Lab a/b distance from grey that is ink of a colour, not paper tint
_COLOUR_SHARE = 0.004  # of the page


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


def paper_of(
    quad: Quad,
    frame_size: tuple[int, int],
    pixels_per_mm: float,
    document_type: str | None = None,
) -> PaperFormat:
    """The paper size the outline shows. The document asked for settles what the shape
    alone cannot (A5 looks like A4; a short receipt like an ID card); a calibrated scale
    settles it otherwise."""
    aspect = true_aspect(quad, frame_size)
    long_side_mm = None
    if pixels_per_mm > 0:
        long_side_mm = float(quad.side_lengths().max()) / pixels_per_mm
    if document_type == "receipt":
        shape = max(aspect, 1 / aspect)
        long = RECEIPT_WIDTH_MM * shape
        return PaperFormat(
            "receipt", *((long, RECEIPT_WIDTH_MM) if aspect > 1 else (RECEIPT_WIDTH_MM, long))
        )
    if document_type in KNOWN_FORMATS:
        short, long = KNOWN_FORMATS[document_type]
        if abs(max(aspect, 1 / aspect) / (long / short) - 1) <= _ANNOUNCED_TOLERANCE:
            return PaperFormat(document_type, *((long, short) if aspect > 1 else (short, long)))
    return choose_format(aspect, long_side_mm)


def _coloured(flat: np.ndarray) -> bool:
    """Colour that matters on the page: a seal, a photo, a coloured form."""
    small = cv2.resize(flat, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    lab = cv2.cvtColor(small, cv2.COLOR_BGR2Lab).astype(np.int16)
    chroma = np.abs(lab[..., 1] - 128) + np.abs(lab[..., 2] - 128)
    return float((chroma > _COLOUR_CHROMA).mean()) > _COLOUR_SHARE


def mode_for(paper: PaperFormat, setting: str, flat: np.ndarray) -> EnhanceMode:
    """`auto`, per page: colour for cards and pages with colour on them (seal, photo),
    flattened greyscale for print. Black-and-white only when asked for: at 1080p it turns
    thin strokes of small print into the wrong glyphs (OCR reads more errors than before
    clean-up, see bench/camera_pipeline.py)."""
    if setting == "auto":
        if paper.name == "card" or _coloured(flat):
            return EnhanceMode.COLOUR
        return EnhanceMode.GREY
    return EnhanceMode(setting)


def straighten(
    image: np.ndarray, quad: Quad, settings: ScanSettings, document_type: str | None = None
) -> tuple[np.ndarray, PaperFormat]:
    """The page cut out to its paper size at the configured dpi and turned to read upright."""
    height, width = image.shape[:2]
    paper = paper_of(quad, (width, height), settings.pixels_per_mm, document_type)
    flat = rectify(image, quad, paper, settings.dpi)
    turns = upright_turns(cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY))
    if turns:
        flat = np.ascontiguousarray(np.rot90(flat, turns))
        if turns % 2:
            paper = PaperFormat(paper.name, paper.height_mm, paper.width_mm)
    return flat, paper


def make_page(
    image: np.ndarray,
    quad: Quad,
    settings: ScanSettings,
    mode: EnhanceMode | None = None,
    document_type: str | None = None,
) -> ScannedPage:
    """The kept page: straightened, upright, then cleaned in the mode chosen for it."""
    flat, paper = straighten(image, quad, settings, document_type)
    mode = mode or mode_for(paper, settings.mode, flat)
    measured = sharpness(image, quad, document_type)
    return ScannedPage(
        image=enhance(flat, mode),
        mode=mode,
        paper=paper,
        dpi=settings.dpi,
        sharpness=1.0 if measured is None else measured,
    )
