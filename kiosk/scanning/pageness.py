"""How much a candidate outline looks like the document the citizen was asked for.

Edges alone cannot tell a page from what lies around or inside it: a sticky note, the ID
card's portrait, an invoice's table and a lamp's reflection on a glossy desk all have crisp
outlines. A page is also paper-coloured (bright, hardly any colour), carries print, stops
where the paper stops (a step in brightness or colour across its outline, not an ink line
with the same paper on both sides) and has the proportions of its kind. Each of these is a
factor in 0‥1; the product ranks the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scanning.quad import Quad

# long side / short side of each kind of document, and how far a photo may stray from it
_ASPECTS = {"A4": 297 / 210, "A5": 210 / 148, "card": 85.6 / 53.98}
_ASPECT_SPREAD = 0.11  # in log ratio: perspective and a corner under a hand
_RECEIPT_ASPECT = (1.7, 5.0)
_ANY_ASPECT = (1.0, 4.0)
_STEP_BAND = (2, 4)  # grey compared this many small pixels inside and outside the outline
_STEP_LEVEL = 5.0  # grey levels: a paper edge on white still steps this much
_INK_LEVEL = 12.0
_SQUARE_SPREAD_DEG = 25.0  # blackhat response that counts as print
DOCUMENT_TYPES = ("A4", "A5", "card", "receipt")


@dataclass(frozen=True)
class PageView:
    """The small copy of a frame every candidate is judged on."""

    grey: np.ndarray  # uint8, plain brightness
    chroma: np.ndarray  # float32, distance from neutral grey in Lab a/b
    ink: np.ndarray  # uint8 0/1: dark strokes narrower than a few pixels (print)
    paper_level: float  # brightness of the brightest paper-like surfaces in the frame

    @classmethod
    def of(cls, small_bgr: np.ndarray) -> PageView:
        grey = cv2.cvtColor(small_bgr, cv2.COLOR_BGR2GRAY)
        lab = cv2.cvtColor(small_bgr, cv2.COLOR_BGR2Lab).astype(np.float32)
        chroma = np.abs(lab[..., 1] - 128) + np.abs(lab[..., 2] - 128)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
        blackhat = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, kernel)
        ink = (blackhat > _INK_LEVEL).view(np.uint8)
        neutral = grey[chroma < 12]
        level = float(np.percentile(neutral, 95)) if neutral.size > 100 else 200.0
        return cls(grey, chroma, ink, level)


def expected_aspect(document_type: str | None) -> float | None:
    """Long side / short side of the kind, when it has a fixed shape."""
    return _ASPECTS.get(document_type) if document_type else None


def aspect_fit(quad: Quad, document_type: str | None) -> float:
    """1 when the outline has the kind's proportions, falling off as it strays."""
    lengths = quad.side_lengths()
    across, down = (lengths[0] + lengths[2]) / 2, (lengths[1] + lengths[3]) / 2
    ratio = max(across, down) / max(min(across, down), 1e-6)
    if document_type in _ASPECTS:
        miss = np.log(ratio / _ASPECTS[document_type]) / _ASPECT_SPREAD
        return float(np.exp(-0.5 * miss * miss))
    low, high = _RECEIPT_ASPECT if document_type == "receipt" else _ANY_ASPECT
    if low <= ratio <= high:
        return 1.0
    miss = np.log(ratio / (low if ratio < low else high)) / _ASPECT_SPREAD
    return float(np.exp(-0.5 * miss * miss))


def squareness(quad: Quad) -> float:
    """1 for a rectangle, falling off as a corner strays from 90°: a sheet lying on the desk
    seen from above keeps its corners near square, a union of two papers or a shape closed
    across a sticky note does not."""
    corners = quad.corners
    worst = 0.0
    for i in range(4):
        a, b = corners[i - 1] - corners[i], corners[(i + 1) % 4] - corners[i]
        cosine = float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-9))
        worst = max(worst, abs(90.0 - np.degrees(np.arccos(np.clip(cosine, -1, 1)))))
    return float(np.exp(-((worst / _SQUARE_SPREAD_DEG) ** 2)))


