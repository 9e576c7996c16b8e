"""NAPAS VietQR payloads: the EMVCo merchant-presented QR that every Vietnamese banking app reads.

Layout (EMVCo QRCPS-MPM v1.1 and NAPAS' VietQR profile): each field is a two-digit id, a two-digit
length and the value; 38 is NAPAS' account template (GUID `A000000727`, the beneficiary's bank BIN
and account, service `QRIBFTTA` for a transfer to an account); 62.08 is the purpose of payment,
which carries the dossier code so the receiving unit can match the transfer; 63 is a CRC-16/CCITT-
FALSE over the whole string up to and including `6304`.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from kiosk.errors import UserFacingError

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
MAX_PURPOSE = 25


class PaymentCodeError(UserFacingError):
    """The payment details cannot make a valid VietQR: the centre's settings need fixing."""


@dataclass(frozen=True)
class Beneficiary:
    """The receiving unit's account, from the centre's settings or the province."""

    bank_bin: str  # six digits, NAPAS' identifier of the bank (970403 for Sacombank, …)
    account: str
    name: str  # as the bank holds it: capitals without diacritics
    city: str = "HA NOI"

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{6}", self.bank_bin):
            raise PaymentCodeError("payments.bad_bank_bin")
        if not re.fullmatch(r"[0-9A-Za-z]{1,19}", self.account):
            raise PaymentCodeError("payments.bad_account")
        if not (self.name.isascii() and 0 < len(self.name) <= 25):
            raise PaymentCodeError("payments.bad_account_name")
        if not (self.city.isascii() and 0 < len(self.city) <= 15):
            raise PaymentCodeError("payments.bad_city")


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise PaymentCodeError("payments.field_too_long")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(text: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, unreflected) as four upper-case hex digits."""
    return f"{binascii.crc_hqx(text.encode('utf-8'), 0xFFFF):04X}"


def payment_reference(dossier_code: str) -> str:
    """The purpose of payment a bank app shows and passes on: the dossier code, shortened by
    dropping separators only when it is longer than the field allows."""
    reference = (
        dossier_code if len(dossier_code) <= MAX_PURPOSE else re.sub(r"[.\-]", "", dossier_code)
    )
    if len(reference) > MAX_PURPOSE or not reference.isascii():
        raise PaymentCodeError("payments.reference_too_long")
    return reference


def vietqr_payload(beneficiary: Beneficiary, amount_vnd: int, dossier_code: str) -> str:
    """A dynamic VietQR (01 = 12) for exactly `amount_vnd` đồng, purpose = the dossier code."""
    if not 0 < amount_vnd < 10**13:
        raise PaymentCodeError("payments.bad_amount")
    account = _field("00", beneficiary.bank_bin) + _field("01", beneficiary.account)
    napas = _field("00", NAPAS_GUID) + _field("01", account) + _field("02", SERVICE_TO_ACCOUNT)
    body = (
        _field("00", "01")
        + _field("01", "12")
        + _field("38", napas)
        + _field("53", CURRENCY_VND)
        + _field("54", str(amount_vnd))
        + _field("58", "VN")
        + _field("59", beneficiary.name)
        + _field("60", beneficiary.city)
        + _field("62", _field("08", payment_reference(dossier_code)))
        + "6304"
    )
    return body + crc16_ccitt_false(body)
