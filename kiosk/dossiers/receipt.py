"""The printed receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01 of Circular
03/2025/TT-VPCP as far as its public content goes): dossier code, the citizen, the papers
received, the fee, the appointment and where to collect, with a QR at the top that carries what
Circular 01/2023/TT-VPCP lists for a receipt's code (dossier code, procedure code, applicant id,
document name, issuing system, issue time, return date).

The QR's field list follows the circular; its encoding (compact JSON, the names below) is ours.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from hardware.printer import PrintJob, QrCode, Rule, Spacer, TextLine
from hardware.printer.job import Align, TextSize
from kiosk.i18n import translate
from kiosk.payments.due import PaymentDue

DOCUMENT_NAME = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"


@dataclass(frozen=True)
class ReceivedPaper:
    name: str
    pages: int  # 0 when the citizen said they do not have it


@dataclass(frozen=True)
class Receipt:
    dossier_code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_id: str
    papers: tuple[ReceivedPaper, ...]
    fees: tuple[str, ...]
    received_at: datetime  # local time
    appointment: str  # "dd/mm/yyyy" (or "HH:MM dd/mm/yyyy"); "" when the record states none
    centre_name: str
    collect_at: str  # the agency and counter that hand over the result
    issuing_system: str  # unit code and kiosk id
    payment: PaymentDue | None = None  # the worked-out fees, when the procedure has a schedule

    def qr_payload(self) -> str:
        return json.dumps(
            {
                "ma_ho_so": self.dossier_code,
                "ma_tthc": self.procedure_code,
                "so_dinh_danh": self.applicant_id,
                "ten_giay_to": DOCUMENT_NAME,
                "he_thong_cap": self.issuing_system,
                "thoi_gian_cap": self.received_at.isoformat(timespec="seconds"),
                "ngay_hen_tra": self.appointment,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )


def receipt_job(receipt: Receipt, lang: str) -> PrintJob:
    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    def line(text: str, bold: bool = False) -> TextLine:
        return TextLine(text, TextSize.SMALL, bold=bold, align=Align.LEFT)

    blocks: list = [
        QrCode(receipt.qr_payload(), module_dots=3, align=Align.LEFT),
        TextLine(receipt.centre_name, TextSize.NORMAL, bold=True),
        TextLine(t("hand_in.receipt.title"), TextSize.LARGE, bold=True),
        Rule(),
        line(t("hand_in.receipt.code", code=receipt.dossier_code), bold=True),
        line(t("hand_in.receipt.procedure", name=receipt.procedure_name)),
        line(t("hand_in.receipt.procedure_code", code=receipt.procedure_code)),
        line(t("hand_in.receipt.applicant", name=receipt.applicant_name)),
        line(t("hand_in.receipt.received_at", at=receipt.received_at.strftime("%H:%M %d/%m/%Y"))),
        Spacer(8),
        line(t("hand_in.receipt.papers"), bold=True),
    ]
    for number, paper in enumerate(receipt.papers, start=1):
        if paper.pages:
            text = t(
                "hand_in.receipt.paper_pages", number=number, name=paper.name, pages=paper.pages
            )
        else:
            text = t("hand_in.receipt.paper_missing", number=number, name=paper.name)
        blocks.append(line(text))
    blocks += [
        Spacer(8),
        line(t("hand_in.receipt.fee"), bold=True),
        *_fee_blocks(receipt, lang),
        Spacer(8),
        line(t("hand_in.receipt.appointment"), bold=True),
        TextLine(
            receipt.appointment or t("hand_in.receipt.no_appointment"), TextSize.LARGE, bold=True
        ),
        line(t("hand_in.receipt.collect", where=receipt.collect_at)),
        Rule(),
        TextLine(t("hand_in.receipt.footer"), TextSize.SMALL),
        Spacer(8),
    ]
    return PrintJob(tuple(blocks), cut=True, name=f"receipt-{receipt.dossier_code}")


def _fee_blocks(receipt: Receipt, lang: str) -> list:
    """The fees as worked out and how to pay them (a VietQR code for the account when there is
    one, the counter always); the catalogue's fee text when no schedule covers the procedure."""

    def line(text: str, bold: bool = False) -> TextLine:
        return TextLine(text, TextSize.SMALL, bold=bold, align=Align.LEFT)

    payment = receipt.payment
    if payment is None:
        return [line(fee) for fee in receipt.fees]
    blocks: list = [line(text) for text in payment.lines(lang)]
    how = payment.how_to_pay(lang)
    if payment.qr_payload:
        blocks += [line(how[0], bold=True), QrCode(payment.qr_payload, module_dots=4)]
        how = how[1:]
    blocks += [line(text) for text in how]
    return blocks
