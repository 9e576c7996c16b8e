"""Finds the page in a camera frame: candidate outlines from independent cues on a small copy,
all judged at once on what a page is, then the winner's corners refined on the full frame.

Cues: regions bounded by edges (log brightness and colour, at two edge strengths), each
closed into a quadrilateral from its convex hull or its longest straight stretches, so a
corner under a hand is recovered from the sides that remain; and straight lines that separate
two surfaces, closed four or three at a time (page_lines), which find a sheet on a white desk
or on other papers where no region is closed. pageness judges every outline together.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np

from kiosk.scanning.cut_off import completions
from kiosk.scanning.page_lines import line_outlines, segments
from kiosk.scanning.pageness import PageView, expected_aspect, judge
from kiosk.scanning.quad import Quad, intersect, line_through

WORK_SIZE = 540  # the search runs on a copy at most this wide/tall
_CANNY_LEVELS = ((40, 90), (14, 34))
_MIN_AREA = 0.03  # of the frame
# A step counts as an edge when it clearly stands out of the frame's own texture (wood grain,
# sensor noise): a few times the median gradient, within these bounds.
_EDGE_OVER_TEXTURE = 4.0
_EDGE_GRADIENT_RANGE = (5.0, 30.0)
_LINES_TRIED = 6  # longest straight stretches of an outline combined into quadrilaterals
_REGIONS_TRIED = 6  # largest regions, and largest edge networks, looked at per edge strength
_NETWORKS_TRIED = 4
_WIDEN_MIN = 4.0  # a side is moved out onto a parallel edge at least this far (small pixels)…
_WIDEN_SUPPORT = 0.7  # …when the new side and the stretches added to its neighbours are edges
_MIN_LINE_QUADS = 0.03  # of the frame: smallest outline built from straight lines
_LINE_OUTLINES = 48  # best-covered distinct outlines from straight lines, judged
_SIZE_WEIGHT = 0.5
_CENTRE_WEIGHT = 0.4
_MIN_LIKENESS = 0.002
_CUT_OFF_SLACK = 0.3  # of the frame's longer side: how far a completed outline may reach out
_LOG_LUT = (255 * np.log1p(np.arange(256) / 12.0) / np.log1p(255 / 12.0)).astype(np.uint8)


@dataclass(frozen=True)
class PageDetection:
    quad: Quad  # in full-frame pixels
    confidence: float  # 0‥1: share of the outline backed by a visible edge
    frame_size: tuple[int, int]


@dataclass
class _Work:
    """The small copy and what every candidate is scored against."""

    size: tuple[int, int]
    scale: float  # full-frame pixels per small pixel
    channels: list[np.ndarray]  # log brightness and Lab a, b (uint8): where edges are sought
    view: PageView
    segments: np.ndarray  # straight stretches that separate two surfaces (page_lines)

    @cached_property
    def edge_map(self) -> np.ndarray:
        """Where a step clearly stands out of the frame's own texture (only the winner's
        widening asks, so it is computed on demand)."""
        gradient = np.zeros(self.channels[0].shape, np.float32)
        for channel in self.channels:
            dx = cv2.Sobel(channel, cv2.CV_32F, 1, 0, ksize=3)
            dy = cv2.Sobel(channel, cv2.CV_32F, 0, 1, ksize=3)
            gradient = np.maximum(gradient, cv2.magnitude(dx, dy) / 4)
        gradient = cv2.dilate(gradient, np.ones((3, 3), np.uint8))
        texture = float(np.median(gradient[::4, ::4]))
        return gradient > float(np.clip(_EDGE_OVER_TEXTURE * texture, *_EDGE_GRADIENT_RANGE))


def _prepare(image: np.ndarray) -> _Work:
    height, width = image.shape[:2]
    # An integer factor lets OpenCV average whole blocks: several times faster than any other.
    factor = max(1, -(-max(height, width) // WORK_SIZE))
    size = (width // factor, height // factor)
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA) if factor > 1 else image
    small = cv2.GaussianBlur(small, (3, 3), 0)
    plain = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    lab = cv2.cvtColor(small, cv2.COLOR_BGR2Lab)
    view = PageView.of(plain, lab)
    channels = [cv2.LUT(plain, _LOG_LUT), lab[..., 1], lab[..., 2]]
    return _Work(size, width / size[0], channels, view, segments(plain))


def _edges(work: _Work, low: int, high: int) -> np.ndarray:
    edges = cv2.Canny(work.channels[0], low, high)
    for chroma in work.channels[1:]:
        edges |= cv2.Canny(chroma, low // 2, high // 2)
    return cv2.dilate(edges, np.ones((3, 3), np.uint8))


def _outlines(work: _Work, low: int, high: int) -> list[tuple[np.ndarray, float, float]]:
    """Large closed shapes at one edge strength, and how far their outline lies inside the true
    edge: regions bounded by edges stop short of it (+), connected edge networks (which keep a
    card whole when a coloured band splits it into two regions) reach past it (−)."""
    width, height = work.size
    min_area = _MIN_AREA * width * height
    found = []
    edges = _edges(work, low, high)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(
        (edges == 0).view(np.uint8), connectivity=4
    )
    for label in np.argsort(stats[1:, cv2.CC_STAT_AREA])[::-1][:_REGIONS_TRIED] + 1:
        x, y, w, h, area = stats[label]
        if area < min_area or (w >= width - 2 and h >= height - 2):
            continue
        mask = (labels[y : y + h, x : x + w] == label).view(np.uint8)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        contour = max(contours, key=len) + np.array([x, y], np.int32)
        found.append((contour, cv2.contourArea(contour), 1.5))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    for contour in sorted(contours, key=len, reverse=True)[:_NETWORKS_TRIED]:
        area = cv2.contourArea(contour)
        if min_area <= area < 0.97 * width * height:
            found.append((contour, area, -1.5))
    return found


def _straight_stretches(contour: np.ndarray) -> list[tuple[float, np.ndarray]]:
    """The outline's straight stretches merged into lines, longest first: (length, line)."""
    perimeter = cv2.arcLength(contour, True)
    polygon = cv2.approxPolyDP(contour, 0.008 * perimeter, True).reshape(-1, 2)
    polygon = polygon.astype(np.float64)
    ends = np.roll(polygon, -1, axis=0)
    lengths = np.linalg.norm(ends - polygon, axis=1)
    merged: list[list] = []  # [length, line, first point]
    for i in np.argsort(lengths)[::-1]:
        if lengths[i] < 0.04 * perimeter:
            break
        a, b = polygon[i], ends[i]
        for entry in merged:
            line = entry[1]
            if abs(a @ line[:2] + line[2]) < 3 and abs(b @ line[:2] + line[2]) < 3:
                entry[0] += lengths[i]
                break
        else:
            merged.append([lengths[i], line_through(a, b), (a + b) / 2])
    return [(length, line) for length, line, _ in merged]


