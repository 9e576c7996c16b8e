"""A whole kiosk offscreen with the embedded stand-in province and the real outbox, and a
person who taps it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.app import build_context
from kiosk.config import load_config


class Person:
    def __init__(self, ui, qtbot) -> None:
        self.ui = ui
        self.qtbot = qtbot

    def tap(self, name: str) -> None:
        item = self.ui.find(name)
        assert item is not None and item.isVisible(), (
            f"no visible {name!r} on {self.ui.shell.screen}"
        )
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )
        self.qtbot.wait(10)

    def wait_screen(self, screen: str, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: self.ui.shell.screen == screen, timeout=timeout)
        self.qtbot.wait(30)


@pytest.fixture
def person(qtbot, tmp_path: Path) -> Iterator[Person]:
    from ui.app import KioskUi

    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
            "centre": config.centre.model_copy(
                update={"zalo_url": "https://zalo.me/s/example-centre"}
            ),
        }
    )
    context = build_context(config, data=tmp_path / "data")
    ui = KioskUi(context, windowed=True)
    qtbot.waitExposed(ui.window)
    qtbot.waitUntil(lambda: ui.find("tile_rating") is not None)
    qtbot.wait(50)
    yield Person(ui, qtbot)
    ui.close()
    context.close()
