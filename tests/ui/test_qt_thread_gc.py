"""The Qt-thread collector freezes what the kiosk keeps for its lifetime, so later full
collections walk only what sessions made, and gives it back when the window closes."""

from __future__ import annotations

import gc
import weakref

from ui.qt_thread_gc import QtThreadCollector, collect_due_generation


class Cycle:
    def __init__(self) -> None:
        self.me = self


def full_collection_due() -> None:
    """Collect on the collector's own rule until it runs a full collection."""
    for _ in range(1000):
        Cycle()
        if collect_due_generation() == 2:
            return
    raise AssertionError("no full collection came due")


def test_what_survives_start_up_is_frozen_and_given_back_at_close(qapp) -> None:
    thresholds = gc.get_threshold()
    collector = QtThreadCollector()
    try:
        gc.set_threshold(2, 1, 1)
        kept_for_life = Cycle()
        collector.started()
        full_collection_due()
        assert gc.get_freeze_count() > 0
        made_later = weakref.ref(Cycle())
        full_collection_due()
        assert made_later() is None  # a session's garbage is still collected
        closing = weakref.ref(kept_for_life)
        del kept_for_life  # frozen, then garbage: the window's close must free it
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()
    assert gc.get_freeze_count() == 0
    assert closing() is None
