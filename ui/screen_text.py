"""What a screen says, read from the screen itself: the QML items of the screen on show.

The words spoken are the words drawn (no second script that drifts): the heading, the texts of
the body, and the controls a keypad can reach (`activeFocusOnTab`), each by its `spokenText`
(a button's or tile's accessible name). An item marked `personal` (an ID number, a name, an
address, a date of birth) is left out unless the citizen asked for the whole screen on that
screen; an item marked `hint` is read with the whole screen only. The top bar (back, home,
display toggles) and an on-screen keyboard's keys are spoken when they get the keypad's focus,
not with every screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtQuick import QQuickItem

HEADING = "screenHeading"
TOP_BAR = "topBar"


@dataclass(frozen=True)
class ScreenText:
    heading: str
    texts: tuple[str, ...]  # the question and what the screen tells, in reading order
    hints: tuple[str, ...]
    personal: tuple[str, ...]
    choices: tuple[str, ...]  # what Enter can choose, in the keypad's order

    def summary(self, choices_word: str) -> str:
        """The heading, the question and the choices: what is said when a screen opens."""
        return _join([self.heading, *self.texts, *self._choices(choices_word)])

    def whole(self, choices_word: str) -> str:
        """Everything on the screen, personal details included: said only when asked."""
        parts = [self.heading, *self.texts, *self.personal, *self.hints]
        return _join([*parts, *self._choices(choices_word)])

    def _choices(self, word: str) -> list[str]:
        return [word, *self.choices] if self.choices else []


def _join(parts: list[str]) -> str:
    sentences = [" ".join(part.split()) for part in parts if part and part.strip()]
    return " ".join(s if s[-1] in ".?!:" else s + "." for s in sentences)


def spoken_label(item: QQuickItem) -> str:
    """A control's words as the keypad's focus reads them ("" for an item without any)."""
    label = item.property("spokenText")
    return label if isinstance(label, str) else ""


def read_screen(screen: QQuickItem) -> ScreenText:
    heading = ""
    texts: list[str] = []
    hints: list[str] = []
    personal: list[str] = []
    choices: list[str] = []

    def walk(item: QQuickItem, is_personal: bool) -> None:
        nonlocal heading
        if not item.isVisible() or item.objectName() == TOP_BAR:
            return
        if item.property("onScreenKeyboard") is True:
            return  # its keys are said one by one as the keypad reaches them
        is_personal = is_personal or item.property("personal") is True
        if item.property("activeFocusOnTab") is True and spoken_label(item):
            if item.isEnabled() and not is_personal:
                choices.append(spoken_label(item))
            return  # a control's own texts are its label
        # drawn text only: what is typed into a field is the citizen's own and never read out
        text = item.property("text") if item.inherits("QQuickText") else None
        if isinstance(text, str) and text.strip():
            if item.objectName() == HEADING:
                heading = text
            elif is_personal:
                personal.append(text)
            elif item.property("hint") is True:
                hints.append(text)
            else:
                texts.append(text)
        for child in sorted(item.childItems(), key=_reading_order):
            walk(child, is_personal)

    walk(screen, False)
    return ScreenText(heading, tuple(texts), tuple(hints), tuple(personal), tuple(choices))


def _reading_order(item: QQuickItem) -> tuple[float, float]:
    """Top to bottom, then left to right, as a sighted reader scans the screen."""
    corner = item.mapToScene(item.boundingRect().topLeft())
    return (round(corner.y() / 8), corner.x())
