"""A full kiosk UI on a temporary data folder with the simulated printer, and a real tap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app import build_context
from kiosk.config import load_config


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idle_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk_ui(qtbot, tmp_path: Path, idle_clock: FakeClock):
    from ui.app import KioskUi

    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
        }
    )
    context = build_context(config, data=tmp_path / "data")
    ui = KioskUi(context, windowed=True, idle_clock=idle_clock)
    qtbot.waitExposed(ui.window)
    yield ui
    ui.close()
    context.close()


class Driver:
    """Drives the kiosk like a person: taps visible items, reads texts, waits for screens."""

    def __init__(self, ui, qtbot) -> None:
        self.ui = ui
        self.qtbot = qtbot

    def item(self, name: str) -> QQuickItem:
        item = self.ui.find(name)
        assert item is not None, f"no item named {name!r} on screen {self.ui.shell.screen}"
        return item

    def tap(self, name: str) -> None:
        """Click the centre of a visible item with a real mouse press and release."""
        item = self.item(name)
        assert item.isVisible(), f"{name!r} is not visible"
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def text(self, name: str) -> str:
        return self.item(name).property("text")

    def wait_screen(self, screen: str, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: self.ui.shell.screen == screen, timeout=timeout)
        self.qtbot.wait(30)  # let the Loader build the screen's items


@pytest.fixture
def driver(kiosk_ui, qtbot) -> Driver:
    return Driver(kiosk_ui, qtbot)
