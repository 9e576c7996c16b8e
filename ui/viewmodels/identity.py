"""View-model of the identity step (`identity` in QML), one screen: show the card's QR to the
camera or type the ID and birth date beside it, place the card, watch it being read, confirm it
is you.

The step's states live in its journey (`kiosk/journeys/identity.py`). Journeys run it with
`begin(finished, cancelled)`: `finished` gets the confirmed `Identity`, `cancelled` hears of Back
from its first screen; alone (a home tile, a test), confirming returns home and the session wipe
forgets it. The camera's QR loop, the chip read and the reader's card events all run off the Qt
thread and come back through `ui.background`; a late answer for a session that has ended is
dropped.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from hardware.card_reader import IdCardReader, ReaderStatus, ReadProgress
from hardware.device import DeviceEvent, DeviceState
from kiosk.errors import message_key_of
from kiosk.identity import Identity, IdentityError, IdentitySource, Sex, displayable_portrait
from kiosk.journeys.identity import IdentityStep, IdentityStepState
from ui.background import qt_thread_caller, run_in_background
from ui.camera_qr_watch import CameraQrWatch
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
S = IdentityStepState

# one screen whose parts fill in (key, card on the reader, details to confirm); a read that
# failed for good has its own
SCREENS = {
    S.SHOW_QR: "IdentityStep",
    S.TYPE_DETAILS: "IdentityStep",
    S.PLACE_CARD: "IdentityStep",
    S.READING: "IdentityStep",
    S.FAILED: "IdentityFailed",
    S.CONFIRM: "IdentityStep",
}
_KEY_STATES = (S.SHOW_QR, S.TYPE_DETAILS)


@dataclass(frozen=True)
class IdentityRow:
    """A detail of the citizen's to confirm (a row of `Identity.identityRows`)."""

    key: str  # full_name, id_number, birth_date, sex, residence, expiry_date
    label: str
    value: str


class IdentityViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self._card_arrived = qt_thread_caller(self._try_read)
        self._progress_arrived = qt_thread_caller(self._apply_progress)
        self._qr_watch = CameraQrWatch(
            wanted=lambda: self.journey.state in _KEY_STATES,
            on_code=lambda raw: self.journey.qr_scanned(raw),
            on_failure=self._qr_failed,
        )
        self._reading = False
        self._portrait = ""
        self.follow(IdentityStep(self.kiosk.services.identity))
        self._identity_rows = live_rows(self, self.changed, IdentityRow, self._rows)
        reader = self.reader
        if reader is not None:  # undone on close: the reader outlives this window
            self.subscribe(reader.events.subscribe(self._on_reader_event))

    @property
    def reader(self) -> IdCardReader | None:
        return self.journey.service.reader

    @property
    def camera(self) -> object | None:
        return self.kiosk.services.camera

    # --- life ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.begin()

    def begin(
        self,
        finished: Callable[[Identity], None] | None = None,
        cancelled: Callable[[str], None] | None = None,
        progress: tuple[int, int] | None = None,
    ) -> None:
        """Start the step for a journey: `finished` receives the identity the citizen
        confirmed, `cancelled` hears of Back from the first screen, `progress` is the
        journey's step to show; without them it runs alone."""
        self._resetting = True
        try:
            if finished is None:
                self.journey.run_alone()
            else:
                self.journey.run_for(finished, cancelled or (lambda _problem: None), progress)
            self.forget()
        finally:
            self._resetting = False
        reader = self.reader
        if reader is not None and reader.state is DeviceState.CLOSED:
            run_in_background(reader.open, lambda _: self._try_read())
        if self.camera is None:  # nothing to show the QR to: typing is the way in
            self.journey.type_instead()
        else:
            self.shell.go(SCREENS[S.SHOW_QR])
            self._look_for_qr()

    def forget(self) -> None:
        self._stop_qr()
        self._portrait = ""
        self.changed.emit()

    def entered(self, state: IdentityStepState) -> None:
        if state in _KEY_STATES:
            self._look_for_qr()
        else:
            self._stop_qr()
        if state is S.PLACE_CARD:
            QTimer.singleShot(0, self._try_read)

    # --- the card's QR under the camera -------------------------------------------------------
    def _look_for_qr(self) -> None:
        self._qr_watch.start(self.camera)

    def _stop_qr(self) -> None:
        self._qr_watch.stop()

    def _qr_failed(self, exc: BaseException) -> None:
        log.warning("identity step: the camera could not read: %s", exc)
        self.journey.problem_key = message_key_of(exc, "identity.screen.no_camera")
        self.changed.emit()

    # --- the chip -------------------------------------------------------------------------------
    def _on_reader_event(self, event: DeviceEvent) -> None:
        """From the reader's monitor thread: only wake the Qt thread."""
        if event.kind in ("card_inserted", "status_changed"):
            self._card_arrived()

    def _try_read(self) -> None:
        reader = self.reader
        self.changed.emit()  # the reader's status line may have changed
        if (
            reader is None
            or self._reading
            or self.journey.state is not S.PLACE_CARD
            or reader.status().status is not ReaderStatus.CARD_PRESENT
        ):
            return
        hint = self.journey.hint
        service = self.journey.service
        self._reading = True
        self.journey.reading_started()
        run_in_background(
            lambda: service.read_card(hint, progress=self._progress_arrived),
            self._read_done,
            self._read_failed,
        )

    def _apply_progress(self, progress: ReadProgress) -> None:
        self.journey.read_progress(progress)

    def _read_done(self, identity: Identity) -> None:
        self._reading = False
        if self.journey.state is not S.READING:
            return
        self._portrait = self._portrait_url(identity)
        self.journey.read_done(identity)

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        if not isinstance(exc, IdentityError):
            log.error("reading the ID card failed", exc_info=exc)
            exc = IdentityError("card_reader.protocol")
        self.journey.read_failed(exc)

    @staticmethod
    def _portrait_url(identity: Identity) -> str:
        if identity.portrait is None:
            return ""
        try:
            mime, data = displayable_portrait(identity.portrait)
        except ValueError:
            return ""
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    # --- what the screens show ----------------------------------------------------------------
    def _problem(self) -> str:
        key = self.journey.problem_key
        return self.t(key) if key else ""

    def _progress_text(self) -> str:
        progress = self.journey.progress
        stage = progress.stage.value if progress else "connecting"
        return self.t(f"identity.screen.reading.{stage}")

    def _progress_fraction(self) -> float:
        progress = self.journey.progress
        return progress.fraction if progress else 0.0

    def _reader_note(self) -> str:
        reader = self.reader
        if reader is None:
            return self.t("identity.no_reader")
        status = reader.status().status
        if status in (ReaderStatus.NO_READER, ReaderStatus.UNRESPONSIVE):
            return self.t(f"card_reader.status.{status.value}")
        return ""

    def _rows(self) -> list[IdentityRow]:
        identity = self.journey.identity
        if identity is None:
            return []

        def day(value: object) -> str:
            return value.strftime("%d/%m/%Y") if value else ""

        sex = ""
        if identity.sex is not None:
            sex = self.t(
                "identity.screen.sex.male"
                if identity.sex is Sex.MALE
                else "identity.screen.sex.female"
            )
        expiry = (
            self.t("identity.screen.never_expires")
            if identity.never_expires
            else day(identity.expiry_date)
        )
        rows = [
            ("full_name", identity.full_name),
            ("id_number", identity.id_number),
            ("birth_date", day(identity.birth_date)),
            ("sex", sex),
            ("residence", identity.residence),
            ("expiry_date", expiry),
        ]
        return [
            IdentityRow(key, self.t(f"identity.screen.field.{key}"), value)
            for key, value in rows
            if value
        ]

    def _get_identity_rows(self) -> RowsModel:
        return self._identity_rows

    def _source_note(self) -> str:
        identity = self.journey.identity
        if identity is None:
            return ""
        if identity.source is IdentitySource.CHIP:
            # no jargon for the citizen: checked, or plainly not (the log says why)
            verdict = "chip_checked" if identity.verified else "chip_unchecked"
            return self.t(f"identity.screen.source.{verdict}")
        return self.t(f"identity.screen.source.{identity.source.value}")

    def _mismatch_note(self) -> str:
        identity = self.journey.identity
        if identity is None or not identity.mismatches:
            return ""
        fields = ", ".join(self.t(f"identity.screen.field.{f}") for f in identity.mismatches)
        return self.t("identity.screen.mismatch", fields=fields)

    def _fallback_label(self) -> str:
        return self.t("identity.screen.failed.use_qr")

    state = Property(str, lambda self: self.journey.state.value, notify=changed)
    step = Property(int, lambda self: self.journey.step, notify=changed)
    stepTotal = Property(int, lambda self: self.journey.step_total, notify=changed)
    problem = Property(str, _problem, notify=changed)
    hasCamera = Property(bool, lambda self: self.camera is not None, notify=changed)
    hasReader = Property(bool, lambda self: self.reader is not None, notify=changed)
    readerNote = Property(str, _reader_note, notify=changed)
    progressText = Property(str, _progress_text, notify=changed)
    progressFraction = Property(float, _progress_fraction, notify=changed)
    canUseQrData = Property(bool, lambda self: self.journey.can_use_qr_data, notify=changed)
    identityRows = Property(QObject, _get_identity_rows, constant=True)
    portrait = Property(str, lambda self: self._portrait, notify=changed)
    sourceNote = Property(str, _source_note, notify=changed)
    verified = Property(
        bool,
        lambda self: self.journey.identity is not None and self.journey.identity.verified,
        notify=changed,
    )
    mismatchNote = Property(str, _mismatch_note, notify=changed)

    # --- taps ---------------------------------------------------------------------------------
    @Slot()
    def typeInstead(self) -> None:
        self.journey.type_instead()

    @Slot()
    def scanInstead(self) -> None:
        self.journey.scan_instead()

    @Slot(str, str)
    def submitTyped(self, id_text: str, birth_text: str) -> None:
        self.journey.typed(id_text, birth_text)

    @Slot(str)
    def submitQrText(self, text: str) -> None:
        """A QR read elsewhere (a serial scanner, a test) instead of by the camera."""
        self.journey.qr_scanned(text)

    @Slot()
    def retry(self) -> None:
        self.journey.retry()

    @Slot()
    def useFallback(self) -> None:
        self.journey.use_fallback()

    @Slot()
    def notMe(self) -> None:
        self._portrait = ""
        self.journey.not_me()

    @Slot()
    def confirm(self) -> None:
        if self.journey.identity is None:
            return
        if not self.journey.confirm():  # alone: nobody waits for it
            self.shell.home()

    @Slot()
    def back(self) -> None:
        self._portrait = ""
        leaving = self.journey.state in _KEY_STATES  # QR and typing share the first screen
        if leaving:  # the camera stops looking: a QR read later would pull the screen back
            self._stop_qr()
        if (leaving or not self.journey.back()) and not self.journey.cancel():
            self.shell.home()
