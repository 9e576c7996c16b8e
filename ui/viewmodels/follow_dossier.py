"""View-model of "follow a dossier" (`followDossier` in QML): the receipt's QR under the camera or
the code typed on the kiosk keyboard, then the status timeline — or, when the province cannot be
reached, a plain "offline" with what this kiosk itself knows of the dossier.

The camera's QR loop and the lookup (network, outbox) run on workers; a late answer for a
screen that was left, or a session that ended, is dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue.presentation import money
from kiosk.journeys.follow_dossier import FollowDossierJourney, FollowState
from kiosk.payments.ereceipt import PaidFee, ereceipt_job
from kiosk.printing import PaperWords, PrintOutcome, print_and_report, print_message
from kiosk.province import DossierLookup, LocalRecord, LookupOutcome, status_message_key
from ui.background import run_in_background
from ui.camera_qr_watch import CameraQrWatch
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
ERECEIPT_WORDS = PaperWords(
    "payments.ereceipt.printed",
    "payments.ereceipt.printed_unconfirmed",
    "payments.ereceipt.not_printed",
    call_staff=False,  # its words already say where else to get it
)
S = FollowState

SCREENS = {
    S.SCAN: "FollowScan",
    S.TYPE: "FollowType",
    S.LOOKING: "FollowLooking",
    S.RESULT: "FollowResult",
}


@dataclass(frozen=True)
class TimelineRow:
    """A status the dossier went through (a row of `FollowDossier.timeline`), oldest first."""

    status: str
    when: str
    current: bool  # the last one: where the dossier is now


class FollowDossierViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self._qr_watch = CameraQrWatch(
            wanted=lambda: self.journey.state is S.SCAN,
            on_code=lambda raw: self.journey.qr_scanned(raw),
            on_failure=self._qr_failed,
        )
        self._camera_problem = ""
        self._receipt_printing = False
        self._receipt_message = ""
        self.follow(FollowDossierJourney())
        self._timeline = live_rows(self, self.changed, TimelineRow, self._timeline_rows)

    @property
    def camera(self) -> object | None:
        return self.kiosk.services.camera

    # --- life ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.reset()
        if self.camera is None:
            self.journey.type_instead()
        else:
            self.shell.go(SCREENS[S.SCAN])
            self._look_for_qr()

    def forget(self) -> None:
        self._stop_qr()
        self._camera_problem = ""
        self._receipt_message = ""

    def entered(self, state: FollowState) -> None:
        if state is S.SCAN:
            self._look_for_qr()
        else:
            self._stop_qr()
        if state is S.LOOKING:
            self._look_up(self.journey.code)

    # --- the receipt's QR under the camera ----------------------------------------------------
    def _look_for_qr(self) -> None:
        self._qr_watch.start(self.camera)

    def _stop_qr(self) -> None:
        self._qr_watch.stop()

    def _qr_failed(self, exc: BaseException) -> None:
        log.warning("follow a dossier: the camera could not read: %s", exc)
        self._camera_problem = "follow.scan.no_camera"
        self.changed.emit()

    # --- the lookup ---------------------------------------------------------------------------
    def _look_up(self, code: str) -> None:
        province = self.core.province

        def failed(exc: BaseException) -> None:
            log.error("looking up a dossier failed", exc_info=exc)
            self.journey.found(DossierLookup(code, LookupOutcome.OFFLINE, problem_key="unexpected"))

        run_in_background(lambda: province.look_up_dossier(code), self.journey.found, failed)

    # --- what the screens show ----------------------------------------------------------------
    def _local_datetime(self, moment: datetime | float) -> tuple[str, str]:
        zone = self.core.local_time.zone
        if isinstance(moment, datetime):
            local = moment.astimezone(zone)
        else:
            local = datetime.fromtimestamp(moment, zone)
        return local.strftime("%H:%M"), local.strftime("%d/%m/%Y")

    def _status_name(self, code: int) -> str:
        key = status_message_key(code)
        if key is None:
            return self.t("follow.result.unknown_status", code=code)
        return self.t(key)

    def _timeline_rows(self) -> list[TimelineRow]:
        lookup = self.journey.lookup
        if lookup is None or lookup.status is None:
            return []
        steps = lookup.status.timeline
        rows: list[TimelineRow] = []
        for number, step in enumerate(steps):
            time, date = self._local_datetime(step.at)
            rows.append(
                TimelineRow(
                    status=self._status_name(step.code),
                    when=self.t("follow.result.step_at", time=time, date=date),
                    current=number == len(steps) - 1,
                )
            )
        return rows

    def _get_timeline(self) -> RowsModel:
        return self._timeline

    def _current(self) -> str:
        lookup = self.journey.lookup
        if lookup is None or lookup.status is None:
            return ""
        return self.t("follow.result.current", status=self._status_name(lookup.status.current.code))

    def _outcome(self) -> str:
        lookup = self.journey.lookup
        return lookup.outcome.value if lookup else ""

    def _message(self) -> str:
        lookup = self.journey.lookup
        if lookup is None or lookup.outcome is LookupOutcome.FOUND:
            return ""
        if lookup.outcome is LookupOutcome.NOT_FOUND and lookup.local is None:
            return self.t("follow.result.not_found")
        if lookup.outcome is LookupOutcome.NOT_FOUND:
            return ""  # the province has not got it yet: what the kiosk knows says why
        return self.t("follow.result.offline")

    def _local(self) -> str:
        """What the kiosk knows; shown when the province could not say."""
        lookup = self.journey.lookup
        if lookup is None or lookup.outcome is LookupOutcome.FOUND:
            return ""
        record = lookup.local
        if record is None:
            return (
                self.t("follow.result.local_none")
                if lookup.outcome is LookupOutcome.OFFLINE
                else ""
            )
        return self._local_text(record)

    def _local_text(self, record: LocalRecord) -> str:
        time, date = self._local_datetime(record.received_at)
        if record.refused:
            return self.t("follow.result.local_problem", time=time, date=date)
        if record.sent and record.sent_at is not None:
            sent_time, sent_date = self._local_datetime(record.sent_at)
            return self.t(
                "follow.result.local_sent",
                time=time,
                date=date,
                sent_time=sent_time,
                sent_date=sent_date,
            )
        return self.t("follow.result.local_waiting", time=time, date=date)

    def _problem(self) -> str:
        key = self.journey.problem_key
        if key:
            return self.t(key)
        if self.journey.state is S.SCAN and self._camera_problem:
            return self.t(self._camera_problem)
        return ""

    def _paid_fee(self) -> PaidFee | None:
        lookup = self.journey.lookup
        payment = lookup.status.payment if lookup and lookup.status else None
        if lookup is None or payment is None:
            return None
        local = payment.paid_at.astimezone(self.core.local_time.zone)
        return PaidFee(lookup.code, payment.amount_vnd, local, payment.receipt_number)

    def _fee_due(self) -> int | None:
        lookup = self.journey.lookup
        return lookup.status.fee_due_vnd if lookup and lookup.status else None

    def _payment(self) -> str:
        """ "Đã nộp phí …" once the province reports the fee paid, and "Còn phải nộp …" while
        some of it is due; "" when the province knows of nothing to pay."""
        due = self._fee_due()
        said = []
        paid = self._paid_fee()
        if paid is not None:
            at = paid.paid_at.strftime("%H:%M %d/%m/%Y")
            said.append(self.t("payments.due.paid", amount=money(paid.amount_vnd), at=at))
        if due:
            said.append(self.t("payments.due.still_due", amount=money(due)))
            said.append(self.t("payments.due.how_still_due"))
        return " ".join(said)

    @Slot()
    def printEReceipt(self) -> None:
        paid = self._paid_fee()
        if paid is None or self._receipt_printing:
            return
        job = ereceipt_job(paid, self.core.config.centre.name.get(self.i18n.lang), self.i18n.lang)
        self._receipt_printing, self._receipt_message = True, ""
        self.changed.emit()
        printer = self.core.printer
        run_in_background(
            lambda: print_and_report(printer, job, f"e-receipt {paid.dossier_code}"),
            self._receipt_done,
        )

    def _receipt_done(self, outcome: PrintOutcome) -> None:
        self._receipt_printing = False
        self._receipt_message = print_message(outcome, ERECEIPT_WORDS, self.i18n.lang)
        self.changed.emit()

    payment = Property(str, _payment, notify=changed)
    paymentDue = Property(bool, lambda self: bool(self._fee_due()), notify=changed)
    paid = Property(bool, lambda self: self._paid_fee() is not None, notify=changed)
    receiptMessage = Property(str, lambda self: self._receipt_message, notify=changed)
    receiptPrinting = Property(bool, lambda self: self._receipt_printing, notify=changed)
    code = Property(str, lambda self: self.journey.code or "", notify=changed)
    step = Property(int, lambda self: self.journey.step, notify=changed)
    stepTotal = Property(int, lambda self: self.journey.step_total, constant=True)
    hasCamera = Property(bool, lambda self: self.camera is not None, notify=changed)
    problem = Property(str, _problem, notify=changed)
    outcome = Property(str, _outcome, notify=changed)
    timeline = Property(QObject, _get_timeline, constant=True)
    current = Property(str, _current, notify=changed)
    message = Property(str, _message, notify=changed)
    localKnowledge = Property(str, _local, notify=changed)

    # --- taps ---------------------------------------------------------------------------------
    @Slot()
    def typeInstead(self) -> None:
        self.journey.type_instead()

    @Slot()
    def scanInstead(self) -> None:
        self._camera_problem = ""
        self.journey.scan_instead()

    @Slot(str)
    def submitTyped(self, text: str) -> None:
        self.journey.typed(text)

    @Slot(str)
    def submitQrText(self, text: str) -> None:
        """What a QR said, as if the camera had read it (demos, screenshots, tests)."""
        self.journey.qr_scanned(text.encode("utf-8"))

    @Slot()
    def lookUpAgain(self) -> None:
        if self.journey.state is S.RESULT:
            self.journey.look_up_again()

    @Slot()
    def another(self) -> None:
        self.start()

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()
