"""Readings checked against how Vietnamese and English speakers say them (tables of cases written
from the language's rules: "mốt", "tư", "lăm", "linh", "không trăm"), not from the code."""

from __future__ import annotations

from datetime import date, time

import pytest

from kiosk.speech.readings import (
    en_number,
    expand_for_speech,
    read_date,
    read_dossier_code,
    read_money,
    read_queue_label,
    read_time,
    vi_number,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"),
        (1023, "một nghìn không trăm hai mươi ba"),
        (2026, "hai nghìn không trăm hai mươi sáu"),
        (10_000, "mười nghìn"),
        (50_000, "năm mươi nghìn"),
        (100_000, "một trăm nghìn"),
        (1_000_000, "một triệu"),
        (1_500_000, "một triệu năm trăm nghìn"),
        (2_000_050, "hai triệu không trăm năm mươi"),
        (1_000_000_000, "một tỷ"),
    ],
)
def test_vietnamese_numbers(n: int, words: str) -> None:
    assert vi_number(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (13, "thirteen"),
        (42, "forty-two"),
        (105, "one hundred five"),
        (1023, "one thousand twenty-three"),
        (50_000, "fifty thousand"),
        (2_000_050, "two million fifty"),
    ],
)
def test_english_numbers(n: int, words: str) -> None:
    assert en_number(n) == words


@pytest.mark.parametrize(
    ("day", "language", "words"),
    [
        (date(2026, 3, 15), "vi", "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu"),
        (date(2025, 4, 1), "vi", "ngày một tháng tư năm hai nghìn không trăm hai mươi lăm"),
        (
            date(2026, 12, 31),
            "vi",
            "ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi sáu",
        ),
        (date(2026, 3, 15), "en", "fifteen March two thousand twenty-six"),
    ],
)
def test_dates(day: date, language: str, words: str) -> None:
    assert read_date(day, language) == words  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("moment", "language", "words"),
    [
        (time(8, 0), "vi", "tám giờ"),
        (time(14, 30), "vi", "mười bốn giờ ba mươi phút"),
        (time(7, 5), "vi", "bảy giờ năm phút"),
        (time(14, 30), "en", "fourteen thirty"),
        (time(9, 5), "en", "nine oh five"),
        (time(17, 0), "en", "seventeen o'clock"),
    ],
)
def test_times(moment: time, language: str, words: str) -> None:
    assert read_time(moment, language) == words  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "language", "words"),
    [
        (50_000, "vi", "năm mươi nghìn đồng"),
        (8_000, "vi", "tám nghìn đồng"),
        (0, "vi", "không đồng"),
        (1_200_000, "vi", "một triệu hai trăm nghìn đồng"),
        (50_000, "en", "fifty thousand dong"),
    ],
)
def test_money(amount: int, language: str, words: str) -> None:
    assert read_money(amount, language) == words  # type: ignore[arg-type]


def test_queue_labels_whole_or_digit_by_digit() -> None:
    assert read_queue_label("A042", "vi") == "a, bốn mươi hai"
    assert read_queue_label("A042", "vi", "digits") == "a, không bốn hai"
    assert read_queue_label("B1023", "vi") == "bê, một nghìn không trăm hai mươi ba"
    assert read_queue_label("A042", "en") == "A, forty-two"


def test_dossier_codes_are_read_in_the_groups_they_are_written_in() -> None:
    spoken = read_dossier_code("000.00.06.H56-260315-0001", "vi")
    assert spoken == (
        "không không không, không không, không sáu, hát năm sáu, "
        "hai sáu không ba một năm, không không không một"
    )


@pytest.mark.parametrize(
    ("text", "language", "spoken"),
    [
        (
            "Số của bạn là A042. Mời đến quầy 3.",
            "vi",
            "Số của bạn là a, bốn mươi hai. Mời đến quầy ba.",
        ),
        (
            "Lệ phí: 50.000 đ",
            "vi",
            "Lệ phí: năm mươi nghìn đồng",
        ),
        (
            "Hẹn trả: 15/03/2026 lúc 14:30",
            "vi",
            "Hẹn trả: ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu lúc "
            "mười bốn giờ ba mươi phút",
        ),
        (
            "Đường dây nóng 1900 1234 hoặc 0243 8251 234",
            "vi",
            "Đường dây nóng một chín không không, một hai ba bốn hoặc "
            "không hai bốn ba, tám hai năm một, hai ba bốn",
        ),
        (
            "Your number is A042. Fee 30.000 đ",
            "en",
            "Your number is A, forty-two. Fee thirty thousand dong",
        ),
        ("Ngày 31/02/2026", "vi", "Ngày ba một không hai hai không hai sáu"),
    ],
)
def test_screen_text_is_expanded(text: str, language: str, spoken: str) -> None:
    assert expand_for_speech(text, language) == spoken  # type: ignore[arg-type]


def test_a_centre_that_prefers_digit_by_digit() -> None:
    assert (
        expand_for_speech("Quầy 12, số A042", "vi", "digits") == "Quầy một hai, số a, không bốn hai"
    )
