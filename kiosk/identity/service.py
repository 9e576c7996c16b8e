"""The identity step's rules: from the card's QR or a typed ID + birth date to the BAC key
candidates, the chip read, and one checked `Identity` — or a clear, translatable reason why not.

Runs on a worker thread (the chip read blocks). Logs outcomes only, never personal data.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from hardware.card_reader import (
    CardReaderError,
    IdCardReader,
    ProgressListener,
    WrongKeyError,
)
from kiosk.clock import LocalTime
from kiosk.identity.card_expiry import bac_key_candidates
from kiosk.identity.card_qr import CardQr, parse_card_qr
from kiosk.identity.chip_identity import identity_from_chip
from kiosk.identity.errors import IdentityError
from kiosk.identity.id_number import check_id_number
from kiosk.identity.record import Identity, IdentitySource

log = logging.getLogger(__name__)


def card_access_number(id_number: str) -> str:
    """The CAN of a Vietnamese chip card: the last 6 digits of its 12-digit ID number."""
    return id_number[-6:]


@dataclass(frozen=True)
class CardKeyHint:
    """What opens the chip: the ID and birth date, and the issue date when the QR gave it."""

    id_number: str
    birth_date: dt.date
    issue_date: dt.date | None = None
    qr: CardQr | None = None

    def __repr__(self) -> str:
        return f"CardKeyHint(<hidden>, from_qr={self.qr is not None})"


def parse_typed_date(text: str) -> dt.date:
    """`dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or `ddmmyyyy` as a citizen types a birth date."""
    digits = text.strip()
    for separator in "/-. ":
        digits = digits.replace(separator, "/")
    parts = digits.split("/") if "/" in digits else [digits[:2], digits[2:4], digits[4:]]
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise IdentityError("identity.typed_bad_birth_date")
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError as exc:
        raise IdentityError("identity.typed_bad_birth_date") from exc


class IdentityService:
    def __init__(
        self,
        reader: IdCardReader | None,
        *,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        self.reader = reader
        self._today = today or (lambda: LocalTime().now().date())

    def today(self) -> dt.date:
        return self._today()

    # -- the two ways to a key ----------------------------------------------------------------
    def hint_from_qr(self, data: str | bytes) -> CardKeyHint:
        qr = parse_card_qr(data, today=self.today())
        return CardKeyHint(qr.id_number, qr.birth_date, qr.issue_date, qr)

    def hint_from_typed(self, id_text: str, birth_text: str) -> CardKeyHint:
        if len(id_text) > 40 or len(birth_text) > 40:
            raise IdentityError("identity.id_not_12_digits")
        birth = parse_typed_date(birth_text)
        if birth > self.today() or birth.year < 1900:
            raise IdentityError("identity.typed_bad_birth_date")
        number = check_id_number(id_text, birth=birth, today=self.today())
        return CardKeyHint(number, birth)

    # -- without the chip ---------------------------------------------------------------------
    @staticmethod
    def identity_from_qr(qr: CardQr) -> Identity:
        """What the QR says, for when the chip cannot be read: printed data, not verified."""
        return Identity(
            source=IdentitySource.QR,
            id_number=qr.id_number,
            full_name=qr.full_name,
            birth_date=qr.birth_date,
            sex=qr.sex,
            old_id_number=qr.old_id_number,
            residence=qr.address,
            issue_date=qr.issue_date,
        )

    @staticmethod
    def identity_from_typed(hint: CardKeyHint) -> Identity:
        """Only the ID and birth date the citizen typed: the form asks for the rest."""
        return Identity(
            source=IdentitySource.TYPED,
            id_number=hint.id_number,
            full_name="",
            birth_date=hint.birth_date,
            sex=None,
        )

    # -- the chip -----------------------------------------------------------------------------
    def read_card(self, hint: CardKeyHint, *, progress: ProgressListener | None = None) -> Identity:
        """Open the chip with the derived keys (most likely first) and return what it holds."""
        if self.reader is None:
            raise IdentityError("identity.no_reader")
        keys = bac_key_candidates(hint.id_number, hint.birth_date, hint.issue_date, self.today())
        try:
            # a Vietnamese card's CAN is the last 6 digits of its ID number: PACE needs no guess
            document = self.reader.read_document(
                keys, can=card_access_number(hint.id_number), progress=progress
            )
        except WrongKeyError as exc:
            log.info("chip refused all %d derived keys", exc.tried)
            # the QR's number gave the CAN and the MRZ keys: the card on the reader is not that
            # card, or the chip will not open; typing the number is the way on, not "bad card"
            key = "identity.key_not_found" if hint.qr else "identity.wrong_key_typed"
            raise IdentityError(key, retryable=False) from exc
        except CardReaderError as exc:
            log.info("chip read failed: %s", exc.message_key)
            raise IdentityError(exc.message_key, retryable=exc.retryable) from exc
        identity = identity_from_chip(document, today=self.today(), qr=hint.qr)
        log.info(
            "chip read: %s, key %s of %d, %d APDUs, chain %s, chip %s, %d mismatch(es)",
            document.access.value,
            "CAN" if document.key_index is None else document.key_index + 1,
            len(keys),
            document.apdu_count,
            identity.chain_status.value if identity.chain_status else "-",
            document.chip_check.value,
            len(identity.mismatches),
        )
        return identity
