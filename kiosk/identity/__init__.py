"""Who the citizen is: from the chip ID card (with its QR or a typed ID + birth date as the key,
or as fallbacks), checked and cross-checked, held for one session only."""

from hardware.card_reader import ReadProgress, ReadStage  # what the step shows of a chip read
from kiosk.identity.card_expiry import bac_key_candidates, derive_expiry, expiry_candidates
from kiosk.identity.card_qr import CardQr, parse_card_qr
from kiosk.identity.errors import IdentityError
from kiosk.identity.id_number import Sex, check_id_number
from kiosk.identity.portrait import displayable_portrait
from kiosk.identity.record import Identity, IdentitySource
from kiosk.identity.service import CardKeyHint, IdentityService

__all__ = [
    "CardKeyHint",
    "CardQr",
    "Identity",
    "IdentityError",
    "IdentityService",
    "IdentitySource",
    "ReadProgress",
    "ReadStage",
    "Sex",
    "bac_key_candidates",
    "check_id_number",
    "derive_expiry",
    "displayable_portrait",
    "expiry_candidates",
    "parse_card_qr",
]
