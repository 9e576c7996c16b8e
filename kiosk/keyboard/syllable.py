"""A Vietnamese syllable as onset + vowel cluster + final consonant, where its tone mark goes,
and how shape marks (â ă ê ô ơ ư đ) attach to it.

Tone placement follows one rule everywhere. The modern (orthographic) style puts the mark on the
second vowel of an open "oa", "oe", "uy" (hoà, khoẻ, thuý); the traditional style puts it on the
first (hòa, khỏe, thúy). Both agree everywhere else: a shaped vowel takes the tone (the ơ of ươ),
a syllable with a final consonant takes it on its last vowel (hoàng, thuyền), three vowels on the
middle one (khoái, khuỷu).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.keyboard.letters import ALLOWED_SHAPES, Letter, Shape, Tone


class ToneStyle(Enum):
    MODERN = "modern"
    TRADITIONAL = "traditional"


def _spelled(words: str) -> frozenset[str]:
    return frozenset(words.split())


ONSETS = _spelled("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x") | {""}
# Vowel clusters by their base letters (marks ignored), as they occur in syllables, including the
# unmarked forms met half-way through typing ("ie" before it becomes "iê").
CLUSTERS = _spelled(
    """a e i o u y
    ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo uu uy ye
    ieu yeu oai oay oeo uay uoi uou uya uye uyu"""
)
CODAS = _spelled("c ch m n ng nh p t") | {""}
_SECOND_VOWEL_WHEN_OPEN = frozenset({"oa", "oe", "uy"})


@dataclass(frozen=True)
class Syllable:
    onset: tuple[Letter, ...]
    vowels: tuple[Letter, ...]
    coda: tuple[Letter, ...]

    @property
    def letters(self) -> list[Letter]:
        return [*self.onset, *self.vowels, *self.coda]

    @property
    def cluster(self) -> str:
        return "".join(v.base for v in self.vowels)

    @property
    def tone(self) -> Tone | None:
        return next((v.tone for v in self.vowels if v.tone), None)

    def is_valid(self) -> bool:
        """Could this be (the start of) a Vietnamese syllable? Telex keys only act on these."""
        return (
            _bases(self.onset) in ONSETS
            and self.cluster in CLUSTERS
            and _bases(self.coda) in CODAS
            and all(v.base != "đ" for v in self.vowels)
        )


def _bases(letters: tuple[Letter, ...]) -> str:
    return "".join(letter.base for letter in letters)


def split(letters: list[Letter]) -> Syllable | None:
    """Splits a word around its last run of vowels; None when it has no vowel.

    "qu" and "gi" before another vowel are onsets (quá, già), so their u and i are not part of
    the cluster; "gì" keeps its i.
    """
    end = max((i for i, letter in enumerate(letters) if letter.is_vowel), default=-1) + 1
    if end == 0:
        return None
    start = end
    while start > 0 and letters[start - 1].is_vowel:
        start -= 1
    onset = _bases(tuple(letters[:start]))
    if start + 1 < end and (
        (onset == "q" and letters[start].base == "u")
        or (onset == "g" and letters[start].base == "i" and letters[start].tone is None)
    ):
        start += 1
    return Syllable(tuple(letters[:start]), tuple(letters[start:end]), tuple(letters[end:]))


def tone_position(syllable: Syllable, style: ToneStyle) -> int:
    """Index in `syllable.vowels` of the vowel that carries the tone mark."""
    shaped = [i for i, vowel in enumerate(syllable.vowels) if vowel.shape is not None]
    if shaped:
        return shaped[-1]
    count = len(syllable.vowels)
    if count == 1:
        return 0
    if syllable.coda:
        return count - 1
    if count >= 3:
        return 1
    modern = style is ToneStyle.MODERN
    return 1 if modern and syllable.cluster in _SECOND_VOWEL_WHEN_OPEN else 0


def with_tone(syllable: Syllable, tone: Tone | None, style: ToneStyle) -> Syllable:
    """The syllable with its tone set (None removes it), on the vowel the rule picks."""
    bare = [v.with_tone(None) for v in syllable.vowels]
    if tone is not None:
        position = tone_position(Syllable(syllable.onset, tuple(bare), syllable.coda), style)
        bare[position] = bare[position].with_tone(tone)
    return Syllable(syllable.onset, tuple(bare), syllable.coda)


def replace_tone(syllable: Syllable, style: ToneStyle) -> Syllable:
    """Moves an existing tone to where the rule puts it (after a letter was added or reshaped)."""
    return with_tone(syllable, syllable.tone, style)


def horn_targets(syllable: Syllable) -> list[int]:
    """Which vowels a horn (Telex w, the ơ/ư buttons) marks: both of "uo" (ươ), else the first u
    or o. Empty when there is none."""
    bases = syllable.cluster
    pair = bases.find("uo")
    if pair >= 0:
        return [pair, pair + 1]
    return next(([i] for i, base in enumerate(bases) if base in "uo"), [])


def shape_targets(syllable: Syllable, base: str, shape: Shape) -> list[int]:
    """Vowels of `syllable` that `shape` applies to for the key/button of `base`."""
    if shape is Shape.HORN:
        targets = horn_targets(syllable)
        wanted = any(syllable.vowels[i].base == base for i in targets)
        return targets if wanted else []
    indexes = [i for i, vowel in enumerate(syllable.vowels) if vowel.base == base]
    if shape in ALLOWED_SHAPES.get(base, set()) and indexes:
        return indexes[-1:]
    return []


def reshape(syllable: Syllable, targets: list[int], shape: Shape | None) -> Syllable:
    vowels = list(syllable.vowels)
    for i in targets:
        vowels[i] = vowels[i].with_shape(shape)
    return Syllable(syllable.onset, tuple(vowels), syllable.coda)
