"""Clean copies and the files written for the dossier: PDF + a JPEG per page."""

from __future__ import annotations

import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.document import PageLimitReached, ScannedDocument
from kiosk.scanning.enhance import EnhanceMode, enhance
from kiosk.scanning.output import document_pdf, save_document
from kiosk.scanning.pipeline import make_page
from kiosk.scanning.quad import Quad
from kiosk.scanning.rectify import rectify
from tests.camera.photoset import SceneSpec, render_scene


@pytest.fixture(scope="module")
def text_scenes():
    return [
        render_scene(
            SceneSpec(
                seed=s,
                background="wood",
                page=kind,
                page_height=0.9,
                rotation_deg=5,
                uneven_light=True,
                shadow=s == 0,
            )
        )
        for s, kind in enumerate(("letter", "form", "table"))
    ]


def _page(scene, mode=None):
    return make_page(scene.image, Quad.from_points(scene.corners), ScanSettings(), mode)


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_auto_keeps_print_in_flattened_grey_and_the_page_stays_small(text_scenes):
    for scene in text_scenes:
        page = _page(scene)
        assert page.mode is EnhanceMode.GREY
        assert page.image.shape == (2339, 1654)
        document = ScannedDocument()
        document.add(page)
        assert len(document_pdf(document)) <= 700 * 1024


def test_a4_text_page_in_black_and_white_stays_under_300_kb(text_scenes):
    for scene in text_scenes:
        page = _page(scene, EnhanceMode.BW)
        assert page.paper.name == "A4"
        assert page.image.shape == (2339, 1654)
        document = ScannedDocument()
        document.add(page)
        pdf = document_pdf(document)
        assert pdf.startswith(b"%PDF")
        assert len(pdf) <= 300 * 1024
        assert b"/CCITTFaxDecode" in pdf


def test_black_and_white_keeps_the_print_and_drops_the_shadow(text_scenes):
    page = _page(text_scenes[0], EnhanceMode.BW)  # uneven light and a shadow across the page
    ink = page.image.mean()
    assert 0.01 < ink < 0.2  # some print, not a black shadow
    _, _, stats, _ = cv2.connectedComponentsWithStats(page.image.view(np.uint8))
    largest = stats[1:, cv2.CC_STAT_AREA].max()
    assert largest < 0.002 * page.image.size  # letters, not a black patch where the shadow was


def _paper_levels(image: np.ndarray) -> np.ndarray:
    """The paper's brightness in each 100-pixel block (its bright end: print is darker)."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)[100:-100, 100:-100]
    blocks = [
        grey[y : y + 100, x : x + 100]
        for y in range(0, grey.shape[0] - 99, 100)
        for x in range(0, grey.shape[1] - 99, 100)
    ]
    return np.array([np.percentile(block, 90) for block in blocks])


def test_colour_mode_evens_out_the_light(text_scenes):
    scene = text_scenes[0]  # uneven light and a shadow across the page
    quad = Quad.from_points(scene.corners)
    page = _page(scene, EnhanceMode.COLOUR)
    raw = rectify(scene.image, quad, page.paper, 200)
    assert _paper_levels(raw).std() > 10
    assert _paper_levels(page.image).std() < 3
    assert page.image.shape == (2339, 1654, 3)


def test_grey_mode_is_one_channel():
    scene = render_scene(SceneSpec(seed=8, page="form"))
    page = _page(scene, EnhanceMode.GREY)
    assert page.image.ndim == 2 and page.image.dtype == np.uint8


def test_enhance_paints_the_desk_sliver_at_the_border_white():
    photo = np.full((400, 300, 3), 230, np.uint8)
    photo[:, :2] = 20
    clean = enhance(photo, EnhanceMode.BW)
    assert not clean[:, :2].any()


def test_saved_document_has_a_pdf_page_and_a_jpeg_per_scan(text_scenes, tmp_path: Path):
    document = ScannedDocument()
    for scene in text_scenes:
        document.add(_page(scene))
    document.add(
        _page(render_scene(SceneSpec(seed=9, page="card", size_name="card", page_height=0.4)))
    )
    saved = save_document(document, tmp_path / "out", "HS-001")
    pdf = saved.pdf.read_bytes()
    assert _pdf_pages(pdf) == 4
    assert [p.name for p in saved.pages] == [f"HS-001-p0{n}.jpg" for n in range(1, 5)]
    card = cv2.imread(str(saved.pages[3]))
    assert card.shape[:2] == (425, 674)  # 85.6 × 54 mm at 200 dpi, in colour
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_document_keeps_order_through_retake_delete_and_move():
    pages = [_page(render_scene(SceneSpec(seed=s, page="letter"))) for s in range(3)]
    document = ScannedDocument(max_pages=3)
    for page in pages:
        document.add(page)
    with pytest.raises(PageLimitReached):
        document.add(pages[0])
    document.replace(1, pages[2])
    assert document.pages == [pages[0], pages[2], pages[2]]
    document.delete(2)
    document.move(1, 0)
    assert document.pages == [pages[2], pages[0]]
    with pytest.raises(IndexError):
        document.delete(5)
    with pytest.raises(ValueError):
        document_pdf(ScannedDocument())
