"""A seeded set of document photos with known corners, for tests and benchmarks.

Rendered pages (see pages.py) are laid on desks — dark cloth, light table, wood, clutter — by a
known homography, then given what real overhead cameras add: drop shadow, uneven light or a
shadow across the page, a hand on the page, the page touching the frame edge, blur, sensor
noise and JPEG artefacts. The same seed always gives the same photo.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import cv2
import numpy as np

from tests.camera.pages import RENDERERS, Page, render_card

BACKGROUNDS = ("dark", "light", "wood", "clutter")


@dataclass(frozen=True)
class SceneSpec:
    """What to put in one photo. Fractions are of the frame height unless said otherwise."""

    seed: int
    background: str = "dark"
    page: str = "form"  # form | letter | table | card
    size_name: str = "A4"
    page_height: float = 0.8  # of the frame height (card: width of the card / frame width)
    rotation_deg: float = 0.0
    perspective: float = 0.02  # corner jitter, fraction of the page size
    blur_sigma: float = 0.6
    noise_sigma: float = 2.0
    jpeg_quality: int = 85
    shadow: bool = False
    uneven_light: bool = False
    hand: bool = False
    touch_edge: bool = False
    glare: bool = False
    cut_off: bool = False
    width: int = 1920
    height: int = 1080
    qr_text: str | None = None
    offset: tuple[float, float] = (0.0, 0.0)  # shift of the page, fraction of the frame


@dataclass(frozen=True)
class Scene:
    spec: SceneSpec
    image: np.ndarray  # BGR uint8
    corners: np.ndarray  # ground truth, page TL, TR, BR, BL in frame pixels (float64, 4×2)
    page: Page = field(repr=False)

    @property
    def page_size(self) -> tuple[int, int]:
        height, width = self.page.image.shape[:2]
        return width, height


@lru_cache(maxsize=8)
def _page(kind: str, size_name: str, qr_text: str | None) -> Page:
    if kind == "card":
        return render_card(300, qr_text)
    return RENDERERS[kind](150, size_name)


def _smooth_noise(rng: np.random.Generator, shape: tuple[int, int], cells: int) -> np.ndarray:
    """Blotchy low-frequency noise in [0, 1], the kind cloth and lighting have."""
    height, width = shape
    grid = rng.random((max(2, cells * height // width), cells)).astype(np.float32)
    return cv2.resize(grid, (width, height), interpolation=cv2.INTER_CUBIC).clip(0, 1)


def _background(kind: str, rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    shape = (height, width)
    if kind == "dark":
        base = rng.uniform(18, 60) * np.array([rng.uniform(0.8, 1.1), 1.0, rng.uniform(0.9, 1.2)])
        blotch = 0.75 + 0.5 * _smooth_noise(rng, shape, 6)
        return (base[None, None, :] * blotch[..., None]).astype(np.float32)
    if kind == "light":
        base = rng.uniform(160, 215) * np.array(
            [rng.uniform(0.85, 1.0), rng.uniform(0.95, 1.0), 1.0]
        )
        blotch = 0.92 + 0.12 * _smooth_noise(rng, shape, 5)
        return (base[None, None, :] * blotch[..., None]).astype(np.float32)
    if kind == "wood":
        return _wood(rng, width, height)
    return _clutter(rng, width, height)


def _wood(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    y = np.arange(height, dtype=np.float32)[:, None]
    warp = _smooth_noise(rng, (height, width), 4) * rng.uniform(20, 60)
    period = rng.uniform(9, 25)
    grain = 0.5 + 0.5 * np.sin(2 * np.pi * (y + warp) / period)
    streaks = rng.random((height, max(2, width // 60))).astype(np.float32)
    streaks = cv2.resize(streaks, (width, height), interpolation=cv2.INTER_LINEAR)
    tone = 0.65 * grain + 0.35 * streaks
    light = np.array([70, 120, 185], np.float32) * rng.uniform(0.7, 1.1)
    dark = np.array([25, 55, 100], np.float32) * rng.uniform(0.7, 1.1)
    return dark + (light - dark) * tone[..., None]


def _clutter(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    canvas = _background(str(rng.choice(["light", "wood", "dark"])), rng, width, height)
    snippet = cv2.cvtColor(_page("letter", "A5", None).image, cv2.COLOR_RGB2BGR)
    for _ in range(rng.integers(8, 16)):
        colour = rng.uniform(20, 235, 3).tolist()
        centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
        shape = rng.integers(0, 4)
        if shape == 0:
            size = (int(rng.uniform(40, 260)), int(rng.uniform(40, 260)))
            box = ((centre[0], centre[1]), size, float(rng.uniform(0, 180)))
            cv2.fillPoly(canvas, [cv2.boxPoints(box).astype(np.int32)], colour, cv2.LINE_AA)
        elif shape == 1:
            cv2.circle(canvas, centre, int(rng.uniform(25, 110)), colour, -1, cv2.LINE_AA)
        elif shape == 2:
            end = (centre[0] + int(rng.uniform(-300, 300)), centre[1] + int(rng.uniform(-300, 300)))
            cv2.line(canvas, centre, end, colour, int(rng.uniform(6, 18)), cv2.LINE_AA)
        else:
            # a scrap of printed paper: white with text, an edge a detector might chase
            h, w = snippet.shape[:2]
            crop = snippet[: h // 3, : w // 2].astype(np.float32)
            scale = rng.uniform(0.3, 0.6)
            crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            angle = rng.uniform(0, 360)
            matrix = cv2.getRotationMatrix2D((crop.shape[1] / 2, crop.shape[0] / 2), angle, 1)
            matrix[:, 2] += np.array(centre) - [crop.shape[1] / 2, crop.shape[0] / 2]
            mask = cv2.warpAffine(np.ones(crop.shape[:2], np.float32), matrix, (width, height))
            warped = cv2.warpAffine(crop, matrix, (width, height))
            canvas = canvas * (1 - mask[..., None]) + warped * mask[..., None]
    return canvas


def _rotation(tilt_x: float, tilt_y: float, spin: float) -> np.ndarray:
    cx, sx = np.cos(tilt_x), np.sin(tilt_x)
    cy, sy = np.cos(tilt_y), np.sin(tilt_y)
    cz, sz = np.cos(spin), np.sin(spin)
    about_x = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    about_y = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    about_z = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return about_x @ about_y @ about_z


def _project(points: np.ndarray, focal: float, centre: np.ndarray) -> np.ndarray:
    return points[:, :2] / points[:, 2:3] * focal + centre


def _placement(spec: SceneSpec, rng: np.random.Generator, page_w: int, page_h: int) -> np.ndarray:
    """Where the page's corners land in the frame (float64, 4×2): a pinhole camera with its
    principal point at the frame centre looks at the page lying tilted on the desk."""
    width, height = spec.width, spec.height
    frame = np.array([width - 1, height - 1], np.float64)
    principal = np.array([width / 2, height / 2])
    focal = width * rng.uniform(0.75, 1.1)
    if spec.page == "card":
        target = spec.page_height * width * page_h / page_w
    else:
        target = spec.page_height * height
    # Page in its own plane, in page pixels, centred; the camera looks down the z axis.
    flat = (
        np.array(
            [[-page_w, -page_h], [page_w, -page_h], [page_w, page_h], [-page_w, page_h]], np.float64
        )
        / 2
    )
    tilt = np.deg2rad(spec.perspective * 260)  # 0.045 → about 12°
    rotation = _rotation(
        rng.uniform(-tilt, tilt), rng.uniform(-tilt, tilt), np.deg2rad(spec.rotation_deg)
    )
    distance = focal * page_h / target
    margin = 12.0

    def corners_at(shift: np.ndarray, depth: float) -> np.ndarray:
        points = np.c_[flat, np.zeros(4)] @ rotation.T + [shift[0], shift[1], depth]
        return _project(points, focal, principal)

    placed = corners_at(np.zeros(2), distance)
    extent = placed.max(axis=0) - placed.min(axis=0)
    distance /= min(1.0, float(((frame - 2 * margin) / extent).min()))
    placed = corners_at(np.zeros(2), distance)
    low, high = placed.min(axis=0), placed.max(axis=0)
    free = np.maximum(frame - (high - low) - 2 * margin, 0)
    goal = margin + free * rng.uniform(0.2, 0.8, 2) + np.array(spec.offset) * frame
    use_max = [False, False]  # per axis: place the page's far side rather than its near side
    if spec.touch_edge or spec.cut_off:
        axis, side = int(rng.integers(0, 2)), int(rng.integers(0, 2))
        overshoot = rng.uniform(0.06, 0.14) * (high - low)[axis] if spec.cut_off else 0.0
        gap = rng.uniform(0.0, 2.0) if spec.touch_edge else 0.0
        goal[axis] = gap - overshoot if side == 0 else frame[axis] - gap + overshoot
        use_max[axis] = side == 1
    # Move the page on the desk (not the picture) until its outline lands where wanted.
    shift = np.zeros(2)
    for _ in range(8):
        placed = corners_at(shift, distance)
        where = np.where(use_max, placed.max(axis=0), placed.min(axis=0))
        shift += (goal - where) * distance / focal
    return corners_at(shift, distance)


def _hand(canvas: np.ndarray, rng: np.random.Generator, corners: np.ndarray, height: int) -> None:
    """A flat hand resting over one page edge, its arm coming in from outside the page."""
    side = int(rng.integers(0, 4))
    a, b = corners[side], corners[(side + 1) % 4]
    at = a + (b - a) * rng.uniform(0.15, 0.85)
    centre = corners.mean(axis=0)
    inward = (centre - at) / np.linalg.norm(centre - at)
    palm_r = height * rng.uniform(0.07, 0.1)
    palm = at + inward * palm_r * rng.uniform(-0.2, 0.5)
    skin = np.array([rng.uniform(95, 140), rng.uniform(135, 175), rng.uniform(190, 230)])
    mask = np.zeros(canvas.shape[:2], np.float32)
    arm_end = palm - inward * height * 1.5
    cv2.line(
        mask, tuple(map(int, palm)), tuple(map(int, arm_end)), 1.0, int(palm_r * 1.5), cv2.LINE_AA
    )
    angle = float(np.degrees(np.arctan2(inward[1], inward[0])))
    cv2.ellipse(
        mask,
        tuple(map(int, palm)),
        (int(palm_r * 1.15), int(palm_r)),
        angle,
        0,
        360,
        1.0,
        -1,
        cv2.LINE_AA,
    )
    normal = np.array([-inward[1], inward[0]])
    for finger in range(4):
        base = palm + inward * palm_r * 0.7 + normal * palm_r * (finger - 1.5) * 0.5
        tip = base + inward * palm_r * rng.uniform(0.9, 1.3)
        cv2.line(
            mask, tuple(map(int, base)), tuple(map(int, tip)), 1.0, int(palm_r * 0.36), cv2.LINE_AA
        )
    shadow = cv2.GaussianBlur(np.roll(mask, (12, 9), axis=(0, 1)), (0, 0), 10)
    canvas *= (1 - 0.4 * shadow)[..., None]
    shade = 0.8 + 0.25 * _smooth_noise(rng, mask.shape, 3)
    canvas[:] = canvas * (1 - mask[..., None]) + (skin * shade[..., None]) * mask[..., None]


def _lighting(rng: np.random.Generator, spec: SceneSpec, corners: np.ndarray) -> np.ndarray:
    height, width = spec.height, spec.width
    light = np.ones((height, width), np.float32)
    if spec.uneven_light:
        direction = rng.normal(size=2)
        direction /= np.linalg.norm(direction)
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        ramp = ((xx - width / 2) * direction[0] + (yy - height / 2) * direction[1]) / width
        light *= (1 + rng.uniform(0.35, 0.6) * ramp).clip(0.4, 1.3)
        light *= 0.8 + 0.35 * _smooth_noise(rng, (height, width), 3)
    if spec.shadow:
        shadow = np.zeros((height, width), np.float32)
        centre = corners[int(rng.integers(0, 4))] + rng.normal(0, height * 0.08, 2)
        axes = (int(height * rng.uniform(0.25, 0.45)), int(height * rng.uniform(0.15, 0.3)))
        cv2.ellipse(
            shadow, tuple(map(int, centre)), axes, float(rng.uniform(0, 180)), 0, 360, 1.0, -1
        )
        shadow = cv2.GaussianBlur(shadow, (0, 0), height * 0.02)
        light *= 1 - rng.uniform(0.3, 0.45) * shadow
    return light


def _glare(canvas: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    spot = np.zeros(canvas.shape[:2], np.float32)
    centre = corners.mean(axis=0) + rng.uniform(-0.2, 0.2, 2) * (corners.max(0) - corners.min(0))
    size = (corners.max(0) - corners.min(0)).min() * rng.uniform(0.12, 0.2)
    cv2.ellipse(
        spot,
        tuple(map(int, centre)),
        (int(size), int(size * 0.7)),
        float(rng.uniform(0, 180)),
        0,
        360,
        1.0,
        -1,
    )
    spot = cv2.GaussianBlur(spot, (0, 0), size * 0.15)
    canvas[:] = canvas + (300 - canvas) * spot[..., None]


def render_scene(spec: SceneSpec) -> Scene:
    rng = np.random.default_rng(spec.seed)
    page = _page(spec.page, spec.size_name, spec.qr_text)
    page_bgr = cv2.cvtColor(page.image, cv2.COLOR_RGB2BGR)
    page_h, page_w = page_bgr.shape[:2]
    canvas = _background(spec.background, rng, spec.width, spec.height)
    corners = _placement(spec, rng, page_w, page_h)
    # Shrink the page first so the warp samples it without aliasing text.
    scale = min(1.0, float(np.linalg.norm(corners[3] - corners[0])) / page_h * 1.25)
    small = cv2.resize(page_bgr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    source = np.array(
        [[0, 0], [small.shape[1], 0], [small.shape[1], small.shape[0]], [0, small.shape[0]]],
        np.float32,
    )
    homography = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    size = (spec.width, spec.height)
    warped = cv2.warpPerspective(small.astype(np.float32), homography, size, flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(
        np.ones(small.shape[:2], np.float32), homography, size, flags=cv2.INTER_LINEAR
    )
    drop = cv2.GaussianBlur(np.roll(alpha, (6, 4), axis=(0, 1)), (0, 0), 6)
    canvas *= (1 - 0.35 * drop)[..., None]
    canvas = canvas * (1 - alpha[..., None]) + warped * alpha[..., None]
    if spec.hand:
        _hand(canvas, rng, corners, spec.height)
    # The camera's auto exposure keeps the brightest paper just below white.
    light = _lighting(rng, spec, corners)
    canvas *= (light * (rng.uniform(0.84, 0.95) / light.max()))[..., None]
    if spec.glare:
        _glare(canvas, rng, corners)
    if spec.blur_sigma > 0:
        canvas = cv2.GaussianBlur(canvas, (0, 0), spec.blur_sigma)
    canvas += rng.normal(0, spec.noise_sigma, canvas.shape).astype(np.float32)
    image = canvas.clip(0, 255).astype(np.uint8)
    if spec.jpeg_quality < 100:
        _, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, spec.jpeg_quality])
        image = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return Scene(spec=spec, image=image, corners=corners, page=page)


def standard_specs(
    count: int, width: int = 1920, height: int = 1080, first_seed: int = 0
) -> list[SceneSpec]:
    """The photo set the detector is scored on: every background, every page kind, and the
    hard cases (hand, shadow, uneven light, page touching the edge) spread over it."""
    specs = []
    kinds = ("form", "letter", "table", "form", "letter", "card")
    for i in range(count):
        seed = first_seed + i
        rng = np.random.default_rng(10_000 + seed)
        kind = kinds[i % len(kinds)]
        size_name = "card" if kind == "card" else ("A5" if i % 5 == 3 else "A4")
        spec = SceneSpec(
            seed=seed,
            background=BACKGROUNDS[i % len(BACKGROUNDS)],
            page=kind,
            size_name=size_name,
            page_height=rng.uniform(0.3, 0.45) if kind == "card" else rng.uniform(0.6, 0.92),
            rotation_deg=float(rng.uniform(-20, 20)) + (90 if i % 7 == 5 else 0),
            perspective=rng.uniform(0.0, 0.045),
            blur_sigma=rng.uniform(0.0, 1.6),
            noise_sigma=rng.uniform(1.0, 5.0),
            jpeg_quality=int(rng.uniform(55, 92)),
            shadow=bool(rng.random() < 0.3),
            uneven_light=bool(rng.random() < 0.4),
            hand=kind != "card" and bool(rng.random() < 0.25),
            touch_edge=bool(rng.random() < 0.2),
            width=width,
            height=height,
        )
        specs.append(spec)
    return specs


def variant(spec: SceneSpec, **changes: object) -> SceneSpec:
    return replace(spec, **changes)
