"""OCR as the judge of a clean copy: Debian's tesseract (with its Vietnamese model) reads a
page whose text is known, and the character error rate says how much of it survived.

A Vietnamese form is rendered with known lines (13 pt, as official papers are typed:
accents, ID numbers, dates), photographed on a desk at 1080p by the hard desk set's
camera, then straightened and cleaned by the kiosk's own pipeline.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw
from rapidfuzz.distance import Levenshtein

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.enhance import EnhanceMode, enhance
from kiosk.scanning.pipeline import straighten
from kiosk.scanning.quad import Quad
from tests.camera.desk_photos import DeskPhotoSpec, render_desk_photo
from tests.camera.pages import _font

FORM_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ KHAI ĐĂNG KÝ THƯỜNG TRÚ",
    "Kính gửi: Công an phường Hòa Bình, thành phố Hà Nội",
    "Họ, chữ đệm và tên: Nguyễn Thị Thu Hường",
    "Ngày, tháng, năm sinh: 17/09/1986      Giới tính: Nữ",
    "Số định danh cá nhân: 0106886681 79",
    "Số điện thoại liên hệ: 0912 345 678",
    "Nơi thường trú: Số 25 ngõ 112 phố Định Công Thượng",
    "Quan hệ với chủ hộ: Vợ      Dân tộc: Kinh",
    "Nội dung đề nghị: đăng ký thường trú vào hộ gia đình",
    "Những thành viên trong hộ gia đình cùng thay đổi:",
    "1. Trần Văn Đức, sinh năm 1983, số 001083021457",
    "2. Trần Ngọc Ánh, sinh năm 2012, số 001312009836",
    "Tôi xin cam đoan những nội dung khai trên là đúng sự thật.",
    "Hà Nội, ngày 05 tháng 11 năm 2026",
    "Ý KIẾN CỦA CHỦ HỘ          NGƯỜI KÊ KHAI",
)
_PT = 13


def tesseract_available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    return "vie" in langs.split()


def render_form(dpi: int = 300) -> tuple[np.ndarray, tuple[float, float]]:
    """An A4 page carrying FORM_LINES (RGB) and its size in mm."""
    width, height = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    image = Image.new("RGB", (width, height), (250, 250, 247))
    draw = ImageDraw.Draw(image)
    size = round(_PT / 72 * dpi)
    y = dpi * 0.8
    for index, line in enumerate(FORM_LINES):
        bold = index < 3 or line.isupper()
        font = _font(size, bold)
        if index < 3:
            draw.text((width / 2, y), line, font=font, fill=(15, 15, 15), anchor="mt")
        else:
            draw.text((dpi * 0.9, y), line, font=font, fill=(20, 20, 20))
        y += size * (2.2 if index in (1, 2) else 1.75)
    return np.asarray(image), (210.0, 297.0)


def read_text(image: np.ndarray) -> str:
    """Tesseract's reading (Vietnamese, a block of text) of a grey, colour or bool page."""
    if image.dtype == bool:
        image = np.where(image, 0, 255).astype(np.uint8)
    ok, png = cv2.imencode(".png", image)
    assert ok
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "6"],
        input=png.tobytes(),
        capture_output=True,
        timeout=120,
        check=True,
    )
    return result.stdout.decode("utf-8")


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def character_error_rate(found: str, truth: str) -> float:
    """Edits needed to turn the reading into the truth, per character of the truth (spaces
    collapsed: layout is not what is judged)."""
    expected = _normal(truth)
    return Levenshtein.distance(_normal(found), expected) / len(expected)


@dataclass(frozen=True)
class OcrFigures:
    before: float  # the straightened photo, no clean-up
    after: dict[EnhanceMode, float]  # each clean-up mode


def photographed_form(seed: int, desk: str) -> tuple[np.ndarray, Quad]:
    """The form on a desk at 1920×1080, and its true outline."""
    photo = render_desk_photo(DeskPhotoSpec(seed, desk, "form"), page=render_form())
    return photo.image, Quad.from_points(photo.corners)


def measure_before(image: np.ndarray, quad: Quad, settings: ScanSettings | None = None) -> float:
    """CER of the page straightened and turned upright by the kiosk, with no clean-up."""
    flat, _ = straighten(image, quad, settings or ScanSettings(), "A4")
    return character_error_rate(
        read_text(cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)), "\n".join(FORM_LINES)
    )


def measure(image: np.ndarray, quad: Quad, settings: ScanSettings | None = None) -> OcrFigures:
    """CER before clean-up and after each clean-up mode, on the kiosk's own pipeline."""
    settings = settings or ScanSettings()
    flat, _ = straighten(image, quad, settings, "A4")
    truth = "\n".join(FORM_LINES)
    after = {
        mode: character_error_rate(read_text(enhance(flat, mode)), truth) for mode in EnhanceMode
    }
    return OcrFigures(measure_before(image, quad, settings), after)
