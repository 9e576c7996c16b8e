"""Pages laid sideways or upside down come out upright, judged from their print alone."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.orientation import upright_turns
from kiosk.scanning.pipeline import make_page
from kiosk.scanning.quad import Quad
from tests.camera.desk_photos import DeskPhotoSpec, render_desk_photo
from tests.camera.pages import render_form, render_letter, render_table


def _photographed_flat(renderer, seed: int, desk: str) -> np.ndarray:
    """An upright page photographed on a desk and cut out along its true outline."""
    photo = render_desk_photo(
        DeskPhotoSpec(seed, desk, "form"), page=(renderer(150).image, (210.0, 297.0))
    )
    corners = photo.corners  # the page's own top left first
    width, height = 1654, 2339  # A4 at 200 dpi
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    transform = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    flat = cv2.warpPerspective(photo.image, transform, (width, height))
    return cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)


@pytest.mark.parametrize(
    ("renderer", "seed", "desk"),
    [
        (render_letter, 8100, "glossy_white"),
        (render_form, 8101, "wood"),
        (render_table, 8102, "dark"),
        (render_letter, 8103, "white_paper"),
    ],
)
def test_every_quarter_turn_is_undone(renderer, seed, desk):
    upright = _photographed_flat(renderer, seed, desk)
    for turns in range(4):
        page = np.rot90(upright, turns)
        assert upright_turns(page) == (4 - turns) % 4, f"turned {turns} × 90°"


def test_a_page_laid_sideways_is_kept_upright_and_portrait():
    photo = render_desk_photo(
        DeskPhotoSpec(8104, "grey", "form"), page=(render_letter(150).image, (210.0, 297.0))
    )
    # the outline as the detector gives it: clockwise from the frame's top left, so a page
    # lying on its side is straightened on its side
    sideways = np.roll(photo.corners, 1, axis=0)
    kept = make_page(photo.image, Quad(sideways), ScanSettings(mode="grey"))
    height, width = kept.image.shape[:2]
    assert height > width and not kept.paper.landscape
    assert upright_turns(kept.image) == 0


def test_a_blank_page_is_left_as_it_is():
    blank = np.full((2339, 1654), 245, np.uint8)
    assert upright_turns(blank) == 0
