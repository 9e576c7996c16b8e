"""The identity record a journey uses to pre-fill forms: one per session, held in memory only,
dropped when the session ends. Its repr shows nothing personal, so it cannot leak into a log.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from hardware.card_reader import ChainStatus, ChipCheck, Portrait
from kiosk.identity.id_number import Sex


class IdentitySource(enum.Enum):
    CHIP = "chip"  # read from the chip and checked against its signature
    QR = "qr"  # the card's QR: what the card prints, not cryptographically checked
    TYPED = "typed"


@dataclass(frozen=True, repr=False)
class Identity:
    source: IdentitySource
    id_number: str
    full_name: str
    birth_date: dt.date
    sex: Sex | None
    old_id_number: str = ""
    nationality: str = ""
    ethnicity: str = ""
    religion: str = ""
    hometown: str = ""
    residence: str = ""
    identifying_marks: str = ""
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    never_expires: bool = False
    father: str = ""
    mother: str = ""
    spouse: str = ""
    portrait: Portrait | None = None
    # chip only: how far the signature over the data could be checked, and whether the chip
    # proved itself the issuer's (Active Authentication)
    chain_status: ChainStatus | None = None
    chip_check: ChipCheck | None = None
    # names of fields on which the card's sources (QR, MRZ, DG13) disagree
    mismatches: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Identity(<hidden>, source={self.source.value}, mismatches={list(self.mismatches)})"

    __str__ = __repr__

    @property
    def issuer_signed(self) -> bool:
        """The data carries the issuer's signature, checked against the configured trust list."""
        return self.chain_status is ChainStatus.VERIFIED

    @property
    def chip_genuine(self) -> bool:
        """The chip proved it holds the issuer's key: not a copy of the files on another chip."""
        return self.chip_check is ChipCheck.GENUINE

    @property
    def verified(self) -> bool:
        """What earns the green tick: both of the above."""
        return self.source is IdentitySource.CHIP and self.issuer_signed and self.chip_genuine

    def form_values(self) -> dict[str, str]:
        """Text for pre-filling forms (dates `dd/mm/yyyy`); empty fields are left out."""

        def day(value: dt.date | None) -> str:
            return value.strftime("%d/%m/%Y") if value else ""

        values = {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "birth_date": day(self.birth_date),
            "birth_year": str(self.birth_date.year) if self.birth_date else "",
            "sex": self.sex.value if self.sex else "",
            "nationality": self.nationality,
            "ethnicity": self.ethnicity,
            "religion": self.religion,
            "hometown": self.hometown,
            "residence": self.residence,
            "issue_date": day(self.issue_date),
            "expiry_date": day(self.expiry_date),
            "father": self.father,
            "mother": self.mother,
            "spouse": self.spouse,
        }
        return {key: value for key, value in values.items() if value}
