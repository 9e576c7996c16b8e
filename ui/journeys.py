"""The journeys the home screen offers, in tile order. A new journey is one entry here, its
view-model in ui/viewmodels/ and its screens in ui/qml/screens/.

View-models are named, not imported: the home screen's tiles need only the texts, and a journey's
module (with OpenCV, the card reader, the outbox behind it) loads when the journeys are built,
after the first frame."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from foundation.lazy_imports import load_named
from kiosk.app import Kiosk
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell
from ui.viewmodels.base import JourneyViewModel

if TYPE_CHECKING:  # the steps bring OpenCV and the card reader: built after the first frame
    from ui.viewmodels.steps import StepViewModels


@dataclass(frozen=True)
class JourneyEntry:
    id: str
    qml_name: str  # the view-model's singleton in QML (`import KioskApp`)
    title_key: str
    subtitle_key: str
    glyph: str
    view_model: str  # "module:Class"
    tile: bool = True  # False for steps other journeys run (identity, scan): no home tile
    step: bool = False  # one instance per window, handed to the journeys that run it
    uses_steps: bool = False  # the view-model is given the window's steps (`steps=`)

    def create(
        self, kiosk: Kiosk, shell: Shell, i18n: I18nBridge, steps: StepViewModels | None = None
    ) -> JourneyViewModel:
        cls = load_named(self.view_model)
        if self.uses_steps:
            return cls(kiosk, shell, i18n, steps=steps)
        return cls(kiosk, shell, i18n)


JOURNEYS: list[JourneyEntry] = [
    JourneyEntry(
        "take_number",
        "TakeNumber",
        "ticket.tile",
        "ticket.tile_hint",
        "",
        "ui.viewmodels.take_number:TakeNumberViewModel",
    ),
    JourneyEntry(
        "find_procedure",
        "Catalogue",
        "catalogue.tile",
        "catalogue.tile_hint",
        "",
        "ui.viewmodels.catalogue:CatalogueViewModel",
    ),
    JourneyEntry(
        "hand_in",
        "HandIn",
        "hand_in.tile",
        "hand_in.tile_hint",
        "",
        "ui.viewmodels.hand_in:HandInViewModel",
        uses_steps=True,
    ),
    JourneyEntry(
        "follow_dossier",
        "FollowDossier",
        "follow.tile",
        "follow.tile_hint",
        "",
        "ui.viewmodels.follow_dossier:FollowDossierViewModel",
    ),
    JourneyEntry(
        "rating",
        "Rating",
        "rating.tile",
        "rating.tile_hint",
        "",
        "ui.viewmodels.rating:RatingViewModel",
    ),
    JourneyEntry(
        "help", "Help", "help.tile", "help.tile_hint", "", "ui.viewmodels.help:HelpViewModel"
    ),
    JourneyEntry(
        "identity",
        "Identity",
        "identity.screen.tile",
        "identity.screen.tile_hint",
        "",
        "ui.viewmodels.identity:IdentityViewModel",
        tile=False,
        step=True,
    ),
    JourneyEntry(
        "scan",
        "Scan",
        "scanning.screen.tile",
        "scanning.screen.tile_hint",
        "",
        "ui.viewmodels.scan:ScanViewModel",
        tile=False,
        step=True,
    ),
]
