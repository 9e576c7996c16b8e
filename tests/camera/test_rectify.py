"""Straightening pages to their true proportions at 200 dpi."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanning.quad import Quad
from kiosk.scanning.rectify import choose_format, rectify, true_aspect
from tests.camera.photoset import SceneSpec, render_scene


@pytest.mark.parametrize("seed", range(8))
def test_true_shape_is_recovered_from_a_tilted_view(seed):
    scene = render_scene(SceneSpec(seed=seed, perspective=0.045, rotation_deg=seed * 9 - 30))
    width, height = scene.page_size
    aspect = true_aspect(Quad.from_points(scene.corners), (scene.spec.width, scene.spec.height))
    truth = width / height
    measured = max(aspect, 1 / aspect)
    assert measured == pytest.approx(max(truth, 1 / truth), rel=0.02)


def test_format_snaps_to_a4_card_or_stays_other():
    assert choose_format(0.705).name == "A4"
    assert choose_format(1.41).landscape
    assert choose_format(1.59).name == "card"
    assert choose_format(1.0).name == "other"
    assert choose_format(0.707, long_side_mm=208).name == "A5"
    assert choose_format(0.707, long_side_mm=300).name == "A4"


def test_a4_comes_out_at_200_dpi_and_matches_the_page():
    scene = render_scene(
        SceneSpec(
            seed=3,
            background="wood",
            page="table",
            page_height=0.9,
            rotation_deg=10,
            perspective=0.03,
            blur_sigma=0.3,
        )
    )
    quad = Quad.from_points(scene.corners)
    paper = choose_format(true_aspect(quad, (scene.spec.width, scene.spec.height)))
    flat = rectify(scene.image, quad, paper, 200)
    assert paper.name == "A4"
    assert flat.shape[:2] == (2339, 1654)
    # the straightened page lines up with the page that was photographed
    original = cv2.cvtColor(scene.page.image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    original = cv2.resize(original, (flat.shape[1], flat.shape[0]), interpolation=cv2.INTER_AREA)
    photo = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY).astype(np.float32)
    correlation = np.corrcoef(cv2.blur(original, (9, 9)).ravel(), cv2.blur(photo, (9, 9)).ravel())
    assert correlation[0, 1] > 0.8


def test_a_card_comes_out_at_card_size():
    scene = render_scene(
        SceneSpec(
            seed=4,
            background="dark",
            page="card",
            size_name="card",
            page_height=0.4,
            rotation_deg=-12,
        )
    )
    quad = Quad.from_points(scene.corners)
    paper = choose_format(true_aspect(quad, (scene.spec.width, scene.spec.height)))
    assert paper.name == "card"
    assert paper.landscape
    assert rectify(scene.image, quad, paper, 300).shape[:2] == (638, 1011)
