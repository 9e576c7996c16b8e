"""Page outlines on the seeded photo set, scored with the SmartDoc Jaccard index."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.scanning.detection import detect_page
from tests.camera.photoset import SceneSpec, render_scene
from tests.camera.smartdoc import jaccard


@pytest.fixture(scope="module")
def scores(photo_set) -> dict[int, float]:
    results = {}
    for scene in photo_set:
        found = detect_page(scene.image)
        results[scene.spec.seed] = (
            0.0 if found is None else jaccard(scene.corners, found.quad.corners, scene.page_size)
        )
    return results


def test_mean_jaccard_reaches_the_smartdoc_leaders(scores):
    assert np.mean(list(scores.values())) >= 0.97


def test_nearly_every_photo_is_outlined_within_a_few_pixels(scores):
    good = [s for s in scores.values() if s >= 0.95]
    assert len(good) >= 0.9 * len(scores)


@pytest.mark.parametrize("condition", ["hand", "touch_edge", "shadow", "uneven_light"])
def test_hard_conditions_are_handled(photo_set, scores, condition):
    hit = [scores[s.spec.seed] for s in photo_set if getattr(s.spec, condition)]
    assert hit, f"the photo set has no {condition} scene"
    assert np.median(hit) >= 0.97


@pytest.mark.parametrize("background", ["dark", "light", "wood", "clutter"])
def test_every_background(photo_set, scores, background):
    hit = [scores[s.spec.seed] for s in photo_set if s.spec.background == background]
    assert np.median(hit) >= 0.97


def test_a_page_under_a_hand_keeps_its_hidden_corner():
    scene = render_scene(
        SceneSpec(
            seed=5, background="wood", page="table", page_height=0.85, rotation_deg=8, hand=True
        )
    )
    found = detect_page(scene.image)
    assert found is not None
    assert jaccard(scene.corners, found.quad.corners, scene.page_size) >= 0.97


def test_a_page_at_4000x3000_is_found_as_well():
    scene = render_scene(
        SceneSpec(
            seed=6,
            background="dark",
            page="letter",
            page_height=0.8,
            rotation_deg=-7,
            width=4000,
            height=3000,
            blur_sigma=1.5,
        )
    )
    found = detect_page(scene.image)
    assert found is not None
    assert found.frame_size == (4000, 3000)
    assert jaccard(scene.corners, found.quad.corners, scene.page_size) >= 0.98


@pytest.mark.parametrize("background", ["dark", "light", "wood"])
def test_an_empty_desk_has_no_page(background):
    scene = render_scene(SceneSpec(seed=7, background=background))
    # the same desk with nothing on it: paint the page away with the desk around it
    desk = scene.image.copy()
    desk[:] = np.median(scene.image[:40].reshape(-1, 3), axis=0)
    noise = np.random.default_rng(1).normal(0, 3, desk.shape)
    assert detect_page((desk + noise).clip(0, 255).astype(np.uint8)) is None


def test_confidence_reflects_a_clear_outline(photo_set):
    plain = next(s for s in photo_set if not (s.spec.hand or s.spec.touch_edge))
    found = detect_page(plain.image)
    assert found is not None and found.confidence > 0.8
