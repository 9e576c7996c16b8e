"""The harder faults of the labelled frames (tests/camera/quality_frames.py), made from how
they arise, not from what a detector looks for.

Reflections. A smooth surface mirrors the lamp: what the camera sees is the lamp's own
shape (a tube, a panel, a row of LEDs), far brighter than any paper, with edges as crisp as
the surface is smooth. A card's laminate or a laminating pouch is flat and mirrors the lamp
sharply; a plastic sleeve is wrinkled, so the lamp's image is bent and broken and the whole
sleeve adds a faint veil (the room mirrored); glossy paper spreads the lamp into a soft lobe
whose centre may or may not burn the print out. The added light is in grey levels, before
the sensor clips it.

Hand shake. The kiosk's camera is fixed; a citizen holding a card or a page moves it during
the exposure, turning it a little about where the fingers hold it as well as sliding it. The
desk stays still, so the frame is the moving document averaged over the exposure over a
still desk, and every point of the document is smeared along its own path: more the farther
it lies from the fingers.
"""

from __future__ import annotations

import cv2
import numpy as np

GLARE_KINDS = ("glare_laminate", "glare_sleeve", "glare_spots", "glare_edge", "glare_partial")


def _document_area(corners: np.ndarray) -> float:
    return float(cv2.contourArea(corners.astype(np.float32)))


def _lamp_shape(
    shape: tuple[int, int], centre: np.ndarray, length: float, width: float, angle: float
) -> np.ndarray:
    """A lamp as a mirror shows it: a tube or panel, a rounded rectangle (1 inside)."""
    spot = np.zeros(shape, np.float32)
    direction = np.array([np.cos(angle), np.sin(angle)])
    half = direction * max(0.0, length - width) / 2
    a, b = centre - half, centre + half
    cv2.line(
        spot,
        tuple(map(round, a)),
        tuple(map(round, b)),
        1.0,
        max(1, round(width)),
        cv2.LINE_AA,
    )
    return spot


def _surface(shape: tuple[int, int], corners: np.ndarray) -> np.ndarray:
    """1 on the document, 0 on the desk: only the document's gloss mirrors the lamp."""
    mask = np.zeros(shape, np.float32)
    cv2.fillConvexPoly(mask, np.round(corners * 4).astype(np.int32), 1.0, cv2.LINE_AA, 2)
    return mask


def _inside(rng: np.random.Generator, corners: np.ndarray, reach: float) -> np.ndarray:
    """A point of the document: `reach` 0 its centre, 1 anywhere up to its edges."""
    u, v = rng.uniform(-reach, reach, 2) / 2 + 0.5
    top = corners[0] + (corners[1] - corners[0]) * u
    bottom = corners[3] + (corners[2] - corners[3]) * u
    return top + (bottom - top) * v


def _on_edge(rng: np.random.Generator, corners: np.ndarray) -> np.ndarray:
    side = int(rng.integers(0, 4))
    a, b = corners[side], corners[(side + 1) % 4]
    return a + (b - a) * rng.uniform(0.05, 0.95)


