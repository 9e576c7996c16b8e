"""Telex typing through the composer, key by key, as the on-screen keyboard sends the taps."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.keyboard.composer import VietnameseComposer
from kiosk.keyboard.syllable import ToneStyle


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("Nguyeenx Thij Huwowngf", "Nguyễn Thị Hường"),
        ("Nguyeenx Thij Huowngf", "Nguyễn Thị Hường"),  # uow → ươ
        ("Nguyenex Thij Hwowngf", "Nguyễn Thị Hường"),  # marks typed late; lone w → ư
        ("DDawngj Vawn Laam", "Đặng Văn Lâm"),
        ("Traafn Quoocs Tuaans", "Trần Quốc Tuấn"),
        ("Tranaf Quocos Tuanas", "Trần Quốc Tuấn"),  # the mark key later in the word
        ("Hoof Xuaan Huwowng", "Hồ Xuân Hương"),
        ("Truwowng Vixnh Kys", "Trương Vĩnh Ký"),
        ("DDoanf Thij DDieemr", "Đoàn Thị Điểm"),
        ("Huyfnh Taans Phats", "Huỳnh Tấn Phát"),
        ("Ngoo DDuwcs Kees", "Ngô Đức Kế"),
        ("Bufi Xuaan Phais", "Bùi Xuân Phái"),
        ("Vox Thij Sasu", "Võ Thị Sáu"),
        ("Leee Hoangf Yeens", "Lee Hoàng Yến"),  # eee → ee
        ("Soos 12/3 ngox 45, phuwowngf Hoongf Haf", "Số 12/3 ngõ 45, phường Hồng Hà"),
    ],
)
def test_names_and_addresses(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("aa", "â"),
        ("aw", "ă"),
        ("ee", "ê"),
        ("oo", "ô"),
        ("ow", "ơ"),
        ("uw", "ư"),
        ("dd", "đ"),
        ("uow", "ươ"),
        ("w", "ư"),
        ("nhw", "như"),
        ("muwa", "mưa"),
        ("mwa", "mưa"),
        ("xoawn", "xoăn"),  # oa + w marks the a
        ("quaw", "quă"),  # the u of qu is not a vowel of the cluster
        ("giuwx", "giữ"),
    ],
)
def test_shape_keys(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("as", "á"), ("af", "à"), ("ar", "ả"), ("ax", "ã"), ("aj", "ạ"), ("asz", "a"), ("asf", "à")],
)
def test_tone_keys_set_change_and_remove_the_tone(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("ass", "as"),
        ("asss", "ass"),  # once undone, the key is a letter for the rest of the word
        ("aaa", "aa"),
        ("aaaa", "aaa"),
        ("eee", "ee"),
        ("ooo", "oo"),
        ("aww", "aw"),
        ("oww", "ow"),
        ("uww", "uw"),
        ("ww", "w"),  # a lone ư goes back to the w that made it
        ("nhww", "nhw"),
        ("ddd", "dd"),
        ("dddi", "ddi"),
        ("Rosss", "Ross"),
        ("z", "z"),
        ("baz", "baz"),  # z with no tone to remove is a letter
    ],
)
def test_repeating_a_key_undoes_it(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    ("keys", "modern", "traditional"),
    [
        ("hoaf", "hoà", "hòa"),
        ("thuys", "thuý", "thúy"),
        ("khoer", "khoẻ", "khỏe"),
        ("hoangf", "hoàng", "hoàng"),  # a final consonant: last vowel in both styles
        ("thuyeenf", "thuyền", "thuyền"),
        ("quys", "quý", "quý"),
        ("cuar", "của", "của"),
        ("mias", "mía", "mía"),
        ("nguwowif", "người", "người"),  # ươ: on the ơ
        ("ruouwj", "rượu", "rượu"),
        ("khuyur", "khuỷu", "khuỷu"),  # three vowels: the middle one
        ("khoais", "khoái", "khoái"),
        ("giaf", "già", "già"),  # gi is the onset
        ("gif", "gì", "gì"),
        ("gioongs", "giống", "giống"),
    ],
)
def test_tone_placement(typed, keys: str, modern: str, traditional: str) -> None:
    assert typed(keys) == modern
    assert typed(keys, style=ToneStyle.TRADITIONAL) == traditional


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("hosa", "hoá"), ("tosan", "toán"), ("cura", "của"), ("Nguyenxe", "Nguyễn")],
)
def test_the_tone_moves_as_the_word_grows(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("NGUYEENX THIJ HUWOWNGF", "NGUYỄN THỊ HƯỜNG"),
        ("DDAWNGJ", "ĐẶNG"),
        ("Dd", "Đ"),
        ("Aa", "Â"),
        ("aA", "â"),
        ("HOAS", "HOÁ"),
        ("W", "Ư"),
    ],
)
def test_capitals_keep_their_case(typed, keys: str, expected: str) -> None:
    assert typed(keys) == expected


@pytest.mark.parametrize(
    "word",
    ["class", "Louis", "Chris", "Smith", "Jones", "Anna", "email@gmail.com", "zalo"],
)
def test_words_that_cannot_be_vietnamese_are_left_alone(typed, word: str) -> None:
    assert typed(word) == word


def test_signs_and_digits_end_the_word(typed) -> None:
    assert typed("as1s") == "á1s"
    assert typed("a s") == "a s"
    assert typed("ass as") == "as á"  # the undone s belongs to the first word only


def test_telex_can_be_switched_off(typed) -> None:
    assert typed("Nguyeenx", telex=False) == "Nguyeenx"


def test_output_is_nfc(typed) -> None:
    text = typed("Nguyeenx Thij Huwowngf DDawngj Vawn Laam Traafn Quoocs Tuaans")
    assert unicodedata.is_normalized("NFC", text)


def test_typing_in_the_middle_of_the_text(field) -> None:
    field.text = "Nguyen Van"
    field.cursor = len("Nguyen")
    field.keys("ex")
    assert field.text == "Nguyễn Van"
    assert field.cursor == len("Nguyễn")


def test_decomposed_text_already_in_the_field(field) -> None:
    field.text = unicodedata.normalize("NFD", "Nguyê")
    field.cursor = len(field.text)
    field.keys("nx")
    assert field.text == "Nguyễn"


def test_a_new_word_forgets_what_was_undone(field) -> None:
    field.keys("ass")
    assert field.text == "as"
    field.text, field.cursor = "", 0  # the form cleared the field
    field.keys("as")
    assert field.text == "á"


def test_backspace_removes_one_letter(field) -> None:
    field.keys("Nguyeenx")
    field.apply(field.composer.backspace(field.before))
    assert field.text == "Nguyễ"
    field.keys("n")
    assert field.text == "Nguyễn"


def test_backspace_removes_a_decomposed_letter_whole(field) -> None:
    field.text = unicodedata.normalize("NFD", "Hà")
    field.cursor = len(field.text)
    field.apply(field.composer.backspace(field.before))
    assert field.text == "H"
    assert field.composer.backspace("").remove == 0


def test_a_key_is_one_character() -> None:
    with pytest.raises(ValueError):
        VietnameseComposer().key("aa", "")
