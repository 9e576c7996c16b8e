"""Folds Vietnamese text the way citizens type it on a keyboard without diacritics: the one
home of diacritic folding for search, the finder, administrative units and the chip's MRZ.

"Đăng ký khai sinh", "dang ky khai sinh" and "DANG KI KHAI SINH" all fold to
["dang", "ki", "khai", "sinh"], so every search compares like with like.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_VOWELS = set("aeiou")


def strip_marks(text: str) -> str:
    """`text` without tone or shape marks, đ → d and Đ → D; case and punctuation kept."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case, no marks, đ → d; punctuation becomes spaces, one space between words."""
    return _NON_WORD.sub(" ", strip_marks(text).lower()).strip()


def _spelling(token: str) -> str:
    # "ký"/"kí", "lý"/"lí", "mỹ"/"mĩ" are both correct spellings of one syllable, and
    # citizens type either: a final y right after a consonant is written as i.
    if len(token) >= 2 and token.endswith("y") and token[-2] not in _VOWELS:
        return token[:-1] + "i"
    return token


def tokens(text: str) -> list[str]:
    """Folded words of `text`, in order, with the y/i spelling variants made one."""
    return [_spelling(word) for word in fold(text).split()]


def mrz_letters(text: str) -> str:
    """Upper-case letters without marks, one space between words: how the MRZ spells names."""
    return " ".join(re.sub(r"[^A-Z]+", " ", strip_marks(text).upper()).split())
