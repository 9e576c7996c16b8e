"""Turns a straightened page photo into a clean copy: colour, greyscale or black-and-white.

Every mode first divides out the lighting: the paper's own brightness is estimated with a
closing that erases the print (ink is thinner than the kernel) and a blur, so shadows, a
brighter corner and the lamp's colour cast all become even white paper. Black-and-white then
thresholds that flat page, which keeps faint strokes without speckling the background.
"""

from __future__ import annotations

import enum

import cv2
import numpy as np

_PAPER_WHITE = 245.0
_BORDER_FRACTION = 0.004  # of the short side: 0.8 mm on A4
_BACKGROUND_WIDTH = 640  # paper brightness is estimated on a copy this wide: it varies slowly


class EnhanceMode(enum.Enum):
    COLOUR = "colour"
    GREY = "grey"
    BW = "bw"


def _paper_level(channel: np.ndarray) -> np.ndarray:
    """The brightness the bare paper would have at every pixel, float32."""
    height, width = channel.shape
    factor = min(1.0, _BACKGROUND_WIDTH / width)
    small = cv2.resize(channel, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (15, 15))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    closed = cv2.medianBlur(closed, 9)
    level = cv2.GaussianBlur(closed.astype(np.float32), (0, 0), 6)
    return cv2.resize(level, (width, height), interpolation=cv2.INTER_LINEAR)


def flatten(channel: np.ndarray) -> np.ndarray:
    """One channel with the lighting divided out: paper at ~245, ink keeps its contrast."""
    level = np.maximum(_paper_level(channel), 1.0)
    return cv2.convertScaleAbs(channel.astype(np.float32) * (_PAPER_WHITE / level))


def enhance(page: np.ndarray, mode: EnhanceMode) -> np.ndarray:
    """BGR uint8 for colour, one-channel uint8 for grey, bool (True = ink) for black-and-white."""
    if mode is EnhanceMode.COLOUR:
        result = cv2.merge([flatten(channel) for channel in cv2.split(page)])
    else:
        result = flatten(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY))
        if mode is EnhanceMode.BW:
            result = _binarise(result)
    _clear_border(result, paper=False if mode is EnhanceMode.BW else int(_PAPER_WHITE))
    return result


def _clear_border(image: np.ndarray, paper: int | bool) -> None:
    """Paper colour over the outermost sliver, where the desk shows through a cut a pixel
    off: printed margins are far wider, so nothing of the page is lost."""
    width = max(2, round(min(image.shape[:2]) * _BORDER_FRACTION))
    image[:width] = paper
    image[-width:] = paper
    image[:, :width] = paper
    image[:, -width:] = paper


def _binarise(flat: np.ndarray) -> np.ndarray:
    """Ink where a pixel is clearly darker than its neighbourhood and than the paper."""
    local = cv2.adaptiveThreshold(
        flat, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, 31, 18
    )
    dark_enough = flat < 200
    ink = (local > 0) & dark_enough
    # single specks are noise, not print
    cleaned = cv2.morphologyEx(ink.view(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return cleaned.astype(bool) | (flat < 110)
