"""Python's cyclic garbage collector, run on the Qt thread while a kiosk window is open.

Left alone, the collector runs in whichever thread happens to allocate when a threshold is
crossed: the camera's, the card reader's, the uploader's. Screens leave Qt wrappers in reference
cycles, and PySide6 6.11 hands a wrapper freed off the Qt thread to a deferred-deletion list
that crashed the kiosk (segmentation fault in `BindingManager::runDeletionInMainThread`, seen
once in every few identity steps). So automatic collection is switched off and the same
thresholds are checked a few times a second on the Qt thread instead.

A full collection walks every object the process holds, ~140,000 of them made at start-up
(modules, configuration, the catalogue, the view-models) that live as long as the kiosk: it took
the Qt thread 100-400 ms, and one landing between a tap and its frame made that tap the slowest
of all. Once the journeys are ready, the objects that survive the next full collection are moved
out of the collector's sight (`gc.freeze`, once a process), so later full collections walk only
what citizens' sessions made since.
"""

from __future__ import annotations

import gc
from enum import Enum

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250

_holders = 0  # open windows that asked for it; automatic collection returns with the last


class Freeze(Enum):
    NOT_YET = "not yet"
    AT_NEXT_FULL_COLLECTION = "at the next full collection"
    DONE = "done"


_freeze = Freeze.NOT_YET


class QtThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        global _holders
        _holders += 1
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due_generation)
        self._timer.start()
        self._stopped = False

    def stop(self) -> None:
        """The window is closing: collect once here, then let Python collect on its own."""
        global _holders, _freeze
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        _holders -= 1
        # what was frozen is this window's too: back in sight, so what closing frees is freed
        gc.unfreeze()
        _freeze = Freeze.NOT_YET
        gc.collect()
        if _holders == 0:
            gc.enable()

    @staticmethod
    def started() -> None:
        """The kiosk has made what it keeps for its lifetime: freeze what survives the next
        full collection (one that was due anyway, so nothing is collected twice)."""
        global _freeze
        if _freeze is Freeze.NOT_YET:
            _freeze = Freeze.AT_NEXT_FULL_COLLECTION


def collect_due_generation() -> int | None:
    """Collect the oldest generation whose count is over Python's own threshold, as the
    automatic collector would; the generation collected, or None if none was due."""
    global _freeze
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return None
    generation = 0
    for older in (1, 2):
        if counts[older] > thresholds[older]:
            generation = older
    gc.collect(generation)
    if generation == 2 and _freeze is Freeze.AT_NEXT_FULL_COLLECTION:
        gc.freeze()
        _freeze = Freeze.DONE
    return generation
