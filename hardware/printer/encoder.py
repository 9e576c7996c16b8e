"""Turns a `PrintJob` into ESC/POS bytes with python-escpos, once for every transport.

Vietnamese code pages differ per model and often fail, so any line that is not plain ASCII is
rasterised with the bundled font; plain ASCII (numbers, times) uses the printer's own font,
which costs a few bytes instead of a few kilobytes. Raster lines are cropped to their ink and
centred with `ESC a`, which keeps a ticket near 10 KB.

Nothing wider than the printer's printable width is ever sent. Text wraps at spaces only, in
both fonts; a word too long for a line (a dossier code, a link) makes its line smaller rather
than being cut. QR codes get a quiet zone of four modules and error correction M, and shrink
their modules to fit the paper.
"""

from __future__ import annotations

import copy
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from escpos.constants import QR_ECLEVEL_M
from PIL import Image, ImageDraw, ImageFont

from hardware.printer.job import Align, PrintJob, QrCode, Rule, Spacer, TextLine, TextSize
from hardware.printer.profile import FONT_A_DOTS, PrinterModel

if TYPE_CHECKING:
    import qrcode
    from escpos.printer import Dummy

RASTER_PX = {TextSize.SMALL: 22, TextSize.NORMAL: 26, TextSize.LARGE: 34, TextSize.HUGE: 110}
SMALLEST_RASTER_PX = 14  # still readable on thermal paper; below it a long word is broken
# Native font A is 12×24 dots; magnification per size (width, height)
NATIVE_MAGNIFY = {
    TextSize.SMALL: (1, 1),
    TextSize.NORMAL: (1, 1),
    TextSize.LARGE: (2, 2),
    TextSize.HUGE: (5, 5),
}
LINE_GAP = 10
QUIET_ZONE_MODULES = 4  # ISO/IEC 18004 asks for four light modules around a QR code


@lru_cache(maxsize=64)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def is_native_text(text: str) -> bool:
    return text.isascii() and text.isprintable()


@lru_cache(maxsize=512)
def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of whole words no wider than `width`; a single word wider than that stays whole
    (the caller picks a smaller font for it)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


@lru_cache(maxsize=8192)
def _word_length(word: str, font: ImageFont.FreeTypeFont) -> float:
    """Cached: the same words ("bản", "chính", "Giấy") fill every paper list."""
    return font.getlength(word)


def _widest_word(text: str, font: ImageFont.FreeTypeFont) -> float:
    return max((_word_length(word, font) for word in text.split()), default=0.0)


