"""The kiosk's voice and keypad in the window, exposed to QML as `Speech`.

The speaker button ("Nghe hướng dẫn") turns speech on for the rest of the session and reads the
screen; while it is on, every new screen is read (heading, question, choices) and cuts off the
old speech, and each control is read when the keypad's focus reaches it. The keys a screen's
controls do not take (`Main.qml`): arrows move the focus, Backspace goes back, 0 repeats, 9
reads the whole screen (personal details included: the citizen asked, on that screen) and then
how the keys work, + and − change the volume. In a text field and on the on-screen keyboard the
digit keys type digits instead (`Keyboard.qml` moves between its keys and says what a key
typed). Speech, volume and keypad mode reset when the session ends.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Property, QEvent, QMetaObject, QObject, QTimer, Signal, Slot
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.speech.engine import Language
from kiosk.speech.speaker import Speaker
from ui.i18n_bridge import I18nBridge
from ui.screen_text import TOP_BAR, ScreenText, read_screen, spoken_label
from ui.shell import Shell

log = logging.getLogger(__name__)

LOADERS = ("screenLoader", "homeScreen")  # the screen made as it shows; the home screen, kept
BARS = "screenBars"  # the notice and the staff call's answer, under the screen
IDLE_WARNING = "idleWarning"  # "still there?" over everything, before the session is wiped
STILL_HERE = "stillHereButton"


class SpeechBridge(QObject):
    changed = Signal()

    def __init__(self, speaker: Speaker, shell: Shell, i18n: I18nBridge) -> None:
        super().__init__()
        self.speaker = speaker
        self._shell = shell
        self._i18n = i18n
        self._window: QQuickWindow | None = None
        self._keypad = False  # a key was pressed this session: focus follows each new screen
        self._quiet_focus = False
        self.spoken: list[str] = []  # what was asked to be said, in order (tests read it)
        self._heard: tuple[str, ...] = ()  # the texts of the screen already read
        # a screen that changes while it shows (saving → thanks, a problem appearing) says what
        # is new; checked a few times a second while speech is on
        self._watch = QTimer(self)
        self._watch.setInterval(400)
        self._watch.timeout.connect(self._read_what_is_new)
        self._watch.start()
        self._unsubscribe = shell.on_session_end(self._session_ended)
        shell.screenChanged.connect(self._screen_changed)
        shell.noticeChanged.connect(self._notice_changed)
        self._idle_warned = False
        self._focus_before_warning: QQuickItem | None = None
        shell.idleChanged.connect(lambda: QTimer.singleShot(0, self._idle_changed))
        i18n.languageChanged.connect(self._screen_changed)

    def attach(self, window: QQuickWindow) -> None:
        self._window = window
        window.activeFocusItemChanged.connect(self._focus_changed)
        window.installEventFilter(self)

    def close(self) -> None:
        self._watch.stop()
        self._unsubscribe()
        self.speaker.stop()

    # --- what QML binds to -----------------------------------------------------------------
    def _get_on(self) -> bool:
        return self.speaker.enabled

    on = Property(bool, _get_on, notify=changed)

    @Slot()
    def listen(self) -> None:
        """The speaker button: speech on for the rest of the session, the screen read now."""
        self.speaker.turn_on()
        self.changed.emit()
        self._say_screen(self._describe(), force=True, with_bars=True)

    @Slot()
    def repeat(self) -> None:
        self._keypad = True
        self.listen()

    @Slot()
    def readAll(self) -> None:
        self._keypad = True
        self.speaker.turn_on()
        self.changed.emit()
        whole = self._describe().whole(self._word("speech.choices"))
        said = f"{whole} {self._bars_text()} {self._word('speech.keys')}"  # and how keys work
        self._say(" ".join(said.split()), force=True)

    @Slot(str)
    def say(self, text: str) -> None:
        """Words from outside the screen while speech is on: what a key of the on-screen
        keyboard typed with the keypad, the answer to a call for staff."""
        if self.speaker.enabled:
            self._say(text)

    @Slot()
    def errorShown(self) -> None:
        self.speaker.sound("error")

    @Slot()
    def louder(self) -> None:
        self._volume_said(self.speaker.louder())

    @Slot()
    def softer(self) -> None:
        self._volume_said(self.speaker.softer())

    @Slot(bool)
    def move(self, forward: bool) -> None:
        """Arrow keys: the next (or previous) control, as Tab and Shift+Tab."""
        self._keypad = True
        if self._window is None:
            return
        current = self._window.activeFocusItem()
        # the first key lands on the first choice; so does the one after a control hid itself
        # (a bar's "Đã hiểu"), whose place in the chain is gone
        if current is None or not spoken_label(current) or not current.isVisible():
            self._focus_first_choice(quiet=False)
            return
        target = current.nextItemInFocusChain(forward)
        # an on-screen keyboard's keys are entered from their field (Down), not passed through
        for _ in range(500):
            if target is None or target is current or not _on_screen_keyboard_key(target):
                break
            target = target.nextItemInFocusChain(forward)
        if target is not None:
            target.forceActiveFocus()

    @Slot()
    def back(self) -> None:
        """Backspace: the screen's own Back, where it shows one."""
        screen = self._screen()
        if screen is not None and screen.property("showBack") is True:
            QMetaObject.invokeMethod(screen, "backRequested")

    # --- following the screen ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self._keypad = True
        return False

    def _screen(self) -> QQuickItem | None:
        if self._window is None:
            return None
        for name in LOADERS:
            loader = self._window.findChild(QQuickItem, name)
            item = loader.property("item") if loader is not None else None
            if isinstance(item, QQuickItem) and item.isVisible():
                return item
        return None

    def describe(self) -> ScreenText:
        return self._describe()

    def _describe(self) -> ScreenText:
        screen = self._screen()
        return read_screen(screen) if screen is not None else ScreenText("", (), (), (), ())

    def _bars_text(self) -> str:
        """What the bars under the screen say (a notice, the answer to a staff call): read
        with the screen when the citizen asks for it again, each having been said as it came."""
        bars = self._window.findChild(QQuickItem, BARS) if self._window is not None else None
        return " ".join(read_screen(bars).texts) if bars is not None else ""

    def _screen_changed(self) -> None:
        # after QML has loaded the new screen and its bindings have settled
        QTimer.singleShot(0, self._read_new_screen)

    def _read_new_screen(self) -> None:
        if self._keypad:
            self._focus_first_choice()
        if self.speaker.enabled:
            self._say_screen(self._describe())

    def _focus_first_choice(self, *, quiet: bool = True) -> None:
        """The keypad starts on the screen's first choice, not on the top bar; on the top bar
        where the screen has no choice of its own (a card being read). A field that only
        searches a list (`filtersList`) is passed over while the list has a choice: focused,
        it would open the on-screen keyboard over the choices."""
        screen = self._screen()
        if screen is None:
            return
        first_labelled: QQuickItem | None = None
        first_filter: QQuickItem | None = None
        first_choice: QQuickItem | None = None
        item: QQuickItem = screen
        for _ in range(500):
            item = item.nextItemInFocusChain(True)
            if item is None or item is screen:
                break
            if not spoken_label(item):
                continue
            first_labelled = first_labelled or item
            if not _inside_body(item):
                continue
            if item.property("filtersList") is True:
                first_filter = first_filter or item
                continue
            first_choice = item
            break
        target = first_choice or first_filter or first_labelled
        if target is None:
            return
        self._quiet_focus = quiet  # on a new screen, the screen's own reading says it
        try:
            target.forceActiveFocus()
        finally:
            self._quiet_focus = False

    def _focus_changed(self) -> None:
        if self._quiet_focus or self._window is None or not self.speaker.enabled:
            return
        item = self._window.activeFocusItem()
        label = spoken_label(item) if item is not None else ""
        if label:
            self._say(label)

    def _say_screen(
        self, screen: ScreenText, *, force: bool = False, with_bars: bool = False
    ) -> None:
        self._heard = screen.texts
        summary = screen.summary(self._word("speech.choices"))
        bars = self._bars_text() if with_bars else ""
        self._say(f"{summary} {bars}" if bars else summary, force=force)

    def _read_what_is_new(self) -> None:
        if not self.speaker.enabled or self._window is None:
            return
        texts = self._describe().texts
        new = [text for text in texts if text not in self._heard]
        self._heard = texts
        if new:
            self._say(" ".join(" ".join(text.split()) for text in new))

    def _notice_changed(self) -> None:
        notice = self._shell.notice
        if notice:
            self.speaker.sound("error")
            self._say(notice)

    def _idle_changed(self) -> None:
        """The idle warning is said as it shows (a citizen who cannot see it would lose what
        they typed without knowing why), with the keypad's focus on its button, so Enter keeps
        the session; once it goes the focus returns to where it was."""
        warned = self._shell.idleWarning
        if warned == self._idle_warned or self._window is None:
            return  # (the countdown's seconds change it too)
        self._idle_warned = warned
        if warned:
            warning = self._window.findChild(QQuickItem, IDLE_WARNING)
            if warning is not None and self.speaker.enabled:
                self._say(read_screen(warning).summary(self._word("speech.choices")), force=True)
            button = self._window.findChild(QQuickItem, STILL_HERE)
            if self._keypad and button is not None:
                self._focus_before_warning = self._window.activeFocusItem()
                self._quiet_focus = True  # said with the warning
                try:
                    button.forceActiveFocus()
                finally:
                    self._quiet_focus = False
            return
        before, self._focus_before_warning = self._focus_before_warning, None
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.forceActiveFocus()

    def _session_ended(self) -> None:
        self.speaker.end_session()
        self._keypad = False
        self.changed.emit()

    # --- saying ---------------------------------------------------------------------------
    def _say(self, text: str, *, force: bool = False) -> None:
        if not text:
            return
        self.spoken.append(text)
        self.speaker.say(text, self._language(), force=force)

    def _volume_said(self, percent: int) -> None:
        self._keypad = True
        self._say(self._word("speech.volume").replace("{n}", str(percent)))

    def _word(self, key: str) -> str:
        return str(self._i18n.strings.get(key, key))

    def _language(self) -> Language:
        return "en" if self._i18n.lang == "en" else "vi"


def _on_screen_keyboard_key(item: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent.property("onScreenKeyboard") is True:
            return True
        parent = parent.parentItem()
    return False


def _inside_body(item: QQuickItem) -> bool:
    """Below the top bar: the screen's own content, not Back, Home and the toggles."""
    parent = item.parentItem()
    while parent is not None:
        if parent.objectName() == TOP_BAR:
            return False
        parent = parent.parentItem()
    return True
