"""A full kiosk UI for handing in dossiers: simulated printer, card reader (holding the demo
card) and camera (its own scene of pages), the embedded provincial stand-in, a clock set to a
Friday afternoon in Hà Nội time, and a driver that taps like a person."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from hardware.camera import open_camera
from hardware.camera.simulator import SimulatedSource
from hardware.card_reader import CardReaderSettings
from hardware.card_reader.demo_document import DemoSigner, demo_citizen
from hardware.card_reader.simulator import SimulatedCardReader
from hardware.printer import TicketPrinter
from kiosk.config import load_config
from kiosk.identity import IdentityService
from kiosk.payments.settings import PaymentSettings
from tests import kiosk_factory
from tests.kiosk_driver import Driver as BaseDriver

# Friday 27/11/2026 16:00 in Hà Nội (09:00 UTC): after the 15:00 late-receipt time.
FRIDAY_AFTERNOON = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def signer() -> DemoSigner:
    return DemoSigner.generate("ecdsa")


@pytest.fixture
def make_kiosk(qtbot, tmp_path: Path, signer: DemoSigner):
    from ui.app import KioskUi

    made = []

    def make(
        disk_reserve_mb: float = 0.0,
        payments: PaymentSettings | None = None,
        printer: TicketPrinter | None = None,
    ):
        config = load_config()
        config = config.model_copy(
            update={
                "payments": payments or config.payments,
                "printer": config.printer.model_copy(
                    update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
                ),
                "ui": config.ui.model_copy(update={"fullscreen": False}),
                "outbox": config.outbox.model_copy(update={"disk_reserve_mb": disk_reserve_mb}),
            }
        )
        reader = SimulatedCardReader(CardReaderSettings(), citizen=demo_citizen(), signer=signer)
        camera_source = SimulatedSource(config.camera)
        kiosk = kiosk_factory.make_kiosk(
            tmp_path,
            config,
            clock=lambda: FRIDAY_AFTERNOON,
            card_reader=reader,
            identity=IdentityService(reader, today=lambda: FRIDAY_AFTERNOON.date()),
            camera=open_camera(config.camera, camera_source),
            **({"printer": printer} if printer is not None else {}),
        )
        ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
        ui.camera_source = camera_source  # a test unplugs the camera
        qtbot.waitExposed(ui.window)
        qtbot.waitUntil(lambda: ui.find("tile_hand_in") is not None)
        qtbot.wait(50)  # the home screen's tiles laid out
        made.append((ui, kiosk, reader))
        return Driver(ui, qtbot)

    yield make
    for ui, kiosk, reader in made:
        ui.shell.home()
        qtbot.wait(50)
        ui.close()
        reader.close()
        kiosk.close()


class Driver(BaseDriver):
    """The shared driver, plus the kiosk's services and a hardware keyboard's way of typing."""

    @property
    def core(self):
        return self.ui.core

    @property
    def kiosk(self):
        return self.ui.kiosk

    def send_text(self, text: str) -> None:
        """Key events carrying text to the focused field (a hardware keyboard's way)."""
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QGuiApplication.sendEvent(self.ui.window, event)
        self.qtbot.wait(10)

    def press(self, key: Qt.Key) -> None:
        """One key of a physical keypad (an arrow: the next or previous control)."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier)
            QGuiApplication.sendEvent(self.ui.window, event)
        self.qtbot.wait(10)


@pytest.fixture
def kiosk(make_kiosk) -> Driver:
    return make_kiosk()
