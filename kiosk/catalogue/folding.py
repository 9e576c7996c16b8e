"""Turns Vietnamese text into the plain tokens citizens type on a keyboard without diacritics.

"Đăng ký khai sinh", "dang ky khai sinh" and "DANG KI KHAI SINH" all fold to
["dang", "ki", "khai", "sinh"], so search and the finder compare like with like.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_VOWELS = set("aeiou")


def fold(text: str) -> str:
    """Lower case, no tone or shape marks, đ → d; punctuation becomes spaces."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d")
    return _NON_WORD.sub(" ", stripped).strip()


def _spelling(token: str) -> str:
    # "ký"/"kí", "lý"/"lí", "mỹ"/"mĩ" are both correct spellings of one syllable, and
    # citizens type either: a final y right after a consonant is written as i.
    if len(token) >= 2 and token.endswith("y") and token[-2] not in _VOWELS:
        return token[:-1] + "i"
    return token


def tokens(text: str) -> list[str]:
    """Folded words of `text`, in order, with the y/i spelling variants made one."""
    return [_spelling(word) for word in fold(text).split()]
