"""What to print, independent of the printer: lines of text, QR codes, rules and gaps.

Journeys build a `PrintJob`; the driver decides how each block reaches paper (native text for
plain ASCII, a raster of the bundled font for Vietnamese, native or image QR).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"


class TextSize(enum.Enum):
    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"  # the ticket number


@dataclass(frozen=True)
class TextLine:
    text: str
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    align: Align = Align.CENTER


@dataclass(frozen=True)
class QrCode:
    data: str
    module_dots: int = 6  # size of one QR module in printer dots (≈ 0.75 mm at 203 dpi)
    align: Align = Align.CENTER  # receipts put theirs top-left (Circular 01/2023/TT-VPCP)


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line across the paper."""


@dataclass(frozen=True)
class Spacer:
    dots: int = 16


Block = TextLine | QrCode | Rule | Spacer


@dataclass(frozen=True)
class PrintJob:
    blocks: tuple[Block, ...]
    cut: bool = True
    name: str = "ticket"  # for logs and simulator file names; never personal data
    extra: dict[str, str] = field(default_factory=dict)
