"""Blur and glare checks measured on labelled frames (tests/camera/quality_frames.py: made the
way a camera makes them, labelled by how they were made): every condition twice, at 1080p.
The full set, with 12 MP frames and the per-condition rates, is bench/scan_quality.py. The
page is given by its true outline so the checks, not the detector, are measured."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.i18n import translate
from kiosk.scanning.detection import PageDetection
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityIssue, QualityReport, assess
from tests.camera.quality_frames import CONDITIONS, LabelledFrame, quality_specs, render_frame

FRAMES = 2 * len(CONDITIONS)
pytestmark = pytest.mark.timeout(600)  # rendering 18 frames at 1080p: about 10 s of one core


@pytest.fixture(scope="module")
def judged() -> list[tuple[LabelledFrame, QualityReport]]:
    result = []
    for spec in quality_specs(FRAMES, first_seed=61000):
        frame = render_frame(spec)
        found = PageDetection(Quad.from_points(frame.corners), 1.0, (spec.width, spec.height))
        result.append((frame, assess(frame.image, found, document_type=spec.document_type)))
    return result


def _rates(judged, label: str, issue: QualityIssue) -> tuple[int, float, float]:
    with_fault = [issue in r.issues for f, r in judged if getattr(f, label) is True]
    without = [issue in r.issues for f, r in judged if getattr(f, label) is False]
    return len(with_fault), 1 - float(np.mean(with_fault)), float(np.mean(without))


def test_blur_is_flagged_on_blurred_frames_and_not_on_sharp_enough_ones(judged):
    count, missed, false = _rates(judged, "blurred", QualityIssue.BLURRED)
    assert count >= 4  # defocus and motion, as the set was made
    assert (missed, false) == (0.0, 0.0)


def test_glare_is_flagged_on_reflections_and_never_on_white_paper(judged):
    count, missed, false = _rates(judged, "glare", QualityIssue.GLARE)
    assert count >= 2
    assert (missed, false) == (0.0, 0.0)
    white = [r for f, r in judged if f.spec.condition in ("bright_white", "overexposed", "sheen")]
    assert len(white) == 6 and not any(QualityIssue.GLARE in r.issues for r in white)


def test_the_guidance_names_the_cause_of_each_frame(judged):
    """A blurred frame asks to lay the paper flat and keep still, a reflection to move the
    paper; bright paper, overexposure and low light are nothing the citizen can fix, so
    the picture is taken."""
    for frame, report in judged:
        if frame.blurred is None or frame.glare is None:
            continue
        expected = (
            "scanning.guidance.blurred"
            if frame.blurred
            else "scanning.guidance.glare"
            if frame.glare
            else "scanning.guidance.hold_still"
        )
        assert report.guidance_key == expected, frame.spec
        for language in ("vi", "en"):
            assert translate(expected, language) != expected
