"""What a dossier still has to pay and how: the worked-out bill, and a VietQR code for it when
the centre has an account for the procedure. Shared by the screen and the printed receipt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalogue.presentation import money
from kiosk.i18n import translate
from kiosk.payments.fees import FeeBill
from kiosk.payments.settings import PaymentSettings
from kiosk.payments.vietqr import Beneficiary, vietqr_payload
from kiosk.speech.readings import read_money


@dataclass(frozen=True)
class PaymentDue:
    dossier_code: str
    bill: FeeBill
    beneficiary: Beneficiary | None  # None: paid at the counter only

    @property
    def qr_payload(self) -> str:
        """The VietQR to show and print, or "" when the fee cannot be paid by transfer."""
        if self.beneficiary is None or not self.bill.payable_by_transfer:
            return ""
        return vietqr_payload(self.beneficiary, self.bill.total_vnd, self.dossier_code)

    def lines(self, lang: str) -> list[str]:
        """Each item with its amount and basis, then the total in figures and in words."""
        out = []
        for line in self.bill.lines:
            if line.amount_vnd is None:
                amount = translate("payments.due.at_counter_amount", lang)
            elif line.exemption:
                amount = translate("payments.due.exempt", lang)
            else:
                amount = money(line.amount_vnd)
            out.append(
                translate(
                    "payments.due.line",
                    lang,
                    name=line.name.get(lang),
                    quantity=line.quantity,
                    amount=amount,
                    source=line.source,
                )
            )
        if self.bill.complete:
            total = self.bill.total_vnd
            words = read_money(total, "vi" if lang == "vi" else "en")
            out.append(
                translate("payments.due.total", lang, amount=money(total), words=words.capitalize())
            )
        return out

    def how_to_pay(self, lang: str) -> list[str]:
        if self.qr_payload and self.beneficiary is not None:
            return [
                translate("payments.due.scan", lang),
                translate(
                    "payments.due.account",
                    lang,
                    name=self.beneficiary.name,
                    account=self.beneficiary.account,
                ),
                translate("payments.due.purpose", lang, code=self.dossier_code),
                translate("payments.due.or_counter", lang),
            ]
        if self.bill.total_vnd > 0 or not self.bill.complete:
            return [translate("payments.due.counter_only", lang)]
        return [translate("payments.due.nothing", lang)]


def payment_due(dossier_code: str, bill: FeeBill, settings: PaymentSettings) -> PaymentDue:
    return PaymentDue(dossier_code, bill, settings.beneficiary(bill.procedure_code))
