"""Turns a `PrintJob` into ESC/POS bytes with python-escpos, once for every transport.

Vietnamese code pages differ per model and often fail, so any line that is not plain ASCII is
rasterised with the bundled font; plain ASCII (numbers, times) uses the printer's own font,
which costs a few bytes instead of a few kilobytes. Raster lines are cropped to their ink and
centred with `ESC a`, which keeps a ticket near 10 KB.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import qrcode
from escpos.printer import Dummy
from PIL import Image, ImageDraw, ImageFont

from hardware.printer.job import Align, PrintJob, QrCode, Rule, Spacer, TextLine, TextSize

RASTER_PX = {TextSize.SMALL: 22, TextSize.NORMAL: 26, TextSize.LARGE: 34, TextSize.HUGE: 110}
# Native font A is 12×24 dots; magnification per size (width, height)
NATIVE_MAGNIFY = {
    TextSize.SMALL: (1, 1),
    TextSize.NORMAL: (1, 1),
    TextSize.LARGE: (2, 2),
    TextSize.HUGE: (5, 5),
}
LINE_GAP = 10


@lru_cache(maxsize=16)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def is_native_text(text: str) -> bool:
    return text.isascii() and text.isprintable()


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
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


def raster_line(text: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    """One line of text as a 1-bit image cropped to its ink, width rounded up to whole bytes."""
    left, top, right, bottom = font.getbbox(text)
    width = max(8, right - left + 2)
    width += -width % 8
    image = Image.new("L", (width, max(1, bottom - top + 2)), 255)
    ImageDraw.Draw(image).text((1 - left, 1 - top), text, font=font, fill=0)
    return image.point(lambda v: 0 if v < 140 else 255, mode="1")


def qr_image(data: str, module_dots: int) -> Image.Image:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module_dots, border=2
    )
    code.add_data(data)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("1")


class EscposEncoder:
    def __init__(
        self,
        font_regular: Path,
        font_bold: Path,
        width_dots: int,
        native_qr: bool,
        cutter: bool,
        profile: str = "default",
    ) -> None:
        self.font_regular = str(font_regular)
        self.font_bold = str(font_bold)
        self.width_dots = width_dots
        self.native_qr = native_qr
        self.cutter = cutter
        self.profile = profile

    def encode(self, job: PrintJob) -> bytes:
        out = Dummy(profile=self.profile)
        # python-escpos reads the paper width from the profile; ours comes from configuration
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
                out._raw(b"\x1bJ" + bytes([min(255, block.dots)]))  # ESC J: feed n dots
        out.set(align="left", normal_textsize=True, bold=False)
        if job.cut and self.cutter:
            out.cut(feed=True)
        else:
            out.ln(4)
        return out.output

    def _text(self, out: Dummy, line: TextLine) -> None:
        align = "center" if line.align is Align.CENTER else "left"
        if is_native_text(line.text):
            w, h = NATIVE_MAGNIFY[line.size]
            out.set(align=align, bold=line.bold, custom_size=True, width=w, height=h)
            out.text(line.text + "\n")
            out.set(normal_textsize=True, bold=False)
            return
        path = self.font_bold if line.bold else self.font_regular
        font = _font(path, RASTER_PX[line.size])
        out.set(align=align)
        for part in wrap(line.text, font, self.width_dots - 8):
            out.image(raster_line(part, font), impl="bitImageRaster")
        out._raw(b"\x1bJ" + bytes([LINE_GAP]))

    def _qr(self, out: Dummy, block: QrCode) -> None:
        out.set(align="center" if block.align is Align.CENTER else "left")
        if self.native_qr:
            out.qr(block.data, native=True, size=min(16, block.module_dots), center=False)
        else:
            out.image(qr_image(block.data, block.module_dots), impl="bitImageRaster")
