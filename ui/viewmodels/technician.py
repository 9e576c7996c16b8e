"""View-model of technician mode (`technician` in QML): reached by holding the centre's name on
the home screen, guarded by the PIN, showing every device's health with a test print."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.config import config_files
from kiosk.errors import UserFacingError, message_key_of
from kiosk.journeys.technician import TechnicianJourney, TechnicianState
from kiosk.paths import log_dir
from kiosk.printing import PaperWords, PrintOutcome, print_and_report, print_message
from kiosk.province import ProvinceNotReady
from kiosk.speech.engine import Voice
from kiosk.speech.settings import Change, SpeechSettings
from kiosk.technician.check_page import check_page_job
from kiosk.technician.health import (
    SelfTestLine,
    camera_self_test,
    card_reader_self_test,
    check_all,
)
from ui.background import run_in_background
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
TEST_PAGE_WORDS = PaperWords(
    "technician.test_printed",
    "technician.test_printed_unconfirmed",
    "technician.test_not_printed",
    call_staff=False,  # the technician is the staff
)
S = TechnicianState
SCREENS = {
    S.PIN: "TechnicianPin",
    S.CHECKING_PIN: "TechnicianPin",
    S.STATUS: "TechnicianStatus",
    S.SPEECH: "TechnicianSpeech",
}


@dataclass(frozen=True)
class DeviceRow:
    """A device's health (a row of `Technician.devices`)."""

    name: str
    ok: bool
    stateText: str  # "Hoạt động tốt" or "Có sự cố"
    detail: str


@dataclass(frozen=True)
class SelfTestRow:
    """A line of a device's self-test (`Technician.selfTest`); `judged` is False while the
    test runs, and the line then has no tick or mark."""

    judged: bool
    ok: bool
    text: str


class TechnicianViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self._notice = ""
        self._self_test: list[SelfTestRow] = []
        self._voices: dict[str, list[Voice]] = {"vi": [], "en": []}
        self._saving_speech = False
        self._save_speech_again = False
        self.follow(TechnicianJourney())
        self._devices = live_rows(self, self.changed, DeviceRow, self._device_rows)
        self._self_test_rows = live_rows(self, self.changed, SelfTestRow, lambda: self._self_test)

    @Slot()
    def open(self) -> None:
        """The hidden entry: the centre's name held for 3 seconds on the home screen."""
        self.start()

    def start(self) -> None:
        log.info("technician mode requested")
        super().start()

    def forget(self) -> None:
        self._notice = ""
        self._self_test = []

    def entered(self, state: enum.Enum) -> None:
        if state is S.SPEECH:
            speaker = self.core.speaker
            run_in_background(
                lambda: {language: speaker.voices(language) for language in ("vi", "en")},
                self._voices_found,
                self._voices_failed,
            )

    # --- what the screens show -------------------------------------------------------------
    def _error(self) -> str:
        key = self.journey.error_key
        return self.t(key, **self.journey.error_values) if key else ""

    def _busy(self) -> bool:
        return self.journey.state is S.CHECKING_PIN or self.journey.checking

    def _device_rows(self) -> list[DeviceRow]:
        return [
            DeviceRow(
                name=self.t(h.name),
                ok=h.report.ok,
                stateText=self.t("technician.ok" if h.report.ok else "technician.problem"),
                detail="\n".join(
                    [
                        self.t(h.report.text_key, **h.report.values)
                        if h.report.text_key
                        else h.report.text,
                        *(
                            self.t(key, **values)
                            for key, values in h.report.details.get("notices", [])
                        ),
                    ]
                ),
            )
            for h in self.journey.health
        ]

    def _get_devices(self) -> RowsModel:
        return self._devices

    def _get_self_test(self) -> RowsModel:
        return self._self_test_rows

    def _facts(self) -> list[str]:
        files = ", ".join(str(p) for p in config_files())
        paper = self.core.paper.current
        notices = (
            [
                self.t(
                    f"printer.paper_notice.{paper.paper.value}",
                    time=paper.since.strftime("%H:%M %d/%m/%Y"),
                )
            ]
            if paper is not None
            else []
        )
        return [
            *notices,
            self.t("technician.config_files", files=files),
            self.t("technician.log_file", path=str(log_dir() / "kiosk.log")),
        ]

    error = Property(str, _error, notify=changed)
    busy = Property(bool, _busy, notify=changed)
    devices = Property(QObject, _get_devices, constant=True)
    facts = Property("QStringList", _facts, notify=changed)
    notice = Property(str, lambda self: self._notice, notify=changed)
    selfTest = Property(QObject, _get_self_test, constant=True)

    # --- taps ------------------------------------------------------------------------------
    @Slot(str)
    def submitPin(self, pin: str) -> None:
        if self.journey.state is not S.PIN:
            return
        self.journey.pin_entered()
        store = self.kiosk.services.technician_pin
        run_in_background(lambda: store.verify(pin), self._pin_checked, self._pin_failed)

    def _pin_checked(self, accepted: bool) -> None:
        if self.journey.state is S.CHECKING_PIN:
            log.info("technician PIN %s", "accepted" if accepted else "refused")
            self.journey.pin_result(accepted)
            if accepted:
                self.recheck()

    def _pin_failed(self, exc: BaseException) -> None:
        if self.journey.state is not S.CHECKING_PIN:
            return
        if isinstance(exc, UserFacingError):
            self.journey.pin_result(False, exc.message_key, **exc.values)
        else:
            log.error("technician PIN check failed", exc_info=exc)
            self.journey.pin_result(False, "common.unexpected")

    @Slot()
    def recheck(self) -> None:
        if self.journey.state is not S.STATUS or self.journey.checking:
            return
        self.journey.checking = True
        self.changed.emit()
        devices = self.kiosk.devices()
        run_in_background(lambda: check_all(devices), self._checked, self._check_failed)

    def _checked(self, health: list) -> None:
        if self.journey.state is S.STATUS:
            self.journey.health_checked(health)
            self.changed.emit()

    def _check_failed(self, exc: BaseException) -> None:
        log.error("device health checks failed", exc_info=exc)
        self.journey.health_checked([])
        self.changed.emit()

    @Slot()
    def testPrint(self) -> None:
        if self.journey.state is not S.STATUS:
            return
        job = check_page_job(self.core.config.centre.kiosk_id, self.i18n.lang)
        printer = self.core.printer

        def done(outcome: PrintOutcome) -> None:
            self._notice = print_message(outcome, TEST_PAGE_WORDS, self.i18n.lang)
            self.recheck()  # the printer's line names the cause of a failure
            self.changed.emit()

        run_in_background(lambda: print_and_report(printer, job, "test page"), done)

    # --- the outbox ----------------------------------------------------------------------
    @Slot()
    def sendNow(self) -> None:
        """Every waiting item tried at once (after fixing the network)."""
        province = self.core.province
        self._outbox_action(
            province.send_now, "technician.outbox.sending", "technician.outbox.nothing_waiting"
        )

    @Slot()
    def requeueRefused(self) -> None:
        """Items the province refused sent again (after fixing why)."""
        province = self.core.province
        self._outbox_action(
            province.requeue_refused,
            "technician.outbox.requeued",
            "technician.outbox.nothing_refused",
        )

    def _outbox_action(self, action: Callable[[], int], done_key: str, none_key: str) -> None:
        if self.journey.state is not S.STATUS:
            return

        def done(count: int) -> None:
            self._notice = self.t(done_key, count=count) if count else self.t(none_key)
            self.recheck()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ProvinceNotReady):
                problem = self.t(exc.problem)
                self._notice = self.t("technician.outbox.not_ready", problem=problem)
            else:
                log.error("outbox action failed", exc_info=exc)
                self._notice = self.t("common.unexpected")
            self.changed.emit()

        run_in_background(action, done, failed)

    @Slot(str)
    def runSelfTest(self, kind: str) -> None:
        """ "card_reader" or "camera": the device's own self-test, on a worker."""
        if self.journey.state is not S.STATUS:
            return
        reader, camera = self.kiosk.services.card_reader, self.kiosk.services.camera
        if kind == "card_reader" and reader is not None:

            def work() -> list[SelfTestLine]:
                return card_reader_self_test(reader)
        elif kind == "camera" and camera is not None:
            folder = self.core.data_dir / "self-test"
            settings = self.core.config.camera.scan

            def work() -> list[SelfTestLine]:
                return camera_self_test(camera, settings, folder)
        else:
            return
        self._self_test = [SelfTestRow(False, False, self.t("technician.selftest.running"))]
        self.changed.emit()
        run_in_background(work, self._self_tested, self._self_test_failed)

    def _self_tested(self, lines: list[SelfTestLine]) -> None:
        if self.journey.state is not S.STATUS:
            return
        self._self_test = [
            SelfTestRow(
                judged=True,
                ok=line.ok,
                text=f"{self.t(line.text_key)}: {line.value}"
                + (f" — {self.t(line.advice_key)}" if line.advice_key else ""),
            )
            for line in lines
        ]
        self.changed.emit()

    def _self_test_failed(self, exc: BaseException) -> None:
        log.error("self-test failed", exc_info=exc)
        self._self_test = [SelfTestRow(True, False, self.t(message_key_of(exc)))]
        self.changed.emit()

    # --- speech settings -------------------------------------------------------------------
    def _speech(self) -> SpeechSettings:
        return self.core.speaker.defaults

    def _voice_text(self, language: str) -> str:
        chosen = getattr(self._speech(), f"voice_{language}")
        named = [voice.name for voice in self._voices[language] if voice.answers_to(chosen)]
        return self.t(f"technician.speech.voice_{language}", name=named[0] if named else chosen)

    def _on_off(self, on: bool) -> str:
        return self.t("shell.on" if on else "shell.off")

    speechVoicesFound = Property(
        bool, lambda self: bool(self._voices["vi"] or self._voices["en"]), notify=changed
    )
    speechVoiceVi = Property(str, lambda self: self._voice_text("vi"), notify=changed)
    speechVoiceEn = Property(str, lambda self: self._voice_text("en"), notify=changed)
    speechRate = Property(
        str,
        lambda self: self.t("technician.speech.rate", n=self._speech().rate_wpm),
        notify=changed,
    )
    speechVolume = Property(
        str,
        lambda self: self.t("technician.speech.volume", n=self._speech().volume_percent),
        notify=changed,
    )
    speechOnByDefault = Property(
        str,
        lambda self: self.t(
            "technician.speech.on_by_default", state=self._on_off(self._speech().on_by_default)
        ),
        notify=changed,
    )
    speechNumbers = Property(
        str,
        lambda self: self.t(
            "technician.speech.numbers",
            how=self.t(f"technician.speech.numbers_{self._speech().numbers}"),
        ),
        notify=changed,
    )
    speechSounds = Property(
        str,
        lambda self: self.t("technician.speech.sounds", state=self._on_off(self._speech().sounds)),
        notify=changed,
    )

    @Slot()
    def openSpeech(self) -> None:
        if self.journey.state is S.STATUS:
            self._notice = ""
            self.journey.open_speech()

    @Slot()
    def closeSpeech(self) -> None:
        if self.journey.state is S.SPEECH:
            self._notice = ""
            self.journey.close_speech()
            self.recheck()

    @Slot(str)
    def changeSpeech(self, change: str) -> None:
        """One press: slower, faster, softer, louder, or a switch (`Change`)."""
        if self.journey.state is S.SPEECH and change in get_args(Change):
            self._apply_speech(self._speech().changed(change))  # type: ignore[arg-type]

    @Slot(str)
    def nextVoice(self, language: str) -> None:
        """The next installed voice of `language` ("vi" or "en"), round and round."""
        voices = self._voices.get(language, [])
        if self.journey.state is not S.SPEECH or not voices:
            return
        chosen = getattr(self._speech(), f"voice_{language}")
        at = [n for n, voice in enumerate(voices) if voice.answers_to(chosen)]
        after = (at[0] + 1) % len(voices) if at else 0
        self._apply_speech(self._speech().with_voice(language, voices[after].id))  # type: ignore[arg-type]

    @Slot()
    def tryVoice(self) -> None:
        """A sample with a number, money and a date, in the language on screen."""
        if self.journey.state is S.SPEECH:
            language = "en" if self.i18n.lang == "en" else "vi"
            self.core.speaker.say(self.t("technician.speech.sample"), language, force=True)

    def _apply_speech(self, settings: SpeechSettings) -> None:
        """In use at once (this session and every one after); saved to the override file."""
        self.core.speaker.apply(settings)
        self._notice = ""
        self.changed.emit()
        self._save_speech()

    def _save_speech(self) -> None:
        if self._saving_speech:  # one write at a time; the latest settings are written last
            self._save_speech_again = True
            return
        self._saving_speech = True
        settings = self._speech()
        run_in_background(settings.save, self._speech_saved, self._speech_not_saved)

    def _speech_saved(self, path: object) -> None:
        self._saving_speech = False
        if self._save_speech_again:
            self._save_speech_again = False
            self._save_speech()
            return
        self._notice = self.t("technician.speech.saved", path=str(path))
        self.changed.emit()

    def _speech_not_saved(self, exc: BaseException) -> None:
        self._saving_speech = self._save_speech_again = False
        log.error("speech settings not saved", exc_info=exc)
        values = exc.values if isinstance(exc, UserFacingError) else {}
        self._notice = self.t(message_key_of(exc), **values)
        self.changed.emit()

    def _voices_found(self, voices: dict[str, list[Voice]]) -> None:
        self._voices = voices
        self.changed.emit()

    def _voices_failed(self, exc: BaseException) -> None:
        log.warning("no speech voices: %s", exc)
        self._notice = self.t(message_key_of(exc))
        self.changed.emit()

    @Slot()
    def leave(self) -> None:
        log.info("technician mode left")
        self.shell.end_session()  # the next citizen finds the kiosk as configured
