"""Turns key and button taps into edits of the text before the cursor: Telex typing (aa → â,
dd → đ, s/f/r/x/j tones, z removes the tone, a repeated key undoes: ss → s) and the visible
tone and shape buttons, which act on the word being typed.

The composer reads the word before the cursor from the field every time instead of keeping its
own copy, so it never disagrees with the field when the citizen moves the cursor or a form fills
a field by itself. It only remembers which Telex keys were undone in the current word, so that
"Ross" can be typed (s, then ss → s, then s stays s).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from kiosk.keyboard.letters import Letter, Shape, Tone, letter_of, letters_of, spell
from kiosk.keyboard.syllable import (
    ONSETS,
    Syllable,
    ToneStyle,
    horn_targets,
    replace_tone,
    reshape,
    shape_targets,
    split,
    with_tone,
)

TELEX_TONES = {"s": Tone.ACUTE, "f": Tone.GRAVE, "r": Tone.HOOK, "x": Tone.TILDE, "j": Tone.DOT}
# The shape buttons: the letter shown on the button → the base it marks and the mark.
SHAPE_BUTTONS = {
    "â": ("a", Shape.CIRCUMFLEX),
    "ă": ("a", Shape.BREVE),
    "ê": ("e", Shape.CIRCUMFLEX),
    "ô": ("o", Shape.CIRCUMFLEX),
    "ơ": ("o", Shape.HORN),
    "ư": ("u", Shape.HORN),
}
STROKED_D = "đ"


class Capitalization(Enum):
    NONE = "none"
    SENTENCES = "sentences"
    WORDS = "words"  # names and addresses


@dataclass(frozen=True)
class Edit:
    """Remove the `remove` characters just before the cursor, then insert `insert` there."""

    remove: int = 0
    insert: str = ""


def current_word(before_cursor: str) -> str:
    """The letters just before the cursor, with any combining marks, as they are in the field."""
    start = len(before_cursor)
    while start > 0 and (
        before_cursor[start - 1].isalpha() or unicodedata.combining(before_cursor[start - 1])
    ):
        start -= 1
    return before_cursor[start:]


def wants_capital(before_cursor: str, mode: Capitalization) -> bool:
    """Whether the next letter should be a capital (the keyboard's automatic shift)."""
    if mode is Capitalization.NONE:
        return False
    if mode is Capitalization.WORDS:
        return not before_cursor or before_cursor[-1].isspace() or before_cursor[-1] in "-('\""
    stripped = before_cursor.rstrip()
    return not stripped or (stripped != before_cursor and stripped[-1] in ".!?")


def _edit(old: str, new: str) -> Edit:
    common = 0
    while common < min(len(old), len(new)) and old[common] == new[common]:
        common += 1
    return Edit(len(old) - common, new[common:])


class VietnameseComposer:
    def __init__(self, telex: bool = True, style: ToneStyle = ToneStyle.MODERN) -> None:
        self.telex = telex
        self.style = style
        self._word = ""  # the current word as this composer last left it (NFC)
        self._undone: set[str] = set()
        self._standalone_w = False  # the last key turned a lone w into ư

    def reset(self) -> None:
        """Forget the current word (focus moved, the keyboard closed)."""
        self._word = ""
        self._undone.clear()
        self._standalone_w = False

    # --- taps -------------------------------------------------------------------------------
    def key(self, char: str, before_cursor: str) -> Edit:
        """A character key: letters go through Telex, anything else is typed as it is."""
        if len(char) != 1:
            raise ValueError("one character per key")
        raw = self._sync(before_cursor)
        if not char.isalpha():
            self.reset()
            return Edit(0, unicodedata.normalize("NFC", char))
        letters = letters_of(raw)
        standalone_before = self._standalone_w
        self._standalone_w = False
        new = self._telex(letters, char, standalone_before) if self.telex else None
        if new is None:
            new = self._settled([*letters, letter_of(char)])
        return self._finish(raw, new)

    def tone(self, tone: Tone | None, before_cursor: str) -> Edit:
        """A tone button: sets `tone` on the current word (None, or its own tone again, removes
        it). Acts on any word with a vowel, Vietnamese or not, as the citizen asked for it."""
        raw = self._sync(before_cursor)
        syllable = split(letters_of(raw))
        if syllable is None:
            return Edit()
        wanted = None if syllable.tone is tone else tone
        return self._finish(raw, with_tone(syllable, wanted, self.style).letters)

    def mark(self, button: str, before_cursor: str) -> Edit:
        """A shape button (â ă ê ô ơ ư đ; upper case for capitals): marks the matching letter of
        the current word, removes the mark if it is there already, or else types the letter."""
        lowered = button.lower()
        if lowered != STROKED_D and lowered not in SHAPE_BUTTONS:
            raise ValueError(f"not a shape button: {button!r}")
        raw = self._sync(before_cursor)
        letters = letters_of(raw)
        if lowered == STROKED_D:
            if letters and letters[0].base in ("d", STROKED_D):
                stroked = "d" if letters[0].base == STROKED_D else STROKED_D
                return self._finish(raw, [Letter(stroked, upper=letters[0].upper), *letters[1:]])
            return self._finish(raw, [*letters, letter_of(button)])
        base, shape = SHAPE_BUTTONS[lowered]
        syllable = split(letters)
        targets = shape_targets(syllable, base, shape) if syllable else []
        if not targets:
            return self._finish(raw, self._settled([*letters, letter_of(button)]))
        assert syllable is not None
        marked = all(syllable.vowels[i].shape is shape for i in targets)
        reshaped = reshape(syllable, targets, None if marked else shape)
        return self._finish(raw, replace_tone(reshaped, self.style).letters)

    def backspace(self, before_cursor: str) -> Edit:
        """Removes the last character (with its combining marks, if the field holds NFD)."""
        raw = self._sync(before_cursor)
        end = len(before_cursor)
        while end > 0 and unicodedata.combining(before_cursor[end - 1]):
            end -= 1
        remove = len(before_cursor) - max(end - 1, 0)
        self._word = unicodedata.normalize("NFC", raw[: max(len(raw) - remove, 0)])
        self._standalone_w = False
        return Edit(remove, "")

    # --- Telex ------------------------------------------------------------------------------
    def _telex(self, letters: list[Letter], char: str, standalone_w: bool) -> list[Letter] | None:
        """The word after a Telex key, or None when the key is just a letter to type."""
        key = char.lower()
        if key in self._undone:
            return None
        syllable = split(letters)
        valid = syllable is not None and syllable.is_valid()
        if key in TELEX_TONES and valid:
            assert syllable is not None
            tone = TELEX_TONES[key]
            if syllable.tone is tone:
                return self._undo(with_tone(syllable, None, self.style).letters, char)
            return with_tone(syllable, tone, self.style).letters
        if key == "z" and valid and syllable and syllable.tone:
            return with_tone(syllable, None, self.style).letters
        if key in "aeo" and valid:
            assert syllable is not None
            return self._toggle(
                syllable, shape_targets(syllable, key, Shape.CIRCUMFLEX), Shape.CIRCUMFLEX, char
            )
        if key == "w":
            return self._telex_w(letters, syllable, valid, char, standalone_w)
        if key == "d":
            return self._telex_d(letters, syllable, char)
        return None

    def _telex_w(
        self,
        letters: list[Letter],
        syllable: Syllable | None,
        valid: bool,
        char: str,
        standalone_w: bool,
    ) -> list[Letter] | None:
        if (
            standalone_w
            and letters
            and letters[-1] == Letter("u", Shape.HORN, upper=letters[-1].upper)
        ):
            return self._undo(letters[:-1], char)
        if syllable is None:
            if "".join(letter.base for letter in letters) in ONSETS:
                self._standalone_w = True
                return [*letters, Letter("u", Shape.HORN, upper=char.isupper())]
            return None
        if not valid:
            return None
        if syllable.cluster == "oa":
            return self._toggle(syllable, [1], Shape.BREVE, char)
        targets = horn_targets(syllable)
        if targets:
            return self._toggle(syllable, targets, Shape.HORN, char)
        breve = shape_targets(syllable, "a", Shape.BREVE)
        return self._toggle(syllable, breve, Shape.BREVE, char) if breve else None

    def _telex_d(
        self, letters: list[Letter], syllable: Syllable | None, char: str
    ) -> list[Letter] | None:
        first_is_d = bool(letters) and letters[0].base in ("d", STROKED_D)
        only_onset = syllable is None and len(letters) == 1
        if not first_is_d or not (
            only_onset or (syllable and syllable.is_valid() and len(syllable.onset) == 1)
        ):
            return None
        if letters[0].base == STROKED_D:
            return self._undo([Letter("d", upper=letters[0].upper), *letters[1:]], char)
        return [Letter(STROKED_D, upper=letters[0].upper), *letters[1:]]

    def _toggle(
        self, syllable: Syllable, targets: list[int], shape: Shape, char: str
    ) -> list[Letter] | None:
        if not targets:
            return None
        if all(syllable.vowels[i].shape is shape for i in targets):
            return self._undo(reshape(syllable, targets, None).letters, char)
        return replace_tone(reshape(syllable, targets, shape), self.style).letters

    def _undo(self, letters: list[Letter], char: str) -> list[Letter]:
        """A repeated key takes its mark back and is typed as a letter; from then on in this word
        the key is just a letter."""
        self._undone.add(char.lower())
        return [*letters, letter_of(char)]

    # --- bookkeeping ------------------------------------------------------------------------
    def _settled(self, letters: list[Letter]) -> list[Letter]:
        """After a letter is added the tone may belong on another vowel (hó + a → hoá)."""
        syllable = split(letters)
        if syllable is not None and syllable.tone and syllable.is_valid():
            return replace_tone(syllable, self.style).letters
        return letters

    def _sync(self, before_cursor: str) -> str:
        raw = current_word(before_cursor)
        if unicodedata.normalize("NFC", raw) != self._word:
            self.reset()
        return raw

    def _finish(self, raw: str, letters: list[Letter]) -> Edit:
        new = spell(letters)
        self._word = new
        return _edit(raw, new)
