"""Page outlines built from straight lines: white paper on a white or glossy desk often has
no closed edge anywhere (a step of a few grey levels, broken by reflections), a page on a
cluttered desk shares its region with the papers it lies on, yet each of its sides is still
a long straight line that a line-segment detector finds.

Segments that separate two different surfaces (not a printed rule: paper on both sides) are
merged into lines; two near-parallel pairs crossing at a clear angle close a quadrilateral,
and so do three lines whose fourth side is hidden (a hand, a reflection, the frame border).
Every combination is scored at once (arrays, not loops) by how much of each side, within
the frame, segments cover; the best covered go on to the page-likeness judgement.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.quad import Quad, order_clockwise_many

_MIN_SEGMENT = 0.05  # of the shorter frame side
_MERGE_ANGLE = np.deg2rad(3.0)
_MERGE_DISTANCE = 2.0  # small pixels between a segment and the line it joins
_SEGMENTS_MERGED = 200
_LINES_KEPT = 28
_GAP = 3.0  # small pixels: a gap this short between segments still counts as covered
_PARALLEL = np.deg2rad(22.0)  # opposite sides of a page seen in perspective
_CROSSING = np.deg2rad(50.0)  # adjacent sides
_MIN_IN_FRAME = 0.3  # share of a side inside the frame for its coverage to count
_MIN_COVERAGE = 0.35
_MIN_THREE_SIDED = 0.55  # three sides must be well covered when the fourth is guessed
_THREE_SIDED_WEIGHT = 0.9
_STEP_LEVEL = 4.0  # grey levels between the two sides of a sheet's edge…
_BAND = (2.0, 3.5, 5.0, 6.5)  # …averaged over a band, so wood grain's stripes cancel out
_MIN_BOUNDARY = 0.3
_QUANT = 0.8
_SURFACE = 7  # small pixels: dark marks narrower than this are print or texture
_RANKED = 400  # best covered outlines looked at for duplicates


@dataclass(frozen=True)
class LineOutline:
    quad: Quad
    coverage: float  # weakest side's share covered by segments (0‥1)
    sides: int  # 4, or 3 when the fourth side was closed by guess


# One detector per thread: OpenCV's line-segment detector keeps state while it runs, and two
# scanning sessions on two threads sharing one crashed the process (a segmentation fault).
_PER_THREAD = threading.local()


def _detector() -> cv2.LineSegmentDetector:
    detector = getattr(_PER_THREAD, "detector", None)
    if detector is None:
        # a lower gradient quantum than the default (2.0) keeps steps of a few grey levels
        detector = cv2.createLineSegmentDetector(cv2.LSD_REFINE_NONE, 1.0, 0.6, _QUANT)
        _PER_THREAD.detector = detector
    return detector


def _stretched(grey: np.ndarray) -> np.ndarray:
    """Brightness spread over the full range between the frame's dark and bright ends, so a
    sheet a few grey levels whiter than a white desk has an edge worth following."""
    low, high = np.percentile(grey[::2, ::2], (5, 99.9))
    gain = 255.0 / max(float(high - low), 16.0)
    return cv2.convertScaleAbs(grey, alpha=gain, beta=-gain * float(low))


def segments(grey: np.ndarray) -> np.ndarray:
    """Line segments (n×4: x0, y0, x1, y1) that separate two surfaces. Print (dark strokes
    thinner than the kernel) is closed over first; the kernel is small and the stretch keeps
    the whole bright range, since a sheet lying on another sheet shows only a thin shadow or
    a step of a few grey levels between two whites."""
    closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    found = _detector().detect(_stretched(closed))[0]
    if found is None:
        return np.zeros((0, 4), np.float32)
    found = found.reshape(-1, 4)
    lengths = np.hypot(found[:, 2] - found[:, 0], found[:, 3] - found[:, 1])
    found = found[lengths >= _MIN_SEGMENT * min(grey.shape)]
    # judged with print and thin dark stripes (wood grain) closed over: both sides of a row of
    # text, or of a stripe, are then the same surface; a sheet's edge still steps
    surfaces = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((_SURFACE, _SURFACE), np.uint8))
    return found[_boundary_share(surfaces, found) >= _MIN_BOUNDARY]


def _boundary_share(grey: np.ndarray, found: np.ndarray) -> np.ndarray:
    """Per segment, the share of its length where brightness differs on its two sides: a
    sheet's edge, not a printed rule or a line of text (paper on both sides of those)."""
    if not len(found):
        return np.zeros(0)
    height, width = grey.shape
    a, b = found[:, None, :2], found[:, None, 2:]
    t = np.linspace(0.05, 0.95, 12)[None, :, None]
    points = a + (b - a) * t
    direction = (b - a)[:, 0] / np.maximum(np.linalg.norm((b - a)[:, 0], axis=1), 1e-6)[:, None]
    normal = np.stack([-direction[:, 1], direction[:, 0]], axis=1)[:, None, :]
    sums = []
    for sign in (-1.0, 1.0):
        total = np.zeros(points.shape[:2], np.float32)
        for offset in _BAND:
            p = np.rint(points + sign * offset * normal).astype(int)
            x, y = p[..., 0].clip(0, width - 1), p[..., 1].clip(0, height - 1)
            total += grey[y, x]
        sums.append(total / len(_BAND))
    return (np.abs(sums[0] - sums[1]) > _STEP_LEVEL).mean(axis=1)


