"""View-model of "help" (`help` in QML): the hotline, QR codes of the centre's Zalo and Facebook
pages (PNG data URLs an `Image` shows as they are, drawn once per address), and the guides."""

from __future__ import annotations

import base64
from functools import lru_cache

from PySide6.QtCore import Property, Signal, Slot

from kiosk.journeys.help import GUIDES, HelpJourney, HelpState, qr_png
from ui.viewmodels.base import JourneyViewModel

S = HelpState
SCREENS = {S.MENU: "HelpStart", S.GUIDE: "HelpGuide"}


@lru_cache(maxsize=8)
def qr_data_url(text: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(text)).decode("ascii")


class HelpViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.follow(HelpJourney())

    def _hotline(self) -> str:
        number = self.core.config.centre.hotline.strip()
        return self.t("help.hotline", number=number) if number else self.t("help.no_hotline")

    def _pages(self) -> list[dict]:
        centre = self.core.config.centre
        return [
            {"id": page, "label": self.t(f"help.{page}"), "url": url, "image": qr_data_url(url)}
            for page, url in (("zalo", centre.zalo_url), ("facebook", centre.facebook_url))
            if url
        ]

    def _guides(self) -> list[dict]:
        return [{"id": g.id, "title": self.t(f"help.guide.{g.id}.title")} for g in GUIDES]

    def _guide(self) -> dict:
        guide = self.journey.guide
        if guide is None:
            return {}
        return {
            "id": guide.id,
            "title": self.t(f"help.guide.{guide.id}.title"),
            "steps": [self.t(f"help.guide.{guide.id}.step{n}") for n in range(1, guide.steps + 1)],
        }

    hotline = Property(str, _hotline, notify=changed)
    pages = Property("QVariantList", _pages, notify=changed)
    guides = Property("QVariantList", _guides, notify=changed)
    guide = Property("QVariantMap", _guide, notify=changed)

    @Slot(str)
    def openGuide(self, guide_id: str) -> None:
        self.journey.open_guide(guide_id)

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.shell.home()
