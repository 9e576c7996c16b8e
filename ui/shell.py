"""The shell every screen lives in, exposed to QML as `shell`: which screen shows, the idle
countdown, notices, going home and ending a session.

"Trang chủ" leaves the journey: every journey view-model is reset (the citizen's data wiped) and
the home screen shows, but the citizen's own choices (language, text size, contrast, speech)
stay, since the same person goes on to another tile. The session ends, and those reset too, when
the citizen is done ("Xong" and the countdown of a final screen), when the idle rule runs out
(on the home screen as well, once a citizen has touched the kiosk) or when a journey crashes.
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
        self._home_resetters: list[Callable[[], None]] = []
        self._session_resetters: list[Callable[[], None]] = []
        self._session_open = False  # a citizen has touched the kiosk since the last session
        self._detour_from: str | None = None  # the page a journey opened from another returns to
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
            self._session_open = True
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
        """The "Trang chủ" button: leave the journey, wiping it; display choices stay."""
        self._run(self._home_resetters)
        self._history.clear()
        self._detour_from = None
        self._stop_leaving()
        self._set_idle(False, 0)
        self._idle.touched(self._clock())  # going home is the citizen's doing: a fresh start
        if self._screen != HOME_SCREEN:
            self._screen = HOME_SCREEN
            self.screenChanged.emit()

    @Slot()
    def endSession(self) -> None:
        """The citizen is done ("Xong" on a final screen): wipe everything, for the next one."""
        log.info("session ended by the citizen")
        self.end_session()

    # --- a journey opened from another one's page ---------------------------------------------
    @Slot()
    def detour(self) -> None:
        """The next journey opens from the page shown now (take a number or hand in from a
        procedure's page): backing out of it returns here, the search and answers kept."""
        self._detour_from = self._screen

    def left_journey(self) -> None:
        """A journey was backed out of from its first screen: back to the page it was opened
        from, else home."""
        origin, self._detour_from = self._detour_from, None
        if origin is None or origin not in self._history:
            self.home()
            return
        while self._history[-1] != origin:
            self._history.pop()
        self.back()

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
    def on_home(self, resetter: Callable[[], None]) -> Callable[[], None]:
        """`resetter()` whenever the citizen goes home ("Trang chủ", and at the end of every
        session): what a journey holds of the citizen. Returns what undoes that."""
        return self._subscribe(self._home_resetters, resetter)

    def on_session_end(self, resetter: Callable[[], None]) -> Callable[[], None]:
        """`resetter()` at the end of every session only: the citizen's choices for the whole
        visit (speech). Returns what undoes that."""
        return self._subscribe(self._session_resetters, resetter)

    @staticmethod
    def _subscribe(
        resetters: list[Callable[[], None]], resetter: Callable[[], None]
    ) -> Callable[[], None]:
        resetters.append(resetter)

        def remove() -> None:
            if resetter in resetters:
                resetters.remove(resetter)

        return remove

    @staticmethod
    def _run(resetters: list[Callable[[], None]]) -> None:
        for reset in list(resetters):
            try:
                reset()
            except Exception:
                log.exception("a journey failed to reset; continuing with the others")

    def end_session(self) -> None:
        self.home()
        self._run(self._session_resetters)
        self._i18n.setLanguage(self._default_language)
        self._theme.reset()
        self._session_open = False

    def journey_crashed(self, where: str) -> None:
        log.error("journey crashed in %s; returning home", where)
        self.end_session()
        self.show_notice(self._i18n.strings["common.unexpected"])

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
        if self._screen == HOME_SCREEN and not self._idle_warning and not self._session_open:
            self._idle.touched(self._clock())  # no citizen since the last session ended
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
            self._session_open = True
        if event.type() in _INPUT_EVENTS and not self._idle_warning:
            self._idle.touched(self._clock())
        return False