def _quads_from_lines(lines: list[np.ndarray], centre: np.ndarray) -> list[np.ndarray]:
    """Every way of closing four of the lines into a quadrilateral around `centre`."""
    # the lines go around the shape in the order of the direction of their foot point from the
    # centre; that and every crossing depend on the lines alone, not on the four chosen
    feet = [centre - (centre @ line[:2] + line[2]) * line[:2] for line in lines]
    angles = [float(np.arctan2(f[1] - centre[1], f[0] - centre[0])) for f in feet]
    crossings = {
        (i, j): intersect(lines[i], lines[j])
        for i in range(len(lines))
        for j in range(len(lines))
        if i != j
    }
    quads = []
    for combo in itertools.combinations(range(len(lines)), 4):
        ring = sorted(combo, key=lambda i: angles[i])
        corners = [crossings[ring[i - 1], ring[i]] for i in range(4)]
        if all(c is not None for c in corners):
            quads.append(np.array(corners))
    return quads


def _quad_from_hull(contour: np.ndarray) -> np.ndarray | None:
    """Four corners from the convex hull: the lines of its four longest sides, intersected."""
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    polygon = cv2.approxPolyDP(hull, 0.015 * perimeter, True).reshape(-1, 2).astype(np.float64)
    if len(polygon) < 4:
        return None
    lengths = np.linalg.norm(np.roll(polygon, -1, axis=0) - polygon, axis=1)
    keep = np.sort(np.argsort(lengths)[-4:])
    lines = [line_through(polygon[i], polygon[(i + 1) % len(polygon)]) for i in keep]
    corners = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None
    return np.array(corners)


