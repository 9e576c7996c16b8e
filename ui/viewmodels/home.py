"""The home screen (`home` in QML): the centre's name, the local time, and the journey tiles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.app import CoreServices
from ui.i18n_bridge import I18nBridge
from ui.list_model import RowsModel
from ui.viewmodels.base import JourneyViewModel


@dataclass(frozen=True)
class HomeTile:
    """One journey's tile (a row of `HomePage.tiles`; names as the screen reads them)."""

    journeyId: str
    titleKey: str
    subtitleKey: str
    glyph: str


class HomeViewModel(QObject):
    changed = Signal()
    clockChanged = Signal()

    def __init__(
        self,
        core: CoreServices,
        i18n: I18nBridge,
        tiles: list[HomeTile],
        journeys: dict[str, JourneyViewModel],
    ) -> None:
        super().__init__()
        self._core = core
        self._i18n = i18n
        self._tiles = RowsModel(HomeTile, self)
        self._tiles.set_rows(tiles)
        self._journeys = journeys
        self._pending: str | None = None
        i18n.languageChanged.connect(self.changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.clockChanged)
        self._timer.start(15_000)

    def _centre_name(self) -> str:
        return self._core.config.centre.name.get(self._i18n.lang)

    def _clock(self) -> str:
        return self._core.local_time.now().strftime("%H:%M  %d/%m/%Y")

    centreName = Property(str, _centre_name, notify=changed)
    clock = Property(str, _clock, notify=clockChanged)

    def _get_tiles(self) -> RowsModel:
        return self._tiles

    tiles = Property(QObject, _get_tiles, constant=True)

    def stop(self) -> None:
        self._timer.stop()

    @Slot(str)
    def open(self, journey_id: str) -> None:
        """A tile tapped in the first moments after start, before the journeys have loaded,
        opens as soon as they have."""
        journey = self._journeys.get(journey_id)
        if journey is None:
            self._pending = journey_id
            return
        journey.start()

    def journeys_ready(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.open(pending)
