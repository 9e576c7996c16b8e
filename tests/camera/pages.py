"""Real-looking Vietnamese paperwork rendered with the bundled Noto Sans: the pages our
photo set lays on desks. Forms with dotted lines, running text, tables, and an ID-card-sized
card with a QR code; every diacritic drawn by the kiosk's own font.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.paths import font_path

MM_PER_INCH = 25.4

# the layout of the chip ID card's QR: ID|old ID|name|birth|sex|address|issue date
CARD_QR_TEXT = "001099012345|123456789|Nguyễn Văn An|01021999|Nam|Số 1 phố Huế, Hà Nội|01072021"

SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "card": (85.6, 53.98)}

_HEADER = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_PARAGRAPHS = (
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014 và Nghị định số 123/2015/NĐ-CP quy định chi "
    "tiết một số điều và biện pháp thi hành Luật Hộ tịch, tôi đề nghị cơ quan có thẩm quyền "
    "xem xét, giải quyết hồ sơ của gia đình tôi theo đúng quy định của pháp luật.",
    "Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật, được sự thỏa thuận nhất trí "
    "của các bên liên quan theo quy định pháp luật và chịu trách nhiệm trước pháp luật về cam "
    "đoan của mình. Đề nghị Ủy ban nhân dân xã, phường cấp bản sao trích lục cho người yêu cầu.",
    "Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ vào giờ hành chính các ngày làm việc; "
    "kết quả được trả tại quầy số 3 hoặc gửi qua dịch vụ bưu chính công ích theo yêu cầu.",
)
_FIELDS = (
    "Họ, chữ đệm, tên người yêu cầu:",
    "Nơi cư trú:",
    "Giấy tờ tùy thân:",
    "Quan hệ với người được khai sinh:",
    "Họ, chữ đệm, tên người được khai sinh:",
    "Ngày, tháng, năm sinh:",
    "Giới tính:          Dân tộc:          Quốc tịch:",
    "Nơi sinh:",
    "Quê quán:",
    "Họ, chữ đệm, tên người mẹ:",
    "Năm sinh:          Dân tộc:          Quốc tịch:",
    "Họ, chữ đệm, tên người cha:",
)
_TABLE_ROWS = (
    ("1", "Tờ khai đăng ký khai sinh", "01", "Bản chính"),
    ("2", "Giấy chứng sinh", "01", "Bản chính"),
    ("3", "Căn cước của người yêu cầu", "01", "Bản sao"),
    ("4", "Giấy chứng nhận kết hôn", "01", "Bản sao"),
    ("5", "Văn bản ủy quyền (nếu có)", "01", "Bản chính"),
    ("6", "Giấy xác nhận cư trú", "01", "Bản sao"),
    ("7", "Biên lai thu phí, lệ phí", "01", "Bản chính"),
    ("8", "Phiếu đánh giá mức độ hài lòng", "01", "Bản chính"),
)


@dataclass(frozen=True)
class Page:
    """A rendered page and its true size, so rectified output can be checked against it."""

    image: np.ndarray  # RGB uint8
    size_name: str
    dpi: float


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path("Bold" if bold else "Regular")), size)


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float
) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _canvas(size_name: str, dpi: float, landscape: bool = False) -> Image.Image:
    width_mm, height_mm = SIZES_MM[size_name]
    if landscape != (width_mm > height_mm):
        width_mm, height_mm = height_mm, width_mm
    px = (round(width_mm / MM_PER_INCH * dpi), round(height_mm / MM_PER_INCH * dpi))
    return Image.new("RGB", px, (250, 250, 247))


def _header(draw: ImageDraw.ImageDraw, width: int, y: float, pt: float, title: str) -> float:
    for text, size, bold in ((_HEADER[0], pt * 1.05, True), (_HEADER[1], pt * 1.05, True)):
        font = _font(round(size), bold)
        draw.text((width / 2, y), text, font=font, fill=(20, 20, 20), anchor="mt")
        y += size * 1.5
    line_half = draw.textlength(_HEADER[1], font=_font(round(pt * 1.05), True)) / 2
    draw.line(
        (width / 2 - line_half, y - pt * 0.3, width / 2 + line_half, y - pt * 0.3),
        fill=(20, 20, 20),
        width=max(1, round(pt / 12)),
    )
    y += pt * 1.2
    draw.text(
        (width / 2, y), title, font=_font(round(pt * 1.5), True), fill=(10, 10, 10), anchor="mt"
    )
    return y + pt * 3


def render_form(dpi: float = 150, size_name: str = "A4") -> Page:
    image = _canvas(size_name, dpi)
    draw = ImageDraw.Draw(image)
    width, height = image.size
    pt = dpi * 11 / 72 * (1 if size_name == "A4" else 0.8)
    margin = dpi * 0.8
    y = _header(draw, width, dpi * 0.6, pt, "TỜ KHAI ĐĂNG KÝ KHAI SINH")
    font = _font(round(pt))
    draw.text(
        (width / 2, y),
        "Kính gửi: Ủy ban nhân dân phường Hòa Bình",
        font=font,
        fill=(20, 20, 20),
        anchor="mt",
    )
    y += pt * 2.4
    for label in _FIELDS:
        if y > height - margin - pt * 6:
            break
        draw.text((margin, y), label, font=font, fill=(25, 25, 25))
        start = margin + draw.textlength(label, font=font) + pt * 0.5
        for x in np.arange(start, width - margin, pt * 0.45):
            draw.point((x, y + pt * 1.05), fill=(60, 60, 60))
        y += pt * 2.1
    for x0 in (margin, width / 2):
        draw.rectangle((x0, y, x0 + pt, y + pt), outline=(30, 30, 30), width=max(1, round(pt / 12)))
        draw.text(
            (x0 + pt * 1.6, y),
            "Bản sao" if x0 == margin else "Trích lục",
            font=font,
            fill=(25, 25, 25),
        )
    y += pt * 3
    draw.text(
        (width - margin, y),
        "NGƯỜI YÊU CẦU",
        font=_font(round(pt), True),
        fill=(20, 20, 20),
        anchor="ra",
    )
    draw.text(
        (width - margin, y + pt * 1.5),
        "(Ký, ghi rõ họ, chữ đệm, tên)",
        font=font,
        fill=(40, 40, 40),
        anchor="ra",
    )
    return Page(np.asarray(image), size_name, dpi)


def render_letter(dpi: float = 150, size_name: str = "A4") -> Page:
    image = _canvas(size_name, dpi)
    draw = ImageDraw.Draw(image)
    width, height = image.size
    pt = dpi * 12 / 72 * (1 if size_name == "A4" else 0.8)
    margin = dpi * 0.9
    y = _header(draw, width, dpi * 0.6, pt, "ĐƠN ĐỀ NGHỊ")
    font = _font(round(pt))
    paragraph = 0
    while y < height - margin - pt * 2:
        for line in _wrap(
            draw, _PARAGRAPHS[paragraph % len(_PARAGRAPHS)], font, width - 2 * margin
        ):
            if y > height - margin - pt * 2:
                break
            draw.text((margin, y), line, font=font, fill=(15, 15, 15))
            y += pt * 1.55
        y += pt * 0.8
        paragraph += 1
    return Page(np.asarray(image), size_name, dpi)


def render_table(dpi: float = 150, size_name: str = "A4") -> Page:
    image = _canvas(size_name, dpi)
    draw = ImageDraw.Draw(image)
    width, _ = image.size
    pt = dpi * 11 / 72 * (1 if size_name == "A4" else 0.8)
    margin = dpi * 0.7
    y = _header(draw, width, dpi * 0.6, pt, "DANH MỤC THÀNH PHẦN HỒ SƠ")
    columns = (
        margin,
        margin + pt * 3,
        width - margin - pt * 13,
        width - margin - pt * 8,
        width - margin,
    )
    heads = ("TT", "Tên giấy tờ", "Số lượng", "Loại bản")
    row_h = pt * 2.4
    line_w = max(1, round(pt / 10))
    font, bold = _font(round(pt)), _font(round(pt), True)
    for r, cells in enumerate((heads, *_TABLE_ROWS)):
        top = y + r * row_h
        for c, text in enumerate(cells):
            draw.text(
                (columns[c] + pt * 0.4, top + row_h / 2),
                text,
                font=bold if r == 0 else font,
                fill=(15, 15, 15),
                anchor="lm",
            )
        draw.line((columns[0], top, columns[-1], top), fill=(20, 20, 20), width=line_w)
    bottom = y + (len(_TABLE_ROWS) + 1) * row_h
    draw.line((columns[0], bottom, columns[-1], bottom), fill=(20, 20, 20), width=line_w)
    for x in columns:
        draw.line((x, y, x, bottom), fill=(20, 20, 20), width=line_w)
    y = bottom + pt * 2
    for line in _wrap(draw, _PARAGRAPHS[2], font, width - 2 * margin):
        draw.text((margin, y), line, font=font, fill=(15, 15, 15))
        y += pt * 1.55
    return Page(np.asarray(image), size_name, dpi)


def qr_image(text: str | bytes, module_px: int, border: int = 4) -> np.ndarray:
    """A QR symbol as a greyscale array, `module_px` pixels a module."""
    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = np.array(code.get_matrix(), dtype=bool)
    return np.where(np.kron(matrix, np.ones((module_px, module_px), bool)), 0, 255).astype(np.uint8)


def render_card(dpi: float = 300, qr_text: str | None = None) -> Page:
    """An ID-card-sized card (85.6 × 54 mm): title, photo box, text and the QR top right."""
    image = _canvas("card", dpi, landscape=True)
    draw = ImageDraw.Draw(image)
    width, height = image.size
    draw.rectangle((0, 0, width, height * 0.22), fill=(196, 214, 236))
    pt = dpi * 6.5 / 72
    draw.text(
        (width * 0.05, height * 0.06),
        "CĂN CƯỚC",
        font=_font(round(pt * 1.5), True),
        fill=(150, 20, 20),
    )
    draw.rectangle((width * 0.05, height * 0.3, width * 0.3, height * 0.85), fill=(180, 180, 190))
    lines = (
        "Số định danh cá nhân: 001099012345",
        "Họ, chữ đệm và tên: NGUYỄN VĂN AN",
        "Ngày sinh: 01/02/1999",
        "Giới tính: Nam   Quốc tịch: Việt Nam",
    )
    for i, text in enumerate(lines):
        draw.text(
            (width * 0.34, height * (0.34 + i * 0.12)),
            text,
            font=_font(round(pt)),
            fill=(20, 20, 20),
        )
    if qr_text:
        side = round(height * 0.3)
        symbol = qr_image(qr_text, 1, border=1)
        tile = Image.fromarray(symbol).resize((side, side), Image.Resampling.NEAREST)
        image.paste(tile.convert("RGB"), (round(width * 0.95) - side, round(height * 0.03)))
    return Page(np.asarray(image), "card", dpi)


RENDERERS = {"form": render_form, "letter": render_letter, "table": render_table}
