"""The home screen (`home` in QML): the centre's name, the local time, and the journey tiles."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.app import CoreServices
from ui.i18n_bridge import I18nBridge
from ui.viewmodels.base import JourneyViewModel


class HomeViewModel(QObject):
    changed = Signal()
    clockChanged = Signal()

    def __init__(
        self,
        core: CoreServices,
        i18n: I18nBridge,
        tiles: list[dict],
        journeys: dict[str, JourneyViewModel],
    ) -> None:
        super().__init__()
        self._core = core
        self._i18n = i18n
        self._tiles = tiles
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
    tiles = Property("QVariantList", lambda self: self._tiles, constant=True)

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
