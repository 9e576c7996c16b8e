"""How much each candidate outline looks like the document the citizen was asked for.

Edges alone cannot tell a page from what lies around, under or inside it: a sticky note, the
ID card's portrait, an invoice's table, the union of a page and the sheet under it and a
lamp's reflection on a glossy desk all have crisp outlines. A page is also paper-coloured
(bright, hardly any colour), carries print, stops where the paper stops all around (a step in
brightness or colour across every side, not an ink line with paper on both sides: the top
sheet of a pile is the one whose outline is unbroken), is near-rectangular and has the
proportions of its kind. Each of these is a factor in 0‥1; their product ranks the
candidates. Every factor is computed for all candidates at once (arrays of corners, k×4×2), so
judging a hundred outlines costs about as much as judging one.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# long side / short side of each kind of document, and how far a photo may stray from it
_ASPECTS = {"A4": 297 / 210, "A5": 210 / 148, "card": 85.6 / 53.98}
_ASPECT_SPREAD = 0.11  # in log ratio: perspective and a corner under a hand
_RECEIPT_ASPECT = (1.7, 5.0)
_ANY_ASPECT = (1.0, 4.0)
_STEP_BAND = (2, 3, 4)  # grey compared this many small pixels inside and outside the outline
_STEP_LEVEL = 5.0  # grey levels: a paper edge on white still steps this much
_INK_LEVEL = 12.0
_SQUARE_SPREAD_DEG = 25.0
_SIDE_SAMPLES = 32
_SEEN_FULL = 3.5  # sides' worth of outline inside the frame that count as fully seen
_GRID = 10  # interior samples per direction
DOCUMENT_TYPES = ("A4", "A5", "card", "receipt")


@dataclass(frozen=True)
class PageView:
    """The small copy of a frame every candidate is judged on."""

    grey: np.ndarray  # uint8, plain brightness
    chroma: np.ndarray  # float32, distance from neutral grey in Lab a/b
    ink: np.ndarray  # uint8 0/1: dark strokes narrower than a few pixels (print)
    paper_level: float  # brightness of the brightest paper-like surfaces in the frame

    @classmethod
    def of(cls, grey: np.ndarray, lab: np.ndarray) -> PageView:
        """From the small copy's brightness and its Lab image."""
        chroma = cv2.absdiff(lab[..., 1], 128).astype(np.float32)
        chroma += cv2.absdiff(lab[..., 2], 128)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
        blackhat = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, kernel)
        ink = (blackhat > _INK_LEVEL).view(np.uint8)
        neutral = grey[chroma < 12]
        level = float(np.percentile(neutral, 95)) if neutral.size > 100 else 200.0
        return cls(grey, chroma, ink, level)


@dataclass(frozen=True)
class Judgement:
    """Per candidate (arrays of k): the product, and the share of its outline on a step."""

    value: np.ndarray
    support: np.ndarray


def expected_aspect(document_type: str | None) -> float | None:
    """Long side / short side of the kind, when it has a fixed shape."""
    return _ASPECTS.get(document_type) if document_type else None


def aspect_fit(corners: np.ndarray, document_type: str | None) -> np.ndarray:
    """1 when the outline has the kind's proportions, falling off as it strays."""
    lengths = np.linalg.norm(corners - np.roll(corners, -1, axis=1), axis=2)
    across, down = (lengths[:, 0] + lengths[:, 2]) / 2, (lengths[:, 1] + lengths[:, 3]) / 2
    ratio = np.maximum(across, down) / np.maximum(np.minimum(across, down), 1e-6)
    if document_type in _ASPECTS:
        miss = np.log(ratio / _ASPECTS[document_type]) / _ASPECT_SPREAD
        return np.exp(-0.5 * miss * miss)
    low, high = _RECEIPT_ASPECT if document_type == "receipt" else _ANY_ASPECT
    miss = np.log(np.clip(ratio, low, high) / ratio) / _ASPECT_SPREAD
    return np.exp(-0.5 * miss * miss)


def squareness(corners: np.ndarray) -> np.ndarray:
    """1 for a rectangle, falling off as a corner strays from 90°: a sheet lying on the desk
    seen from above keeps its corners near square, a union of two papers or a shape closed
    across a sticky note does not."""
    before = np.roll(corners, 1, axis=1) - corners
    after = np.roll(corners, -1, axis=1) - corners
    cosine = (before * after).sum(axis=2) / np.maximum(
        np.linalg.norm(before, axis=2) * np.linalg.norm(after, axis=2), 1e-9
    )
    worst = np.abs(90.0 - np.degrees(np.arccos(np.clip(cosine, -1, 1)))).max(axis=1)
    return np.exp(-((worst / _SQUARE_SPREAD_DEG) ** 2))


