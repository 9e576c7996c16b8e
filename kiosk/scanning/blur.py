"""How far the lens or a moving hand smeared the print, measured where it matters.

Whether blur spoils a scan depends on the print, not on the camera's pixels: a smear of
1.2 px takes the accents off 11 pt text at 1080p and leaves it crisp at 12 MP. So the page
is looked at on a scale set by its own small print (the document type says how small its
text runs: 11 pt forms, 6 pt on an ID card, 8 pt on a thermal receipt), the same for every
camera, and only where there is print (a few tiles picked from a low-resolution view).

The smear is measured by blurring the tiles once more by a known amount and comparing the
steepest slope of each edge before and after: a crisp edge loses much of it, an edge that
was already smeared little (Zhuo and Sim's re-blur ratio). The ratio needs neither the
ink's darkness nor the light. Edges are grouped by direction and the worst direction
decides, so a hand moving sideways (sharp along its motion, smeared across it) is caught.
"""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.scanning.document_type import print_x_height_mm, short_side_mm
from kiosk.scanning.quad import Quad

PAGE_INSET = 0.03  # of the page cut off at every side, so the desk never counts
MEASURE_X_HEIGHT_PX = 10.0  # the page is measured with its small print this many pixels high
_TILE = 96  # measuring pixels a side
_MAX_TILES = 12
_REBLUR_SIGMA = 1.5
_EDGE_CONTRAST = 30.0  # ink-to-paper difference (grey levels) for an edge to count
_MIN_EDGES = 60  # per direction, pooled over the tiles
_FAINT_MARKS = 15.0  # grey levels: print smeared past measuring still shows this much
_LOST_DIRECTION = 0.12  # a direction with fewer edges than this share of the one across it…
_SMEARED_AWAY = 4.0  # …was smeared past measuring: its spread is taken as this
# what sampling alone spreads an edge by, in camera pixels: the pixel's own width (1/√12)
# and the interpolation that straightens the page (a tent two pixels wide, 1/√6)
_SAMPLING_SPREAD = float(np.hypot(1 / np.sqrt(12), 1 / np.sqrt(6)))
_MIN_SLOPE = 2.0  # grey levels a pixel
_NOISE_SLOPES = 2.5  # the slope noise alone reaches, per grey level of noise


def pixels_per_mm(quad: Quad, document_type: str | None) -> float:
    """Camera pixels a millimetre of this paper spans (across its shorter side)."""
    return float(quad.side_lengths().min()) / short_side_mm(document_type)


def measuring_scale(quad: Quad, document_type: str | None) -> float:
    """Camera pixels → measuring pixels for this page (its small print MEASURE_X_HEIGHT_PX
    high)."""
    return MEASURE_X_HEIGHT_PX / (
        print_x_height_mm(document_type) * pixels_per_mm(quad, document_type)
    )


def page_transform(quad: Quad, size: tuple[float, float], inset: float = PAGE_INSET) -> np.ndarray:
    """Frame pixels → a page `size` wide and high, `inset` of it cut off at every side."""
    target = np.array(
        [[-inset, -inset], [1 + inset, -inset], [1 + inset, 1 + inset], [-inset, 1 + inset]]
    ) * np.asarray(size)
    return cv2.getPerspectiveTransform(quad.corners.astype(np.float32), target.astype(np.float32))


