"""When the picture is taken: steady and sharp, once per page."""

from __future__ import annotations

import numpy as np

from kiosk.scanning.autocapture import AutoCapture
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityIssue, QualityReport

FRAME = (1920, 1080)
GOOD = QualityReport((), 0.8, 0.0, 0.6)
BLURRED = QualityReport((QualityIssue.BLURRED,), 0.1, 0.0, 0.6)
PAGE = Quad.from_points(np.array([[500, 100], [1300, 120], [1280, 1000], [480, 980]], float))


def shifted(dx: float) -> Quad:
    return Quad(PAGE.corners + np.array([dx, 0.0]))


def run(capture: AutoCapture, steps):
    """steps: (quad, report, time) → list of capture flags."""
    return [capture.update(q, r, FRAME, t).capture for q, r, t in steps]


def test_steady_sharp_page_is_captured_once():
    capture = AutoCapture(steady_seconds=0.8)
    flags = run(capture, [(PAGE, GOOD, t / 10) for t in range(30)])
    assert flags.count(True) == 1
    assert flags.index(True) == 8


def test_progress_fills_up_while_steady():
    capture = AutoCapture(steady_seconds=1.0)
    progress = [capture.update(PAGE, GOOD, FRAME, t / 4).progress for t in range(4)]
    assert progress == sorted(progress) and progress[0] == 0.0 and 0.7 < progress[-1] < 1.0


def test_a_problem_restarts_the_wait():
    capture = AutoCapture(steady_seconds=0.8)
    steps = [(PAGE, GOOD, t / 10) for t in range(6)] + [(PAGE, BLURRED, 0.6)]
    steps += [(PAGE, GOOD, 0.7 + t / 10) for t in range(9)]
    flags = run(capture, steps)
    assert flags.index(True) == len(steps) - 1


def test_drifting_page_is_not_captured():
    capture = AutoCapture(steady_seconds=0.5)
    flags = run(capture, [(shifted(30 * t), GOOD, t / 10) for t in range(20)])
    assert True not in flags


def test_next_page_is_captured_after_the_first_leaves():
    capture = AutoCapture(steady_seconds=0.3)
    steps = [(PAGE, GOOD, t / 10) for t in range(10)]
    steps += [(None, GOOD, 1.0 + t / 10) for t in range(3)]
    steps += [(PAGE, GOOD, 1.3 + t / 10) for t in range(10)]
    assert run(capture, steps).count(True) == 2


def test_page_swapped_in_place_is_captured_again():
    capture = AutoCapture(steady_seconds=0.3)
    steps = [(PAGE, GOOD, t / 10) for t in range(10)]
    steps += [(shifted(200), GOOD, 1.0 + t / 10) for t in range(10)]
    assert run(capture, steps).count(True) == 2


def test_manual_capture_is_not_repeated_automatically():
    capture = AutoCapture(steady_seconds=0.3)
    capture.captured_manually(PAGE)
    assert True not in run(capture, [(PAGE, GOOD, t / 10) for t in range(10)])
