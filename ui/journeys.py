"""The journeys the home screen offers, in tile order. A new journey is one entry here, its
view-model in ui/viewmodels/ and its screens in ui/qml/screens/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.viewmodels.base import JourneyViewModel
from ui.viewmodels.catalogue import CatalogueViewModel
from ui.viewmodels.follow_dossier import FollowDossierViewModel
from ui.viewmodels.help import HelpViewModel
from ui.viewmodels.rating import RatingViewModel
from ui.viewmodels.take_number import TakeNumberViewModel


@dataclass(frozen=True)
class JourneyEntry:
    id: str
    context_name: str  # the view-model's name in QML
    title_key: str
    subtitle_key: str
    glyph: str
    create: Callable[..., JourneyViewModel]


JOURNEYS: list[JourneyEntry] = [
    JourneyEntry(
        "take_number", "takeNumber", "ticket.tile", "ticket.tile_hint", "", TakeNumberViewModel
    ),
    JourneyEntry(
        "find_procedure",
        "catalogue",
        "catalogue.tile",
        "catalogue.tile_hint",
        "",
        CatalogueViewModel,
    ),
    JourneyEntry(
        "follow_dossier",
        "followDossier",
        "follow.tile",
        "follow.tile_hint",
        "",
        FollowDossierViewModel,
    ),
    JourneyEntry("rating", "rating", "rating.tile", "rating.tile_hint", "", RatingViewModel),
    JourneyEntry("help", "help", "help.tile", "help.tile_hint", "", HelpViewModel),
]
