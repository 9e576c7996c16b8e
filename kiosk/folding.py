"""Folds Vietnamese text the way citizens type it on a keyboard without diacritics: the one
home of diacritic folding for search, the finder, administrative units and the chip's MRZ.

"Đăng ký khai sinh", "dang ky khai sinh" and "DANG KI KHAI SINH" all fold to
["dang", "ki", "khai", "sinh"], so every search compares like with like.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


# Keys an input method turns into marks, left in by a keyboard without one: Telex tones
# (s f r x j, z), shapes (w; aa ee oo; dd) and VNI's digits. None of them ends a Vietnamese
# syllable after its vowel, so after the onset they can only be marks.
_MARK_KEYS = re.compile(r"[fjrsxzw1-9]")
_DOUBLED_VOWEL = re.compile(r"([aeo])\1")
_ONSET = re.compile(r"[^aeiouy]*")


def without_input_keys(word: str) -> str:
    """A folded word as it reads with the input method's keys taken out: "soor" → "so",
    "ddaauf" → "dau", "chuwngs" → "chung", "cu7o71c" → "cuoc", "d9o3" → "do". A word
    without a vowel ("cccd", "ct07", "14") keeps its letters but for the đ of a short form
    typed as dd ("ddkkh" → "dkkh"). Only the caller knows whether the result is the word meant
    ("xoong" is a real word), so it tries this after the word as typed."""
    onset = _ONSET.match(word)
    start = onset.end() if onset else 0
    if start == len(word):
        return word.replace("dd", "d")
    head = re.sub(r"[1-9]", "", word[:start]).replace("dd", "d")
    tail = _DOUBLED_VOWEL.sub(r"\1", _MARK_KEYS.sub("", word[start:]))
    return _spelling(head + tail)


# Sounds that one region says alike and so writes either way: initials ch/tr, s/x, d/gi/r, l/n
# and v/d, finals n/ng, t/c and nh/n (southern speech merges the finals, northern the l/n),
# and the h of ngh/gh dropped before e and i ("ngèo" for "nghèo"). Folded spellings.
_INITIALS_ALIKE = ("ch tr", "s x", "d gi", "d r", "gi r", "l n", "v d")
_FINALS_ALIKE = ("ng n", "c t", "nh n", "ch t")
_ALIKE_VOWELS = frozenset("aeiouy")


def _both_ways(pairs: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, b) for one, other in map(str.split, pairs) for a, b in ((one, other), (other, one))]


_INITIAL_SWAPS = _both_ways(_INITIALS_ALIKE)
_FINAL_SWAPS = _both_ways(_FINALS_ALIKE)


@lru_cache(maxsize=4096)
def sound_alikes(word: str) -> frozenset[str]:
    """Spellings of a folded word that sound the same to a speaker of some region, one
    confusion at a time: "chu" → {"tru"}, "hong" → {"hon"}, "sin" → {"xin", "sinh", …}. The
    caller keeps the ones that are words it knows."""
    found: set[str] = set()
    for typed, meant in _INITIAL_SWAPS:
        rest = word[len(typed) :]
        if word.startswith(typed) and rest[:1] in _ALIKE_VOWELS:
            found.add(meant + rest)
    for typed, meant in _FINAL_SWAPS:
        stem = word[: -len(typed)]
        if word.endswith(typed) and stem[-1:] in _ALIKE_VOWELS:
            found.add(stem + meant)
    for onset in ("ng", "g"):
        vowel = word[len(onset) : len(onset) + 1]
        if word.startswith(onset) and vowel in ("e", "i") and not word.startswith("gi"):
            found.add(onset + "h" + word[len(onset) :])
    found.discard(word)
    return frozenset(found)


def mrz_letters(text: str) -> str:
    """Upper-case letters without marks, one space between words: how the MRZ spells names."""
    return " ".join(re.sub(r"[^A-Z]+", " ", strip_marks(text).upper()).split())
