"""The shell every screen lives in, exposed to QML as `shell`: which screen shows, the idle
countdown, notices, and ending a session (home button, idle timeout, crash in a journey).

Ending a session resets every journey view-model (wiping the citizen's data), the language, the
display modes, and returns to the home screen.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot

from kiosk.i18n import DEFAULT_LANGUAGE
from kiosk.idle import IdlePhase, IdlePolicy
from ui.i18n_bridge import I18nBridge
from ui.theme import Theme

log = logging.getLogger(__name__)

HOME_SCREEN = "Home"

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class Shell(QObject):
    screenChanged = Signal()
    idleChanged = Signal()
    noticeChanged = Signal()
    leavingChanged = Signal()

    def __init__(
        self,
        i18n: I18nBridge,
        theme: Theme,
        idle: IdlePolicy,
        clock: Callable[[], float] = time.monotonic,
        default_language: str = DEFAULT_LANGUAGE,
        window_size: tuple[int, int] = (1920, 1080),
        leave_seconds: int = 30,
    ) -> None:
        super().__init__()
        self._window_size = window_size
        self._i18n = i18n
        self._theme = theme
        self._idle = idle
        self._clock = clock
        self._default_language = default_language
        self._screen = HOME_SCREEN
        self._history: list[str] = []
        self._idle_warning = False
        self._idle_left = 0
        self._notice = ""
        self._session_resetters: list[Callable[[], None]] = []
        self._leave_seconds = leave_seconds
        self._leave_at: float | None = None  # when a final screen sends the citizen home
        self._idle.touched(clock())
        # the last touch on any screen: an update waits for the kiosk to be left alone
        self.last_input_at = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # --- navigation -------------------------------------------------------------------------
    def _get_screen(self) -> str:
        return self._screen

    screen = Property(str, _get_screen, notify=screenChanged)

    @Slot(str)
    def go(self, screen: str) -> None:
        if screen != self._screen:
            self._stop_leaving()
            self._history.append(self._screen)
            self._screen = screen
            self.screenChanged.emit()

    @Slot()
    def back(self) -> None:
        if self._history:
            self._stop_leaving()
            self._screen = self._history.pop()
            self.screenChanged.emit()

    @Slot()
    def home(self) -> None:
        self.end_session()

    windowWidth = Property(int, lambda self: self._window_size[0], constant=True)
    windowHeight = Property(int, lambda self: self._window_size[1], constant=True)

    @Slot(str)
    def screenFailed(self, screen: str) -> None:
        """A screen that cannot load is a defect: log it and take the citizen home."""
        self.journey_crashed(f"screen {screen}")

    # --- notices (plain words for the citizen, e.g. after a crash) --------------------------
    def _get_notice(self) -> str:
        return self._notice

    notice = Property(str, _get_notice, notify=noticeChanged)

    def show_notice(self, text: str) -> None:
        self._notice = text
        self.noticeChanged.emit()

    @Slot()
    def dismissNotice(self) -> None:
        self.show_notice("")

    # --- session ------------------------------------------------------------------------------
    def on_session_end(self, resetter: Callable[[], None]) -> Callable[[], None]:
        """`resetter()` at the end of every session; returns what undoes that."""
        self._session_resetters.append(resetter)

        def remove() -> None:
            if resetter in self._session_resetters:
                self._session_resetters.remove(resetter)

        return remove

    def end_session(self) -> None:
        for reset in self._session_resetters:
            try:
                reset()
            except Exception:
                log.exception("a journey failed to reset; continuing with the others")
        self._i18n.setLanguage(self._default_language)
        self._theme.reset()
        self._history.clear()
        self._stop_leaving()
        self._set_idle(False, 0)
        self._idle.touched(self._clock())
        if self._screen != HOME_SCREEN:
            self._screen = HOME_SCREEN
            self.screenChanged.emit()

    def journey_crashed(self, where: str) -> None:
        log.error("journey crashed in %s; returning home", where)
        self.end_session()
        self.show_notice(self._i18n.s["common.unexpected"])

    # --- leaving: a final screen goes home by itself, the countdown on screen -----------------
    def _get_leave_left(self) -> int:
        if self._leave_at is None:
            return -1
        return max(0, math.ceil(self._leave_at - self._clock()))

    leaveSecondsLeft = Property(int, _get_leave_left, notify=leavingChanged)

    @Slot()
    def beginLeaving(self) -> None:
        """The screen shown is a final one: count down to the end of the session."""
        self._leave_at = self._clock() + self._leave_seconds
        self.leavingChanged.emit()

    @Slot()
    def stayHere(self) -> None:
        """The citizen wants more time: no countdown; the idle rule still applies."""
        self._stop_leaving()

    def _stop_leaving(self) -> None:
        if self._leave_at is not None:
            self._leave_at = None
            self.leavingChanged.emit()

    # --- idle ---------------------------------------------------------------------------------
    def _get_idle_warning(self) -> bool:
        return self._idle_warning

    def _get_idle_left(self) -> int:
        return self._idle_left

    idleWarning = Property(bool, _get_idle_warning, notify=idleChanged)
    idleSecondsLeft = Property(int, _get_idle_left, notify=idleChanged)

    def _set_idle(self, warning: bool, left: int) -> None:
        if (warning, left) != (self._idle_warning, self._idle_left):
            self._idle_warning, self._idle_left = warning, left
            self.idleChanged.emit()

    @Slot()
    def stillHere(self) -> None:
        self._idle.touched(self._clock())
        self._set_idle(False, 0)

    def quiet_for(self) -> float | None:
        """Seconds since the last touch while no citizen is using the kiosk (home screen, no
        warning), else None. Read from the updater's thread: plain values, no Qt calls."""
        if self._screen != HOME_SCREEN or self._idle_warning:
            return None
        return self._clock() - self.last_input_at

    def stop(self) -> None:
        """No more idle ticks (the UI is closing)."""
        self._timer.stop()

    def _tick(self) -> None:
        if self._leave_at is not None:
            if self._clock() >= self._leave_at:
                log.info("session ended after its final screen")
                self.end_session()
                return
            self.leavingChanged.emit()
        if self._screen == HOME_SCREEN and not self._idle_warning:
            self._idle.touched(self._clock())  # nothing to protect on the home screen
            return
        reading = self._idle.read(self._clock())
        if reading.phase is IdlePhase.EXPIRED:
            log.info("session ended by the idle timer")
            self.end_session()
        elif reading.phase is IdlePhase.WARNING:
            self._set_idle(True, reading.seconds_left)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input_at = self._clock()
        if event.type() in _INPUT_EVENTS and not self._idle_warning:
            self._idle.touched(self._clock())
        return False
