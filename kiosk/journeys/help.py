"""Help: the centre's hotline, QR codes for its Zalo and Facebook pages, and a few short how-to
guides in plain words (how to take a number, use the card reader, hand in papers, follow a
dossier). Two screens: the help menu, and one guide."""

from __future__ import annotations

import enum
import io
from dataclasses import dataclass
from typing import ClassVar

import qrcode

from kiosk.journeys.base import Journey


@dataclass(frozen=True)
class Guide:
    id: str
    steps: int  # its text is help.guide.<id>.title and help.guide.<id>.step1 … stepN


GUIDES = (
    Guide("take_number", 4),
    Guide("card_reader", 4),
    Guide("hand_in", 5),
    Guide("follow_dossier", 4),
)


def qr_png(text: str, box_size: int = 10) -> bytes:
    """A QR code of `text` as a PNG (black on white, with its quiet zone)."""
    code = qrcode.QRCode(border=4, box_size=box_size)
    code.add_data(text)
    out = io.BytesIO()
    code.make_image().save(out, format="PNG")
    return out.getvalue()


class HelpState(enum.Enum):
    MENU = "menu"
    GUIDE = "guide"


S = HelpState


class HelpJourney(Journey[HelpState]):
    TRANSITIONS: ClassVar = {S.MENU: frozenset({S.GUIDE}), S.GUIDE: frozenset({S.MENU})}

    def __init__(self) -> None:
        super().__init__(S.MENU)
        self.guide: Guide | None = None

    def open_guide(self, guide_id: str) -> None:
        for guide in GUIDES:
            if guide.id == guide_id:
                self.guide = guide
                self._go(S.GUIDE)
                return
        raise ValueError(f"unknown guide {guide_id!r}")

    def back(self) -> bool:
        if self.state is S.GUIDE:
            self.guide = None
            self._go(S.MENU)
            return True
        return False

    def _wipe(self) -> None:
        self.guide = None
