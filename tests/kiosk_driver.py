"""A person at the kiosk, for screen tests: real mouse taps on visible items (a long list is
flicked until the item shows), typing on the kiosk's own keyboard (never qtbot.keyClicks, which
aborts above U+00FF), reading texts and waiting for screens."""

from __future__ import annotations

from typing import Any


class Driver:
    def __init__(self, ui: Any, qtbot: Any) -> None:  # KioskUi and pytest-qt's bot
        self.ui = ui
        self.qtbot = qtbot

    def item(self, name: str) -> Any:  # a QQuickItem
        item = self.ui.find(name)
        assert item is not None, f"no item named {name!r} on screen {self.ui.shell.screen}"
        return item

    def tap(self, name: str) -> None:
        """Click the centre of a visible item with a real mouse press and release."""
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtTest import QTest

        item = self.item(name)
        assert item.isVisible(), f"{name!r} is not visible on {self.ui.shell.screen}"
        self._scroll_into_view(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )
        self.qtbot.wait(10)

    def _scroll_into_view(self, item: Any) -> None:
        from PySide6.QtCore import QPointF

        flickable = item.parentItem()
        while flickable is not None and flickable.property("contentHeight") is None:
            flickable = flickable.parentItem()
        if flickable is None:
            return
        top = item.mapToItem(flickable.property("contentItem"), QPointF(0, 0)).y()
        room = flickable.property("contentHeight") - flickable.height()
        flickable.setProperty("contentY", max(0.0, min(top, room)))
        self.qtbot.wait(10)

    def type_keys(self, letters: str) -> None:
        """Tap the keyboard's keys: letters as they are, a space as the space bar (Telex)."""
        for char in letters:
            self.tap("key_space" if char == " " else f"key_{char}")

    def text(self, name: str) -> str:
        return self.item(name).property("text")

    def wait_screen(self, screen: str, timeout: int = 15_000) -> None:
        self.qtbot.waitUntil(lambda: self.ui.shell.screen == screen, timeout=timeout)
        self.qtbot.wait(30)  # let the Loader build the screen's items
