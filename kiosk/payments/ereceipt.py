"""The e-receipt (biên lai điện tử) the citizen prints at the kiosk once the province reports the
fee paid (official letter 9494/BTC-CT lets citizens print their own receipts from the provincial
system): what was paid, when, for which dossier, the receipt's number and the amount in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hardware.printer import PrintJob, QrCode, Rule, Spacer, TextLine
from hardware.printer.job import Align, TextSize
from kiosk.catalogue.presentation import money
from kiosk.i18n import translate
from kiosk.speech.readings import read_money


@dataclass(frozen=True)
class PaidFee:
    dossier_code: str
    amount_vnd: int
    paid_at: datetime  # local time
    receipt_number: str


def ereceipt_job(paid: PaidFee, centre_name: str, lang: str) -> PrintJob:
    def line(key: str, **values: object) -> TextLine:
        return TextLine(translate(key, lang, **values), TextSize.SMALL, align=Align.LEFT)

    words = read_money(paid.amount_vnd, "vi" if lang == "vi" else "en").capitalize()
    blocks = (
        TextLine(centre_name, TextSize.NORMAL, bold=True),
        TextLine(translate("payments.ereceipt.title", lang), TextSize.LARGE, bold=True),
        Rule(),
        line("payments.ereceipt.number", number=paid.receipt_number),
        line("payments.ereceipt.dossier", code=paid.dossier_code),
        line("payments.ereceipt.paid_at", at=paid.paid_at.strftime("%H:%M %d/%m/%Y")),
        TextLine(money(paid.amount_vnd), TextSize.LARGE, bold=True),
        line("payments.ereceipt.in_words", words=words),
        Spacer(8),
        QrCode(f"{paid.receipt_number}|{paid.dossier_code}|{paid.amount_vnd}", module_dots=3),
        line("payments.ereceipt.footer"),
        Spacer(8),
    )
    return PrintJob(blocks, cut=True, name=f"ereceipt-{paid.dossier_code}")
