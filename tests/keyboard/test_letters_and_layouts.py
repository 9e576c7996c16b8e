"""Letters taken apart and put back, syllable splitting, and the key layouts as data."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.i18n import translate
from kiosk.keyboard.layouts import DIGITS, LAYOUTS, LETTERS, SYMBOLS, KeyKind
from kiosk.keyboard.letters import Letter, Shape, Tone, letter_of, letters_of, spell
from kiosk.keyboard.syllable import split

ALL_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"


def test_every_vietnamese_letter_comes_apart_and_back() -> None:
    for char in ALL_VOWELS + ALL_VOWELS.upper() + "đĐbcdghklmnpqrstvx":
        assert letter_of(char).text == char
        assert letter_of(unicodedata.normalize("NFD", char)).text == char


def test_the_parts_of_a_letter() -> None:
    assert letter_of("Ặ") == Letter("a", Shape.BREVE, Tone.DOT, upper=True)
    assert letter_of("ờ") == Letter("o", Shape.HORN, Tone.GRAVE)
    assert letter_of("Đ") == Letter("đ", upper=True)


@pytest.mark.parametrize("char", ["ñ", "ç", "ü", "ĉ", "ḿ", "ß"])
def test_letters_of_other_languages_are_kept_as_they_are(char: str) -> None:
    letter = letter_of(char)
    assert letter.text == char
    assert not letter.is_vowel


def test_words_round_trip() -> None:
    for word in ["Nguyễn", "Thị", "Hường", "ĐẶNG", "Quốc", "khuỷu"]:
        assert spell(letters_of(word)) == word


@pytest.mark.parametrize(
    ("word", "onset", "cluster", "coda"),
    [
        ("nguyên", "ng", "uye", "n"),
        ("quốc", "qu", "o", "c"),
        ("già", "gi", "a", ""),
        ("gì", "g", "i", ""),
        ("người", "ng", "uoi", ""),
        ("anh", "", "a", "nh"),
    ],
)
def test_syllables_split_around_their_vowels(word, onset, cluster, coda) -> None:
    syllable = split(letters_of(word))
    assert syllable is not None
    assert spell(list(syllable.onset)) == onset
    assert syllable.cluster == cluster
    assert spell(list(syllable.coda)) == coda
    assert syllable.is_valid()


@pytest.mark.parametrize("word", ["class", "Chris", "bloc", "thuz"])
def test_non_vietnamese_syllables_are_not_valid(word: str) -> None:
    syllable = split(letters_of(word))
    assert syllable is not None and not syllable.is_valid()


def test_letters_layout_has_every_letter_once_and_every_tone() -> None:
    characters = [k.value for row in LETTERS.rows for k in row if k.kind is KeyKind.CHARACTER]
    letters = sorted(c for c in characters if c.isalpha())
    assert letters == list("abcdefghijklmnopqrstuvwxyz")
    tones = {k.value for row in LETTERS.rows for k in row if k.kind is KeyKind.TONE}
    assert tones == {tone.name.lower() for tone in Tone} | {""}
    marks = "".join(k.value for row in LETTERS.rows for k in row if k.kind is KeyKind.MARK)
    assert marks == "âăêôơưđ"


def test_digit_layouts() -> None:
    digits = sorted(k.value for row in DIGITS.rows for k in row if k.kind is KeyKind.CHARACTER)
    assert digits == list("0123456789")
    assert not any(k.kind is KeyKind.LAYOUT for row in DIGITS.rows for k in row)
    symbols = {k.value for row in SYMBOLS.rows for k in row if k.kind is KeyKind.CHARACTER}
    assert set("0123456789/-.@+") <= symbols


@pytest.mark.parametrize("layout", list(LAYOUTS.values()), ids=list(LAYOUTS))
def test_every_layout_can_be_finished_and_corrected(layout) -> None:
    kinds = {k.kind for row in layout.rows for k in row}
    assert {KeyKind.DONE, KeyKind.BACKSPACE} <= kinds
    names = [k.name for row in layout.rows for k in row]
    assert len(names) == len(set(names))
    for row in layout.rows:
        for key in row:
            if key.kind is KeyKind.LAYOUT:
                assert key.value in LAYOUTS
            if key.label_key:
                assert translate(key.label_key, "en") != key.label_key
            assert key.label or key.label_key or key.kind is KeyKind.CHARACTER


def test_layout_width_is_its_widest_row() -> None:
    assert LETTERS.width == 13.5
    assert DIGITS.width == 3
