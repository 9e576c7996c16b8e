"""How the kiosk reads numbers, dates, times, money and codes aloud.

A speech engine reads "1023" as digits or in a foreign style; a citizen expects "một nghìn không
trăm hai mươi ba", "ngày 15 tháng 3 năm 2026" as words and a dossier code in short groups. The
screen's own text goes through `expand_for_speech`, so what is heard never drifts from what is
shown.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from typing import Literal

Language = Literal["vi", "en"]
NumberStyle = Literal["whole", "digits"]

_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_VI_SCALES = ("", "nghìn", "triệu", "tỷ")

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_SCALES = ("", "thousand", "million", "billion")
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# How a letter of a queue label or code is said, as Vietnamese people spell Latin letters aloud.
_VI_LETTERS = {
    "A": "a",
    "B": "bê",
    "C": "xê",
    "D": "dê",
    "Đ": "đê",
    "E": "e",
    "F": "ép",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "e-lờ",
    "M": "em-mờ",
    "N": "en-nờ",
    "O": "o",
    "P": "pê",
    "Q": "quy",
    "R": "e-rờ",
    "S": "ét-xì",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê kép",
    "X": "ích-xì",
    "Y": "i dài",
    "Z": "dét",
}


def _vi_below_thousand(n: int, *, inner: bool) -> str:
    """0–999. `inner` is a group after a larger one: 5 there is "không trăm linh năm"."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or inner:
        words += [_VI_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
        if units:
            words.append(_VI_DIGITS[units])
        return " ".join(words)
    words += ["mười"] if tens == 1 else [_VI_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else "tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_VI_DIGITS[units])
    return " ".join(words)


def vi_number(n: int) -> str:
    """A whole number in Vietnamese words: 1023 → "một nghìn không trăm hai mươi ba"."""
    if n < 0:
        return "âm " + vi_number(-n)
    if n == 0:
        return _VI_DIGITS[0]
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    if len(groups) > len(_VI_SCALES):
        return vi_digits(str(n))
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words.append(_vi_below_thousand(group, inner=bool(words)))
        if _VI_SCALES[index]:
            words.append(_VI_SCALES[index])
    return " ".join(words)


def vi_digits(text: str) -> str:
    """Digit by digit, as a phone number or a code is read: "042" → "không bốn hai"."""
    return " ".join(_VI_DIGITS[int(ch)] for ch in text if ch.isdigit())


def _en_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds:
        words += [_EN_ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_ONES[units]}" if units else ""))
    elif rest:
        words.append(_EN_ONES[rest])
    return " ".join(words)


def en_number(n: int) -> str:
    """A whole number in English words: 1023 → "one thousand twenty-three"."""
    if n < 0:
        return "minus " + en_number(-n)
    if n == 0:
        return "zero"
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    if len(groups) > len(_EN_SCALES):
        return en_digits(str(n))
    words = [
        _en_below_thousand(group) + (f" {_EN_SCALES[index]}" if _EN_SCALES[index] else "")
        for index, group in reversed(list(enumerate(groups)))
        if group
    ]
    return " ".join(words)


def en_digits(text: str) -> str:
    return " ".join(_EN_ONES[int(ch)] for ch in text if ch.isdigit())


def number(n: int, language: Language) -> str:
    return vi_number(n) if language == "vi" else en_number(n)


def digits(text: str, language: Language) -> str:
    return vi_digits(text) if language == "vi" else en_digits(text)


def read_date(day: date, language: Language) -> str:
    """ "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu" / "15 March 2026"."""
    if language == "vi":
        month = "tư" if day.month == 4 else vi_number(day.month)
        return f"ngày {vi_number(day.day)} tháng {month} năm {vi_number(day.year)}"
    return f"{en_number(day.day)} {_EN_MONTHS[day.month - 1]} {en_number(day.year)}"


def read_time(moment: time, language: Language) -> str:
    """24-hour time as said in an office: 14:30 → "mười bốn giờ ba mươi phút"."""
    if language == "vi":
        spoken = f"{vi_number(moment.hour)} giờ"
        return spoken + (f" {vi_number(moment.minute)} phút" if moment.minute else "")
    if moment.minute == 0:
        return f"{en_number(moment.hour)} o'clock"
    minute = en_number(moment.minute) if moment.minute >= 10 else f"oh {en_number(moment.minute)}"
    return f"{en_number(moment.hour)} {minute}"


def read_money(amount: int, language: Language) -> str:
    """An amount in đồng: 50000 → "năm mươi nghìn đồng" / "fifty thousand dong"."""
    return f"{vi_number(amount)} đồng" if language == "vi" else f"{en_number(amount)} dong"


def spell(text: str, language: Language) -> str:
    """Letters and digits one by one (codes, unit ids): "H56" → "hát năm sáu"."""
    parts: list[str] = []
    for ch in text.upper():
        if ch.isdigit():
            parts.append(digits(ch, language))
        elif ch.isalpha():
            parts.append(_VI_LETTERS.get(ch, ch) if language == "vi" else ch)
    return " ".join(parts)


def read_queue_label(label: str, language: Language, style: NumberStyle = "whole") -> str:
    """A queue ticket: "A042" → "a, bốn mươi hai" (or "a, không bốn hai" digit by digit)."""
    match = re.fullmatch(r"([A-Za-zĐđ]*)(\d+)", label.strip())
    if match is None:
        return spell(label, language)
    letters, number_text = match.groups()
    spoken = (
        digits(number_text, language) if style == "digits" else number(int(number_text), language)
    )
    return f"{spell(letters, language)}, {spoken}" if letters else spoken


def read_dossier_code(code: str, language: Language) -> str:
    """`000.00.06.H56-260315-0001` in the groups a citizen copies it in, digit by digit."""
    groups = re.split(r"[.\-]", code)
    return ", ".join(spell(group, language) for group in groups if group)


_DOSSIER_CODE = re.compile(r"\b[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){1,5}-\d{6}-\d{4}\b")
_MONEY = re.compile(r"\b(\d{1,3}(?:\.\d{3})+|\d+)\s?(?:đ|đồng|VND|dong)(?!\w)", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_PHONE = re.compile(r"\b\d{3,4}(?: \d{3,4}){1,2}\b")
_QUEUE_LABEL = re.compile(r"\b([A-Z]{1,2})(\d{2,4})\b")
_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d+\b")


def _safe_date(match: re.Match[str]) -> date | None:
    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def is_vietnamese(text: str) -> bool:
    """Written in Vietnamese: a word with a Vietnamese mark (đ, ơ, ư, ă, â, ê, ô or a tone);
    "đ" alone is the currency sign an English screen shows too."""
    return any(len(word) > 1 and any(map(_marked, word)) for word in _WORD.findall(text))


def _marked(ch: str) -> bool:
    return ch in "đĐ" or unicodedata.normalize("NFD", ch) != ch


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def expand_for_speech(text: str, language: Language, style: NumberStyle = "whole") -> str:
    """The screen's text, numbers and all, as it is said. An English screen can show Vietnamese
    (a procedure's own name and papers exist in Vietnamese only): those sentences are read as
    Vietnamese, so "sau 15 giờ" is not "sau fifteen giờ"."""
    if language == "en":
        return " ".join(
            _expand(part, "vi" if is_vietnamese(part) else "en", style) for part in sentences(text)
        )
    return _expand(text, language, style)


def _expand(text: str, language: Language, style: NumberStyle) -> str:
    """The screen's text with every number, date, time, amount and code written as it is said.

    Order matters: a dossier code contains a date-like group and digits, money contains dots, so
    the most specific patterns are replaced first and their words are no longer digits.
    """

    def date_words(match: re.Match[str]) -> str:
        day = _safe_date(match)
        return read_date(day, language) if day else digits(match[0], language)

    text = _DOSSIER_CODE.sub(lambda m: read_dossier_code(m[0], language), text)
    text = _MONEY.sub(lambda m: read_money(int(m[1].replace(".", "")), language), text)
    text = _DATE.sub(date_words, text)
    text = _TIME.sub(lambda m: read_time(time(int(m[1]), int(m[2])), language), text)
    text = _PHONE.sub(lambda m: ", ".join(digits(g, language) for g in m[0].split()), text)
    text = _QUEUE_LABEL.sub(lambda m: read_queue_label(m[0], language, style), text)

    def number_words(match: re.Match[str]) -> str:
        raw = match[0]
        # Leading zeros and long bare digit runs are phone numbers, ID numbers or codes.
        if style == "digits" or (raw.startswith("0") and len(raw) > 1) or len(raw) > 4:
            return digits(raw, language)
        return number(int(raw.replace(".", "")), language)

    return _NUMBER.sub(number_words, text)
