"""A citizen who cannot see the screen: key events only (no taps), speech on with the 0 key,
and what the kiosk said at each step is what the screen shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

KEY_TEXT = {Qt.Key.Key_0: "0", Qt.Key.Key_9: "9", Qt.Key.Key_Plus: "+", Qt.Key.Key_Minus: "-"}


def press(ui, qtbot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, KEY_TEXT.get(key, ""))
            QGuiApplication.sendEvent(ui.window, event)
        qtbot.wait(20)


def focused_label(ui) -> str:
    item = ui.window.activeFocusItem()
    return str(item.property("spokenText") or "") if item is not None else ""


def wait_screen(ui, qtbot, screen: str) -> None:
    qtbot.waitUntil(lambda: ui.shell.screen == screen, timeout=10_000)
    qtbot.wait(50)


def test_take_a_number_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui, s = kiosk_ui, kiosk_ui.i18n.s
    press(ui, qtbot, Qt.Key.Key_0)  # speech on, the home screen read
    assert ui.core.speaker.enabled
    home = ui.speech.spoken[-1]
    press(ui, qtbot, Qt.Key.Key_Down)  # the first choice: the first tile
    first = focused_label(ui)
    assert first and ui.speech.spoken[-1] == first
    assert first.split(".")[0] in home  # the tile read on focus is one of the choices read
    while ui.find("tile_take_number") is not ui.window.activeFocusItem():
        press(ui, qtbot, Qt.Key.Key_Down)
    press(ui, qtbot, Qt.Key.Key_Return)
    wait_screen(ui, qtbot, "TakeNumberService")
    service_screen = ui.speech.spoken[-1]
    assert service_screen.startswith(s["ticket.choose_service"])
    for service in ui.core.config.queue.services:
        assert service.name.vi in service_screen
    # the keypad starts on the first service, which Enter takes
    assert focused_label(ui).startswith(ui.core.config.queue.services[0].name.vi)
    press(ui, qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.shell.screen in ("TakeNumberPriority", "TakeNumberTicket"))
    if ui.shell.screen == "TakeNumberPriority":
        qtbot.wait(50)
        assert ui.speech.spoken[-1].startswith(ui.speech.describe().heading)
        press(ui, qtbot, Qt.Key.Key_Return)  # the first choice: no priority
    wait_screen(ui, qtbot, "TakeNumberTicket")
    number = ui.find("ticketNumber").property("text")
    qtbot.waitUntil(lambda: number in ui.speech.spoken[-1])
    press(ui, qtbot, Qt.Key.Key_Plus)
    assert ui.speech.spoken[-1] == s["speech.volume"].replace("{n}", "90")
    assert ui.core.speaker.settings.volume_percent == 90


def test_backspace_goes_back_and_the_session_end_silences(kiosk_ui, qtbot) -> None:
    ui = kiosk_ui
    press(ui, qtbot, Qt.Key.Key_0)
    press(ui, qtbot, Qt.Key.Key_Down)
    while ui.find("tile_take_number") is not ui.window.activeFocusItem():
        press(ui, qtbot, Qt.Key.Key_Down)
    press(ui, qtbot, Qt.Key.Key_Enter)
    wait_screen(ui, qtbot, "TakeNumberService")
    press(ui, qtbot, Qt.Key.Key_Minus)
    assert ui.core.speaker.settings.volume_percent == 70
    press(ui, qtbot, Qt.Key.Key_Backspace)
    wait_screen(ui, qtbot, "Home")
    ui.shell.home()  # the session ends
    assert not ui.core.speaker.enabled
    assert ui.core.speaker.settings.volume_percent == 80
