"""Shared by every test folder: a whole kiosk offscreen (simulated devices, the embedded
stand-in province, the real outbox) with a person who taps it, and Qt garbage collected on the
main thread after each test."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kiosk_driver import Driver

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """A closed kiosk UI leaves QObjects in reference cycles. Left to the cyclic collector they
    may be freed on whichever thread allocates next (the uploader's, the camera's), and a QObject
    deleted off its thread crashes Qt; collecting here frees them where they were made."""
    yield
    if {"qtbot", "qapp"} & set(request.fixturenames):
        gc.collect()


class FakeClock:
    """The idle timer's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idle_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk_ui(qtbot, tmp_path: Path, idle_clock: FakeClock):
    """The kiosk's window on a temporary data folder; printed tickets land in tmp_path/printed."""
    from kiosk.config import load_config
    from tests.kiosk_factory import kiosk_config, make_kiosk
    from ui.app import KioskUi

    centre = load_config().centre.model_copy(
        update={"zalo_url": "https://zalo.me/s/example-centre"}
    )
    kiosk = make_kiosk(tmp_path, kiosk_config(tmp_path, centre=centre))
    ui = KioskUi(kiosk.core, kiosk.services, windowed=True, idle_clock=idle_clock)
    qtbot.waitExposed(ui.window)
    qtbot.waitUntil(lambda: ui.find("tile_take_number") is not None)
    yield ui
    ui.close()
    kiosk.close()


@pytest.fixture
def driver(kiosk_ui, qtbot) -> Driver:
    return Driver(kiosk_ui, qtbot)
