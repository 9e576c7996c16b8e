"""What python-escpos' capability profiles say about the configured printer model: how many dots
it prints across, and whether it draws QR codes itself. The width is never guessed from the
paper alone when the model is known: a TM-T88V prints 512 dots on 80 mm paper, not 576.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from hardware.device import DeviceError
from hardware.printer.config import PrinterSettings

# Printable dots of 58 and 80 mm paper at 203 dpi, for profiles that do not state their width.
PAPER_DOTS = {58: 384, 80: 576}
FONT_A_DOTS = 12  # font A is 12 × 24 dots on the printers these profiles describe


@dataclass(frozen=True)
class PrinterModel:
    profile: str
    width_dots: int  # never send anything wider
    native_qr: bool  # the profile lists `GS ( k` QR codes

    @property
    def font_a_columns(self) -> int:
        return self.width_dots // FONT_A_DOTS

    def draws_qr(self, wanted: bool) -> bool:
        """Whether QR codes go as `GS ( k`: a profile without it gets image codes whatever the
        setting says."""
        return wanted and self.native_qr


@cache
def _profiles() -> dict[str, Any]:
    """python-escpos' own capabilities file, read as the JSON it is: importing
    `escpos.capabilities` (PyYAML, importlib_resources, a pickle of every profile) cost some
    85 ms of CPU before the home screen's first frame; the encoder imports it on first print."""
    text = resources.files("escpos").joinpath("capabilities.json").read_text("utf-8")
    return json.loads(text)["profiles"]


def known_profiles() -> list[str]:
    return sorted(_profiles())


def printer_model(settings: PrinterSettings) -> PrinterModel:
    """Raises `DeviceError("printer.unknown_profile")` for a name python-escpos does not know."""
    if settings.profile not in _profiles():
        raise DeviceError(
            "printer.unknown_profile",
            f"no python-escpos profile {settings.profile!r}",
            retryable=False,
        )
    data = _profiles()[settings.profile]
    paper = PAPER_DOTS[settings.paper_width_mm]
    stated = data.get("media", {}).get("width", {}).get("pixels")
    if settings.width_dots:
        width = settings.width_dots
    elif isinstance(stated, int) and stated > 0:
        width = min(stated, paper)  # 58 mm rolls in an 80 mm model print 384 dots at most
    else:
        width = paper
    return PrinterModel(settings.profile, width, bool(data.get("features", {}).get("qrCode")))
