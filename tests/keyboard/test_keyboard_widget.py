"""The on-screen keyboard drawn by Qt Quick, offscreen: names typed by tapping its keys with real
mouse clicks into real text fields (never qtbot.keyClicks, which aborts above U+00FF)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject, QPointF, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from ui.app import QML_DIR, load_fonts
from ui.i18n_bridge import I18nBridge
from ui.qml_types import I18N, KEYBOARD, THEME, register_singletons
from ui.theme import Theme
from ui.viewmodels.keyboard import KeyboardController

SCENE = Path(__file__).with_name("keyboard_scene.qml")


class Screen:
    """The scene with a person's hands: taps items by object name, reads fields."""

    def __init__(self, view: QQuickView, controller: KeyboardController, qtbot) -> None:
        self.view = view
        self.controller = controller
        self.qtbot = qtbot
        self.i18n: I18nBridge | None = None

    def find(self, name: str) -> QQuickItem | None:
        pending = [self.view.rootObject()]
        while pending:
            item = pending.pop()
            if item.objectName() == name and item.isVisible():
                return item
            pending.extend(item.childItems())
        return None

    def tap(self, name: str) -> None:
        item = self.find(name)
        assert item is not None, f"no visible item {name!r}"
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )
        # Let the window lay out again (a layout switch moves the keys) as a person's pause would.
        self.qtbot.wait(10)

    def type(self, *taps: str) -> None:
        """Each tap is a key's object name, or a run of plain key letters ("nguyeen")."""
        for tap in taps:
            if tap.startswith(("key_", "tone_", "mark_", "layout_")):
                self.tap(tap)
            else:
                for char in tap:
                    self.tap("key_space" if char == " " else f"key_{char}")

    def text(self, name: str) -> str:
        return self.find(name).property("text")

    @property
    def keyboard_open(self) -> bool:
        return self.find("keyboard") is not None


@pytest.fixture
def screen(qtbot):
    load_fonts()
    theme = Theme()
    i18n = I18nBridge("vi")
    controller = KeyboardController()
    controller.follow_language(i18n)
    register_singletons({THEME: lambda: theme, I18N: lambda: i18n, KEYBOARD: lambda: controller})
    view = QQuickView()
    view.engine().addImportPath(str(QML_DIR))
    view.setSource(QUrl.fromLocalFile(str(SCENE)))
    assert view.status() == QQuickView.Status.Ready, view.errors()
    view.show()
    qtbot.waitExposed(view)
    screen = Screen(view, controller, qtbot)
    screen.i18n = i18n
    yield screen
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # before the controller


def test_the_keyboard_opens_on_a_text_field_and_closes_with_done(screen: Screen) -> None:
    assert not screen.keyboard_open
    screen.tap("nameField")
    assert screen.keyboard_open
    screen.tap("key_done")
    assert not screen.keyboard_open
    assert not screen.find("nameField").hasActiveFocus()


def test_typing_a_name_with_telex(screen: Screen) -> None:
    screen.tap("nameField")
    screen.type("nguyeenx thij huwowngf")  # capitals come by themselves in a name field
    assert screen.text("nameField") == "Nguyễn Thị Hường"


def test_typing_a_name_with_the_tone_and_shape_buttons(screen: Screen) -> None:
    screen.tap("nameField")
    screen.type("dang", "mark_đ", "mark_ă", "tone_dot", " van", "mark_ă", " lam", "mark_â")
    assert screen.text("nameField") == "Đặng Văn Lâm"


def test_typing_a_name_with_shift_in_a_plain_field(screen: Screen) -> None:
    screen.tap("noteField")
    assert screen.controller.shift  # start of the text: a capital
    screen.type("traafn ", "key_shift", "quoocs ", "key_shift", "tuaans")
    assert screen.text("noteField") == "Trần Quốc Tuấn"


def test_caps_lock_and_backspace(screen: Screen) -> None:
    screen.tap("noteField")
    assert screen.controller.shift  # a capital to start with…
    screen.type("key_shift")  # …one more tap: all capitals
    assert screen.controller.capsLock
    screen.type("ddaatj")
    assert screen.text("noteField") == "ĐẬT"
    screen.type("key_backspace", "key_backspace", "c")
    assert screen.text("noteField") == "ĐC"
    screen.type("key_backspace", "aaj")
    assert screen.text("noteField") == "ĐẬ"


