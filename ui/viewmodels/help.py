"""View-model of "help" (`help` in QML): the hotline, QR codes of the centre's Zalo and Facebook
pages (PNG data URLs an `Image` shows as they are, drawn once per address), and the guides."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.journeys.help import GUIDES, HelpJourney, HelpState, qr_png
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

S = HelpState
SCREENS = {S.MENU: "HelpStart", S.GUIDE: "HelpGuide"}


@lru_cache(maxsize=8)
def qr_data_url(text: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(text)).decode("ascii")


@dataclass(frozen=True)
class PageRow:
    """A page of the centre's to scan with a phone (a row of `Help.pages`)."""

    pageId: str  # zalo, facebook
    label: str
    image: str  # the QR code as a PNG data URL


@dataclass(frozen=True)
class GuideRow:
    """A how-to guide to open (a row of `Help.guides`)."""

    guideId: str
    title: str


class HelpViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.follow(HelpJourney())
        self._pages = live_rows(self, self.changed, PageRow, self._page_rows)
        self._guides = live_rows(self, self.changed, GuideRow, self._guide_rows)

    def _hotline(self) -> str:
        number = self.core.config.centre.hotline.strip()
        return self.t("help.hotline", number=number) if number else self.t("help.no_hotline")

    def _page_rows(self) -> list[PageRow]:
        centre = self.core.config.centre
        return [
            PageRow(page, self.t(f"help.{page}"), qr_data_url(url))
            for page, url in (("zalo", centre.zalo_url), ("facebook", centre.facebook_url))
            if url
        ]

    def _guide_rows(self) -> list[GuideRow]:
        return [GuideRow(g.id, self.t(f"help.guide.{g.id}.title")) for g in GUIDES]

    def _guide_title(self) -> str:
        guide = self.journey.guide
        return self.t(f"help.guide.{guide.id}.title") if guide else ""

    def _guide_steps(self) -> list[str]:
        guide = self.journey.guide
        if guide is None:
            return []
        return [self.t(f"help.guide.{guide.id}.step{n}") for n in range(1, guide.steps + 1)]

    def _get_pages(self) -> RowsModel:
        return self._pages

    def _get_guides(self) -> RowsModel:
        return self._guides

    hotline = Property(str, _hotline, notify=changed)
    pages = Property(QObject, _get_pages, constant=True)
    guides = Property(QObject, _get_guides, constant=True)
    guideTitle = Property(str, _guide_title, notify=changed)
    guideSteps = Property("QStringList", _guide_steps, notify=changed)

    @Slot(str)
    def openGuide(self, guide_id: str) -> None:
        self.journey.open_guide(guide_id)

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()