def _bend(rng: np.random.Generator, image: np.ndarray, amplitude: float) -> np.ndarray:
    """A wrinkled sheet's mirror image: every point shifted by a smooth random field."""
    h, w = image.shape
    cells = (max(2, w // max(8, round(amplitude * 6))), max(2, h // max(8, round(amplitude * 6))))
    field = [
        cv2.resize(
            rng.standard_normal((cells[1], cells[0])).astype(np.float32),
            (w, h),
            interpolation=cv2.INTER_CUBIC,
        )
        * amplitude
        for _ in range(2)
    ]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return cv2.remap(
        image,
        (xx + field[0]).astype(np.float32),
        (yy + field[1]).astype(np.float32),
        cv2.INTER_LINEAR,
    )


def reflection(
    kind: str, rng: np.random.Generator, shape: tuple[int, int], corners: np.ndarray
) -> np.ndarray:
    """Grey levels a lamp's reflection adds to the frame (`shape`, h × w) for one of
    GLARE_KINDS, on the document at `corners`."""
    area = _document_area(corners)
    scale = shape[0] / 1080
    share = float(np.exp(rng.uniform(np.log(0.002), np.log(0.06))))
    if kind == "glare_spots":
        # a ring light or a row of LEDs: several small crisp images of the lamp
        spot = np.zeros(shape, np.float32)
        count = int(rng.integers(3, 13))
        radius = max(1.5, np.sqrt(share * area / count / np.pi))
        centre = _inside(rng, corners, 0.8)
        ring = rng.uniform(2.5, 8.0) * radius
        start = rng.uniform(0, 2 * np.pi)
        in_row = rng.random() < 0.5
        for k in range(count):
            if in_row:
                step = np.array([np.cos(start), np.sin(start)]) * ring * 0.8
                at = centre + step * (k - (count - 1) / 2)
            else:
                angle = start + 2 * np.pi * k / count
                at = centre + ring * np.array([np.cos(angle), np.sin(angle)])
            cv2.circle(spot, tuple(map(round, at)), round(radius), 1.0, -1, cv2.LINE_AA)
        spot = cv2.GaussianBlur(spot, (0, 0), max(0.5, radius * rng.uniform(0.1, 0.3)))
        return spot * rng.uniform(300, 700) * _surface(shape, corners)
    crisp = kind in ("glare_laminate", "glare_sleeve") or (
        kind == "glare_edge" and rng.random() < 0.5
    )
    elongation = rng.uniform(1.5, 8.0) if crisp else rng.uniform(1.2, 3.5)
    width = np.sqrt(share * area / elongation)
    length = width * elongation
    if kind == "glare_edge":
        centre = _on_edge(rng, corners)
        centre = centre + (corners.mean(0) - centre) * rng.uniform(-0.05, 0.1)
    elif kind == "glare_partial":
        centre = _inside(rng, corners, 0.6)  # over the print
    else:
        centre = _inside(rng, corners, 0.9)
    angle = rng.uniform(0, np.pi)
    if crisp:
        spot = _lamp_shape(shape, centre, length, width, angle)
        if kind == "glare_sleeve":
            spot = _bend(rng, spot, width * rng.uniform(0.2, 0.6))
        spot = cv2.GaussianBlur(spot, (0, 0), rng.uniform(0.5, 2.5) * scale)
        strength = rng.uniform(280, 700)
    else:
        spot = np.zeros(shape, np.float32)
        axes = (max(1, round(length / 2)), max(1, round(width / 2)))
        cv2.ellipse(
            spot,
            tuple(map(round, centre)),
            axes,
            float(np.degrees(angle)),
            0,
            360,
            1.0,
            -1,
            cv2.LINE_AA,
        )
        spot = cv2.GaussianBlur(spot, (0, 0), max(0.5, width * rng.uniform(0.3, 0.7)))
        # glossy paper: from a lobe that only lifts the paper to one that burns it out
        strength = rng.uniform(90, 320) if kind == "glare_partial" else rng.uniform(250, 450)
    added = spot * strength * _surface(shape, corners)  # the desk does not mirror the lamp
    if kind in ("glare_laminate", "glare_sleeve"):
        added += plastic_veil(rng, shape, corners, kind == "glare_sleeve")
    return added


def plastic_veil(
    rng: np.random.Generator, shape: tuple[int, int], corners: np.ndarray, wrinkled: bool
) -> np.ndarray:
    """The room mirrored faintly in a plastic cover: a few grey levels over the whole
    document (more, and uneven, on a wrinkled sleeve)."""
    h, w = shape
    mask = np.zeros((h // 8, w // 8), np.float32)
    cv2.fillConvexPoly(mask, np.round(corners / 8).astype(np.int32), 1.0)
    level = rng.uniform(8, 30) if wrinkled else rng.uniform(3, 12)
    uneven = cv2.resize(
        rng.uniform(0.5, 1.0, (4, 6)).astype(np.float32),
        (w // 8, h // 8),
        interpolation=cv2.INTER_CUBIC,
    )
    small = mask * (uneven if wrinkled else 1.0) * level
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def shake(
    rng: np.random.Generator,
    canvas: np.ndarray,
    desk: np.ndarray,
    corners: np.ndarray,
) -> tuple[np.ndarray, float]:
    """The document at `corners` moved by a hand during the exposure over the still `desk`
    (both float32 BGR frames, `canvas` with the document on it). Returns the frame and the
    document's median smear: the root-mean-square width of each point's path in its widest
    direction, in pixels, over a grid of the document's points."""
    h, w = canvas.shape[:2]
    scale = h / 1080
    # fingers hold the document at an edge; it turns a little about them and slides
    pivot = _on_edge(rng, corners)
    turn = np.deg2rad(rng.uniform(0.05, 0.6)) * (1 if rng.random() < 0.5 else -1)
    slide = (
        rng.uniform(0.0, 6.0)
        * scale
        * np.array([np.cos(a := rng.uniform(0, 2 * np.pi)), np.sin(a)])
    )
    bow = rng.uniform(-0.5, 0.5, 2) * np.linalg.norm(slide)  # the path need not be straight
    reach = max(float(np.max(np.linalg.norm(corners - pivot, axis=1))), 1.0)
    steps = int(np.clip(np.ceil((abs(turn) * reach + np.linalg.norm(slide)) / 0.4), 2, 48))
    times = np.linspace(0.0, 1.0, steps)
    x0, y0 = np.floor(corners.min(0) - 60).astype(int).clip(0)
    x1, y1 = np.minimum(np.ceil(corners.max(0) + 60).astype(int), [w, h])
    box = (x1 - x0, y1 - y0)
    layer = canvas[y0:y1, x0:x1]
    mask = np.zeros((box[1], box[0]), np.float32)
    cv2.fillConvexPoly(
        mask, np.round((corners - [x0, y0]) * 4).astype(np.int32), 1.0, cv2.LINE_AA, 2
    )
    mask = cv2.dilate(mask, np.ones((9, 9), np.uint8))  # the page's drop shadow moves with it
    moved = np.zeros_like(layer)
    covered = np.zeros_like(mask)
    grid = _document_grid(corners)
    paths = []
    local_pivot = pivot - [x0, y0]
    for t in times:
        angle = turn * t
        offset = slide * t + bow * 4 * t * (1 - t)
        rotation = cv2.getRotationMatrix2D(tuple(map(float, local_pivot)), np.degrees(angle), 1.0)
        rotation[:, 2] += offset
        moved += cv2.warpAffine(layer * mask[..., None], rotation, box, flags=cv2.INTER_LINEAR)
        covered += cv2.warpAffine(mask, rotation, box, flags=cv2.INTER_LINEAR)
        full = rotation.copy()
        paths.append((grid - [x0, y0]) @ full[:, :2].T + full[:, 2])
    moved /= steps
    covered /= steps
    out = canvas.copy()
    out[y0:y1, x0:x1] = moved + desk[y0:y1, x0:x1] * (1 - covered)[..., None]
    track = np.stack(paths)  # steps × points × 2
    centred = track - track.mean(0)
    cov_xx = (centred[..., 0] ** 2).mean(0)
    cov_yy = (centred[..., 1] ** 2).mean(0)
    cov_xy = (centred[..., 0] * centred[..., 1]).mean(0)
    widest = (cov_xx + cov_yy) / 2 + np.sqrt(((cov_xx - cov_yy) / 2) ** 2 + cov_xy**2)
    return out, float(np.median(np.sqrt(widest)))


def _document_grid(corners: np.ndarray, count: int = 9) -> np.ndarray:
    u = np.linspace(0.05, 0.95, count)
    uu, vv = np.meshgrid(u, u)
    uu, vv = uu.ravel()[:, None], vv.ravel()[:, None]
    top = corners[0] + (corners[1] - corners[0]) * uu
    bottom = corners[3] + (corners[2] - corners[3]) * uu
    return top + (bottom - top) * vv
