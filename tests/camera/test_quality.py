"""Frames that would make a poor scan are turned down with the reason a citizen can fix."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.i18n import translate
from kiosk.scanning.detection import PageDetection, detect_page
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityIssue, QualityLimits, assess, sharpness
from tests.camera.photoset import SceneSpec, render_scene

SHARP = {"blur_sigma": 0.5, "noise_sigma": 2.0}


def _report(spec: SceneSpec, previous: Quad | None = None):
    scene = render_scene(spec)
    return assess(scene.image, detect_page(scene.image), previous)


@pytest.mark.parametrize("seed", range(4))
def test_a_good_frame_passes(seed):
    report = _report(
        SceneSpec(
            seed=seed,
            background=("dark", "light", "wood", "clutter")[seed],
            page_height=0.8,
            **SHARP,
        )
    )
    assert report.ok, report.issues
    assert report.guidance_key == "scanning.guidance.hold_still"


@pytest.mark.parametrize("seed", range(4))
def test_blurred_frame_is_rejected_as_blurred(seed):
    report = _report(
        SceneSpec(
            seed=seed,
            background=("dark", "light", "wood", "clutter")[seed],
            page_height=0.8,
            blur_sigma=3.5,
        )
    )
    assert report.issues == (QualityIssue.BLURRED,)
    assert report.guidance_key == "scanning.guidance.blurred"


@pytest.mark.parametrize("seed", range(3))
def test_glare_is_rejected_as_glare(seed):
    report = _report(SceneSpec(seed=seed, background="dark", page_height=0.8, glare=True, **SHARP))
    assert QualityIssue.GLARE in report.issues
    assert report.glare_fraction > 0.002


@pytest.mark.parametrize("seed", [11, 12, 13, 29])
def test_cut_off_page_is_rejected_as_cut_off(seed):
    report = _report(
        SceneSpec(
            seed=seed,
            background=("dark", "wood", "light", "clutter")[seed % 4],
            page_height=0.8,
            cut_off=True,
            **SHARP,
        )
    )
    assert report.issues[0] is QualityIssue.CUT_OFF


def test_small_page_is_rejected_as_too_small():
    report = _report(SceneSpec(seed=2, background="dark", page="letter", page_height=0.3, **SHARP))
    assert report.issues == (QualityIssue.TOO_SMALL,)


def test_moving_page_is_rejected_as_moving():
    spec = SceneSpec(seed=4, background="dark", page_height=0.8, **SHARP)
    scene = render_scene(spec)
    found = detect_page(scene.image)
    assert found is not None
    earlier = Quad(found.quad.corners + np.array([25.0, 10.0]))
    assert assess(scene.image, found, earlier).issues == (QualityIssue.MOVING,)
    assert assess(scene.image, found, found.quad).ok


def test_nothing_in_view_asks_for_a_page():
    report = assess(np.zeros((720, 1280, 3), np.uint8), None)
    assert report.issues == (QualityIssue.NO_PAGE,)


def test_a_blank_page_is_not_called_blurred():
    blank = np.full((720, 1280, 3), 40, np.uint8)
    blank[100:620, 400:800] = 225
    quad = Quad.from_points(np.array([[400, 100], [799, 100], [799, 619], [400, 619]], float))
    report = assess(blank, PageDetection(quad, 1.0, (1280, 720)))
    assert report.sharpness is None
    assert report.ok


def test_sharpness_falls_as_blur_grows():
    base = SceneSpec(seed=9, background="light", page="letter", page_height=0.8, noise_sigma=3)
    scores = []
    for sigma in (0.0, 1.0, 2.0, 3.0, 5.0):
        scene = render_scene(SceneSpec(**{**base.__dict__, "blur_sigma": sigma}))
        scores.append(sharpness(scene.image, Quad.from_points(scene.corners)))
    assert scores == sorted(scores, reverse=True)


def test_every_guidance_is_translated():
    for issue in QualityIssue:
        for lang in ("vi", "en"):
            assert translate(issue.message_key, lang) != issue.message_key


def _ruled_page_frame() -> tuple[np.ndarray, Quad]:
    """A 1080p frame of an A4 page that is nearly all ruled table and QR-like blocks: print
    with edges across and along the page but hardly any slanted ones."""
    frame = np.full((1080, 1920), 40, np.uint8)
    top, left, height = 80, 660, 920
    width = round(height / 1.414)
    frame[top : top + height, left : left + width] = 245
    for y in range(top + 40, top + height - 40, 22):
        frame[y : y + 2, left + 40 : left + width - 40] = 30
    for x in range(left + 40, left + width - 40, 60):
        frame[top + 40 : top + height - 40, x : x + 2] = 30
    blocks = np.random.default_rng(3).random((25, 25)) < 0.5
    modules = np.kron(blocks, np.ones((6, 6), bool))
    frame[top + 60 : top + 210, left + 60 : left + 210][modules] = 20
    corners = np.array(
        [[left, top], [left + width, top], [left + width, top + height], [left, top + height]],
        float,
    )
    return frame, Quad(corners)


def test_a_sharp_page_of_tables_and_codes_is_not_called_blurred():
    # few slanted edges in both slanted directions is print, not a hand moving one way
    frame, quad = _ruled_page_frame()
    assert sharpness(frame, quad, "A4") >= QualityLimits().min_sharpness


def test_the_same_page_moved_sideways_is_called_blurred():
    frame, quad = _ruled_page_frame()
    motion = np.full((1, 9), 1 / 9, np.float32)  # a 9 px sideways smear
    smeared = cv2.filter2D(frame, -1, motion)
    assert sharpness(smeared, quad, "A4") < QualityLimits().min_sharpness