def _fit_sides(quad: Quad, contour: np.ndarray, tolerance: float) -> Quad:
    """Least-squares line through the contour points lying along each side, away from corners."""
    points = contour.reshape(-1, 2).astype(np.float64)
    starts, ends = quad.corners, np.roll(quad.corners, -1, axis=0)
    spans = ends - starts
    sides = [line_through(a, b) for a, b in zip(starts, ends, strict=True)]
    normals = np.array(sides)
    distance = np.abs(points @ normals[:, :2].T + normals[:, 2])  # points × sides
    along = np.einsum("sni,si->sn", points[None, :, :] - starts[:, None, :], spans)
    along /= np.maximum((spans * spans).sum(axis=1), 1e-9)[:, None]
    near = (distance < tolerance).T & (along > 0.1) & (along < 0.9)
    lines = []
    for side, line in enumerate(sides):
        if np.count_nonzero(near[side]) >= 8:
            line = _fit(points[near[side]])
        lines.append(line)
    corners = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return quad
    return Quad.from_points(np.array(corners))


def _plausible(quad: Quad, width: int, height: int) -> bool:
    if not quad.is_convex() or quad.min_angle_deg() < 45:
        return False
    lengths = quad.side_lengths()
    if lengths.min() < 0.1 * min(width, height):
        return False
    slack = 0.08 * max(width, height)
    xs, ys = quad.corners[:, 0], quad.corners[:, 1]
    return bool(
        xs.min() > -slack
        and ys.min() > -slack
        and xs.max() < width + slack
        and ys.max() < height + slack
    )


@dataclass(frozen=True)
class RankedOutline:
    """One candidate outline and how much it looks like the page (for diagnosis tools)."""

    quad: Quad  # in full-frame pixels, before corner refinement
    value: float
    support: float  # share of the outline on a brightness or colour step
    source: str  # which cue proposed it: region, lines, widened


