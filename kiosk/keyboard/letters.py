"""Vietnamese letters taken apart into base letter, shape mark (â ă ê ô ơ ư), tone mark and case,
and put back together in NFC, so typing rules can change one part without touching the others."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from enum import Enum


class Shape(Enum):
    CIRCUMFLEX = "\u0302"  # â ê ô
    BREVE = "\u0306"  # ă
    HORN = "\u031b"  # ơ ư


class Tone(Enum):
    ACUTE = "\u0301"  # sắc: á
    GRAVE = "\u0300"  # huyền: à
    HOOK = "\u0309"  # hỏi: ả
    TILDE = "\u0303"  # ngã: ã
    DOT = "\u0323"  # nặng: ạ


VOWELS = frozenset("aeiouy")
# Which shape each vowel can take; anything else is not Vietnamese.
ALLOWED_SHAPES = {
    "a": {Shape.CIRCUMFLEX, Shape.BREVE},
    "e": {Shape.CIRCUMFLEX},
    "o": {Shape.CIRCUMFLEX, Shape.HORN},
    "u": {Shape.HORN},
}
_SHAPES = {shape.value: shape for shape in Shape}
_TONES = {tone.value: tone for tone in Tone}


@dataclass(frozen=True)
class Letter:
    """One letter of a word. `base` is a lower-case a–z or "đ"; a letter that is not Vietnamese
    (ñ, ç…) keeps its own text as `base` and is never changed."""

    base: str
    shape: Shape | None = None
    tone: Tone | None = None
    upper: bool = False

    @property
    def is_vowel(self) -> bool:
        return self.base in VOWELS

    @property
    def text(self) -> str:
        marks = (self.shape.value if self.shape else "") + (self.tone.value if self.tone else "")
        composed = unicodedata.normalize("NFC", self.base + marks)
        return composed.upper() if self.upper else composed

    def with_shape(self, shape: Shape | None) -> Letter:
        return replace(self, shape=shape)

    def with_tone(self, tone: Tone | None) -> Letter:
        return replace(self, tone=tone)


def letter_of(char: str) -> Letter:
    """`char` (one letter, any normal form) taken apart."""
    upper = char != char.lower()
    lowered = unicodedata.normalize("NFD", char.lower())
    base, marks = lowered[0], lowered[1:]
    if base == "đ" or (base.isascii() and base.isalpha()):
        shape = tone = None
        for mark in marks:
            if mark in _SHAPES and shape is None:
                shape = _SHAPES[mark]
            elif mark in _TONES and tone is None and base in VOWELS:
                tone = _TONES[mark]
            else:
                return Letter(unicodedata.normalize("NFC", char))
        if shape is None or shape in ALLOWED_SHAPES.get(base, set()):
            return Letter(base, shape, tone, upper)
    return Letter(unicodedata.normalize("NFC", char))


def letters_of(word: str) -> list[Letter]:
    """A word's letters; `word` is NFC-normalised first so each letter is one character."""
    return [letter_of(char) for char in unicodedata.normalize("NFC", word)]


def spell(letters: list[Letter]) -> str:
    return "".join(letter.text for letter in letters)
