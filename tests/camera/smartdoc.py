"""The SmartDoc-2015 Jaccard index: detected and true outlines compared in the page's own frame.

Both quadrilaterals are mapped through the homography that takes the true outline onto the
page's reference rectangle; the score is intersection over union of the mapped detection with
that rectangle, so a miss by a few pixels costs the same whatever the page's distance or tilt.
"""

from __future__ import annotations

import cv2
import numpy as np


def jaccard(truth: np.ndarray, detected: np.ndarray, page_size: tuple[int, int]) -> float:
    width, height = page_size
    reference = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    to_page = cv2.getPerspectiveTransform(np.asarray(truth, np.float32), reference)
    mapped = cv2.perspectiveTransform(np.asarray(detected, np.float32).reshape(1, 4, 2), to_page)
    mapped = cv2.convexHull(mapped.reshape(4, 2))
    overlap, _ = cv2.intersectConvexConvex(reference, mapped.reshape(-1, 2))
    union = width * height + cv2.contourArea(mapped) - overlap
    return float(overlap / union) if union > 0 else 0.0
