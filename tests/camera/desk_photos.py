"""A seeded set of hard desk photos with labelled outlines, built from what real kiosk desks
look like rather than from how the detector works.

Every object lies on one desk plane seen by one camera (a shared homography, so perspective
is consistent between the page, the papers under it and the sticky notes beside it). Desks:
glossy white laminate with ceiling-light reflections brighter than paper, white paper on
white, clutter (other forms, sticky notes, pens, a phone), dark cloth, wood and grey
laminate. Documents: A4 forms, letters and tables, A5, an ID card whose dark portrait is
its strongest rectangle, long thin thermal receipts. Tags say what makes a photo hard: glare,
shadow, hand, blur, perspective, cut_off (a corner outside the frame), over_papers (the page
lies on other sheets), sticky_notes, hi_res (12 MP). The same seed always gives the same photo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw

from tests.camera.pages import _font, qr_image, render_form, render_letter, render_table

DESKS = ("glossy_white", "white_paper", "clutter", "dark", "wood", "grey")
DOCUMENTS = ("form", "letter", "table", "a5", "card", "receipt")
TAGS = (
    "glare",
    "shadow",
    "hand",
    "blur",
    "perspective",
    "cut_off",
    "over_papers",
    "sticky_notes",
    "hi_res",
)
# what a journey would tell the detector it expects, per document
DOCUMENT_TYPE = {
    "form": "A4",
    "letter": "A4",
    "table": "A4",
    "a5": "A5",
    "card": "card",
    "receipt": "receipt",
}
CARD_QR_TEXT = "079188001234|271234567|Trần Thị Bích Ngọc|15081988|Nữ|12 Lê Lợi, Huế|10052021"


@dataclass(frozen=True)
class DeskPhotoSpec:
    seed: int
    desk: str
    document: str
    tags: frozenset[str] = frozenset()
    width: int = 1920
    height: int = 1080

    @property
    def document_type(self) -> str:
        return DOCUMENT_TYPE[self.document]


@dataclass(frozen=True)
class DeskPhoto:
    spec: DeskPhotoSpec
    image: np.ndarray  # BGR uint8
    corners: np.ndarray  # the document's true outline TL, TR, BR, BL in frame pixels (4×2)
    size_mm: tuple[float, float] = field(repr=False, default=(210.0, 297.0))

    @property
    def page_size(self) -> tuple[int, int]:
        """A reference rectangle for the Jaccard index, in the document's own proportions."""
        return round(self.size_mm[0] * 4), round(self.size_mm[1] * 4)


# --- documents (RGB uint8 images and their size in millimetres) -------------------------------


@lru_cache(maxsize=24)
def _document(kind: str, dpi: int, seed: int) -> tuple[np.ndarray, tuple[float, float]]:
    if kind in ("form", "letter", "table"):
        renderer = {"form": render_form, "letter": render_letter, "table": render_table}[kind]
        return renderer(dpi, "A4").image, (210.0, 297.0)
    if kind == "a5":
        return render_letter(dpi, "A5").image, (148.0, 210.0)
    if kind == "card":
        return _card(dpi), (85.6, 53.98)
    return _receipt(dpi, seed)


def _mm(dpi: float, mm: float) -> int:
    return round(mm / 25.4 * dpi)


