"""A page running off the frame is outlined whole, at the announced document's proportions,
not cut at the frame's edge (the screen then says it is cut off: its corners lie outside)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanning.cut_off import completions
from kiosk.scanning.detection import detect_page
from tests.camera.smartdoc import jaccard

A4 = 297 / 210


def _held_page_off_the_frame(overhang: float, side: str) -> tuple[np.ndarray, np.ndarray]:
    """A 1080p frame of a printed A4 page on a dark desk with `overhang` of its length beyond
    the bottom or right edge of the frame and a palm over its left side (the side across from
    the one beyond the frame is then the only whole one); its true outline (TL, TR, BR, BL)."""
    rng = np.random.default_rng(7)
    frame = np.full((1080, 1920, 3), (52, 44, 40), np.float32)
    frame += rng.normal(0, 3, frame.shape).astype(np.float32)
    if side == "bottom":
        short = 640.0
        long = short * A4
        x0, y0 = 640.0, 1080 + overhang * long - long
        corners = np.array([[x0, y0], [x0 + short, y0], [x0 + short, y0 + long], [x0, y0 + long]])
    else:
        short = 760.0
        long = short * A4
        x0, y0 = 1920 + overhang * long - long, 160.0
        corners = np.array([[x0, y0], [x0 + long, y0], [x0 + long, y0 + short], [x0, y0 + short]])
    page = np.zeros((1080, 1920), np.uint8)
    cv2.fillPoly(page, [np.rint(corners).astype(np.int32)], 1)
    frame[page > 0] = (236, 238, 240)
    left, top = corners[0]
    right = corners[1][0]
    for row in range(int(top) + 60, 1080, 26):  # lines of print with margins
        width = rng.uniform(0.5, 0.85) * (right - left - 120)
        cv2.rectangle(
            frame, (int(left + 60), row), (int(left + 60 + width), row + 9), (60,) * 3, -1
        )
    palm = (int(left), int((top + min(corners[3][1], 1079)) / 2))
    cv2.ellipse(frame, palm, (90, 60), 0, 0, 360, (120, 150, 200), -1)
    frame = cv2.GaussianBlur(frame, (0, 0), 0.8)
    return frame.clip(0, 255).astype(np.uint8), corners


@pytest.mark.parametrize("side", ["bottom", "right"])
def test_a_page_off_the_frame_is_outlined_whole(side):
    image, truth = _held_page_off_the_frame(0.2, side)
    found = detect_page(image, document_type="A4")
    assert found is not None
    assert jaccard(truth, found.quad.corners, (840, 1188)) >= 0.95
    assert found.quad.border_gap(1920, 1080) < 0  # beyond the frame: guidance says cut off


def test_only_a_side_along_the_frame_edge_is_completed():
    size = (480, 270)
    cut = np.array([[[100.0, 60.0], [260.0, 60.0], [260.0, 269.5], [100.0, 269.5]]])
    inside = np.array([[[100.0, 40.0], [260.0, 40.0], [260.0, 240.0], [100.0, 240.0]]])
    done = completions(np.concatenate([cut, inside]), size, A4)
    assert len(done) == 1  # only the outline cut at the bottom edge; the other is whole
    lengths = np.linalg.norm(done[0] - np.roll(done[0], -1, axis=0), axis=1)
    assert lengths[1] / lengths[0] == pytest.approx(A4)
    assert done[0][2:, 1].min() > 269.5
    assert len(completions(cut, size, None)) == 0  # a receipt has no proportions to go by