def outline_steps(view: PageView, quad: Quad, spacing: float = 2.5) -> tuple[float, float]:
    """(support, outward): share of the outline where brightness or colour steps across it,
    and of those the share where the inside is the brighter (paper on a darker desk)."""
    height, width = view.grey.shape
    centre = quad.corners.mean(axis=0)
    points, normals = [], []
    for a, b in quad.sides:
        length = float(np.linalg.norm(b - a))
        t = np.linspace(0.04, 0.96, max(8, int(length / spacing)))[:, None]
        normal = np.array([b[1] - a[1], a[0] - b[0]]) / max(length, 1e-9)
        if np.dot(centre - a, normal) > 0:
            normal = -normal
        points.append(a + (b - a) * t)
        normals.append(np.repeat(normal[None], len(t), axis=0))
    at, out = np.vstack(points), np.vstack(normals)
    inside_sum = np.zeros(len(at), np.float32)
    outside_sum = np.zeros(len(at), np.float32)
    inside_c = np.zeros(len(at), np.float32)
    outside_c = np.zeros(len(at), np.float32)
    valid = np.ones(len(at), bool)
    grey = view.grey
    for d in range(_STEP_BAND[0], _STEP_BAND[1] + 1):
        for sign, grey_sum, chroma_sum in ((-1, inside_sum, inside_c), (1, outside_sum, outside_c)):
            p = np.rint(at + sign * d * out).astype(int)
            ok = (p[:, 0] >= 0) & (p[:, 0] < width) & (p[:, 1] >= 0) & (p[:, 1] < height)
            valid &= ok
            px, py = p[:, 0].clip(0, width - 1), p[:, 1].clip(0, height - 1)
            grey_sum += grey[py, px]
            chroma_sum += view.chroma[py, px]
    n = _STEP_BAND[1] - _STEP_BAND[0] + 1
    step = (inside_sum - outside_sum) / n
    colour_step = np.abs(inside_c - outside_c) / n
    edge = valid & ((np.abs(step) > _STEP_LEVEL) | (colour_step > 2 * _STEP_LEVEL))
    # outside the frame (a corner cut off) there is no evidence either way
    seen = max(int(valid.sum()), 1)
    support = float(edge.sum() / seen) * min(1.0, seen / (0.6 * len(at)))
    outward = float((edge & (step > 0)).sum() / max(1, edge.sum()))
    return support, outward


def interior(view: PageView, quad: Quad) -> tuple[float, float]:
    """(paper, print): share of the inside that is bright neutral paper, and that is ink."""
    height, width = view.grey.shape
    mask = np.zeros((height, width), np.uint8)
    cv2.fillConvexPoly(mask, np.rint(quad.corners).astype(np.int32), 1)
    x, y, w, h = cv2.boundingRect(np.rint(quad.corners).astype(np.int32))
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + w, width), min(y + h, height)
    inside = mask[y0:y1, x0:x1].astype(bool)
    count = int(inside.sum())
    if count < 16:
        return 0.0, 0.0
    grey = view.grey[y0:y1, x0:x1][inside]
    chroma = view.chroma[y0:y1, x0:x1][inside]
    paper = float(((chroma < 16) & (grey > 0.5 * view.paper_level)).mean())
    ink = float(view.ink[y0:y1, x0:x1][inside].mean())
    return paper, ink


def page_likeness(
    view: PageView, quad: Quad, document_type: str | None, edge_support: float
) -> float:
    """0‥1: how much this outline looks like the expected document (see the module note)."""
    steps, outward = outline_steps(view, quad)
    support = max(steps, edge_support)
    paper, ink = interior(view, quad)
    is_card = document_type == "card"
    # a sticky note or a hand on the page still leaves most of it paper
    paper_term = (0.5 + 0.5 * paper) if is_card else 0.2 + 0.8 * paper**2
    print_term = min(1.0, 0.25 + ink / 0.03)
    polarity = 0.3 + 0.7 * outward
    shape = aspect_fit(quad, document_type) * squareness(quad)
    return support**2 * polarity * paper_term * print_term * shape
