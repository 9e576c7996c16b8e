"""Draws an ESC/POS byte stream as the paper would come out, for the simulator and for tests.

It understands what `encoder.py` and python-escpos emit (text with size, bold and alignment,
`GS v 0` raster images, `GS ( k` QR codes, feeds, cuts) and skips other known commands, so the
picture shows exactly the bytes that were sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

# Commands with fixed-length arguments: prefix → number of argument bytes
_SKIP = {
    b"\x1b@": 0,
    b"\x1bt": 1,
    b"\x1bM": 1,
    b"\x1b-": 1,
    b"\x1b{": 1,
    b"\x1b2": 0,
    b"\x1b3": 1,
    b"\x1dB": 1,
    b"\x1db": 1,
    b"\x1b!": 1,
    b"\x1bG": 1,
    b"\x1bV": 1,
    b"\x10\x04": 1,
}


@dataclass
class RenderedTicket:
    image: Image.Image
    qr_payloads: list[str] = field(default_factory=list)  # native QR codes found in the stream
    cuts: int = 0
    texts: list[str] = field(default_factory=list)  # native text lines


class _Canvas:
    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[Image.Image] = []

    def place(self, image: Image.Image, align: int, margin: int = 0) -> None:
        row = Image.new("L", (self.width, image.height), 255)
        free = self.width - margin - image.width
        x = margin + {0: 0, 1: free // 2, 2: free}[align]
        row.paste(image.convert("L"), (max(0, x), 0))
        self.rows.append(row)

    def feed(self, dots: int) -> None:
        if dots > 0:
            self.rows.append(Image.new("L", (self.width, dots), 255))

    def image(self) -> Image.Image:
        height = sum(r.height for r in self.rows) or 1
        out = Image.new("L", (self.width, height), 255)
        y = 0
        for row in self.rows:
            out.paste(row, (0, y))
            y += row.height
        return out


def render(data: bytes, width_dots: int, font_path: Path) -> RenderedTicket:
    canvas = _Canvas(width_dots)
    result = RenderedTicket(image=Image.new("L", (1, 1)))
    align, bold, mag_w, mag_h, margin = 0, False, 1, 1, 0
    qr_store = b""
    qr_module = 3
    text = bytearray()

    def flush_text() -> None:
        """Font A: a 12 × 24 dot cell per character, times the magnification, as the printer
        lays it out (the bundled font only stands in for the printer's glyphs)."""
        line = text.decode("ascii", "replace")
        text.clear()
        cell_w, cell_h = 12 * mag_w, 24 * mag_h
        font = ImageFont.truetype(str(font_path), min(cell_h, int(cell_w * 1.7)))
        img = Image.new("L", (max(1, cell_w * len(line)), cell_h + 4 * mag_h), 255)
        draw = ImageDraw.Draw(img)
        for k, char in enumerate(line):
            x = k * cell_w + (cell_w - font.getlength(char)) / 2
            draw.text((x, 0), char, font=font, fill=0, stroke_width=1 if bold else 0, stroke_fill=0)
        canvas.place(img, align, margin)
        if line:
            result.texts.append(line)

    i = 0
    while i < len(data):
        two = data[i : i + 2]
        if two == b"\x1ba":
            align = data[i + 2] % 48 if data[i + 2] >= 48 else data[i + 2]
            i += 3
        elif two == b"\x1dL":  # left margin, in dots
            margin = data[i + 2] + 256 * data[i + 3]
            i += 4
        elif two == b"\x1bE":
            bold = bool(data[i + 2] & 1)
            i += 3
        elif two == b"\x1d!":
            n = data[i + 2]
            mag_w, mag_h = (n >> 4) + 1, (n & 0x0F) + 1
            i += 3
        elif two == b"\x1bJ":
            canvas.feed(data[i + 2])
            i += 3
        elif two == b"\x1bd":
            canvas.feed(data[i + 2] * 30)
            i += 3
        elif data[i : i + 3] == b"\x1dv0":
            xl, xh, yl, yh = data[i + 4 : i + 8]
            row_bytes, rows = xl + 256 * xh, yl + 256 * yh
            raw = data[i + 8 : i + 8 + row_bytes * rows]
            img = Image.frombytes("1", (row_bytes * 8, rows), bytes(b ^ 0xFF for b in raw))
            canvas.place(img, align, margin)
            i += 8 + row_bytes * rows
        elif data[i : i + 3] == b"\x1d(k":
            length = data[i + 3] + 256 * data[i + 4]
            body = data[i + 5 : i + 5 + length]
            fn = body[1:2]
            if fn == b"C":
                qr_module = body[2]
            elif fn == b"P":
                qr_store = body[3:]
            elif fn == b"Q":
                payload = qr_store.decode("utf-8", "replace")
                result.qr_payloads.append(payload)
                code = qrcode.QRCode(box_size=qr_module, border=0)  # the printer adds none
                code.add_data(payload)
                canvas.place(code.make_image().get_image().convert("L"), align, margin)
            i += 5 + length
        elif two == b"\x1dV":
            result.cuts += 1
            i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
        elif two in _SKIP:
            i += 2 + _SKIP[two]
        elif data[i] == 0x0A:
            flush_text()
            i += 1
        elif 0x20 <= data[i] < 0x7F:
            text.append(data[i])
            i += 1
        else:
            i += 1  # an unknown control byte: skip it rather than draw garbage
    if text:
        flush_text()
    result.image = canvas.image()
    return result