def print_tiles(grey: np.ndarray, quad: Quad, overview: np.ndarray, scale: float) -> list:
    """Up to _MAX_TILES squares of the page at the measuring scale, where the overview (the
    page at low resolution, same inset) shows the most print."""
    lengths = quad.side_lengths()
    width = (lengths[0] + lengths[2]) / 2 * scale
    height = (lengths[1] + lengths[3]) / 2 * scale
    columns, rows = max(1, int(width // _TILE)), max(1, int(height // _TILE))
    window = np.ones((3, 3), np.uint8)
    ink = cv2.dilate(overview, window).astype(np.float32) - cv2.erode(overview, window)
    cells = cv2.resize(ink, (columns, rows), interpolation=cv2.INTER_AREA)
    order = np.argsort(cells, axis=None)[::-1][:_MAX_TILES]
    to_page = page_transform(quad, (width, height))
    tiles = []
    for index in order:
        if cells.flat[index] <= 0:
            break
        row, column = divmod(int(index), columns)
        x0 = column * width / columns + (width / columns - _TILE) / 2
        y0 = row * height / rows + (height / rows - _TILE) / 2
        # a page seen larger than the measuring scale is cut out at the camera's resolution,
        # then averaged down (sampling it sparsely would keep the sensor noise at full strength)
        zoom = max(1.0, 1 / scale)
        shift = np.array([[zoom, 0, -x0 * zoom], [0, zoom, -y0 * zoom], [0, 0, 1.0]])
        side = round(_TILE * zoom)
        tile = cv2.warpPerspective(grey, shift @ to_page, (side, side), flags=cv2.INTER_LINEAR)
        if side != _TILE:
            tile = cv2.resize(tile, (_TILE, _TILE), interpolation=cv2.INTER_AREA)
        tiles.append(tile)
    return tiles


def _gradient(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    dx = cv2.Sobel(image, cv2.CV_32F, 1, 0, ksize=3)
    dy = cv2.Sobel(image, cv2.CV_32F, 0, 1, ksize=3)
    return dx, dy


def smear(tiles: list[np.ndarray]) -> float | None:
    """The print's spread (root-mean-square, in measuring pixels) in its worst direction;
    None when the tiles hold too few edges to judge (a blank page)."""
    ratios: list[list[np.ndarray]] = [[], [], [], []]
    border = 4
    for tile in tiles:
        image = tile.astype(np.float32)
        dx, dy = _gradient(image)
        slope = cv2.magnitude(dx, dy)
        again = cv2.magnitude(*_gradient(cv2.GaussianBlur(image, (0, 0), _REBLUR_SIGMA)))
        window = np.ones((7, 7), np.uint8)
        contrast = cv2.dilate(image, window) - cv2.erode(image, window)
        peak = slope >= cv2.dilate(slope, np.ones((3, 3), np.uint8))
        # sensor noise makes peaks of its own, which a smeared edge's gentle slope no longer
        # outshines: only slopes well above the noise count
        noise = 1.4826 * float(np.median(np.abs(image - cv2.GaussianBlur(image, (0, 0), 1.0))))
        floor = max(_MIN_SLOPE, _NOISE_SLOPES * noise) * 8  # Sobel's scale
        edges = peak & (contrast >= _EDGE_CONTRAST) & (slope >= floor)
        edges[:border] = edges[-border:] = False
        edges[:, :border] = edges[:, -border:] = False
        direction = ((np.degrees(np.arctan2(dy[edges], dx[edges])) + 22.5) % 180 // 45).astype(int)
        ratio = slope[edges] / np.maximum(again[edges], 1e-3)
        for bin_ in range(4):
            ratios[bin_].append(ratio[direction == bin_])
    pooled = [np.concatenate(values) if values else np.empty(0) for values in ratios]
    busiest = max(len(values) for values in pooled)
    if busiest < _MIN_EDGES:
        return None
    spreads = []
    for bin_, values in enumerate(pooled):
        across = len(pooled[(bin_ + 2) % 4])
        if across >= _MIN_EDGES and len(values) < _LOST_DIRECTION * across:
            # a hand moving one way smears the edges across its motion and keeps those along
            # it: one direction lost while the one at right angles stays busy. A QR code or a
            # table has few slanted edges in both slanted directions, which is print, not motion
            spreads.append(_SMEARED_AWAY)
        elif len(values) >= _MIN_EDGES / 3:
            ratio = float(np.median(values))
            spreads.append(_REBLUR_SIGMA / np.sqrt(max(ratio * ratio - 1, 1e-4)))
    return max(spreads)


def faint_marks(overview: np.ndarray) -> bool:
    """Marks on the page too faint to measure: print smeared beyond recognition (a blank
    page has none)."""
    smooth = cv2.GaussianBlur(overview, (0, 0), 1.5)
    window = np.ones((7, 7), np.uint8)
    contrast = cv2.dilate(smooth, window).astype(np.int16) - cv2.erode(smooth, window)
    return float(np.percentile(contrast, 99.5)) > _FAINT_MARKS


def lens_smear(
    grey: np.ndarray, quad: Quad, overview: np.ndarray, kind: str | None
) -> float | None:
    """The lens's (or motion's) spread of the print in measuring pixels, what the camera's
    sampling adds taken out: a page seen with few pixels is coarse, not blurred, and no
    citizen can fix it. None: no print to judge."""
    scale = measuring_scale(quad, kind)
    spread = smear(print_tiles(grey, quad, overview, scale))
    if spread is None:
        return None
    return float(np.sqrt(max(spread**2 - (_SAMPLING_SPREAD * max(scale, 1.0)) ** 2, 0.0)))