def _proposals(work: _Work, document_type: str | None) -> tuple[list[Quad], list[str]]:
    width, height = work.size
    quads: list[Quad] = []
    sources: list[str] = []
    seen: set[tuple[int, ...]] = set()
    for low, high in _CANNY_LEVELS:
        for contour, area, inset in _outlines(work, low, high):
            x, y, w, h = cv2.boundingRect(contour)
            key = (x // 3, y // 3, w // 3, h // 3, round(area / 50), int(inset))
            if key not in seen:
                seen.add(key)
                found = _guesses(contour, area, inset, width, height)
                quads += found
                sources += ["region"] * len(found)
    for outline in line_outlines(
        work.segments,
        work.size,
        _MIN_LINE_QUADS,
        expected_aspect(document_type),
        _LINE_OUTLINES,
    ):
        if _plausible(outline.quad, width, height):
            quads.append(outline.quad)
            sources.append("lines")
    if quads:
        completed = completions(
            np.array([q.corners for q in quads]), work.size, expected_aspect(document_type)
        )
        completed = completed[_plausible_rings(completed, width, height, _CUT_OFF_SLACK)]
        quads += [Quad.from_points(corners) for corners in completed]
        sources += ["cut off"] * len(completed)
    return quads, sources


def _values(
    work: _Work, quads: list[Quad], document_type: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """Page likeness times mild preferences for the larger of two equally good outlines
    (the sheet rather than a box printed on it) and for the one under the camera's centre,
    where the screen's guide asks the citizen to lay the paper (not the form beside it)."""
    width, height = work.size
    corners = np.array([q.corners for q in quads])
    verdict = judge(work.view, corners, document_type)
    x, y = corners[..., 0], corners[..., 1]
    area = 0.5 * np.abs((x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1))
    size = area / (width * height)
    offset = corners.mean(axis=1) - np.array([width, height]) / 2
    off_centre = np.linalg.norm(offset, axis=1) / np.hypot(width, height) * 2
    centred = 1 - _CENTRE_WEIGHT * (1 - np.exp(-((off_centre / 0.5) ** 2)))
    return verdict.value * size**_SIZE_WEIGHT * centred, verdict.support


def _ranked(work: _Work, document_type: str | None) -> list[tuple[float, float, Quad, str]]:
    """Every proposal judged, best first: (value, support, outline, source). The best is also
    tried with a side moved out onto a parallel edge (a card's band, a form's header box)."""
    quads, sources = _proposals(work, document_type)
    if not quads:
        return []
    values, supports = _values(work, quads, document_type)
    ranked = sorted(
        zip(values.tolist(), supports.tolist(), quads, sources, strict=True),
        key=lambda entry: entry[0],
        reverse=True,
    )
    wider = _widened(work, ranked[0][2])
    if wider:
        values, supports = _values(work, wider, document_type)
        widened = ["widened"] * len(wider)
        ranked += zip(values.tolist(), supports.tolist(), wider, widened, strict=True)
        ranked.sort(key=lambda entry: entry[0], reverse=True)
    return ranked


def ranked_outlines(image: np.ndarray, document_type: str | None = None) -> list[RankedOutline]:
    """Every outline the detector weighed for this frame, best first, in full-frame pixels."""
    work = _prepare(image)
    return [
        RankedOutline(_to_frame(quad, work.scale), value, support, source)
        for value, support, quad, source in _ranked(work, document_type)
    ]


def _to_frame(quad: Quad, scale: float) -> Quad:
    return Quad.from_points((quad.corners + 0.5) * scale - 0.5)


def _on_edge(work: _Work, points: np.ndarray) -> np.ndarray:
    """For points (…, 2): is there an edge under each (False outside the frame)."""
    width, height = work.size
    at = np.rint(points).astype(int)
    inside = (at[..., 0] >= 0) & (at[..., 0] < width) & (at[..., 1] >= 0) & (at[..., 1] < height)
    flags = np.zeros(points.shape[:-1], bool)
    flags[inside] = work.edge_map[at[inside][:, 1], at[inside][:, 0]]
    return flags


def _widened(work: _Work, quad: Quad) -> list[Quad]:
    """The outline with one side moved out onto a parallel edge, when the two neighbouring
    sides carry on to it: a card's coloured band or a form's header box makes an inner line
    that can pass for the page's edge. Every distance is tried at once."""
    corners = quad.corners
    centre = corners.mean(axis=0)
    wider = []
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        before, after = corners[i - 1], corners[(i + 2) % 4]
        side = line_through(a, b)
        if centre @ side[:2] + side[2] > 0:
            side = -side
        moved = side.copy()
        moved[2] -= 1.0
        step_a = intersect(moved, line_through(before, a))
        step_b = intersect(moved, line_through(after, b))
        if step_a is None or step_b is None:
            continue
        step_a, step_b = step_a - a, step_b - b  # where the corners go per pixel moved out
        reach = int(0.35 * min(np.linalg.norm(a - before), np.linalg.norm(b - after)))
        if reach <= _WIDEN_MIN:
            continue
        distances = np.arange(1, reach + 1)[:, None]
        ray_a = _on_edge(work, a + distances * step_a)  # the neighbours carried on, pixel by
        ray_b = _on_edge(work, b + distances * step_b)  # pixel
        steps = np.arange(1, reach + 1)
        carried = np.minimum(np.cumsum(ray_a) / steps, np.cumsum(ray_b) / steps)
        t = np.linspace(0.05, 0.95, max(6, int(np.linalg.norm(b - a) / 2)))[None, :, None]
        new_a = (a + distances * step_a)[:, None, :]
        new_b = (b + distances * step_b)[:, None, :]
        along = _on_edge(work, new_a + (new_b - new_a) * t).mean(axis=1)
        good = (along >= _WIDEN_SUPPORT) & (carried >= _WIDEN_SUPPORT) & (steps >= _WIDEN_MIN)
        if good.any():
            d = int(steps[np.flatnonzero(good)[-1]])
            widened = corners.copy()
            widened[i], widened[(i + 1) % 4] = a + d * step_a, b + d * step_b
            wider.append(Quad.from_points(widened))
    return wider


def _guesses(contour: np.ndarray, area: float, inset: float, width: int, height: int) -> list[Quad]:
    stretches = _straight_stretches(contour)[:_LINES_TRIED]
    centre = contour.reshape(-1, 2).mean(axis=0)
    corner_sets = _quads_from_lines([line for _, line in stretches], centre)
    hull_guess = _quad_from_hull(contour)
    if hull_guess is not None:
        corner_sets.append(hull_guess)
    if not corner_sets:
        return []
    corner_sets = np.array(corner_sets)
    polygon_area = 0.5 * np.abs(_shoelace(corner_sets))
    keep = _plausible_rings(corner_sets, width, height) & (area >= 0.5 * polygon_area)
    quads = []
    tried: set[bytes] = set()
    for corners in corner_sets[keep]:
        quad = Quad.from_points(corners)
        key = np.rint(quad.corners / 2).astype(np.int32).tobytes()
        if key in tried:
            continue
        tried.add(key)
        quad = _fit_sides(quad, contour, tolerance=2.5)
        quad = Quad.from_points(_grow(quad.corners, inset))
        if _plausible(quad, width, height) and area / max(quad.area, 1.0) >= 0.5:
            quads.append(quad)
    return quads


def _shoelace(corners: np.ndarray) -> np.ndarray:
    x, y = corners[..., 0], corners[..., 1]
    return (x * np.roll(y, -1, axis=-1) - np.roll(x, -1, axis=-1) * y).sum(axis=-1)


def _plausible_rings(
    corners: np.ndarray, width: int, height: int, slack_fraction: float = 0.08
) -> np.ndarray:
    """`_plausible` for many rings of corners at once (k×4×2, in order around the shape),
    corners at most `slack_fraction` of the frame's longer side outside it."""
    after = np.roll(corners, -1, axis=1) - corners
    before = np.roll(corners, 1, axis=1) - corners
    turns = after[..., 0] * before[..., 1] - after[..., 1] * before[..., 0]
    convex = (turns > 0).all(axis=1) | (turns < 0).all(axis=1)
    lengths = np.linalg.norm(after, axis=2)
    cosine = (after * before).sum(axis=2) / np.maximum(
        lengths * np.linalg.norm(before, axis=2), 1e-9
    )
    square_enough = (cosine <= np.cos(np.radians(45))).all(axis=1)
    long_enough = lengths.min(axis=1) >= 0.1 * min(width, height)
    slack = slack_fraction * max(width, height)
    x, y = corners[..., 0], corners[..., 1]
    within = (
        (x.min(axis=1) > -slack)
        & (y.min(axis=1) > -slack)
        & (x.max(axis=1) < width + slack)
        & (y.max(axis=1) < height + slack)
    )
    return convex & square_enough & long_enough & within


def _grow(corners: np.ndarray, distance: float) -> np.ndarray:
    """Move every side outward by `distance` pixels."""
    quad = Quad.from_points(corners)
    centre = quad.corners.mean(axis=0)
    lines = []
    for a, b in quad.sides:
        line = line_through(a, b)
        if centre @ line[:2] + line[2] > 0:
            line = -line
        line[2] -= distance
        lines.append(line)
    points = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(p is None for p in points):
        return quad.corners
    return np.array(points)


def detect_page(image: np.ndarray, document_type: str | None = None) -> PageDetection | None:
    """The page outline in a BGR frame, or None when nothing page-like is in view.
    `document_type` ("A4", "A5", "card", "receipt") is what the citizen was asked to lay
    down: its proportions and look decide between outlines."""
    height, width = image.shape[:2]
    work = _prepare(image)
    ranked = _ranked(work, document_type)
    if not ranked or ranked[0][0] < _MIN_LIKENESS:
        return None
    _, support, quad, _ = ranked[0]
    full = _to_frame(quad, work.scale)
    refined = refine_corners(image, full, search=max(3.0, 1.5 * work.scale))
    return PageDetection(refined, support, (width, height))


def refine_corners(image: np.ndarray, quad: Quad, search: float, samples: int = 32) -> Quad:
    """Each side moved onto the strongest brightness step across it in the full frame, then the
    corners re-intersected. Sides with too few clear steps (frame border, hand) stay put."""
    height, width = image.shape[:2]
    centre = quad.corners.mean(axis=0)
    offsets = np.arange(-np.ceil(search), np.ceil(search) + 1)
    lines = []
    for a, b in quad.sides:
        direction = (b - a) / np.linalg.norm(b - a)
        normal = np.array([-direction[1], direction[0]])
        if np.dot(centre - a, normal) > 0:
            normal = -normal  # pointing out of the page
        t = np.linspace(0.08, 0.92, samples)
        base = a + (b - a) * t[:, None]
        grid = base[:, None, :] + offsets[None, :, None] * normal
        map_x = grid[..., 0].astype(np.float32)
        map_y = grid[..., 1].astype(np.float32)
        profile = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        grey = cv2.cvtColor(profile, cv2.COLOR_BGR2GRAY).astype(np.float32)
        step = grey[:, :-2] - grey[:, 2:]  # page side minus outside: positive on a page edge
        strength = np.abs(step)
        best = strength.argmax(axis=1)
        peak = strength[np.arange(samples), best]
        inside = (
            (base[:, 0] > 1)
            & (base[:, 0] < width - 2)
            & (base[:, 1] > 1)
            & (base[:, 1] < height - 2)
        )
        good = inside & (peak > max(6.0, 0.35 * np.median(peak[inside]) if inside.any() else 6))
        shift = best.astype(np.float64) + 1
        left = strength[np.arange(samples), np.clip(best - 1, 0, strength.shape[1] - 1)]
        right = strength[np.arange(samples), np.clip(best + 1, 0, strength.shape[1] - 1)]
        curvature = left - 2 * peak + right
        with np.errstate(divide="ignore", invalid="ignore"):
            sub = np.where(curvature < 0, 0.5 * (left - right) / curvature, 0.0)
        shift += np.clip(np.nan_to_num(sub), -0.5, 0.5)
        points = base + (offsets[0] + shift)[:, None] * normal
        line = line_through(a, b)
        if good.sum() >= samples * 0.4:
            line = _robust_line(points[good])
        lines.append(line)
    corners = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return quad
    refined = Quad.from_points(np.array(corners))
    if not refined.is_convex() or refined.max_shift(quad) > 3 * search:
        return quad
    return refined


def _robust_line(points: np.ndarray) -> np.ndarray:
    line = _fit(points)
    for _ in range(2):
        residual = np.abs(points @ line[:2] + line[2])
        keep = residual < max(1.0, 2.5 * np.median(residual))
        if keep.sum() < 4:
            break
        line = _fit(points[keep])
    return line


def _fit(points: np.ndarray) -> np.ndarray:
    vx, vy, x0, y0 = cv2.fitLine(points.astype(np.float32), cv2.DIST_L2, 0, 0.01, 0.01).ravel()
    return line_through(np.array([x0, y0]), np.array([x0 + vx, y0 + vy]))