def _sample(image: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Values at points (…×2, nearest pixel) and whether each point lies in the frame."""
    height, width = image.shape[:2]
    x = np.rint(points[..., 0]).astype(np.int32)
    y = np.rint(points[..., 1]).astype(np.int32)
    inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
    values = image[y.clip(0, height - 1), x.clip(0, width - 1)]
    return values.astype(np.float32), inside


def side_steps(view: PageView, corners: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per candidate and side (k×4): the share of the side where brightness or colour steps
    across it, of those the share where the inside is the brighter (paper on a darker desk),
    and the share of the side inside the frame (outside it there is no evidence either way)."""
    start = corners
    end = np.roll(corners, -1, axis=1)
    length = np.maximum(np.linalg.norm(end - start, axis=2), 1e-9)
    normal = np.stack([(end - start)[..., 1], -(end - start)[..., 0]], axis=2) / length[..., None]
    centre = corners.mean(axis=1, keepdims=True)
    inward = ((centre - start) * normal).sum(axis=2) > 0
    normal = np.where(inward[..., None], -normal, normal)  # pointing out of the page
    t = np.linspace(0.04, 0.96, _SIDE_SAMPLES)[None, None, :, None]
    points = start[:, :, None, :] + (end - start)[:, :, None, :] * t
    out = normal[:, :, None, :]
    grey_in = np.zeros(points.shape[:3], np.float32)
    grey_out = np.zeros_like(grey_in)
    chroma_in = np.zeros_like(grey_in)
    chroma_out = np.zeros_like(grey_in)
    valid = np.ones(points.shape[:3], bool)
    for d in _STEP_BAND:
        for sign, grey_sum, chroma_sum in ((-1, grey_in, chroma_in), (1, grey_out, chroma_out)):
            at = points + sign * d * out
            values, inside = _sample(view.grey, at)
            grey_sum += values
            chroma_sum += _sample(view.chroma, at)[0]
            valid &= inside
    n = len(_STEP_BAND)
    step = (grey_in - grey_out) / n
    colour = np.abs(chroma_in - chroma_out) / n
    edge = valid & ((np.abs(step) > _STEP_LEVEL) | (colour > 2 * _STEP_LEVEL))
    seen = valid.sum(axis=2)
    support = edge.sum(axis=2) / np.maximum(seen, 1)
    outward = (edge & (step > 0)).sum(axis=2) / np.maximum(edge.sum(axis=2), 1)
    return support, outward, seen / _SIDE_SAMPLES


def interior(view: PageView, corners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate: share of the inside that is bright neutral paper, and that is ink,
    from a grid of points spread over the quadrilateral."""
    u = (np.arange(_GRID) + 0.5) / _GRID
    uu, vv = np.meshgrid(u, u)
    uu, vv = uu.ravel()[None, :, None], vv.ravel()[None, :, None]
    a, b, c, d = (corners[:, i][:, None, :] for i in range(4))
    points = (1 - vv) * ((1 - uu) * a + uu * b) + vv * ((1 - uu) * d + uu * c)
    grey, inside = _sample(view.grey, points)
    chroma, _ = _sample(view.chroma, points)
    ink, _ = _sample(view.ink, points)
    count = np.maximum(inside.sum(axis=1), 1)
    paper = ((chroma < 16) & (grey > 0.5 * view.paper_level) & inside).sum(axis=1) / count
    return paper, (ink * inside).sum(axis=1) / count


def judge(view: PageView, corners: np.ndarray, document_type: str | None) -> Judgement:
    """How much each outline (k×4×2) looks like the expected document (see the module note)."""
    sides, outward, seen = side_steps(view, corners)
    known = seen >= 0.3
    weight = np.where(known, seen, 0.0)
    support = (sides * weight).sum(axis=1) / np.maximum(weight.sum(axis=1), 1e-9)
    # an outline partly outside the frame has that much less evidence for it
    support *= np.minimum(1.0, weight.sum(axis=1) / _SEEN_FULL) ** 2
    weakest = np.where(known, sides, 1.0).min(axis=1)
    polarity = 0.3 + 0.7 * (outward * weight).sum(axis=1) / np.maximum(weight.sum(axis=1), 1e-9)
    paper, ink = interior(view, corners)
    # a sticky note or a hand on a page still leaves most of it paper; a card is half portrait
    paper_term = 0.5 + 0.5 * paper if document_type == "card" else 0.2 + 0.8 * paper**2
    print_term = np.minimum(1.0, 0.25 + ink / 0.03)
    shape = aspect_fit(corners, document_type) * squareness(corners)
    value = support**2 * (0.5 + 0.5 * weakest) * polarity * paper_term * print_term * shape
    return Judgement(value, support)