@dataclass
class _Lines:
    """Merged lines: normals (n×2), offsets (n), angles (n), covered positions along each
    (n×positions, booleans at one small pixel apart, from `origin`)."""

    normals: np.ndarray
    offsets: np.ndarray
    angles: np.ndarray
    covered: np.ndarray
    cumulative: np.ndarray  # running count of covered positions
    origin: float
    frame: np.ndarray  # n×2: positions along each line that lie inside the frame


def _merge(found: np.ndarray, width: int, height: int) -> _Lines | None:
    lengths = np.hypot(found[:, 2] - found[:, 0], found[:, 3] - found[:, 1])
    order = np.argsort(lengths)[::-1][:_SEGMENTS_MERGED]
    x0, y0, x1, y1 = found[order].T
    angles = (np.arctan2(y1 - y0, x1 - x0) % np.pi).astype(np.float64)
    norms = np.where(lengths[order] > 0, lengths[order], np.float32(1e-9))
    a, b = -(y1 - y0) / norms, (x1 - x0) / norms
    c = -(a * x0 + b * y0)
    a, b, c = a.astype(np.float64), b.astype(np.float64), c.astype(np.float64)
    # joins[i, j]: segment j lies along the line of segment i (each line keeps the direction
    # and place of the longest segment that started it)
    turn = np.abs(angles[None, :] - angles[:, None])
    distance = np.maximum(
        np.abs(a[:, None] * x0[None, :] + b[:, None] * y0[None, :] + c[:, None]),
        np.abs(a[:, None] * x1[None, :] + b[:, None] * y1[None, :] + c[:, None]),
    )
    joins = (np.minimum(turn, np.pi - turn) < _MERGE_ANGLE) & (distance < _MERGE_DISTANCE)
    starts = np.zeros(len(order), bool)  # the segments that started a line
    line_of = np.zeros(len(order), np.int64)
    for j in range(len(order)):
        matches = np.flatnonzero(joins[:j, j] & starts[:j])
        if len(matches):
            line_of[j] = matches[0]
        else:
            starts[j] = True
            line_of[j] = j
    founders = np.flatnonzero(starts)
    if not len(founders):
        return None
    params = np.stack([a, b, c, angles], axis=1)[founders]
    rank = np.zeros(len(order), np.int64)
    rank[founders] = np.arange(len(founders))
    members: list[list[int]] = [[] for _ in founders]
    for j, line in enumerate(line_of):
        members[rank[line]].append(int(order[j]))
    totals = np.bincount(rank[line_of], weights=lengths[order].astype(np.float64))
    keep = np.argsort(totals)[::-1][:_LINES_KEPT]
    params = params[keep]
    reach = float(width + height)
    positions = np.arange(-reach, reach + 1.0)
    covered = np.zeros((len(keep), len(positions)), bool)
    for row, line in enumerate(keep):
        direction = np.array([-params[row, 1], params[row, 0]])
        for index in members[line]:
            s0 = found[index, :2] @ direction
            s1 = found[index, 2:] @ direction
            lo, hi = sorted((s0, s1))
            covered[row, int(lo - _GAP + reach) : int(hi + _GAP + reach) + 1] = True
    normals, offsets = params[:, :2], params[:, 2]
    cumulative = np.concatenate(
        [np.zeros((len(keep), 1), np.int32), np.cumsum(covered, axis=1, dtype=np.int32)[:, :-1]],
        axis=1,
    )
    frame = _in_frame(normals, offsets, width, height)
    return _Lines(normals, offsets, params[:, 3], covered, cumulative, -reach, frame)


