"""Handing a finished dossier over: give it its code, hand it in through the province door
(stored in the encrypted outbox, sent when the link allows), work out the appointment on the
working-day calendar, and print the receipt.

Everything here blocks (SQLite, disk, printer): call it from a worker, never the Qt thread.
The dossier is stored before anything is printed, so a printer fault never loses it; the
receipt is then shown on screen and can be printed again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from hardware.printer import TicketPrinter
from kiosk.calendar.appointment import AppointmentRules, WorkingHours
from kiosk.catalogue.model import Procedure, ProcessingTime
from kiosk.catalogue.presentation import describe_fees
from kiosk.catalogue.store import CatalogueStore
from kiosk.config import KioskConfig
from kiosk.dossiers.forms import FormDefinition, PaperStep
from kiosk.dossiers.numbering import DossierBook
from kiosk.dossiers.receipt import Receipt, ReceivedPaper, receipt_job
from kiosk.errors import UserFacingError
from kiosk.i18n import translate
from kiosk.identity import Identity
from kiosk.payments.due import payment_due
from kiosk.payments.fees import FeeBill, bill_for, fees_data
from kiosk.printing import PrintOutcome, print_and_report
from kiosk.province import Province, ProvinceNotReady, Scan

log = logging.getLogger(__name__)


@dataclass
class ScannedPaper:
    step: PaperStep
    pdf: bytes | None  # None: the citizen said they do not have it
    pages: int = 0


@dataclass
class DossierDraft:
    """What the citizen has given so far; held in memory for the session only."""

    procedure: Procedure
    form: FormDefinition
    identity: Identity
    answers: dict[str, str] = field(default_factory=dict)
    papers: list[ScannedPaper] = field(default_factory=list)


@dataclass(frozen=True)
class Submitted:
    receipt: Receipt
    print_outcome: PrintOutcome


def allowed_time(time: ProcessingTime | None) -> int | WorkingHours | None:
    """The processing time the calendar can count, or None when the record gives none."""
    if time is None:
        return None
    if time.same_day:
        return 0
    if time.value is None:
        return None
    if time.unit == "working_days" and float(time.value).is_integer():
        return int(time.value)
    if time.unit == "hours":
        return WorkingHours(time.value)
    return None


class HandInService:
    def __init__(
        self,
        book: DossierBook,
        load_rules: Callable[[], AppointmentRules],
        printer: TicketPrinter,
        province: Province,
        config: KioskConfig,
        catalogue: CatalogueStore,
    ) -> None:
        self.book = book
        self.printer = printer
        self.province = province
        self.config = config
        self.catalogue = catalogue
        self._load_rules = load_rules
        self._rules: AppointmentRules | None = None

    @property
    def rules(self) -> AppointmentRules:
        """Loaded on the first dossier (on a worker), so the kiosk starts without the tables."""
        if self._rules is None:
            self._rules = self._load_rules()
        return self._rules

    def submit(self, draft: DossierDraft, lang: str) -> Submitted:
        try:  # before a code is taken, so a kiosk that cannot store one uses none up
            self.province.wait_ready()
        except ProvinceNotReady as exc:
            raise UserFacingError("hand_in.error.no_outbox") from exc
        code = self.book.allocate()
        scans = [
            Scan(f"{paper.step.index + 1:02d}-giay-to.pdf", "application/pdf", paper.pdf)
            for paper in draft.papers
            if paper.pdf is not None
        ]
        try:
            bill = self._bill(draft, code.issued_at)
            data = self._dossier_data(draft, code.issued_at, bill)
            self.province.hand_in_dossier(code.code, data, scans)
        except BaseException:
            self.book.mark(code.code, "not_stored")
            raise
        self.book.mark(code.code, "stored")
        receipt = self._receipt(draft, code.code, code.issued_at, lang, bill)
        log.info("dossier %s stored for %s", code.code, draft.procedure.code)
        return Submitted(receipt, self.print_receipt(receipt, lang))

    def print_receipt(self, receipt: Receipt, lang: str) -> PrintOutcome:
        return print_and_report(
            self.printer, receipt_job(receipt, lang), f"receipt {receipt.dossier_code}"
        )

    def _dossier_data(self, draft: DossierDraft, at: datetime, bill: FeeBill | None) -> dict:
        identity = draft.identity
        fees = {} if bill is None else {"fees": fees_data(bill)}
        return {
            **fees,
            "procedure_code": draft.procedure.code,
            "submitted_at": at.isoformat(),
            "channel": "kiosk",
            "kiosk_id": self.config.centre.kiosk_id,
            "applicant": {**identity.form_values(), "identity_source": identity.source.value},
            "form": dict(draft.answers),
            "form_template": draft.form.template,
            "papers": [
                {"name": p.step.name, "pages": p.pages, "missing": p.pdf is None}
                for p in draft.papers
            ],
        }

    def _receipt(
        self, draft: DossierDraft, code: str, at: datetime, lang: str, bill: FeeBill | None
    ) -> Receipt:
        procedure = draft.procedure
        allowed = allowed_time(procedure.processing_time)
        appointment = "" if allowed is None else self.rules.appointment_date(at, allowed).display()
        centre = self.config.centre
        return Receipt(
            dossier_code=code,
            procedure_code=procedure.code,
            procedure_name=procedure.name,
            applicant_name=draft.identity.full_name,
            applicant_id=draft.identity.id_number,
            papers=tuple(ReceivedPaper(p.step.name, p.pages) for p in draft.papers),
            fees=tuple(describe_fees(procedure, lang)),
            received_at=at,
            appointment=appointment,
            centre_name=centre.name.get(lang),
            collect_at=self._collect_at(procedure, lang),
            issuing_system=f"{centre.unit_code}/{centre.kiosk_id}",
            payment=payment_due(code, bill, self.config.payments) if bill else None,
        )

    def _bill(self, draft: DossierDraft, at: datetime) -> FeeBill | None:
        """The fees as worked out on the day of hand-in (`at`, the centre's local time)."""
        province_amounts = self.config.payments.province_amounts
        return bill_for(draft.procedure.code, draft.answers, province_amounts, at.date())

    def _collect_at(self, procedure: Procedure, lang: str) -> str:
        centre = self.config.centre
        where = centre.name.get(lang)
        if centre.address:
            where += f", {centre.address}"
        service = self.config.queue.service(self.catalogue.current.queue_service_for(procedure))
        if service is not None:
            where += " — " + translate(
                "hand_in.receipt.counters", lang, counters=", ".join(service.counters)
            )
        return where
