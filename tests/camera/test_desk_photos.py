"""The page detector on the hard desk set (tests/camera/desk_photos.py): glossy white and
white-on-white desks, clutter, papers under the page, sticky notes, ID cards, receipts.

The issue's targets (mean ≥ 0.97, ≥ 0.95 on every desk) are not reached yet; these floors
stop the detector from sliding back below what it reaches today, and
bench/camera_pipeline.py prints the full per-desk and per-tag figures.
"""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.scanning.detection import detect_page
from tests.camera.desk_photos import (
    DESKS,
    DOCUMENTS,
    TAGS,
    DeskPhotoSpec,
    hard_specs,
    render_desk_photo,
)
from tests.camera.desk_scores import DeskScores, score_photos
from tests.camera.smartdoc import jaccard

PER_DESK = 8

# The first test renders and scores the 48 photos (about a minute on CI); a loaded machine took
# longer than the suite's 120 s, and every later test of the module then failed the same way.
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def scores() -> DeskScores:
    return score_photos([render_desk_photo(spec) for spec in hard_specs(PER_DESK)])


def test_the_set_covers_every_desk_document_and_tag():
    specs = hard_specs(PER_DESK)
    assert {s.desk for s in specs} == set(DESKS)
    assert {s.document for s in specs} == set(DOCUMENTS)
    assert set().union(*(s.tags for s in specs)) >= set(TAGS) - {"hi_res"}


def test_the_same_seed_gives_the_same_photo():
    spec = hard_specs(1)[0]
    first, second = render_desk_photo(spec), render_desk_photo(spec)
    assert np.array_equal(first.image, second.image)
    assert np.array_equal(first.corners, second.corners)


def test_mean_jaccard_does_not_slide_back(scores):
    print("\n".join(scores.lines()))
    assert scores.mean >= 0.78


@pytest.mark.parametrize(
    ("desk", "floor"),
    [
        ("glossy_white", 0.9),
        ("white_paper", 0.65),
        ("clutter", 0.55),
        ("dark", 0.8),
        ("wood", 0.7),
        ("grey", 0.8),
    ],
)
def test_every_desk_keeps_its_floor(scores, desk, floor):
    assert np.mean(scores.by_desk[desk]) >= floor


def test_a_plain_page_is_outlined_on_every_desk(scores):
    assert np.mean(scores.by_tag["plain"]) >= 0.95


def test_a_page_on_glossy_white_is_found_not_the_reflections():
    photo = render_desk_photo(DeskPhotoSpec(5007, "glossy_white", "letter"))
    found = detect_page(photo.image, document_type="A4")
    assert found is not None
    assert jaccard(photo.corners, found.quad.corners, photo.page_size) >= 0.95


@pytest.mark.parametrize("desk", ["glossy_white", "dark", "grey"])
def test_an_id_card_is_the_card_not_its_portrait(desk):
    photo = render_desk_photo(DeskPhotoSpec(5010, desk, "card", frozenset({"blur"})))
    found = detect_page(photo.image, document_type="card")
    assert found is not None
    assert jaccard(photo.corners, found.quad.corners, photo.page_size) >= 0.95


@pytest.mark.parametrize("seed", [5049, 5060, 5066])
def test_a_thin_receipt_is_the_whole_strip(seed):
    photo = render_desk_photo(DeskPhotoSpec(seed, "wood", "receipt", frozenset({"sticky_notes"})))
    found = detect_page(photo.image, document_type="receipt")
    assert found is not None
    assert jaccard(photo.corners, found.quad.corners, photo.page_size) >= 0.95