def raster_line(text: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    """One line of text as a 1-bit image cropped to its ink, width rounded up to whole bytes."""
    size, bits = _raster_bits(text, font)
    return Image.frombytes("1", size, bits)


@lru_cache(maxsize=512)
def _raster_bits(text: str, font: ImageFont.FreeTypeFont) -> tuple[tuple[int, int], bytes]:
    """Cached: the centre's name, headings and footers come back on every ticket. Kept packed,
    eight dots a byte: Pillow holds a 1-bit image at a byte a dot, and the lines each ticket
    adds once (its number, time, code) filled the cache to ~10 MB over a day's tickets."""
    left, top, right, bottom = font.getbbox(text)
    width = max(8, right - left + 2)
    width += -width % 8
    image = Image.new("L", (width, max(1, bottom - top + 2)), 255)
    ImageDraw.Draw(image).text((1 - left, 1 - top), text, font=font, fill=0)
    line = image.point(lambda v: 0 if v < 140 else 255, mode="1")
    return line.size, line.tobytes()


def _qr_code(data: str) -> qrcode.QRCode:
    """The symbol alone (the quiet zone is blank paper the encoder leaves around it), sized but
    not yet drawn: a printer drawing it itself needs only its number of modules."""
    import qrcode  # on first use: the kiosk builds its encoder before the first frame

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.best_fit()
    return code


def _modules(code: qrcode.QRCode) -> int:
    return code.version * 4 + 17


def fitting_module(modules: int, wanted: int, width_dots: int) -> int:
    """The largest module size up to `wanted` at which the code and its quiet zone fit."""
    module = wanted
    while module > 1 and (modules + 2 * QUIET_ZONE_MODULES) * module > width_dots:
        module -= 1
    return module


def qr_image(code: qrcode.QRCode) -> Image.Image:
    code.make()
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("1")
    padded = Image.new("1", (image.width + -image.width % 8, image.height), 1)
    padded.paste(image, (0, 0))  # whole bytes, the spare column on the quiet side
    return padded


class EscposEncoder:
    def __init__(
        self,
        font_regular: Path,
        font_bold: Path,
        model: PrinterModel,
        native_qr: bool,
        cutter: bool,
    ) -> None:
        self.font_regular = str(font_regular)
        self.font_bold = str(font_bold)
        self.model = model
        self.width_dots = model.width_dots
        self.native_qr = model.draws_qr(native_qr)
        self.cutter = cutter

    def encode(self, job: PrintJob) -> bytes:
        # on first use: `escpos.printer` loads every transport's library (CUPS, serial, USB,
        # barcodes), and the encoder is built at start-up, before the first frame
        from escpos.printer import Dummy

        out = Dummy(profile=self.model.profile)
        # python-escpos refuses images wider than the profile's width; ours may be narrower
        out.profile.profile_data = copy.deepcopy(out.profile.profile_data)
        out.profile.profile_data["media"]["width"]["pixels"] = self.width_dots
        out.hw("INIT")  # python-escpos never sends ESC @ by itself
        for block in job.blocks:
            if isinstance(block, TextLine):
                self._text(out, block)
            elif isinstance(block, QrCode):
                self._qr(out, block)
            elif isinstance(block, Rule):
                out.set(align="left")
                out.image(Image.new("1", (self.width_dots, 3), 0), impl="bitImageRaster")
            elif isinstance(block, Spacer):
                self._feed(out, block.dots)
        out.set(align="left", normal_textsize=True, bold=False)
        if job.cut and self.cutter:
            out.cut(feed=True)
        else:
            out.ln(4)
        return out.output

    @staticmethod
    def _feed(out: Dummy, dots: int) -> None:
        while dots > 0:
            out._raw(b"\x1bJ" + bytes([min(255, dots)]))  # ESC J: feed n dots
            dots -= 255

    def _text(self, out: Dummy, line: TextLine) -> None:
        align = "center" if line.align is Align.CENTER else "left"
        if is_native_text(line.text) and self._native_text(out, line, align):
            return
        path = self.font_bold if line.bold else self.font_regular
        usable = self.width_dots - 8  # the ink crop rounds up to whole bytes
        px = RASTER_PX[line.size]
        font = _font(path, px)
        while px > SMALLEST_RASTER_PX and _widest_word(line.text, font) > usable:
            px -= 2
            font = _font(path, px)
        out.set(align=align)
        for part in wrap(line.text, font, usable):
            for piece in self._fit(part, font, usable):
                out.image(raster_line(piece, font), impl="bitImageRaster")
        self._feed(out, LINE_GAP)

    @staticmethod
    def _fit(part: str, font: ImageFont.FreeTypeFont, usable: int) -> list[str]:
        """A word that does not fit even at the smallest size is the one thing ever cut."""
        if font.getlength(part) <= usable:
            return [part]
        pieces, current = [], ""
        for char in part:
            if current and font.getlength(current + char) > usable:
                pieces.append(current)
                current = ""
            current += char
        return [*pieces, current]

    def _native_text(self, out: Dummy, line: TextLine, align: str) -> bool:
        """Printer-font text wrapped at spaces; False when a word is too long even at the
        smallest magnification (the caller rasterises it at a smaller size instead)."""
        widest = max((len(word) for word in line.text.split()), default=0)
        w, h = NATIVE_MAGNIFY[line.size]
        while w > 1 and widest * FONT_A_DOTS * w > self.width_dots:
            w, h = w - 1, h - 1
        columns = self.width_dots // (FONT_A_DOTS * w)
        if widest > columns:
            return False
        lines = textwrap.wrap(
            line.text, columns, break_long_words=False, break_on_hyphens=False
        ) or [""]
        out.set(align=align, bold=line.bold, custom_size=True, width=w, height=h)
        for part in lines:
            out.text(part + "\n")
        out.set(normal_textsize=True, bold=False)
        return True

    def _qr(self, out: Dummy, block: QrCode) -> None:
        """Four blank modules above, below and beside the code: fed paper above and below,
        centred on the paper or moved in with a left margin (`GS L`) beside it."""
        left = block.align is Align.LEFT
        code = _qr_code(block.data)
        wanted = min(16, block.module_dots) if self.native_qr else block.module_dots
        module = fitting_module(_modules(code), wanted, self.width_dots)
        quiet = QUIET_ZONE_MODULES * module
        out.set(align="left" if left else "center")
        self._feed(out, quiet)
        if left:
            out._raw(b"\x1dL" + quiet.to_bytes(2, "little"))
        if self.native_qr:
            out.qr(block.data, ec=QR_ECLEVEL_M, size=module, native=True, center=False)
        else:
            code.box_size = module
            out.image(qr_image(code), impl="bitImageRaster")
        if left:
            out._raw(b"\x1dL\x00\x00")
        self._feed(out, quiet)
