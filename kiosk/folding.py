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


class Marked(str):
    """A folded word that was typed with diacritics; `accented` is how (lower case, with the
    y/i spelling made one as `tokens` makes it: "ký" is "kí"). It compares and hashes as the
    folded word, so it goes wherever a folded word goes and keeps what was typed."""

    accented: str

    def __new__(cls, folded: str, accented: str) -> Marked:
        word = super().__new__(cls, folded)
        word.accented = accented
        return word


def _accented_spelling(word: str, folded: str) -> str:
    if folded == word or not folded.endswith("i") or word[-1:] in "iìíỉĩị":
        return word
    last = unicodedata.normalize("NFD", word[-1]).replace("y", "i", 1)
    return word[:-1] + unicodedata.normalize("NFC", last)


def marked_tokens(text: str) -> list[str]:
    """`tokens(text)`, each word typed with diacritics (or đ) as a `Marked` one: whether
    "mắt" (eyes) or "mất" (died) was typed is known where the marks tell words apart."""
    if text.isascii():  # typed without marks, as many citizens type: nothing to remember
        return tokens(text)
    found: list[str] = []
    plain: list[str] = []
    accented: list[str] = []

    def end_word() -> None:
        if plain:
            word, folded = "".join(accented), _spelling("".join(plain))
            if word != folded:
                folded = Marked(folded, _accented_spelling(word, folded))
            found.append(folded)
            plain.clear()
            accented.clear()

    for char in unicodedata.normalize("NFC", text.lower()):
        bare = strip_marks(char)
        if not bare:  # a mark no letter took: still this word's
            accented.append(char)
        elif _NON_WORD.search(bare):
            end_word()
        else:
            plain.append(bare)
            accented.append(char)
    end_word()
    return found


# Tone marks (acute, grave, hook above, tilde, dot below) belong to the syllable: "xoá" and
# "xóa", "thuý" and "thúy" are one word with its tone placed by an older or newer rule.
_TONES = frozenset("\u0301\u0300\u0309\u0303\u0323")
# Hỏi and ngã are one tone in southern and central speech, and writers there mix them up
# ("củng" for "cũng", "sửa" for "sữa"): a citizen who typed one may mean the other.
_HOI, _NGA = "\u0309", "\u0303"


def _marks(word: str) -> tuple[frozenset[str], list[frozenset[str]]]:
    """The tone of an accented word and the shape marks on each letter (đ's stroke as a
    mark of d)."""
    tones: set[str] = set()
    letters: list[set[str]] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONES:
            tones.add(_HOI if char == _NGA else char)
        elif unicodedata.combining(char) and letters:
            letters[-1].add(char)
        else:
            letters.append({"đ"} if char == "đ" else set())
    return frozenset(tones), [frozenset(marks) for marks in letters]


@lru_cache(maxsize=8192)
def accents_agree(typed: str, written: str) -> bool:
    """Whether a word typed with these marks may be the word written with those: every mark
    typed is there (a tone anywhere in the syllable, a shape on that letter), so "mât" (a
    tone left out) is "mất", "xoá" is "xóa" and "củng" is "cũng", but "mắt" (eyes) is not
    "mất" (died), nor "còn" (still) "con" (child)."""
    (typed_tones, typed_shapes), (tones, shapes) = _marks(typed), _marks(written)
    return (
        typed_tones <= tones
        and len(typed_shapes) == len(shapes)
        and all(t <= w for t, w in zip(typed_shapes, shapes, strict=True))
    )


def accent_of(word: str) -> str:
    """How a word from `marked_tokens` was written: with its marks, or as folded."""
    return word.accented if isinstance(word, Marked) else word


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
