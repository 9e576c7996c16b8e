"""The "Gọi cán bộ hỗ trợ" button of every citizen screen, exposed to QML as `Assistance`.

A tap sends an assistance notice through the province's door (`Province.request_assistance`:
the kiosk, the screen's name, the time; nothing about the citizen), on a worker, and the bar
under the screen says what happened: staff have been told, or the request is kept and goes when
the link is back, or it could not be kept at all (go to a counter). A second tap soon after
shows the same answer without calling again; the state lasts the citizen's session. Each answer
is also said aloud when speech is on (`answered`, wired to `Speech` by the window).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.errors import message_key_of
from kiosk.province import Assistance, Province
from ui.background import run_in_background
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell

log = logging.getLogger(__name__)

CALL_AGAIN_AFTER_S = 120.0  # a citizen still waiting after this long may call again


class CallState(StrEnum):
    NONE = ""
    CALLING = "calling"
    COMING = "coming"  # the province has the notice: staff see it
    QUEUED = "queued"  # kept in the outbox; goes when the link is back
    FAILED = "failed"  # not even kept (province not open, disk full)


class AssistanceBridge(QObject):
    changed = Signal()
    answered = Signal(str)  # the bar's new words, to be said aloud (not on a language switch)

    def __init__(
        self,
        province: Province,
        shell: Shell,
        i18n: I18nBridge,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._province = province
        self._shell = shell
        self._i18n = i18n
        self._clock = clock
        self._state = CallState.NONE
        self._called_at: float | None = None
        self._shown = False
        self._session = 0  # a late answer for an ended session is dropped
        self._unsubscribe = shell.on_session_end(self._session_ended)
        i18n.languageChanged.connect(self.changed)

    def close(self) -> None:
        self._unsubscribe()

    # --- what the screens show ------------------------------------------------------------
    def _message(self) -> str:
        if self._state is CallState.NONE:
            return ""
        return str(self._i18n.strings[f"assistance.{self._state.value}"])

    def _button_text(self) -> str:
        called = self._state in (CallState.COMING, CallState.QUEUED)
        return str(self._i18n.strings["assistance.called" if called else "assistance.call"])

    state = Property(str, lambda self: self._state.value, notify=changed)
    message = Property(str, _message, notify=changed)
    shown = Property(bool, lambda self: self._shown, notify=changed)
    buttonText = Property(str, _button_text, notify=changed)

    # --- taps -----------------------------------------------------------------------------
    @Slot()
    def call(self) -> None:
        recent = self._called_at is not None and (
            self._clock() - self._called_at < CALL_AGAIN_AFTER_S
        )
        if self._state is CallState.CALLING or (
            recent and self._state in (CallState.COMING, CallState.QUEUED)
        ):
            self._show(self._state)  # already on its way: say so again
            return
        self._called_at = self._clock()
        self._show(CallState.CALLING)
        screen, session, province = self._shell.screen, self._session, self._province
        log.info("a citizen asked for staff on %s", screen)
        run_in_background(
            lambda: province.request_assistance(screen),
            lambda outcome: self._answered(session, outcome),
            lambda exc: self._failed(session, exc),
        )

    @Slot()
    def dismiss(self) -> None:
        if self._shown:
            self._shown = False
            self.changed.emit()

    # --- answers --------------------------------------------------------------------------
    def _answered(self, session: int, outcome: Assistance) -> None:
        if session == self._session:
            self._show(CallState.COMING if outcome.delivered else CallState.QUEUED)

    def _failed(self, session: int, exc: BaseException) -> None:
        log.error("the call for staff was not kept: %s", message_key_of(exc, type(exc).__name__))
        if session == self._session:
            self._called_at = None
            self._show(CallState.FAILED)

    def _show(self, state: CallState) -> None:
        self._state, self._shown = state, True
        self.changed.emit()
        self.answered.emit(self._message())

    def _session_ended(self) -> None:
        self._session += 1
        self._state, self._shown, self._called_at = CallState.NONE, False, None
        self.changed.emit()
