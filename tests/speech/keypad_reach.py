"""Walks the screen on show with the keypad's Down key and checks that every control a finger
can use (found by what takes touches and typing: mouse areas and text fields, not by the
keypad's own marks) is reached, framed and spoken: the screen's own, the bars under it (the
answer to a staff call) and, where a field opens the on-screen keyboard, every key of it (walked
with the Right key, which steps through the keys round the whole keyboard)."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickItem

# The hidden technician entry (the heading held for 3 s) is not a citizen's control.
NOT_CITIZEN_CONTROLS = {"headingHold"}
MAX_PRESSES = 250
MAX_KEYS = 80  # the widest layout has 45 keys


@dataclass(frozen=True)
class Reach:
    controls: int  # controls a finger can use on the screen
    unreached: list[str]  # a control the Down key never framed, or that says nothing
    unspoken: list[str]  # a control framed without its words being said


# Items are told apart by their properties, never by `metaObject().className()`: PySide keeps
# the wrapper of a QML type's meta-object after the type is freed with its engine, and a later
# item allocated at that address came back from childItems() as a QMetaObject, failing
# unrelated tests run after this one in the same process.


def _describe(item: QQuickItem) -> str:
    """The control's own name, else the nearest named item around it."""
    names = [type(item).__name__]
    while item is not None and not item.objectName():
        item = item.parentItem()
        if item is not None:
            names.append(type(item).__name__)
    return "/".join([item.objectName() if item is not None else "?", *reversed(names)])


def _is_on_screen_key(item: QQuickItem) -> bool:
    return item.property("keyName") is not None and item.property("labelKey") is not None


def _is_focus_frame_of(frame: QQuickItem, item: QQuickItem) -> bool:
    return frame.property("target") == item


def _keyboard_of(item: QQuickItem) -> QQuickItem | None:
    while item is not None and item.property("onScreenKeyboard") is not True:
        item = item.parentItem()
    return item


def _takes_touch_or_typing(item: QQuickItem) -> bool:
    if item.objectName() in NOT_CITIZEN_CONTROLS or item.width() <= 0 or item.height() <= 0:
        return False
    if item.inherits("QQuickMouseArea"):  # its own `enabled`, not the item's
        return item.isEnabled() and item.property("enabled") is True
    return item.inherits("QQuickTextInput") and item.property("readOnly") is not True


def _visible_controls(root: QQuickItem) -> set[QQuickItem]:
    """The item the keypad must frame for each touchable thing (itself or the control around
    it); an on-screen keyboard's keys are walked apart (`_walk_keyboard`)."""
    controls: set[QQuickItem] = set()
    pending = [root]
    while pending:
        item = pending.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        if item.property("onScreenKeyboard") is True:
            continue
        if _takes_touch_or_typing(item):
            control = item
            while control is not None and control.property("activeFocusOnTab") is not True:
                control = control.parentItem()
            controls.add(control if control is not None else item)
        pending.extend(item.childItems())
    return controls


def _usable(control: QQuickItem) -> bool:
    """Still there, shown and in the keypad's chain (a list row scrolled away is gone)."""
    return (
        shiboken6.isValid(control)
        and control.isVisible()
        and control.property("activeFocusOnTab") is not False
    )


def _press(window, key: Qt.Key = Qt.Key.Key_Down) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QGuiApplication.sendEvent(window, QKeyEvent(kind, key, Qt.KeyboardModifier(0)))


def _drawn(frame: QQuickItem) -> bool:
    """Shown, and (a frame made only when its control takes the focus, a Loader) made."""
    is_loader = frame.property("sourceComponent") is not None
    return frame.isVisible() and (not is_loader or frame.property("item") is not None)


def _problems_at(ui, item: QQuickItem, said: int) -> list[str]:
    """What is wrong with the stop the keypad just made: its words not said, or no frame."""
    problems = []
    label = item.property("spokenText")
    if not label or ui.speech.spoken[said:] != [label]:
        problems.append(_describe(item))
    frames = [c for c in item.childItems() if _is_focus_frame_of(c, item)]
    if not (frames and _drawn(frames[0])):
        problems.append(_describe(item) + " (no focus frame)")
    return problems


def _walk_keyboard(ui, entry: QQuickItem) -> tuple[list[str], list[str]]:
    """Right from the key the keypad entered the keyboard on, round all its keys back to it:
    the keys never framed, and the stops without words or frame."""
    keys: set[str] = set()
    pending = [_keyboard_of(entry)]
    while pending:
        item = pending.pop()
        if _is_on_screen_key(item) and item.isVisible():
            keys.add(_describe(item))
        pending.extend(item.childItems())
    framed, unspoken = {_describe(entry)}, []
    for _ in range(MAX_KEYS):
        said = len(ui.speech.spoken)
        _press(ui.window, Qt.Key.Key_Right)
        item = ui.window.activeFocusItem()
        if item is None or item is entry or not _is_on_screen_key(item):
            break
        framed.add(_describe(item))
        unspoken += _problems_at(ui, item, said)
    return sorted(keys - framed), unspoken


def walk_with_the_keypad(ui, keyboards_walked: set[str] | None = None) -> Reach:
    """Down from the screen's first choice all the way round, speech on, as a blind citizen
    would; the focus frame drawn and the words said at each stop. The keys of an on-screen
    keyboard are walked the first time each layout shows (`keyboards_walked` holds the
    layouts done, shared by the screens of one test)."""
    screen = ui.speech._screen()
    assert screen is not None
    keyboards_walked = set() if keyboards_walked is None else keyboards_walked
    speaker = ui.core.speaker
    was_on = speaker.enabled
    speaker.turn_on()
    # the walk checks the words asked for at each stop (`ui.speech.spoken`); rendering them is
    # the every-screen test's own check, and a render a press costs the suite CPU for nothing
    speaker.say = lambda *words, **how: None
    root = ui.window.contentItem()
    controls = _visible_controls(root)
    unreached_keys: list[str] = []
    framed: set[QQuickItem] = set()
    # a control the walk itself turned off ("down" once moving has scrolled the list to its
    # end: the keypad scrolls by moving, a finger needs the button) is not owed
    turned_off: set[str] = set()
    unspoken: list[str] = []
    first = None
    try:
        for _ in range(MAX_PRESSES):
            said = len(ui.speech.spoken)
            _press(ui.window)
            turned_off |= {_describe(c) for c in controls if not _usable(c)}
            item = ui.window.activeFocusItem()
            if item is None:
                continue
            if item is first:
                break
            on_key = _is_on_screen_key(item)
            first = first or (None if on_key else item)  # the docked keys serve every field
            framed.add(item)
            unspoken += _problems_at(ui, item, said)
            layout = ui.keyboard.layoutName
            if on_key and layout not in keyboards_walked:
                keyboards_walked.add(layout)
                missed, silent = _walk_keyboard(ui, item)
                unreached_keys += missed
                unspoken += silent
        controls |= _visible_controls(root)  # list rows made as the list scrolled
    finally:
        del speaker.say  # the class's own again
        speaker.enabled = was_on
        speaker.stop()
    # by name: a list row scrolled away and back is a new item
    framed_names = {_describe(item) for item in framed}
    unreached = sorted({_describe(c) for c in controls} - framed_names - turned_off)
    return Reach(len(controls), unreached + unreached_keys, unspoken)
