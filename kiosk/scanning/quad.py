"""A page outline in a camera frame: four corners, clockwise from the top left, and the plane
geometry the pipeline needs around them (lines, intersections, convexity)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np


def order_clockwise(points: np.ndarray) -> np.ndarray:
    """Corners sorted clockwise on screen (y down), starting nearest the frame's top left."""
    points = np.asarray(points, np.float64).reshape(4, 2)
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    points = points[np.argsort(angles)]
    start = int(np.argmin(points.sum(axis=1)))
    return points[[(start + i) % 4 for i in range(4)]]  # a roll, without np.roll's overhead


def order_clockwise_many(points: np.ndarray) -> np.ndarray:
    """`order_clockwise` for many rings of four corners at once (k×4×2)."""
    points = np.asarray(points, np.float64)
    centre = points.mean(axis=1, keepdims=True)
    angles = np.arctan2(points[..., 1] - centre[..., 1], points[..., 0] - centre[..., 0])
    points = np.take_along_axis(points, np.argsort(angles, axis=1)[..., None], axis=1)
    start = np.argmin(points.sum(axis=2), axis=1)
    turn = (start[:, None] + np.arange(4)[None, :]) % 4
    return np.take_along_axis(points, turn[..., None], axis=1)


def line_through(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Homogeneous line (a, b, c) with a² + b² = 1 through two points."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    norm = float(np.hypot(dx, dy)) or 1e-12
    return np.array([-dy / norm, dx / norm, (dy * a[0] - dx * a[1]) / norm])


def intersect(first: np.ndarray, second: np.ndarray) -> np.ndarray | None:
    a1, b1, c1 = first
    a2, b2, c2 = second
    det = a1 * b2 - a2 * b1
    if abs(det) < 1e-9:
        return None
    return np.array([(b1 * c2 - b2 * c1) / det, (a2 * c1 - a1 * c2) / det])


@dataclass(frozen=True)
class Quad:
    corners: np.ndarray  # (4, 2) float64, clockwise from the top left

    @classmethod
    def from_points(cls, points: np.ndarray) -> Quad:
        return cls(order_clockwise(points))

    @property
    def area(self) -> float:
        return float(abs(cv2.contourArea(self.corners.astype(np.float32))))

    @property
    def sides(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(self.corners[i], self.corners[(i + 1) % 4]) for i in range(4)]

    def side_lengths(self) -> np.ndarray:
        return np.linalg.norm(self.corners - self.corners[[1, 2, 3, 0]], axis=1)

    def is_convex(self) -> bool:
        # four points: plain arithmetic is several times faster than numpy here
        c = self.corners.tolist()
        signs = set()
        for i in range(4):
            (x0, y0), (x1, y1), (x2, y2) = c[i], c[(i + 1) % 4], c[(i + 2) % 4]
            turn = (x1 - x0) * (y2 - y1) - (y1 - y0) * (x2 - x1)
            signs.add(turn > 0 if turn != 0 else None)
        return len(signs) == 1 and None not in signs

    def min_angle_deg(self) -> float:
        c = self.corners.tolist()
        smallest = 180.0
        for i in range(4):
            (xp, yp), (x, y), (xn, yn) = c[i - 1], c[i], c[(i + 1) % 4]
            ax, ay, bx, by = xp - x, yp - y, xn - x, yn - y
            norm = math.hypot(ax, ay) * math.hypot(bx, by)
            if norm == 0:
                return 0.0
            cosine = max(-1.0, min(1.0, (ax * bx + ay * by) / norm))
            smallest = min(smallest, math.degrees(math.acos(cosine)))
        return smallest

    def border_gap(self, width: int, height: int) -> float:
        """Distance in pixels from the nearest corner to the frame edge (negative: outside)."""
        xs, ys = self.corners[:, 0], self.corners[:, 1]
        return float(min(xs.min(), ys.min(), width - 1 - xs.max(), height - 1 - ys.max()))

    def max_shift(self, other: Quad) -> float:
        return float(np.linalg.norm(self.corners - other.corners, axis=1).max())
