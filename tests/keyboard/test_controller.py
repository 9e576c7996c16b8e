"""The keyboard controller without a screen: what a field's hints choose, shift and caps lock,
and that ending a session forgets everything."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.viewmodels.keyboard import KeyboardController

Hint = Qt.InputMethodHint


def typed(controller: KeyboardController, taps: list[tuple[str, str]], text: str = "") -> str:
    for kind, value in taps:
        edit = controller.tap(kind, value, text)
        text = text[: len(text) - edit["remove"]] + edit["insert"]
    return text


def letters(word: str) -> list[tuple[str, str]]:
    return [("space", "") if char == " " else ("character", char) for char in word]


def test_digit_hints_choose_the_digit_pad() -> None:
    controller = KeyboardController()
    for hint in (Hint.ImhDigitsOnly, Hint.ImhDialableCharactersOnly, Hint.ImhFormattedNumbersOnly):
        controller.attach(hint.value, "", "")
        assert controller.layoutName == "digits"
    controller.attach(0, "", "")
    assert controller.layoutName == "letters"


def test_email_and_latin_fields_type_without_telex() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhEmailCharactersOnly.value, "", "")
    assert not controller.telex
    assert typed(controller, letters("hoas")) == "hoas"
    controller.attach(0, "", "")
    assert controller.telex
    assert typed(controller, letters("hoas")) == "Hoá"


def test_capitalization_modes() -> None:
    controller = KeyboardController()
    controller.attach(0, "words", "")
    assert typed(controller, letters("le vawn ba")) == "Le Văn Ba"
    controller.attach(0, "", "")
    assert typed(controller, letters("le vawn ba")) == "Le văn ba"
    controller.attach(Hint.ImhNoAutoUppercase.value, "", "")
    assert typed(controller, letters("le")) == "le"
    controller.attach(Hint.ImhUppercaseOnly.value, "", "")
    assert typed(controller, letters("ddoongf")) == "ĐỒNG"


def test_shift_cycles_one_capital_caps_lock_off() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhNoAutoUppercase.value, "", "")
    controller.tap("shift", "", "")
    assert (controller.shift, controller.capsLock) == (True, False)
    assert typed(controller, letters("ab")) == "Ab"  # one capital only
    controller.tap("shift", "", "")
    controller.tap("shift", "", "")
    assert (controller.shift, controller.capsLock) == (False, True)
    assert typed(controller, letters("ab")) == "AB"
    controller.tap("shift", "", "")
    assert not (controller.shift or controller.capsLock)


def test_a_capital_mark_button_under_shift() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhNoAutoUppercase.value, "", "")
    controller.tap("shift", "", "")
    assert typed(controller, [("mark", "đ"), ("character", "i")]) == "Đi"


def test_reset_forgets_the_session() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhDigitsOnly.value, "", "")
    controller.tap("shift", "", "")
    controller.reset()
    assert controller.layoutName == "letters"
    assert not (controller.shift or controller.capsLock)


def test_only_real_changes_are_signalled() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhNoAutoUppercase.value, "", "")
    redraws: list[str] = []
    controller.layoutChanged.connect(lambda: redraws.append("layout"))
    controller.shiftChanged.connect(lambda: redraws.append("shift"))
    typed(controller, letters("nguyeenx"))
    assert redraws == []  # typing letters redraws nothing
    controller.tap("layout", "symbols", "")
    controller.tap("shift", "", "")
    assert redraws == ["layout", "shift"]


def test_english_types_plain_letters_and_vietnamese_types_telex() -> None:
    controller = KeyboardController(lang="en")
    controller.attach(0, "", "")
    assert (controller.layoutName, controller.telex) == ("plain", False)
    assert typed(controller, letters("birth certificate")) == "Birth certificate"
    keys = [key for row in controller.rows.rows() for key in row.rowKeys.rows()]
    assert all(key.kind not in ("tone", "mark") for key in keys)
    controller.setLanguage("vi")
    assert (controller.layoutName, controller.telex) == ("letters", True)
    assert typed(controller, letters(" hoas"), "Birth certificate") == "Birth certificate hoá"


def test_a_field_that_refuses_telex_keeps_refusing_it_after_a_language_switch() -> None:
    controller = KeyboardController(lang="en")
    controller.attach(Hint.ImhEmailCharactersOnly.value, "", "")
    controller.setLanguage("vi")
    assert not controller.telex
    assert typed(controller, letters("an.nguyen")) == "an.nguyen"


def test_a_code_field_in_vietnamese_gets_plain_letters_without_the_tone_row() -> None:
    controller = KeyboardController(lang="vi")
    controller.attach((Hint.ImhUppercaseOnly | Hint.ImhLatinOnly).value, "", "")
    assert (controller.layoutName, controller.telex) == ("plain", False)
    controller.tap("layout", "symbols", "")
    controller.tap("layout", "letters", "")  # "ABC" comes back to the same plain letters
    assert controller.layoutName == "plain"
    controller.attach(0, "", "")  # the next field takes Vietnamese words
    assert (controller.layoutName, controller.telex) == ("letters", True)


def test_the_digit_pad_stays_when_the_language_changes_and_letters_follow_the_language() -> None:
    controller = KeyboardController()
    controller.attach(Hint.ImhDigitsOnly.value, "", "")
    controller.setLanguage("en")
    assert controller.layoutName == "digits"
    controller.attach(0, "", "")
    controller.tap("layout", "symbols", "")
    controller.tap("layout", "letters", "")
    assert controller.layoutName == "plain"
    controller.reset()  # the session ends; the next citizen starts in the same language
    assert controller.layoutName == "plain"
