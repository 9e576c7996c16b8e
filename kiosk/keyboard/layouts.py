"""The keyboard's layouts as data: which keys, in which rows, how wide. The Qt Quick component
draws whatever is here, so a layout can change without touching the drawing code.

- `letters`: a row of tone and shape buttons (for those who do not know Telex) above a QWERTY
  block with the few signs addresses need;
- `plain`: the same QWERTY block without the tone and shape row, for typing in English;
- `symbols`: digits as on a phone, with signs for house numbers, e-mail and phone numbers;
- `digits`: digits only, for fields that take nothing else (ID number, phone number).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.keyboard.letters import Tone


class KeyKind(Enum):
    CHARACTER = "character"  # types `value`
    TONE = "tone"  # `value` is a Tone name, or "" to remove the tone
    MARK = "mark"  # `value` is one of â ă ê ô ơ ư đ
    SHIFT = "shift"
    BACKSPACE = "backspace"
    SPACE = "space"
    LAYOUT = "layout"  # switches to the layout named `value`
    DONE = "done"


@dataclass(frozen=True)
class Key:
    kind: KeyKind
    value: str = ""
    label: str = ""  # what the key shows when it is not its own character
    label_key: str = ""  # translation key of the words it shows, if any
    width: float = 1.0  # in key widths

    @property
    def name(self) -> str:
        """A stable object name for the drawn key (tests and accessibility tools find it)."""
        if self.kind is KeyKind.CHARACTER:
            return f"key_{self.value}"
        if self.kind in (KeyKind.TONE, KeyKind.MARK, KeyKind.LAYOUT):
            return f"{self.kind.value}_{self.value or 'none'}"
        return f"key_{self.kind.value}"


@dataclass(frozen=True)
class Layout:
    name: str
    rows: tuple[tuple[Key, ...], ...]

    @property
    def width(self) -> float:
        """The widest row, in key widths: the drawing scales key width to fit it."""
        return max(sum(key.width for key in row) for row in self.rows)


def _characters(text: str) -> tuple[Key, ...]:
    return tuple(Key(KeyKind.CHARACTER, char) for char in text)


_TONE_SAMPLES = {
    Tone.ACUTE: "á",
    Tone.GRAVE: "à",
    Tone.HOOK: "ả",
    Tone.TILDE: "ã",
    Tone.DOT: "ạ",
}
_SHIFT = Key(KeyKind.SHIFT, label_key="keyboard.shift", width=2)
_BACKSPACE = Key(KeyKind.BACKSPACE, label_key="keyboard.backspace", width=2)
_DONE = Key(KeyKind.DONE, label_key="keyboard.done", width=3)
_SPACE = Key(KeyKind.SPACE, label_key="keyboard.space", width=7)

_QWERTY = (
    (*_characters("qwertyuiop"), _BACKSPACE),
    _characters("asdfghjkl/"),
    (_SHIFT, *_characters("zxcvbnm,.-")),
    (
        Key(KeyKind.LAYOUT, "symbols", "123", "keyboard.symbols", width=2),
        _SPACE,
        _DONE,
    ),
)

LETTERS = Layout(
    "letters",
    (
        (
            *(
                Key(KeyKind.TONE, tone.name.lower(), sample, f"keyboard.tone.{tone.name.lower()}")
                for tone, sample in _TONE_SAMPLES.items()
            ),
            Key(KeyKind.TONE, "", label_key="keyboard.tone.none", width=1.5),
            *(Key(KeyKind.MARK, mark, mark) for mark in "âăêôơưđ"),
        ),
        *_QWERTY,
    ),
)

PLAIN = Layout("plain", _QWERTY)

SYMBOLS = Layout(
    "symbols",
    (
        _characters("123-/"),
        _characters("456.,"),
        _characters("789@+"),
        (
            Key(KeyKind.LAYOUT, "letters", "ABC", "keyboard.letters"),
            *_characters("0"),
            Key(KeyKind.BACKSPACE, label_key="keyboard.backspace"),
            Key(KeyKind.DONE, label_key="keyboard.done", width=2),
        ),
    ),
)

DIGITS = Layout(
    "digits",
    (
        _characters("123"),
        _characters("456"),
        _characters("789"),
        (
            Key(KeyKind.BACKSPACE, label_key="keyboard.backspace"),
            *_characters("0"),
            Key(KeyKind.DONE, label_key="keyboard.done"),
        ),
    ),
)

LAYOUTS = {layout.name: layout for layout in (LETTERS, PLAIN, SYMBOLS, DIGITS)}
