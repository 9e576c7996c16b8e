"""Page outlines built from straight lines: white paper on a white or glossy desk often has
no closed edge anywhere (a step of a few grey levels, broken by reflections), but each of its
sides is still a long straight line that a line-segment detector finds.

Segments are merged into lines, near-parallel lines paired, and two pairs crossing at a
clear angle closed into a quadrilateral; the outlines whose sides are best covered by
segments are kept for the page-likeness judgement.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.scanning.quad import Quad, intersect, line_through

_MIN_SEGMENT = 0.07  # of the shorter frame side
_MERGE_ANGLE = np.deg2rad(3.0)
_MERGE_DISTANCE = 2.0  # small pixels between a segment and the line it joins
_LINES_KEPT = 12
_SEGMENTS_MERGED = 160
_PARALLEL = np.deg2rad(22.0)  # opposite sides of a page seen in perspective
_CROSSING = np.deg2rad(50.0)  # adjacent sides
_QUADS_KEPT = 24
_MIN_COVERAGE = 0.35
_QUANT = 0.8
_MIN_THREE_SIDED = 0.6  # three sides must be well covered when the fourth is guessed
_THREE_SIDED_WEIGHT = 0.9
_STEP_LEVEL = 4.0  # grey levels between the two sides of a sheet's edge
_MIN_BOUNDARY = 0.3


@dataclass
class _Line:
    line: np.ndarray  # (a, b, c), a² + b² = 1
    angle: float  # of the direction, in [0, π)
    spans: list[tuple[float, float]] = field(default_factory=list)  # along the direction
    length: float = 0.0

    def position(self, point: np.ndarray) -> float:
        return float(point[0] * -self.line[1] + point[1] * self.line[0])

    def settle(self) -> None:
        """Merge the spans into disjoint stretches once, so coverage is a vector sum."""
        ordered = sorted(self.spans)
        starts, ends = [ordered[0][0]], [ordered[0][1]]
        for start, end in ordered[1:]:
            if start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts, self._ends = np.array(starts), np.array(ends)
        endpoints = [p for s in self.spans for p in s]
        self.first, self.last = min(endpoints), max(endpoints)
        self.middle = float(np.mean(endpoints))

    def coverage(self, a: np.ndarray, b: np.ndarray) -> float:
        """Share of the stretch a‥b (on this line) covered by its segments."""
        lo, hi = sorted((self.position(a), self.position(b)))
        if hi - lo < 1e-6:
            return 0.0
        covered = np.minimum(self._ends, hi) - np.maximum(self._starts, lo)
        return float(covered[covered > 0].sum()) / (hi - lo)


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


def _segments(grey: np.ndarray) -> np.ndarray:
    """Print (dark strokes thinner than the kernel) is closed over so its lines are not taken
    for edges. The kernel is small and the stretch keeps the whole bright range: a sheet
    lying on another sheet shows only a thin shadow or a step of a few grey levels between
    two whites, which a wider closing or a stretch clipped at the bright end erases."""
    closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    lines = _detector().detect(_stretched(closed))[0]
    return np.zeros((0, 4), np.float32) if lines is None else lines.reshape(-1, 4)


def _stretched(grey: np.ndarray) -> np.ndarray:
    """Brightness spread over the full range between the frame's dark and bright ends, so a
    sheet a few grey levels whiter than a white desk has an edge worth following."""
    low, high = np.percentile(grey[::2, ::2], (5, 99.9))
    gain = 255.0 / max(float(high - low), 16.0)
    return cv2.convertScaleAbs(grey, alpha=gain, beta=-gain * float(low))


def _merged_lines(grey: np.ndarray) -> list[_Line]:
    segments = _segments(grey)
    lengths = np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1])
    keep = lengths >= _MIN_SEGMENT * min(grey.shape)
    lines: list[_Line] = []
    # each new line's (a, b, c) and angle, so a segment is matched against all lines at once
    params = np.zeros((_SEGMENTS_MERGED, 4))
    for index in np.argsort(lengths[keep])[::-1][:_SEGMENTS_MERGED]:
        x0, y0, x1, y1 = segments[keep][index]
        a, b = np.array([x0, y0], np.float64), np.array([x1, y1], np.float64)
        angle = float(np.arctan2(y1 - y0, x1 - x0) % np.pi)
        known = params[: len(lines)]
        turn = np.abs(angle - known[:, 3])
        distance = np.maximum(
            np.abs(known[:, :2] @ a + known[:, 2]), np.abs(known[:, :2] @ b + known[:, 2])
        )
        matches = np.flatnonzero(
            (np.minimum(turn, np.pi - turn) < _MERGE_ANGLE) & (distance < _MERGE_DISTANCE)
        )
        if len(matches):
            line = lines[matches[0]]
        else:
            line = _Line(line_through(a, b), angle)
            params[len(lines)] = (*line.line, angle)
            lines.append(line)
        start, end = sorted((line.position(a), line.position(b)))
        line.spans.append((start, end))
        line.length += float(np.hypot(*(b - a)))
    lines = sorted(lines, key=lambda line: line.length, reverse=True)[: 2 * _LINES_KEPT]
    for line in lines:
        line.length *= _boundary_share(grey, line)
    lines = [line for line in lines if line.length > 0]
    for line in lines:
        line.settle()
    return sorted(lines, key=lambda line: line.length, reverse=True)[:_LINES_KEPT]


def _boundary_share(grey: np.ndarray, line: _Line) -> float:
    """Share of the line where brightness differs on its two sides: a sheet's edge, not a
    printed rule or a line of text (paper on both sides of those)."""
    height, width = grey.shape
    direction = np.array([-line.line[1], line.line[0]])
    foot = -line.line[2] * line.line[:2]
    positions = np.concatenate([np.arange(s, e, 2.0) for s, e in line.spans])
    points = foot + positions[:, None] * direction
    sides = []
    for offset in (-3.0, 3.0):
        p = np.rint(points + offset * line.line[:2]).astype(int)
        p[:, 0] = p[:, 0].clip(0, width - 1)
        p[:, 1] = p[:, 1].clip(0, height - 1)
        sides.append(grey[p[:, 1], p[:, 0]].astype(np.float32))
    if not len(points):
        return 0.0
    stepped = np.abs(sides[0] - sides[1]) > _STEP_LEVEL
    share = float(stepped.mean())
    return share if share >= _MIN_BOUNDARY else 0.0


def line_quads(
    grey: np.ndarray, min_area_fraction: float, aspect: float | None = None
) -> list[Quad]:
    """Outlines closed from four straight lines, and from three where the fourth side is
    hidden (a hand, a reflection): closed where the two sides' segments end, or at the
    document's known proportions (`aspect`, long / short). Best covered first."""
    height, width = grey.shape
    lines = _merged_lines(grey)
    pairs = []
    for first, second in itertools.combinations(lines, 2):
        turn = abs(first.angle - second.angle)
        if min(turn, np.pi - turn) < _PARALLEL:
            pairs.append((first, second))
    scored: list[tuple[float, Quad]] = []
    crossings: dict[tuple[int, int], np.ndarray | None] = {}

    def crossing(first: _Line, second: _Line) -> np.ndarray | None:
        key = (id(first), id(second)) if id(first) < id(second) else (id(second), id(first))
        if key not in crossings:
            crossings[key] = intersect(first.line, second.line)
        return crossings[key]

    min_area = min_area_fraction * width * height
    for (p1, p2), (q1, q2) in itertools.combinations(pairs, 2):
        if len({id(p1), id(p2), id(q1), id(q2)}) < 4:
            continue
        turn = abs(p1.angle - q1.angle)  # each pair is near-parallel: one line stands for it
        if min(turn, np.pi - turn) < _CROSSING:
            continue
        ring = (p1, q1, p2, q2)
        corners = [crossing(ring[i - 1], ring[i]) for i in range(4)]
        if any(c is None for c in corners):
            continue
        coverage = min(
            line.coverage(corners[i], corners[(i + 1) % 4]) for i, line in enumerate(ring)
        )
        if coverage < _MIN_COVERAGE:
            continue
        quad = Quad.from_points(np.array(corners))
        if quad.area >= min_area and quad.is_convex():
            scored.append((coverage, quad))
    for (p1, p2), q in itertools.product(pairs, lines):
        turn = abs(p1.angle - q.angle)
        if q is p1 or q is p2 or min(turn, np.pi - turn) < _CROSSING:
            continue
        for corners, coverage in _three_sided(p1, p2, q, crossing, aspect):
            if coverage < _MIN_THREE_SIDED:
                continue  # most are: building the outline is the costly part
            quad = Quad.from_points(corners)
            if quad.area >= min_area and quad.is_convex():
                scored.append((coverage * _THREE_SIDED_WEIGHT, quad))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return [quad for _, quad in scored[:_QUADS_KEPT]]


