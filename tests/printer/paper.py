"""What a thermal printer would put on paper for an ESC/POS byte stream, decoded from Epson's
ESC/POS command reference (not from our encoder or the project's renderer), so tests can check
what was printed: no line wider than the printable width, text lines as the printer's font
would break them, and every QR code read back with its error-correction level and quiet zone.

Strict on purpose: a command this decoder does not know fails the test instead of being
skipped, so nothing the kiosk sends goes unchecked.

Rules from the reference that matter here:
- Font A is 12 × 24 dots; `GS ! n` multiplies width by (n >> 4) + 1 and height by (n & 15) + 1.
- A line buffer holds (printable width − left margin) / character width characters; text beyond
  that is printed on the next line, wherever the word was (how "APPO|INTMENT" happens).
- `GS v 0 m xL xH yL yH d…` prints a raster (xL + 256·xH) bytes wide; what lies beyond the
  printable area is not printed.
- `GS ( k` with cn = 49 stores and prints a QR code (fn 67 module size, fn 69 error correction
  48–51 = L/M/Q/H, fn 80 data, fn 81 print); the symbol itself has no quiet zone.
- `ESC a n` aligns lines and images (0/48 left, 1/49 centre, 2/50 right); `GS L` sets the left
  margin; `ESC J n` feeds n dots; `ESC d n` feeds n lines; `GS V` cuts; `ESC @` resets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

CHAR_W, CHAR_H = 12, 24
LINE_FEED_DOTS = 30  # default line spacing (1/6 inch at the printer's vertical unit)
_EC = {
    48: qrcode.constants.ERROR_CORRECT_L,
    49: qrcode.constants.ERROR_CORRECT_M,
    50: qrcode.constants.ERROR_CORRECT_Q,
    51: qrcode.constants.ERROR_CORRECT_H,
}
EC_NAMES = {48: "L", 49: "M", 50: "Q", 51: "H"}
# commands whose arguments are a fixed number of bytes and change nothing this check needs
_FIXED = {
    b"\x1bt": 1,
    b"\x1bM": 1,
    b"\x1b-": 1,
    b"\x1b{": 1,
    b"\x1b2": 0,
    b"\x1b3": 1,
    b"\x1dB": 1,
    b"\x1db": 1,
    b"\x1bG": 1,
    b"\x1bV": 1,
    b"\x1b!": 1,
    b"\x10\x04": 1,
    b"\x1b\x1c": 0,
}


_INVERT = bytes(255 - v for v in range(256))  # a set bit is a printed (black) dot


class UnknownCommand(AssertionError):
    pass


@dataclass
class PrintedText:
    text: str
    x: int
    width: int  # dots
    forced: bool  # the printer broke it because the line was full


@dataclass
class PrintedImage:
    x: int
    y: int
    width: int
    height: int
    clipped: bool  # wider than the printable area


@dataclass
class NativeQr:
    data: str
    ec: str
    module: int
    box: tuple[int, int, int, int]  # left, top, right, bottom of the symbol (no quiet zone)


@dataclass
class Paper:
    width: int
    image: Image.Image
    texts: list[PrintedText] = field(default_factory=list)
    images: list[PrintedImage] = field(default_factory=list)
    native_qr: list[NativeQr] = field(default_factory=list)
    cuts: int = 0

    @property
    def overflows(self) -> list[str]:
        problems = [f"text broken by the printer: {t.text!r}" for t in self.texts if t.forced]
        problems += [f"image {i.width} dots wide" for i in self.images if i.clipped]
        problems += [
            f"text {t.text!r} ends at dot {t.x + t.width}"
            for t in self.texts
            if t.x + t.width > self.width
        ]
        return problems


class _Sheet:
    def __init__(self, width: int) -> None:
        self.width = width
        self.image = Image.new("L", (width, 4000), 255)
        self.y = 0

    def ensure(self, height: int) -> None:
        if self.y + height > self.image.height:
            grown = Image.new("L", (self.width, self.y + height + 4000), 255)
            grown.paste(self.image, (0, 0))
            self.image = grown

    def paste(self, picture: Image.Image, x: int) -> None:
        self.ensure(picture.height)
        self.image.paste(picture.convert("L"), (x, self.y))
        self.y += picture.height

    def feed(self, dots: int) -> None:
        self.ensure(dots)
        self.y += dots


def decode(data: bytes, width: int, font_path: Path) -> Paper:
    sheet = _Sheet(width)
    paper = Paper(width, sheet.image)
    font_cache: dict[int, ImageFont.FreeTypeFont] = {}
    align = margin = 0
    mag_w = mag_h = 1
    qr_module, qr_ec, qr_data = 3, 48, b""
    line = bytearray()

    def area() -> int:
        return width - margin

    def place_x(item_width: int) -> int:
        free = max(0, area() - item_width)
        return margin + {0: 0, 1: free // 2, 2: free}[align]

    def print_line(forced: bool) -> None:
        text = line.decode("ascii")
        line.clear()
        w, h = len(text) * CHAR_W * mag_w, CHAR_H * mag_h
        x = place_x(w)
        cell = Image.new("L", (max(1, w), h), 255)
        if text:
            size = CHAR_H * mag_h * 3 // 4
            font = font_cache.setdefault(size, ImageFont.truetype(str(font_path), size))
            for k, char in enumerate(text):
                ImageDraw.Draw(cell).text((k * CHAR_W * mag_w, 0), char, font=font, fill=0)
            paper.texts.append(PrintedText(text, x, w, forced))
        sheet.ensure(h)
        sheet.image.paste(cell, (x, sheet.y))
        sheet.y += h

    i = 0
    while i < len(data):
        b = data[i]
        two = data[i : i + 2]
        if 0x20 <= b < 0x7F:
            if (len(line) + 1) * CHAR_W * mag_w > area():
                print_line(forced=True)
            line.append(b)
            i += 1
        elif b == 0x0A:
            print_line(forced=False)
            i += 1
        elif two == b"\x1b@":
            align = margin = 0
            mag_w = mag_h = 1
            i += 2
        elif two == b"\x1ba":
            align = data[i + 2] - 48 if data[i + 2] >= 48 else data[i + 2]
            i += 3
        elif two == b"\x1bE":
            i += 3
        elif two == b"\x1d!":
            mag_w, mag_h = (data[i + 2] >> 4) + 1, (data[i + 2] & 15) + 1
            i += 3
        elif two == b"\x1dL":
            margin = data[i + 2] + 256 * data[i + 3]
            i += 4
        elif two == b"\x1bJ":
            sheet.feed(data[i + 2])
            i += 3
        elif two == b"\x1bd":
            sheet.feed(data[i + 2] * LINE_FEED_DOTS)
            i += 3
        elif data.startswith(b"\x1dv0", i):
            xl, xh, yl, yh = data[i + 4 : i + 8]
            row_bytes, rows = xl + 256 * xh, yl + 256 * yh
            raw = data[i + 8 : i + 8 + row_bytes * rows]
            picture = Image.frombytes("1", (row_bytes * 8, rows), raw.translate(_INVERT))
            clipped = row_bytes * 8 > area()
            x = place_x(min(row_bytes * 8, area()))
            paper.images.append(PrintedImage(x, sheet.y, row_bytes * 8, rows, clipped))
            sheet.paste(picture.crop((0, 0, min(row_bytes * 8, area()), rows)), x)
            i += 8 + row_bytes * rows
        elif data.startswith(b"\x1d(k", i):
            length = data[i + 3] + 256 * data[i + 4]
            cn, fn, body = data[i + 5], data[i + 6], data[i + 7 : i + 5 + length]
            if cn != 49:
                raise UnknownCommand(f"2D code type {cn}")
            if fn == 67:
                qr_module = body[0]
            elif fn == 69:
                qr_ec = body[0]
            elif fn == 80:
                qr_data = body[1:]
            elif fn == 81:
                # the printer picks its own mask; any valid one reads the same
                code = qrcode.QRCode(
                    error_correction=_EC[qr_ec], box_size=qr_module, border=0, mask_pattern=0
                )
                code.add_data(qr_data)
                code.make(fit=True)
                symbol = code.make_image().get_image().convert("L")
                x = place_x(symbol.width)
                box = (x, sheet.y, x + symbol.width, sheet.y + symbol.height)
                paper.native_qr.append(
                    NativeQr(qr_data.decode("utf-8"), EC_NAMES[qr_ec], qr_module, box)
                )
                paper.images.append(
                    PrintedImage(x, sheet.y, symbol.width, symbol.height, symbol.width > area())
                )
                sheet.paste(symbol, x)
            elif fn != 65:
                raise UnknownCommand(f"QR function {fn}")
            i += 5 + length
        elif two == b"\x1dV":
            paper.cuts += 1
            i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
        elif two in _FIXED:
            i += 2 + _FIXED[two]
        else:
            raise UnknownCommand(f"{data[i : i + 3]!r} at byte {i}")
    if line:
        print_line(forced=False)
    paper.image = sheet.image.crop((0, 0, width, max(1, sheet.y)))
    return paper


@dataclass
class ReadCode:
    text: str
    ec_level: str
    module: int
    quiet_modules: float  # light modules around the symbol before the first dark dot


def read_qr_codes(paper: Paper) -> list[ReadCode]:
    """Every QR code on the paper as zxing-cpp reads it, with its quiet zone measured on the
    paper: the module size comes from the finder pattern (7 modules across)."""
    import numpy as np
    import zxingcpp

    pixels = np.asarray(paper.image) < 128
    codes = []
    for result in zxingcpp.read_barcodes(paper.image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
        # zxing's corners sit on the outer edge of the finder patterns, give or take a dot
        while left > 0 and pixels[top + 2, left - 1]:
            left -= 1
        while top > 0 and pixels[top - 1, left + 2]:
            top -= 1
        row = pixels[top + 1, left:]
        run = int(np.argmin(row)) if not row.all() else len(row)
        module = max(1, round(run / 7))
        right = max(right, left + 1)
        bottom = max(bottom, top + 1)
        quiet = 0
        while quiet < 8:
            ring = quiet + 1
            x0, y0 = left - ring * module, top - ring * module
            x1, y1 = right + ring * module, bottom + ring * module
            if x0 < 0 or x1 > paper.width:
                break  # the printable area ends: no more quiet zone on that side
            window = pixels[max(0, y0) : y1 + 1, x0 : x1 + 1].copy()
            window[top - max(0, y0) : bottom - max(0, y0) + 1, left - x0 : right - x0 + 1] = False
            if window.any():
                break
            quiet = ring
        codes.append(ReadCode(result.text, result.ec_level, module, quiet))
    return codes