def _card(dpi: int) -> np.ndarray:
    """A chip ID card: pale guilloche background, dark portrait with a thin frame, QR."""
    w, h = _mm(dpi, 85.6), _mm(dpi, 53.98)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wave = 0.5 + 0.5 * np.sin(xx / w * 40 + 3 * np.sin(yy / h * 9))
    base = np.stack([228 + 10 * wave, 232 + 8 * wave, 212 + 14 * wave], axis=-1)
    image = Image.fromarray(base.clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    pt = dpi * 6 / 72
    draw.text(
        (w * 0.28, h * 0.05),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        font=_font(round(pt)),
        fill=(40, 40, 90),
    )
    draw.text(
        (w * 0.28, h * 0.14),
        "CĂN CƯỚC CÔNG DÂN",
        font=_font(round(pt * 1.4), True),
        fill=(170, 25, 25),
    )
    # the portrait: the darkest, sharpest rectangle on the card
    x0, y0, x1, y1 = w * 0.04, h * 0.3, w * 0.3, h * 0.9
    draw.rectangle((x0 - 3, y0 - 3, x1 + 3, y1 + 3), fill=(250, 250, 250))
    draw.rectangle((x0, y0, x1, y1), fill=(62, 78, 112))
    cx, cy = (x0 + x1) / 2, y0 + (y1 - y0) * 0.42
    draw.ellipse((cx - w * 0.07, cy - h * 0.16, cx + w * 0.07, cy + h * 0.16), fill=(196, 160, 138))
    draw.pieslice((x0, y1 - h * 0.22, x1, y1 + h * 0.2), 180, 360, fill=(30, 30, 40))
    lines = (
        "Số: 079188001234",
        "Họ và tên: TRẦN THỊ BÍCH NGỌC",
        "Ngày sinh: 15/08/1988",
        "Giới tính: Nữ  Quốc tịch: Việt Nam",
        "Quê quán: Thừa Thiên Huế",
    )
    for i, text in enumerate(lines):
        draw.text((w * 0.34, h * (0.32 + i * 0.11)), text, font=_font(round(pt)), fill=(20, 20, 30))
    side = round(h * 0.24)
    tile = Image.fromarray(qr_image(CARD_QR_TEXT, 1, border=1)).resize(
        (side, side), Image.Resampling.NEAREST
    )
    image.paste(tile.convert("RGB"), (round(w * 0.96) - side, round(h * 0.04)))
    return _round_corners(np.asarray(image), _mm(dpi, 3.2))


def _round_corners(image: np.ndarray, radius: int) -> np.ndarray:
    """Cards have rounded corners: outside them the alpha channel is zero."""
    h, w = image.shape[:2]
    alpha = np.full((h, w), 255, np.uint8)
    for cx, cy in (
        (radius, radius),
        (w - radius - 1, radius),
        (w - radius - 1, h - radius - 1),
        (radius, h - radius - 1),
    ):
        corner = np.zeros_like(alpha)
        cv2.circle(corner, (cx, cy), radius, 255, -1, cv2.LINE_AA)
        xs = slice(0, radius) if cx == radius else slice(w - radius - 1, w)
        ys = slice(0, radius) if cy == radius else slice(h - radius - 1, h)
        alpha[ys, xs] = corner[ys, xs]
    return np.dstack([image, alpha])


def _receipt(dpi: int, seed: int) -> tuple[np.ndarray, tuple[float, float]]:
    """A thermal receipt: 80 mm wide, 150–260 mm long, faint grey print."""
    rng = np.random.default_rng(seed)
    length = float(rng.uniform(150, 260))
    w, h = _mm(dpi, 80), _mm(dpi, length)
    image = Image.new("RGB", (w, h), (246, 245, 240))
    draw = ImageDraw.Draw(image)
    pt = dpi * 8 / 72
    font, bold = _font(round(pt)), _font(round(pt * 1.2), True)
    y = pt
    draw.text((w / 2, y), "BIÊN LAI THU PHÍ, LỆ PHÍ", font=bold, fill=(60, 60, 60), anchor="mt")
    y += pt * 2.2
    items = (
        "Lệ phí hộ tịch",
        "Phí sao y bản chính",
        "Phí thẩm định hồ sơ",
        "Lệ phí cấp giấy phép",
        "Phí chuyển phát",
    )
    while y < h - pt * 6:
        name = items[int(rng.integers(0, len(items)))]
        draw.text((pt, y), name, font=font, fill=(70, 70, 70))
        draw.text(
            (w - pt, y),
            f"{int(rng.integers(1, 50)) * 5}.000 đ",
            font=font,
            fill=(70, 70, 70),
            anchor="ra",
        )
        y += pt * 1.7
    draw.line((pt, y, w - pt, y), fill=(90, 90, 90), width=max(1, round(pt / 8)))
    draw.text((w / 2, y + pt), "Cảm ơn quý khách", font=font, fill=(70, 70, 70), anchor="mt")
    return np.asarray(image), (80.0, length)


def _sticky(dpi: int, colour: tuple[int, int, int], rng: np.random.Generator) -> np.ndarray:
    side = _mm(dpi, 76)
    image = Image.new("RGB", (side, side), colour)
    draw = ImageDraw.Draw(image)
    for row in range(int(rng.integers(2, 5))):
        y = side * (0.2 + 0.17 * row)
        points = [
            (side * (0.1 + 0.08 * k), y + rng.normal(0, side * 0.015))
            for k in range(int(rng.integers(5, 11)))
        ]
        draw.line(points, fill=(30, 40, 120), width=max(1, side // 70))
    return np.asarray(image)


# --- the desk plane and the camera -----------------------------------------------------------


def _soft_blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """A wide Gaussian blur done on a reduced copy: shadows and reflections have no detail."""
    h, w = image.shape[:2]
    factor = max(1, int(sigma // 6))
    small = cv2.resize(image, (w // factor, h // factor), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigma / factor)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def _smooth(rng: np.random.Generator, shape: tuple[int, int], cells: int) -> np.ndarray:
    h, w = shape
    grid = rng.random((max(2, cells * h // w), cells)).astype(np.float32)
    return cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC).clip(0, 1)


def _desk(kind: str, rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    shape = (h, w)
    if kind == "glossy_white":
        base = rng.uniform(212, 236) * np.array(
            [rng.uniform(0.96, 1.0), 1.0, rng.uniform(0.98, 1.03)]
        )
        tone = 0.94 + 0.08 * _smooth(rng, shape, 3)
        return (base * tone[..., None]).astype(np.float32)
    if kind == "white_paper":
        base = rng.uniform(228, 245) * np.array([rng.uniform(0.97, 1.0), 1.0, 1.0])
        grain = 0.985 + 0.03 * _smooth(rng, shape, 40)
        return (base * grain[..., None]).astype(np.float32)
    if kind == "dark":
        base = rng.uniform(25, 70) * np.array([rng.uniform(0.8, 1.2), 1.0, rng.uniform(0.9, 1.3)])
        return (base * (0.8 + 0.4 * _smooth(rng, shape, 7))[..., None]).astype(np.float32)
    if kind == "grey":
        base = rng.uniform(120, 175) * np.array([1.0, 1.0, rng.uniform(0.95, 1.05)])
        return (base * (0.93 + 0.1 * _smooth(rng, shape, 5))[..., None]).astype(np.float32)
    if kind == "wood":
        yy = np.arange(h, dtype=np.float32)[:, None] + _smooth(rng, shape, 4) * rng.uniform(20, 70)
        grain = 0.5 + 0.5 * np.sin(2 * np.pi * yy / rng.uniform(8, 30))
        tone = 0.7 * grain + 0.3 * _smooth(rng, shape, 30)
        light, dark = np.array([90, 140, 200.0]), np.array([30, 65, 115.0])
        return (dark + (light - dark) * tone[..., None]).astype(np.float32)
    # clutter: a desk of any colour, objects added later
    return _desk(str(rng.choice(["grey", "wood", "dark", "glossy_white"])), rng, w, h)


@dataclass
class _Camera:
    """Desk millimetres → frame pixels: a similarity then a projective tilt."""

    homography: np.ndarray

    def project(self, points_mm: np.ndarray) -> np.ndarray:
        pts = np.c_[points_mm, np.ones(len(points_mm))] @ self.homography.T
        return pts[:, :2] / pts[:, 2:3]


def _camera(
    rng: np.random.Generator, w: int, h: int, px_per_mm: float, strong_tilt: bool
) -> _Camera:
    scale = np.diag([px_per_mm, px_per_mm, 1.0])
    centre = np.array([[1, 0, w / 2], [0, 1, h / 2], [0, 0, 1.0]])
    tilt = 0.22 if strong_tilt else 0.04
    a, b = rng.uniform(-tilt, tilt, 2) / w
    # a keystone about the frame centre: rows and columns far from it shrink or grow
    keystone = np.array([[1, 0, 0], [0, 1, 0], [a, b, 1.0]])
    to_centre = np.array([[1, 0, -w / 2], [0, 1, -h / 2], [0, 0, 1.0]])
    homography = np.linalg.inv(to_centre) @ keystone @ to_centre @ centre @ scale
    return _Camera(homography)


def _rect_mm(size: tuple[float, float], centre: np.ndarray, angle: float) -> np.ndarray:
    w, h = size
    local = np.array([[-w, -h], [w, -h], [w, h], [-w, h]]) / 2
    c, s = np.cos(angle), np.sin(angle)
    return local @ np.array([[c, s], [-s, c]]) + centre


def _paste(
    canvas: np.ndarray,
    image: np.ndarray,
    corners: np.ndarray,
    shadow: float,
    rng: np.random.Generator,
) -> None:
    """Lay `image` (RGB or RGBA) on the canvas at `corners`, with a soft drop shadow."""
    h, w = canvas.shape[:2]
    span = float(np.linalg.norm(corners[3] - corners[0]))
    scale = min(1.0, span / image.shape[0] * 1.3)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    homography = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    # warp only the bounding box of the object: the frame is large
    x0, y0 = np.floor(corners.min(0)).astype(int) - 40
    x1, y1 = np.ceil(corners.max(0)).astype(int) + 40
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    if x1 <= x0 or y1 <= y0:
        return
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1.0]])
    box = (x1 - x0, y1 - y0)
    colour = small[..., :3][..., ::-1].astype(np.float32)
    alpha_src = (
        small[..., 3].astype(np.float32) / 255
        if small.shape[2] == 4
        else np.ones((sh, sw), np.float32)
    )
    warped = cv2.warpPerspective(colour, shift @ homography, box, flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(alpha_src, shift @ homography, box, flags=cv2.INTER_LINEAR)
    region = canvas[y0:y1, x0:x1]
    if shadow > 0:
        offset = rng.uniform(1, 6, 2).astype(int)
        drop = cv2.GaussianBlur(
            np.roll(alpha, tuple(offset[::-1]), axis=(0, 1)), (0, 0), rng.uniform(2, 7)
        )
        region *= (1 - shadow * drop)[..., None]
    region[:] = region * (1 - alpha[..., None]) + warped * alpha[..., None]


def _hand(canvas: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    """A hand holding the page flat: palm and fingers over one edge, the arm out of frame."""
    h = canvas.shape[0]
    side = int(rng.integers(0, 4))
    a, b = corners[side], corners[(side + 1) % 4]
    at = a + (b - a) * rng.uniform(0.1, 0.9)
    inward = corners.mean(0) - at
    inward /= np.linalg.norm(inward)
    size = float(np.linalg.norm(corners[2] - corners[0])) * rng.uniform(0.08, 0.12)
    mask = np.zeros(canvas.shape[:2], np.float32)
    palm = at - inward * size * rng.uniform(0.2, 0.8)
    cv2.line(
        mask,
        tuple(map(int, palm)),
        tuple(map(int, palm - inward * h * 2)),
        1.0,
        int(size * 1.6),
        cv2.LINE_AA,
    )
    cv2.circle(mask, tuple(map(int, palm)), int(size), 1.0, -1, cv2.LINE_AA)
    normal = np.array([-inward[1], inward[0]])
    for k in range(4):
        base = palm + normal * size * (k - 1.5) * 0.55
        tip = base + inward * size * rng.uniform(1.4, 2.1)
        cv2.line(
            mask,
            tuple(map(int, base)),
            tuple(map(int, tip)),
            1.0,
            max(2, int(size * 0.42)),
            cv2.LINE_AA,
        )
    thumb = palm + normal * size * 0.9
    cv2.line(
        mask,
        tuple(map(int, thumb)),
        tuple(map(int, thumb + (inward + normal) * size)),
        1.0,
        max(2, int(size * 0.45)),
        cv2.LINE_AA,
    )
    mask = cv2.GaussianBlur(mask, (0, 0), 1.2)
    skin = np.array(
        [rng.uniform(90, 150), rng.uniform(125, 180), rng.uniform(175, 235)], np.float32
    )
    shade = 0.8 + 0.3 * _smooth(rng, mask.shape, 4)
    drop = _soft_blur(np.roll(mask, (int(size * 0.2), int(size * 0.15)), axis=(0, 1)), size * 0.2)
    canvas *= (1 - 0.35 * drop)[..., None]
    canvas[:] = canvas * (1 - mask[..., None]) + skin * shade[..., None] * mask[..., None]


def _specular(
    rng: np.random.Generator, shape: tuple[int, int], where: np.ndarray | None
) -> np.ndarray:
    """Reflections of ceiling lights: elongated soft blobs whose core saturates the sensor."""
    h, w = shape
    spot = np.zeros(shape, np.float32)
    for _ in range(int(rng.integers(1, 4))):
        if where is None:
            centre = rng.uniform([0, 0], [w, h])
        else:
            # on the document, often near an edge where it hides the outline
            centre = where[int(rng.integers(0, 4))] + (where.mean(0) - where[0]) * rng.uniform(
                -0.3, 0.6
            )
        axes = (int(h * rng.uniform(0.1, 0.35)), int(h * rng.uniform(0.03, 0.09)))
        cv2.ellipse(
            spot, tuple(map(int, centre)), axes, float(rng.uniform(0, 180)), 0, 360, 1.0, -1
        )
    return _soft_blur(spot, h * rng.uniform(0.015, 0.04)).clip(0, 1)


def render_desk_photo(
    spec: DeskPhotoSpec, page: tuple[np.ndarray, tuple[float, float]] | None = None
) -> DeskPhoto:
    """`page` (RGB image, size in mm) replaces the document kind's own rendering, e.g. a
    page whose text is known for OCR; it is laid and lit like any other."""
    rng = np.random.default_rng(spec.seed)
    w, h, tags = spec.width, spec.height, spec.tags
    doc_type = spec.document_type
    # how large the document appears: cards and A5 smaller, receipts long
    if doc_type == "card":
        px_per_mm = w * rng.uniform(0.25, 0.42) / 85.6
    elif doc_type == "A5":
        px_per_mm = h * rng.uniform(0.55, 0.8) / 210
    elif doc_type == "receipt":
        px_per_mm = h * rng.uniform(0.7, 0.88) / 230
    else:
        px_per_mm = h * rng.uniform(0.72, 0.92) / 297
    camera = _camera(rng, w, h, px_per_mm, "perspective" in tags)
    dpi = int(np.clip(px_per_mm * 25.4 * 1.4, 60, 320)) // 20 * 20  # a few sizes, cached
    image, size_mm = page if page is not None else _document(spec.document, dpi, spec.seed)
    if doc_type == "receipt":
        px_per_mm = min(px_per_mm, h * 0.9 / size_mm[1])
        camera = _camera(rng, w, h, px_per_mm, "perspective" in tags)
    angle = np.deg2rad(rng.uniform(-25, 25) + (90 if rng.random() < 0.2 else 0))
    # the frame's extent in desk millimetres around the centre
    half = np.array([w, h]) / 2 / px_per_mm
    centre = rng.uniform(-0.12, 0.12, 2) * half
    outline_mm = _rect_mm(size_mm, centre, angle)
    if "cut_off" in tags:
        # push the document until its outermost corner lies 3–9 % of its diagonal outside
        direction = rng.choice([-1.0, 1.0], 2)
        diag = float(np.hypot(*size_mm))
        for axis in (0, 1) if rng.random() < 0.5 else (int(rng.integers(0, 2)),):
            reach = float((outline_mm[:, axis] * direction[axis]).max())
            overshoot = half[axis] + rng.uniform(0.03, 0.09) * diag - reach
            outline_mm[:, axis] += direction[axis] * overshoot
    else:
        # keep the whole document in the frame with a margin
        lo, hi = outline_mm.min(0), outline_mm.max(0)
        outline_mm -= np.clip(hi - (half - 6), 0, None) - np.clip(-(half - 6) - lo, 0, None)
    canvas = _desk(spec.desk, rng, w, h)
    desk_mm = lambda: rng.uniform(-half, half)  # noqa: E731 - a point anywhere on the visible desk
    if spec.desk == "clutter":
        _clutter(canvas, rng, camera, dpi, half, outline_mm)
    if "over_papers" in tags:
        for _ in range(int(rng.integers(1, 3))):
            other, other_size = _document(
                str(rng.choice(["letter", "table", "form"])), max(60, dpi // 2), 0
            )
            near = outline_mm.mean(0) + rng.uniform(-0.5, 0.5, 2) * np.array(size_mm)
            corners_mm = _rect_mm(other_size, near, angle + np.deg2rad(rng.uniform(-35, 35)))
            _paste(canvas, other, camera.project(corners_mm), rng.uniform(0.05, 0.2), rng)
    if spec.desk == "glossy_white":
        # reflections on the lacquer: brighter than the matte paper that will cover some of them
        glint = _specular(rng, (h, w), None)
        canvas += (262 - canvas) * glint[..., None]
    corners = camera.project(outline_mm)
    page_shadow = (
        rng.uniform(0.0, 0.12)
        if spec.desk in ("glossy_white", "white_paper")
        else rng.uniform(0.05, 0.3)
    )
    _paste(canvas, image, corners, page_shadow, rng)
    if "sticky_notes" in tags:
        colours = ((120, 235, 250), (185, 160, 250), (150, 240, 170), (90, 200, 250))
        for k in range(int(rng.integers(1, 4))):
            note = _sticky(max(60, dpi // 2), colours[int(rng.integers(0, 4))][::-1], rng)
            if k == 0 and doc_type in ("A4", "A5"):
                spot = outline_mm.mean(0) + rng.uniform(-0.25, 0.25, 2) * np.array(size_mm)
            else:
                spot = desk_mm()
            note_mm = _rect_mm((76, 76), spot, angle + np.deg2rad(rng.uniform(-20, 20)))
            _paste(canvas, note, camera.project(note_mm), rng.uniform(0.1, 0.3), rng)
    if "hand" in tags:
        _hand(canvas, rng, corners)
    yy, xx = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    vignette = 1 - rng.uniform(0.1, 0.3) * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2)
    light = cv2.resize(vignette, (w, h), interpolation=cv2.INTER_LINEAR)
    if "shadow" in tags:
        shade = np.zeros((h, w), np.float32)
        edge = corners[int(rng.integers(0, 4))]
        cv2.ellipse(
            shade,
            tuple(map(int, edge)),
            (int(h * rng.uniform(0.3, 0.6)), int(h * rng.uniform(0.2, 0.4))),
            float(rng.uniform(0, 180)),
            0,
            360,
            1.0,
            -1,
        )
        light *= 1 - rng.uniform(0.3, 0.5) * _soft_blur(shade, h * rng.uniform(0.01, 0.05))
    exposure = rng.uniform(0.9, 1.02)
    canvas *= (light * exposure)[..., None]
    if "glare" in tags:
        glint = _specular(rng, (h, w), corners)
        canvas += (275 - canvas) * glint[..., None]
    if "blur" in tags:
        sigma = rng.uniform(1.2, 2.4) * h / 1080
        canvas = cv2.GaussianBlur(canvas, (0, 0), sigma)
    else:
        canvas = cv2.GaussianBlur(canvas, (0, 0), 0.5 * h / 1080)
    canvas += rng.standard_normal(canvas.shape, np.float32) * rng.uniform(1.5, 4.5)
    image = canvas.clip(0, 255).astype(np.uint8)
    _, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(rng.uniform(70, 92))])
    return DeskPhoto(spec, cv2.imdecode(encoded, cv2.IMREAD_COLOR), corners, size_mm)


def _clutter(
    canvas: np.ndarray,
    rng: np.random.Generator,
    camera: _Camera,
    dpi: int,
    half: np.ndarray,
    keep: np.ndarray,
) -> None:
    """Other forms, sticky notes, pens, a phone: lying around (and under) the document."""
    for _ in range(int(rng.integers(2, 4))):
        other, size = _document(
            str(rng.choice(["letter", "table", "form", "a5"])), max(60, dpi // 2), 0
        )
        spot = rng.uniform(-half, half) * 1.1
        _paste(
            canvas,
            other,
            camera.project(_rect_mm(size, spot, rng.uniform(0, np.pi))),
            rng.uniform(0.1, 0.3),
            rng,
        )
    for _ in range(int(rng.integers(2, 5))):
        colour = ((120, 235, 250), (185, 160, 250), (150, 240, 170))[int(rng.integers(0, 3))][::-1]
        note = _sticky(max(60, dpi // 2), colour, rng)
        spot = rng.uniform(-half, half)
        _paste(
            canvas, note, camera.project(_rect_mm((76, 76), spot, rng.uniform(0, np.pi))), 0.25, rng
        )
    for _ in range(int(rng.integers(2, 5))):
        spot = rng.uniform(-half, half)
        pen = camera.project(_rect_mm((140, 9), spot, rng.uniform(0, np.pi)))
        cv2.fillPoly(canvas, [pen.astype(np.int32)], rng.uniform(20, 220, 3).tolist(), cv2.LINE_AA)
    if rng.random() < 0.6:
        phone = camera.project(_rect_mm((72, 150), rng.uniform(-half, half), rng.uniform(0, np.pi)))
        cv2.fillPoly(canvas, [phone.astype(np.int32)], (25, 25, 28), cv2.LINE_AA)


def hard_specs(
    per_desk: int = 12, first_seed: int = 5000, hi_res_every: int = 0
) -> list[DeskPhotoSpec]:
    """The hard set: every desk gets every document kind, hard conditions spread over it."""
    specs = []
    seed = first_seed
    for d, desk in enumerate(DESKS):
        for i in range(per_desk):
            rng = np.random.default_rng(seed * 7 + 1)
            document = DOCUMENTS[(i + d) % len(DOCUMENTS)]
            tags = {t for t in TAGS[:-1] if rng.random() < 0.28}
            if document in ("card", "receipt"):
                tags.discard("hand") if rng.random() < 0.5 else None
            size = (1920, 1080)
            if hi_res_every and i % hi_res_every == hi_res_every - 1:
                tags.add("hi_res")
                size = (4000, 3000)
            specs.append(DeskPhotoSpec(seed, desk, document, frozenset(tags), *size))
            seed += 1
    return specs