def _three_sided(
    p1: _Line, p2: _Line, q: _Line, crossing, aspect: float | None
) -> list[tuple[np.ndarray, float]]:
    """Corners (4×2) with sides on p1, q, p2 and a fourth side across p1 and p2, and how
    well the three known sides are covered."""
    a, b = crossing(p1, q), crossing(p2, q)
    if a is None or b is None:
        return []
    width = float(np.linalg.norm(b - a))
    if width < 1.0:
        return []
    base_coverage = q.coverage(a, b)
    if base_coverage < _MIN_THREE_SIDED:
        return []  # every outline built here would be dropped: the base side is not there
    # which way along p1 the page lies: where its segments are
    direction = np.array([-p1.line[1], p1.line[0]])
    at = p1.position(a)
    sign = 1.0 if p1.middle >= at else -1.0
    reaches = [sign * (p1.last - at) if sign > 0 else at - p1.first]
    at2 = p2.position(b)
    reaches.append(sign * (p2.last - at2) if sign > 0 else at2 - p2.first)
    lengths = [max(reaches)]
    if aspect is not None:
        lengths += [width * aspect, width / aspect]
    result = []
    for length in lengths:
        if length <= 1.0:
            continue
        c = a + sign * length * direction
        d2 = np.array([-p2.line[1], p2.line[0]])
        if np.dot(d2, direction) < 0:
            d2 = -d2
        d = b + sign * length * d2
        corners = np.array([a, b, d, c])
        coverage = min(p1.coverage(a, c), base_coverage, p2.coverage(b, d))
        result.append((corners, coverage))
    return result
