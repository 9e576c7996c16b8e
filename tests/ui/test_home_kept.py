"""The home screen and the top bar are made once and kept (every journey starts and ends at
home; every screen shows the bar): the next citizen must find them as fresh ones would show
them, never as the last citizen left them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent


def press_down(ui, qtbot) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QGuiApplication.sendEvent(
            ui.window, QKeyEvent(kind, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        )
    qtbot.wait(20)


def test_the_next_citizen_finds_home_in_the_kiosk_language_with_nothing_framed(
    kiosk_ui, driver, qtbot
) -> None:
    ui, vi = kiosk_ui, dict(kiosk_ui.i18n.strings)
    home = ui.find("homeScreen").property("item")
    press_down(ui, qtbot)  # the keypad frames the first tile
    assert ui.window.activeFocusItem() is ui.find("tile_take_number")
    driver.tap("languageButton")
    driver.tap("largeTextButton")
    assert ui.find("tile_take_number").property("title") != vi["ticket.tile"]
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    assert ui.find("backButton").isVisible()  # the kept bar follows the screen it is in
    ui.shell.endSession()  # the citizen is done: everything resets
    driver.wait_screen("Home")
    assert ui.find("homeScreen").property("item") is home and home.isVisible()  # kept
    tile = ui.find("tile_take_number")
    assert tile.property("title") == vi["ticket.tile"]  # Vietnamese again
    assert not ui.theme.largeText
    assert not ui.find("backButton").isVisible()  # home has no Back
    assert ui.find("languageButton").property("text") == vi["common.language_switch"]
    assert not tile.hasActiveFocus()  # nothing framed for a citizen who has not used the keypad
    assert ui.speech.describe().heading == ui.core.config.centre.name.vi  # speech reads it