def test_the_id_field_gets_the_digit_pad(screen: Screen) -> None:
    screen.tap("idField")
    assert screen.controller.layoutName == "digits"
    assert screen.find("key_q") is None
    screen.type("001204012345", "key_backspace", "6")
    assert screen.text("idField") == "001204012346"


def test_symbols_and_back_to_letters(screen: Screen) -> None:
    screen.tap("noteField")
    screen.type("soos", "layout_symbols", "12/3", "layout_letters", " ngox")
    assert screen.text("noteField") == "Số12/3 ngõ"


def test_focus_moving_to_another_field_follows(screen: Screen) -> None:
    screen.tap("nameField")
    screen.type("an")
    screen.tap("noteField")
    screen.type("as")
    screen.tap("nameField")
    screen.type("h")
    assert (screen.text("nameField"), screen.text("noteField")) == ("Anh", "Á")


def test_tapping_keys_keeps_the_focus_in_the_field(screen: Screen) -> None:
    screen.tap("nameField")
    screen.type("tone_acute", "mark_â", "key_shift", "layout_symbols", "layout_letters")
    assert screen.find("nameField").hasActiveFocus()
    assert screen.text("nameField") == "Â"


def test_a_multi_line_text_edit_takes_the_keyboard_too(screen: Screen) -> None:
    screen.tap("addressField")
    screen.type("soos ", "layout_symbols", "5", "layout_letters", " phoos hangf ddaof")
    assert screen.text("addressField") == "Số 5 Phố Hàng Đào"


def test_a_selection_is_replaced_by_what_is_typed(screen: Screen) -> None:
    screen.tap("nameField")
    screen.type("nam")
    QMetaObject.invokeMethod(screen.find("nameField"), "selectAll")
    screen.type("lan")  # a capital again: the name starts over
    assert screen.text("nameField") == "Lan"


def test_in_english_the_keyboard_types_plain_letters_without_the_tone_row(
    screen: Screen,
) -> None:
    assert screen.i18n is not None
    screen.tap("noteField")
    screen.i18n.setLanguage("en")  # the citizen switches language while typing
    screen.qtbot.wait(10)
    assert screen.find("tone_acute") is None and screen.find("mark_đ") is None
    screen.type("birth certificate")
    assert screen.text("noteField") == "Birth certificate"  # not "Bỉth cẻtificate"
    screen.type("layout_symbols", "2", "layout_letters", "x")
    assert screen.text("noteField") == "Birth certificate2x"
    screen.i18n.setLanguage("vi")
    screen.qtbot.wait(10)
    assert screen.find("tone_acute") is not None
    screen.type(" soos")
    assert screen.text("noteField") == "Birth certificate2x số"


def test_a_layout_shown_again_shows_the_capitals_and_language_of_now(screen: Screen) -> None:
    """Each layout's keys are made once and kept hidden while another shows: shown again, they
    must draw today's shift and language, not those of when they were last on screen."""
    assert screen.i18n is not None
    screen.tap("idField")  # the digit pad is made, in Vietnamese
    assert screen.find("key_done").property("shown") == "Xong"
    screen.tap("noteField")
    assert screen.find("key_a").property("shown") == "A"  # a capital to start the text
    screen.type("layout_symbols")  # the letters hide…
    screen.i18n.setLanguage("en")
    screen.qtbot.wait(10)
    screen.tap("idField")  # …and the digit pad comes back after the language changed
    assert screen.find("key_done").property("shown") == "Done"
    screen.i18n.setLanguage("vi")
    screen.tap("noteField")
    screen.type("xin ")
    screen.type("layout_symbols", "layout_letters")
    assert screen.find("key_a").property("shown") == "a"  # no capital inside a sentence
    screen.type("key_shift", "layout_symbols", "layout_letters")
    assert screen.find("key_a").property("shown") == "A"  # the shift set before the switch
