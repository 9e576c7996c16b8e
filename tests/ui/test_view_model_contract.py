"""What every view-model and the window promise: a crash on any thread returns the kiosk home
with plain words, and closing the window leaves nothing of it listening to the devices, which
outlive it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.i18n import translate
from tests.kiosk_driver import Driver
from tests.kiosk_factory import make_kiosk


@pytest.fixture
def kiosk(tmp_path: Path):
    built = make_kiosk(tmp_path)
    yield built
    built.close()


def test_a_crash_on_another_thread_returns_the_kiosk_home(
    qtbot, kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.app import KioskUi

    ui = KioskUi(kiosk.core, kiosk.services, windowed=True)  # built here: pytest swaps the
    try:  # thread hook around each phase, and the kiosk's must be the one in force
        qtbot.waitExposed(ui.window)
        driver = Driver(ui, qtbot)
        ui.home.open("take_number")
        driver.wait_screen("TakeNumberService")

        def broken() -> None:
            raise RuntimeError("a worker broke")

        worker = threading.Thread(target=broken, name="broken-worker")
        worker.start()
        worker.join()
        driver.wait_screen("Home")
        assert ui.shell.notice == translate("common.unexpected", ui.i18n.lang)
        assert "unhandled error in broken-worker" in caplog.text
    finally:
        ui.close()


def test_closing_the_window_leaves_nothing_listening_to_the_reader(qtbot, kiosk) -> None:
    from ui.app import KioskUi

    events = kiosk.services.card_reader.events
    before = len(events._listeners)
    ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
    qtbot.waitExposed(ui.window)
    assert len(events._listeners) > before  # the identity step follows the reader
    ui.close()
    assert len(events._listeners) == before
