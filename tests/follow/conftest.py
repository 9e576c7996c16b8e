"""A whole kiosk offscreen on a temporary data folder: the embedded stand-in province, the real
outbox and uploader, the simulated camera showing a picture we make here (a receipt's QR, or any
other QR), and a person who taps the screen and the kiosk keyboard."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
import qrcode

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from kiosk.config import load_config
from tests import kiosk_factory
from tests.kiosk_driver import Driver


def qr_picture(text: str, path: Path) -> Path:
    """A 1920×1080 desk with a paper carrying one QR code, as the camera would see it."""
    code = qrcode.QRCode(border=4, box_size=12)
    code.add_data(text)
    matrix = np.array(code.get_matrix(), dtype=bool)
    tile = np.where(matrix, 20, 245).astype(np.uint8)
    tile = cv2.resize(tile, (600, 600), interpolation=cv2.INTER_NEAREST)
    frame = np.full((1080, 1920, 3), 60, np.uint8)
    frame[240:840, 660:1260] = tile[..., None]
    cv2.imwrite(str(path), frame)
    return path


class Person(Driver):
    """The shared driver, typing a dossier code as a person would."""

    def type_code(self, code: str) -> None:
        """Type on the docked keyboard, switching between letters and digits as a person would."""
        for char in code.lower():
            on_symbols = self.ui.keyboard.layoutName == "symbols"
            if char not in ".-" and char.isdigit() != on_symbols:
                self.tap("layout_symbols" if char.isdigit() else "layout_letters")
            self.tap(f"key_{char}")


@pytest.fixture
def make_kiosk(qtbot, tmp_path: Path) -> Iterator[Callable[..., Person]]:
    """`make_kiosk(qr_text=None)`: the kiosk, its camera showing that QR (or its own scene)."""
    made = []

    def make(qr_text: str | None = None) -> Person:
        from ui.app import KioskUi

        config = load_config()
        camera = config.camera
        if qr_text is not None:
            picture = qr_picture(qr_text, tmp_path / "qr.png")
            camera = camera.model_copy(
                update={"driver": "simulator", "simulator_files": [str(picture)]}
            )
        config = config.model_copy(
            update={
                "printer": config.printer.model_copy(
                    update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
                ),
                "ui": config.ui.model_copy(update={"fullscreen": False}),
                "camera": camera,
            }
        )
        kiosk = kiosk_factory.make_kiosk(tmp_path, config)
        ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
        made.append((ui, kiosk))
        qtbot.waitExposed(ui.window)
        qtbot.waitUntil(lambda: ui.find("tile_follow_dossier") is not None)
        qtbot.wait(50)  # the home grid's first layout
        return Person(ui, qtbot)

    yield make
    for ui, kiosk in made:
        ui.close()
        kiosk.close()