def _crossings(lines: _Lines) -> np.ndarray:
    """n×n×2 intersection points (NaN for parallel lines)."""
    a, b, c = lines.normals[:, 0], lines.normals[:, 1], lines.offsets
    det = a[:, None] * b[None, :] - a[None, :] * b[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (b[:, None] * c[None, :] - b[None, :] * c[:, None]) / det
        y = (a[None, :] * c[:, None] - a[:, None] * c[None, :]) / det
    points = np.stack([x, y], axis=-1)
    points[np.abs(det) < 1e-6] = np.nan
    return points


def _coverage(lines: _Lines, which: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """For sides (lines[which] from start to end, k×2 each): share of the part inside the frame
    that segments cover; 0 when too little of the side is inside the frame."""
    direction = np.stack([-lines.normals[which, 1], lines.normals[which, 0]], axis=1)
    at_start = np.einsum("kj,kj->k", start, direction)
    at_end = np.einsum("kj,kj->k", end, direction)
    lo, hi = np.minimum(at_start, at_end), np.maximum(at_start, at_end)
    seen_lo = np.maximum(lo, lines.frame[which, 0])
    seen_hi = np.minimum(hi, lines.frame[which, 1])
    seen = np.maximum(seen_hi - seen_lo, 0.0)
    last = lines.cumulative.shape[1] - 1
    i0 = np.rint(seen_lo - lines.origin).astype(int).clip(0, last)
    i1 = np.rint(seen_hi - lines.origin).astype(int).clip(0, last)
    covered = lines.cumulative[which, i1] - lines.cumulative[which, i0]
    share = np.where(seen > 0, covered / np.maximum(seen, 1e-6), 0.0).clip(0, 1)
    return np.where(seen >= _MIN_IN_FRAME * np.maximum(hi - lo, 1e-6), share, 0.0)


def _in_frame(normals: np.ndarray, offsets: np.ndarray, width: int, height: int) -> np.ndarray:
    """Per line, the stretch of positions along it (n×2) that lies inside the frame."""
    direction = np.stack([-normals[:, 1], normals[:, 0]], axis=1)
    foot = -offsets[:, None] * normals
    lo = np.full(len(offsets), -np.inf)
    hi = np.full(len(offsets), np.inf)
    for axis, limit in ((0, width - 1), (1, height - 1)):
        d = direction[:, axis]
        with np.errstate(divide="ignore", invalid="ignore"):
            a = (0 - foot[:, axis]) / d
            b = (limit - foot[:, axis]) / d
        flat = np.abs(d) < 1e-9
        inside = (foot[:, axis] >= 0) & (foot[:, axis] <= limit)
        a = np.where(flat, np.where(inside, -np.inf, np.inf), a)
        b = np.where(flat, np.where(inside, np.inf, -np.inf), b)
        lo = np.maximum(lo, np.minimum(a, b))
        hi = np.minimum(hi, np.maximum(a, b))
    return np.stack([lo, hi], axis=1)


def _angle_gap(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    turn = np.abs(first - second)
    return np.minimum(turn, np.pi - turn)


def _plausible(corners: np.ndarray, size: tuple[int, int], min_area: float) -> np.ndarray:
    """Per quad (k×4×2): finite, not far outside the frame, large enough, convex."""
    width, height = size
    slack = 0.25 * max(width, height)
    finite = np.isfinite(corners).all(axis=(1, 2))
    corners = np.nan_to_num(corners)
    within = (
        (corners[..., 0] > -slack).all(axis=1)
        & (corners[..., 0] < width + slack).all(axis=1)
        & (corners[..., 1] > -slack).all(axis=1)
        & (corners[..., 1] < height + slack).all(axis=1)
    )
    edges = np.roll(corners, -1, axis=1) - corners
    turns = (
        edges[..., 0] * np.roll(edges, -1, axis=1)[..., 1]
        - edges[..., 1] * np.roll(edges, -1, axis=1)[..., 0]
    )
    convex = (turns > 0).all(axis=1) | (turns < 0).all(axis=1)
    area = 0.5 * np.abs(_shoelace(corners))
    return finite & within & convex & (area >= min_area)


def _shoelace(corners: np.ndarray) -> np.ndarray:
    x, y = corners[..., 0], corners[..., 1]
    return (x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1)


def _four_sided(lines: _Lines, cross: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every ring of two near-parallel pairs crossing at a clear angle: corners (k×4×2) and
    the line under each side (k×4)."""
    first, second = np.triu_indices(len(lines.angles), 1)
    parallel = _angle_gap(lines.angles[first], lines.angles[second]) < _PARALLEL
    first, second = first[parallel], second[parallel]
    m, n = np.triu_indices(len(first), 1)
    p1, p2, q1, q2 = first[m], second[m], first[n], second[n]
    keep = (p1 != q1) & (p1 != q2) & (p2 != q1) & (p2 != q2)
    keep &= _angle_gap(lines.angles[p1], lines.angles[q1]) >= _CROSSING
    p1, p2, q1, q2 = p1[keep], p2[keep], q1[keep], q2[keep]
    corners = np.stack([cross[p1, q1], cross[q1, p2], cross[p2, q2], cross[q2, p1]], axis=1)
    return corners, np.stack([q1, p2, q2, p1], axis=1)


def _three_sided(
    lines: _Lines, cross: np.ndarray, aspect: float | None
) -> tuple[np.ndarray, np.ndarray]:
    """Rings of a near-parallel pair and a line across both, closed by a fourth side where the
    pair's segments end or at the document's proportions: corners (k×4×2) and the line under
    each of the three known sides (k×3: the pair's first line, the crossing line, the pair's
    second), the fourth side running from corner 2 to corner 3."""
    count = len(lines.angles)
    first, second = np.triu_indices(count, 1)
    parallel = _angle_gap(lines.angles[first], lines.angles[second]) < _PARALLEL
    first, second = first[parallel], second[parallel]
    p1 = np.repeat(first, count)
    p2 = np.repeat(second, count)
    q = np.tile(np.arange(count), len(first))
    keep = (q != p1) & (q != p2) & (_angle_gap(lines.angles[p1], lines.angles[q]) >= _CROSSING)
    p1, p2, q = p1[keep], p2[keep], q[keep]
    a, b = cross[p1, q], cross[p2, q]
    direction = np.stack([-lines.normals[p1, 1], lines.normals[p1, 0]], axis=1)
    along = np.stack([-lines.normals[p2, 1], lines.normals[p2, 0]], axis=1)
    along *= np.sign((along * direction).sum(axis=1))[:, None]
    covered = lines.covered
    positions = np.arange(covered.shape[1]) + lines.origin
    first_at = np.where(covered.any(axis=1), positions[covered.argmax(axis=1)], 0.0)
    last_at = positions[covered.shape[1] - 1 - covered[:, ::-1].argmax(axis=1)]
    middle = (first_at + last_at) / 2
    at_a = np.einsum("kj,kj->k", a, direction)
    at_b = np.einsum("kj,kj->k", b, along)
    sign = np.where(middle[p1] >= at_a, 1.0, -1.0)
    reach_a = np.where(sign > 0, last_at[p1] - at_a, at_a - first_at[p1])
    sign_b = np.sign((along * direction).sum(axis=1))  # +1 after the flip above
    last_b = np.where(sign_b > 0, last_at[p2], -first_at[p2])
    reach_b = np.where(sign > 0, last_b - at_b, at_b - np.where(sign_b > 0, first_at[p2], 0))
    reaches = [np.maximum(reach_a, reach_b)]
    if aspect is not None:
        base = np.linalg.norm(b - a, axis=1)
        reaches += [base * aspect, base / aspect]
    corners, sides = [], []
    for reach in reaches:
        c = a + (sign * reach)[:, None] * direction
        d = b + (sign * reach)[:, None] * along
        corners.append(np.stack([a, b, d, c], axis=1))
        sides.append(np.stack([q, p2, p1], axis=1))
    return np.concatenate(corners), np.concatenate(sides)


def line_outlines(
    found: np.ndarray,
    size: tuple[int, int],
    min_area_fraction: float,
    aspect: float | None = None,
    kept: int = 40,
) -> list[LineOutline]:
    """Outlines closed from four straight lines, and from three where the fourth side is
    hidden, from `found` (the frame's `segments`, in a frame of `size`); `aspect` (long /
    short) is the document's known proportions. Best covered first: the weakest side's
    coverage, a guessed fourth side costing a little."""
    width, height = size
    lines = _merge(found, width, height) if len(found) else None
    if lines is None or len(lines.angles) < 3:
        return []
    cross = _crossings(lines)
    min_area = min_area_fraction * width * height
    scored: list[tuple[np.ndarray, np.ndarray, int]] = []
    corners, under = _four_sided(lines, cross)
    if len(corners):
        ok = _plausible(corners, size, min_area)
        corners, under = corners[ok], under[ok]
        sides = [
            _coverage(lines, under[:, i], corners[:, i], corners[:, (i + 1) % 4]) for i in range(4)
        ]
        weakest = np.min(sides, axis=0)
        scored.append((corners, weakest, 4))
    corners, under = _three_sided(lines, cross, aspect)
    if len(corners):
        ok = _plausible(corners, size, min_area)
        corners, under = corners[ok], under[ok]
        # sides: a→b on q, b→d on p2, c→a on p1
        sides = [
            _coverage(lines, under[:, 0], corners[:, 0], corners[:, 1]),
            _coverage(lines, under[:, 1], corners[:, 1], corners[:, 2]),
            _coverage(lines, under[:, 2], corners[:, 3], corners[:, 0]),
        ]
        weakest = np.min(sides, axis=0) * _THREE_SIDED_WEIGHT
        scored.append((corners, weakest, 3))
    if not scored:
        return []
    corners = np.concatenate([c for c, _, _ in scored])
    values = np.concatenate([v for _, v, _ in scored])
    sides = np.concatenate([np.full(len(v), n) for _, v, n in scored])
    floor = _MIN_COVERAGE * np.where(sides == 3, _THREE_SIDED_WEIGHT, 1.0)
    order = [i for i in np.argsort(values)[::-1][:_RANKED] if values[i] >= floor[i]]
    ordered = order_clockwise_many(corners[order]) if order else np.zeros((0, 4, 2))
    found: list[LineOutline] = []
    kept_corners = np.zeros((kept, 4, 2))
    for i, ring in zip(order, ordered, strict=True):
        if found:
            shift = np.sqrt(((kept_corners[: len(found)] - ring) ** 2).sum(axis=2)).max(axis=1)
            if shift.min() <= 4:
                continue
        kept_corners[len(found)] = ring
        found.append(LineOutline(Quad(ring), float(values[i]), int(sides[i])))
        if len(found) == kept:
            break
    return found
