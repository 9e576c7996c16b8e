"""Labelled frames for the blur and glare checks, made the way a camera makes them and labelled
by how they were made, never by what a detector says.

A document (A4 form, letter or table, A5, ID card, thermal receipt) lies on a desk (dark
cloth, wood, grey or glossy white laminate, white paper, clutter) seen through the hard desk
set's camera model (tests/camera/desk_photos.py). Light is added in linear steps: vignette
and exposure, then reflections, then the lens (its point-spread function), then the sensor
(clipping at 255, shot and read noise, more of it in low light), then JPEG.

Conditions: sharp; slight blur; defocus (Gaussian or a disc, σ 0.8–3 px at 1080p); motion
(a line 3–14 px long at any angle); glare (a lamp's reflection on glossy paper, soft, or on
a card's plastic laminate, crisp and bar-shaped, of varied size); sheen (a broad glossy
brightening that does not wash out the print); bright white paper with no reflection;
overexposure (the paper itself clipped white); low light with noise. The bench's harder
conditions (`HARD_CONDITIONS`, tests/camera/quality_faults.py): a lamp mirrored crisply by a
laminate or a wrinkled sleeve, rows of small spots (a ring light), a reflection at the
page's edge, a soft one over print from barely burning the paper to washing the ink out, a
hand turning the document during the exposure, a sleeve's veil with no lamp in it.

Labels (stated rules, computed from the construction):
- blur: the lens's spread, as the root-mean-square width of its point-spread function in its
  widest direction (a line of length L: L/√12; a disc of radius r: r/2; a Gaussian: σ)
  combined with the camera's own softness, measured in millimetres on the paper and divided
  by the x-height of the document's body text. `blurred` when that ratio is at least
  `BLURRED_RATIO`, sharp enough when at most `SHARP_RATIO`, in between it is left out of
  the rates (`None`). The two figures come from tesseract reading a 13 pt Vietnamese form
  through this same camera (bench/scan_quality.py --calibrate): below SHARP_RATIO the
  character error rate stays within a point of the sharp frame's, from BLURRED_RATIO up it
  is several times worse.
- glare: light added by a reflection strong enough to wash out ink (at least
  `WASHOUT_LEVEL` grey levels) over at least `GLARE_SHARE` of the document; none at all on
  the document is "no glare"; a glint between the two is left out (`None`).
- glare_over_print: the same, counting only the washed-out area over the document's print
  (its text, lines and portrait, with the gaps between letters and lines): a reflection
  over blank paper only hides nothing and is left out (`None`). This is what the guidance
  ("a bright reflection hides some text") is about; the bench reports both.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from tests.camera.desk_photos import (
    DOCUMENT_TYPE,
    _camera,
    _clutter,
    _desk,
    _document,
    _paste,
    _rect_mm,
)
from tests.camera.quality_faults import GLARE_KINDS, plastic_veil, reflection, shake

CONDITIONS = (
    "sharp",
    "slight_blur",
    "defocus",
    "motion",
    "glare",
    "sheen",
    "bright_white",
    "overexposed",
    "low_light",
)
# harder frames for the bench's large sets (tests/camera/quality_faults.py): reflections on a
# laminate, a wrinkled sleeve, rows of small spots, at the page's edge, partly burnt out
# over print; a hand shaking the document; a sleeve's faint veil with no reflection
HARD_CONDITIONS = (*GLARE_KINDS, "shake", "veil")
QUALITY_DESKS = ("dark", "wood", "grey", "glossy_white", "white_paper", "clutter")
QUALITY_DOCUMENTS = ("form", "letter", "table", "a5", "card", "receipt")
# body text of each rendering (tests/camera/pages.py, desk_photos.py), in points
_BODY_PT = {"form": 11.0, "letter": 12.0, "table": 11.0, "a5": 9.6, "card": 6.0, "receipt": 8.0}
_X_HEIGHT_PER_PT = 0.536 * 25.4 / 72  # Noto Sans: x-height 0.536 em; mm per point
SHARP_RATIO = 0.14
BLURRED_RATIO = 0.17
WASHOUT_LEVEL = 120.0
GLARE_SHARE = 0.003
_GLINT_SHARE = 0.0005


@dataclass(frozen=True)
class FrameSpec:
    seed: int
    desk: str
    document: str
    condition: str
    width: int = 1920
    height: int = 1080

    @property
    def document_type(self) -> str:
        return DOCUMENT_TYPE[self.document]


@dataclass(frozen=True)
class LabelledFrame:
    spec: FrameSpec
    image: np.ndarray  # BGR uint8
    corners: np.ndarray  # the document's true outline TL, TR, BR, BL (4×2)
    blur_ratio: float  # the lens's spread / the body text's x-height (see the module text)
    glare_share: float  # share of the document washed out by a reflection
    glare_print_share: float  # …of it over print (see the module text), of the document's area
    blurred: bool | None  # None: borderline, left out of the rates
    glare: bool | None
    glare_over_print: bool | None


def _psf(spec: FrameSpec, rng: np.random.Generator) -> tuple[np.ndarray | None, float]:
    """The lens blur for the condition (a kernel, or None for the camera's softness alone)
    and its root-mean-square width in its widest direction, in pixels."""
    scale = spec.height / 1080
    condition = spec.condition
    if condition == "slight_blur":
        condition = str(rng.choice(["defocus", "motion"]))
        sigma = rng.uniform(0.5, 1.1) * scale
        length = rng.uniform(2.0, 4.0) * scale
    else:
        sigma = rng.uniform(0.8, 3.0) * scale
        length = rng.uniform(3.0, 14.0) * scale
    if condition == "defocus":
        if rng.random() < 0.5:
            return _gaussian_kernel(sigma), sigma
        radius = 2 * sigma  # a disc whose spread matches: r/2 per axis
        return _disc_kernel(radius), radius / 2
    if condition == "motion":
        return _line_kernel(length, rng.uniform(0, 180)), length / np.sqrt(12)
    return None, 0.0


def _gaussian_kernel(sigma: float) -> np.ndarray:
    half = int(np.ceil(3.5 * sigma))
    line = cv2.getGaussianKernel(2 * half + 1, sigma)
    return (line @ line.T).astype(np.float32)


def _disc_kernel(radius: float) -> np.ndarray:
    """A defocused lens: a uniform disc, edges antialiased by supersampling."""
    half = int(np.ceil(radius)) + 1
    fine = 8
    size = (2 * half + 1) * fine
    canvas = np.zeros((size, size), np.float32)
    cv2.circle(canvas, (size // 2, size // 2), round(radius * fine), 1.0, -1, cv2.LINE_AA)
    kernel = cv2.resize(canvas, (2 * half + 1,) * 2, interpolation=cv2.INTER_AREA)
    return kernel / kernel.sum()


def _line_kernel(length: float, angle_deg: float) -> np.ndarray:
    """Motion during the exposure: a line of `length` pixels, supersampled."""
    half = int(np.ceil(length / 2)) + 1
    fine = 8
    size = (2 * half + 1) * fine
    canvas = np.zeros((size, size), np.float32)
    centre = np.array([size / 2, size / 2])
    direction = np.array([np.cos(np.deg2rad(angle_deg)), np.sin(np.deg2rad(angle_deg))])
    a, b = centre - direction * length * fine / 2, centre + direction * length * fine / 2
    cv2.line(canvas, tuple(map(round, a)), tuple(map(round, b)), 1.0, fine, cv2.LINE_AA)
    kernel = cv2.resize(canvas, (2 * half + 1,) * 2, interpolation=cv2.INTER_AREA)
    return kernel / kernel.sum()


def _reflection(
    rng: np.random.Generator, shape: tuple[int, int], corners: np.ndarray, laminate: bool
) -> np.ndarray:
    """A lamp's reflection on the document: added grey levels (0 ‥ several hundred). On
    glossy paper a soft oval; on a card's laminate a crisp bar (a tube light)."""
    area = float(cv2.contourArea(corners.astype(np.float32)))
    share = float(np.exp(rng.uniform(np.log(0.003), np.log(0.08))))
    elongation = rng.uniform(2.5, 6.0) if laminate else rng.uniform(1.2, 3.5)
    minor = np.sqrt(share * area / (np.pi * elongation))
    centre = corners.mean(0) + (corners[int(rng.integers(0, 4))] - corners.mean(0)) * rng.uniform(
        0.0, 0.6
    )
    spot = np.zeros(shape, np.float32)
    cv2.ellipse(
        spot,
        tuple(map(round, centre)),
        (max(1, round(minor * elongation)), max(1, round(minor))),
        float(rng.uniform(0, 180)),
        0,
        360,
        1.0,
        -1,
        cv2.LINE_AA,
    )
    softness = minor * (rng.uniform(0.08, 0.2) if laminate else rng.uniform(0.3, 0.7))
    spot = cv2.GaussianBlur(spot, (0, 0), max(0.5, softness))
    return spot * rng.uniform(250, 450)


def _sheen(rng: np.random.Generator, shape: tuple[int, int], corners: np.ndarray) -> np.ndarray:
    """Glossy paper under a diffuse light: a broad, gentle brightening of 8–25 grey levels."""
    h, w = shape
    spot = np.zeros(shape, np.float32)
    span = float(np.linalg.norm(corners[2] - corners[0]))
    centre = corners.mean(0) + rng.uniform(-0.2, 0.2, 2) * span
    cv2.ellipse(
        spot,
        tuple(map(round, centre)),
        (round(span * rng.uniform(0.2, 0.4)), round(span * rng.uniform(0.1, 0.25))),
        float(rng.uniform(0, 180)),
        0,
        360,
        1.0,
        -1,
    )
    small = cv2.resize(spot, (w // 8, h // 8), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), span / 8 * 0.12)
    spot = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return spot / max(float(spot.max()), 1e-6) * rng.uniform(8, 25)


def _brighten_paper(image: np.ndarray, target: float) -> np.ndarray:
    """Whiter paper (a bright white sheet): the paper tone lifted to `target`, ink kept."""
    rgb = image[..., :3].astype(np.float32)
    paper = float(np.percentile(rgb.mean(-1), 90))
    lifted = rgb * (target / paper)
    lifted = np.where(rgb >= paper * 0.9, np.maximum(lifted, target), lifted).clip(0, 255)
    out = lifted.astype(np.uint8)
    return np.dstack([out, image[..., 3]]) if image.shape[2] == 4 else out


def render_frame(
    spec: FrameSpec,
    page: tuple[np.ndarray, tuple[float, float], float] | None = None,
    psf: tuple[np.ndarray | None, float] | None = None,
) -> LabelledFrame:
    """`page` (RGB image, size in mm, body text in points) replaces the document's own
    rendering, and `psf` (kernel, spread in pixels) the condition's lens: for calibration."""
    rng = np.random.default_rng(spec.seed)
    w, h = spec.width, spec.height
    doc_type = spec.document_type
    if doc_type == "card":
        px_per_mm = w * rng.uniform(0.25, 0.42) / 85.6
    elif doc_type == "A5":
        px_per_mm = h * rng.uniform(0.55, 0.8) / 210
    elif doc_type == "receipt":
        px_per_mm = h * rng.uniform(0.7, 0.88) / 230
    else:
        px_per_mm = h * rng.uniform(0.72, 0.92) / 297
    dpi = int(np.clip(px_per_mm * 25.4 * 1.4, 60, 320)) // 20 * 20
    page_seed = spec.seed if spec.document == "receipt" else 0  # one rendering per size
    image, size_mm = _document(spec.document, dpi, page_seed) if page is None else page[:2]
    body_pt = _BODY_PT[spec.document] if page is None else page[2]
    if spec.document == "receipt":
        px_per_mm = min(px_per_mm, h * 0.9 / size_mm[1])
    camera = _camera(rng, w, h, px_per_mm, False)
    if spec.condition in ("bright_white", "overexposed"):
        image = _brighten_paper(image, rng.uniform(250, 255))
    half = np.array([w, h]) / 2 / px_per_mm
    outline_mm = _rect_mm(size_mm, rng.uniform(-0.1, 0.1, 2) * half, rng.uniform(-0.4, 0.4))
    # the whole document in view (a labelled frame has one fault: its own)
    fit = float(np.min((2 * half - 16) / np.ptp(outline_mm, axis=0)))
    if fit < 1:
        px_per_mm *= fit
        camera = _camera(rng, w, h, px_per_mm, False)
        half = np.array([w, h]) / 2 / px_per_mm
    lo, hi = outline_mm.min(0), outline_mm.max(0)
    outline_mm -= np.clip(hi - (half - 6), 0, None) - np.clip(-(half - 6) - lo, 0, None)
    canvas = _desk(spec.desk, rng, w, h)
    if spec.desk == "clutter":
        _clutter(canvas, rng, camera, dpi, half, outline_mm)
    desk = canvas.copy() if spec.condition == "shake" else None
    corners = camera.project(outline_mm)
    _paste(canvas, image, corners, rng.uniform(0.0, 0.2), rng)
    shaken = 0.0
    if desk is not None:
        canvas, shaken = shake(rng, canvas, desk, corners)
    yy, xx = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    vignette = 1 - rng.uniform(0.05, 0.2) * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2)
    light = cv2.resize(vignette, (w, h), interpolation=cv2.INTER_LINEAR)
    exposure = {
        "bright_white": rng.uniform(0.99, 1.03),
        "overexposed": rng.uniform(1.2, 1.5),
        "low_light": rng.uniform(0.3, 0.5),
    }.get(spec.condition, rng.uniform(0.85, 1.0))
    canvas *= (light * exposure)[..., None]
    document_mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(document_mask, np.round(corners).astype(np.int32), 1)
    added = None
    if spec.condition == "glare":
        added = _reflection(rng, (h, w), corners, laminate=doc_type == "card")
    elif spec.condition == "sheen":
        added = _sheen(rng, (h, w), corners)
    elif spec.condition in GLARE_KINDS:
        added = reflection(spec.condition, rng, (h, w), corners)
    elif spec.condition == "veil":
        added = plastic_veil(rng, (h, w), corners, wrinkled=True)
    glare_share = glare_print_share = 0.0
    if added is not None:
        canvas += added[..., None]
        washed = (added >= WASHOUT_LEVEL) & (document_mask > 0)
        glare_share = float(washed.sum() / max(1, document_mask.sum()))
        if glare_share > 0:
            x_height_px = body_pt * _X_HEIGHT_PER_PT * px_per_mm
            printed = _print_region(image, corners, (h, w), x_height_px)
            glare_print_share = float((washed & printed).sum() / max(1, document_mask.sum()))
    base_sigma = rng.uniform(0.45, 0.65) * max(1.0, h / 1080 * 0.6)
    canvas = cv2.GaussianBlur(canvas, (0, 0), base_sigma)
    kernel, spread = _psf(spec, rng) if psf is None else psf
    spread = max(spread, shaken)
    if kernel is not None:
        canvas = cv2.filter2D(canvas, -1, kernel, borderType=cv2.BORDER_REFLECT)
    # sensor: read noise plus shot noise, amplified by the gain low light needs, then
    # saturation (a pixel past full well reads white whatever the noise)
    gain = 1 / min(1.0, exposure)
    sigma = np.sqrt(rng.uniform(1.0, 3.0) ** 2 + 0.02 * canvas.clip(0, 255)) * gain
    canvas += rng.standard_normal(canvas.shape, np.float32) * sigma
    frame = canvas.clip(0, 255).astype(np.uint8)
    quality = int(rng.uniform(72, 92))
    _, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    x_height_mm = body_pt * _X_HEIGHT_PER_PT
    ratio = float(np.hypot(base_sigma, spread)) / px_per_mm / x_height_mm
    blurred = True if ratio >= BLURRED_RATIO else False if ratio <= SHARP_RATIO else None
    no_glare = False if glare_share < _GLINT_SHARE else None
    glare = True if glare_share >= GLARE_SHARE else no_glare
    over_print = True if glare_print_share >= GLARE_SHARE else no_glare
    return LabelledFrame(
        spec,
        cv2.imdecode(encoded, cv2.IMREAD_COLOR),
        corners,
        ratio,
        glare_share,
        glare_print_share,
        blurred,
        glare,
        over_print,
    )


def _print_region(
    image: np.ndarray, corners: np.ndarray, shape: tuple[int, int], x_height_px: float
) -> np.ndarray:
    """Where the document (RGB or RGBA rendering) carries print, in frame pixels: its marks
    (well darker than its paper) widened by an x-height, so the paper between the letters
    of a word and between its lines counts as print too."""
    grey = image[..., :3].mean(-1)
    marks = (grey < np.percentile(grey, 90) - 60).astype(np.float32)
    source = np.array(
        [[0, 0], [image.shape[1], 0], [image.shape[1], image.shape[0]], [0, image.shape[0]]],
        np.float32,
    )
    to_frame = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    seen = cv2.warpPerspective(marks, to_frame, shape[::-1], flags=cv2.INTER_LINEAR) > 0.25
    reach = max(3, round(2 * x_height_px)) | 1
    return cv2.dilate(seen.view(np.uint8), np.ones((reach, reach), np.uint8)) > 0


def quality_specs(
    count: int,
    first_seed: int = 21000,
    hi_res_every: int = 0,
    conditions: tuple[str, ...] = CONDITIONS,
) -> list[FrameSpec]:
    """`count` frames cycling through `conditions`, desks and documents (every
    `hi_res_every`-th at 12 MP)."""
    specs = []
    for i in range(count):
        condition = conditions[i % len(conditions)]
        desk = QUALITY_DESKS[(i // len(conditions)) % len(QUALITY_DESKS)]
        document = QUALITY_DOCUMENTS[(i // 2 + i // len(conditions)) % len(QUALITY_DOCUMENTS)]
        size = (
            (4000, 3000) if hi_res_every and i % hi_res_every == hi_res_every - 1 else (1920, 1080)
        )
        specs.append(FrameSpec(first_seed + i, desk, document, condition, *size))
    return specs
