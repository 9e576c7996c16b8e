"""The journeys the home screen offers, in tile order. A new journey is one entry here, its
view-model in ui/viewmodels/ and its screens in ui/qml/screens/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ui.viewmodels.base import JourneyViewModel
from ui.viewmodels.catalogue import CatalogueViewModel
from ui.viewmodels.follow_dossier import FollowDossierViewModel
from ui.viewmodels.hand_in import HandInViewModel
from ui.viewmodels.help import HelpViewModel
from ui.viewmodels.identity import IdentityViewModel
from ui.viewmodels.rating import RatingViewModel
from ui.viewmodels.scan import ScanViewModel
from ui.viewmodels.steps import step_view_model
from ui.viewmodels.take_number import TakeNumberViewModel


@dataclass(frozen=True)
class JourneyEntry:
    id: str
    context_name: str  # the view-model's name in QML
    title_key: str
    subtitle_key: str
    glyph: str
    create: Callable[..., JourneyViewModel]
    tile: bool = True  # False for steps other journeys run (identity, scan): no home tile


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
    JourneyEntry("hand_in", "handIn", "hand_in.tile", "hand_in.tile_hint", "", HandInViewModel),
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
    JourneyEntry(
        "identity",
        "identity",
        "identity.screen.tile",
        "identity.screen.tile_hint",
        "",
        partial(step_view_model, IdentityViewModel),
        tile=False,
    ),
    JourneyEntry(
        "scan",
        "scan",
        "scanning.screen.tile",
        "scanning.screen.tile_hint",
        "",
        partial(step_view_model, ScanViewModel),
        tile=False,
    ),
]
