"""The visible tone and shape buttons, for citizens who do not know Telex: they act on the word
just typed, whatever its letters."""

from __future__ import annotations

import pytest

from kiosk.keyboard.composer import Capitalization, Edit, VietnameseComposer, wants_capital
from kiosk.keyboard.letters import Tone

from .conftest import Field


def tap(field: Field, *buttons: str | Tone | None) -> str:
    """Types plain letters (telex off) and taps buttons: a Tone or None is a tone button, a
    one-letter string in âăêôơưđ a shape button, anything else is typed key by key."""
    for button in buttons:
        if button is None or isinstance(button, Tone):
            field.apply(field.composer.tone(button, field.before))
        elif button.lower() in "âăêôơưđ" and len(button) == 1:
            field.apply(field.composer.mark(button, field.before))
        else:
            field.keys(button)
    return field.text


@pytest.fixture
def plain() -> Field:
    return Field(VietnameseComposer(telex=False))


@pytest.mark.parametrize(
    ("buttons", "expected"),
    [
        (("Nguyen", "ê", Tone.TILDE), "Nguyễn"),
        (("Nguyen", Tone.TILDE, "ê"), "Nguyễn"),  # the tone moves onto the ê
        (("Thi", Tone.DOT), "Thị"),
        (("Huong", "ư", Tone.GRAVE), "Hường"),  # ư on "uo" gives ươ
        (("Huong", "ơ", Tone.GRAVE), "Hường"),
        (("Dang", "đ", "ă", Tone.DOT), "Đặng"),
        (("Van", "ă"), "Văn"),
        (("Lam", "â"), "Lâm"),
        (("Tran", "â", Tone.GRAVE), "Trần"),
        (("Quoc", "ô", Tone.ACUTE), "Quốc"),
        (("Tuan", "â", Tone.ACUTE), "Tuấn"),
        (("hoa", Tone.GRAVE), "hoà"),
    ],
)
def test_buttons_build_names(plain: Field, buttons, expected: str) -> None:
    assert tap(plain, *buttons) == expected


def test_a_tone_button_twice_or_the_no_tone_button_removes_it(plain: Field) -> None:
    assert tap(plain, "ma", Tone.ACUTE) == "má"
    assert tap(plain, Tone.GRAVE) == "mà"
    assert tap(plain, Tone.GRAVE) == "ma"
    assert tap(plain, Tone.HOOK, None) == "ma"


def test_a_shape_button_twice_removes_the_mark(plain: Field) -> None:
    assert tap(plain, "can", "â") == "cân"
    assert tap(plain, "â") == "can"
    assert tap(plain, "ă", "â") == "cân"  # â over ă replaces it
    assert tap(plain, " Hu", "ơ") == "cân Huơ"  # no o to mark: the letter is typed


def test_shape_buttons_type_their_letter_where_nothing_matches(plain: Field) -> None:
    assert tap(plain, "ư", "ng") == "ưng"
    assert tap(plain, "ư") == "ung"  # …and, the mark being there, the same button takes it off
    assert tap(Field(VietnameseComposer(telex=False)), "Ư", "ng") == "Ưng"
    assert tap(Field(VietnameseComposer(telex=False)), "x", "đ") == "xđ"


def test_the_d_button_strokes_and_unstrokes_the_first_d(plain: Field) -> None:
    assert tap(plain, "Dung", "đ") == "Đung"
    assert tap(plain, "đ") == "Dung"


def test_buttons_work_on_words_telex_would_not_touch(plain: Field) -> None:
    # Ethnic-minority names need not follow Kinh spelling ("Bl" is no Vietnamese onset).
    assert tap(plain, "Y Bloc", "ô", Tone.ACUTE) == "Y Blốc"


def test_buttons_with_no_word_before_the_cursor_do_nothing() -> None:
    composer = VietnameseComposer()
    assert composer.tone(Tone.ACUTE, "Nguyễn ") == Edit()
    assert composer.tone(Tone.ACUTE, "") == Edit()
    assert composer.tone(Tone.ACUTE, "nh") == Edit()


def test_buttons_and_telex_mix(field: Field) -> None:
    assert tap(field, "Nguyeen", Tone.TILDE, " Thij") == "Nguyễn Thị"


def test_an_unknown_shape_button_is_refused() -> None:
    with pytest.raises(ValueError):
        VietnameseComposer().mark("x", "")


@pytest.mark.parametrize(
    ("before", "mode", "expected"),
    [
        ("", Capitalization.SENTENCES, True),
        ("Tôi", Capitalization.SENTENCES, False),
        ("Tôi đi. ", Capitalization.SENTENCES, True),
        ("Tôi đi.", Capitalization.SENTENCES, False),
        ("", Capitalization.WORDS, True),
        ("Nguyễn ", Capitalization.WORDS, True),
        ("Nguyễn", Capitalization.WORDS, False),
        ("H'", Capitalization.WORDS, True),
        ("", Capitalization.NONE, False),
    ],
)
def test_automatic_capitals(before: str, mode: Capitalization, expected: bool) -> None:
    assert wants_capital(before, mode) is expected
