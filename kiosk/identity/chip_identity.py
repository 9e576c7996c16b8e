"""Turns what the chip said into an `Identity`: refuses data whose signature does not hold,
checks every value, and flags where the MRZ, DG13 and the card's QR disagree."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from hardware.card_reader import NO_EXPIRY, ChipDocument, Td1Mrz, VietnameseRecord
from kiosk.folding import mrz_letters
from kiosk.identity.card_qr import CardQr, parse_sex
from kiosk.identity.errors import IdentityError
from kiosk.identity.id_number import Sex, check_id_number
from kiosk.identity.record import Identity, IdentitySource

_INVALID = "identity.chip_record_invalid"


def parse_card_date(text: str) -> dt.date:
    """`dd/mm/yyyy` as DG13 writes dates."""
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise IdentityError(_INVALID) from exc


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).casefold().split())

    return norm(a) == norm(b)


def _mrz_date(value: str, *, reference: dt.date) -> dt.date:
    """YYMMDD with the century that puts it nearest before/around `reference`."""
    year = 2000 + int(value[:2])
    if year > reference.year + 50:
        year -= 100
    return dt.date(year, int(value[2:4]), int(value[4:6]))


def _mrz_mismatches(mrz: Td1Mrz, identity: Identity) -> list[str]:
    found = []
    if mrz.id_number and mrz.id_number != identity.id_number:
        found.append("id_number")
    if mrz.document_number != identity.id_number[-9:]:
        found.append("id_number")
    if mrz.birth != identity.birth_date.strftime("%y%m%d"):
        found.append("birth_date")
    expected_sex = {"M": Sex.MALE, "F": Sex.FEMALE}.get(mrz.sex)
    if expected_sex is not None and expected_sex is not identity.sex:
        found.append("sex")
    card_expiry = (
        NO_EXPIRY
        if identity.never_expires
        else (identity.expiry_date.strftime("%y%m%d") if identity.expiry_date else "")
    )
    if card_expiry and mrz.expiry != card_expiry:
        found.append("expiry_date")
    if not mrz_name_matches(mrz, identity.full_name):
        found.append("full_name")
    return found


_MRZ_NAME_WIDTH = 30  # TD1 line 3


def mrz_name_matches(mrz: Td1Mrz, full_name: str) -> bool:
    """Whether the MRZ's name is `full_name` as the MRZ writes it (family name << given names,
    no marks), knowing that the line holds 30 characters and a longer name is cut there."""
    words = mrz_letters(full_name).split()
    written = f"{words[0]}<<{'<'.join(words[1:])}" if words else ""
    on_card = f"{mrz.surname.replace(' ', '<')}<<{mrz.given_names.replace(' ', '<')}"
    return written[:_MRZ_NAME_WIDTH].rstrip("<") == on_card[:_MRZ_NAME_WIDTH].rstrip("<")


def qr_mismatches(qr: CardQr, identity: Identity) -> list[str]:
    found = []
    if qr.id_number != identity.id_number:
        found.append("id_number")
    if qr.old_id_number and identity.old_id_number and qr.old_id_number != identity.old_id_number:
        found.append("old_id_number")
    if not _same_text(qr.full_name, identity.full_name):
        found.append("full_name")
    if qr.birth_date != identity.birth_date:
        found.append("birth_date")
    if qr.sex is not identity.sex:
        found.append("sex")
    if identity.issue_date and qr.issue_date != identity.issue_date:
        found.append("issue_date")
    if identity.residence and qr.address and not _same_text(qr.address, identity.residence):
        found.append("residence")
    return found


def _expiry(record: VietnameseRecord, mrz: Td1Mrz, issue: dt.date) -> tuple[dt.date | None, bool]:
    text = record.expiry.strip()
    if text and text[0].isdigit():
        return parse_card_date(text), False
    if mrz.expiry == NO_EXPIRY or text:  # words such as "Không thời hạn"
        return None, True
    return _mrz_date(mrz.expiry, reference=issue), False


def identity_from_chip(
    document: ChipDocument, *, today: dt.date, qr: CardQr | None = None
) -> Identity:
    """The citizen's identity from a chip read, or an `IdentityError` saying why not."""
    passive = document.passive_auth
    if passive is None:
        raise IdentityError("identity.chip_unverifiable", retryable=False)
    if not passive.data_intact:
        raise IdentityError("identity.chip_tampered", retryable=False)
    record = document.record
    if record is None:
        raise IdentityError("identity.chip_record_unreadable", retryable=False)
    birth = parse_card_date(record.birth_date)
    issue = parse_card_date(record.issue_date) if record.issue_date else None
    sex = parse_sex(record.sex, _INVALID)
    number = check_id_number(record.id_number, birth=birth, sex=sex, today=today)
    name = " ".join(unicodedata.normalize("NFC", record.full_name).split())
    if not name:
        raise IdentityError(_INVALID)
    expiry, never = _expiry(record, document.mrz, issue or today)
    identity = Identity(
        source=IdentitySource.CHIP,
        id_number=number,
        full_name=name,
        birth_date=birth,
        sex=sex,
        old_id_number=record.old_id_number,
        nationality=record.nationality,
        ethnicity=record.ethnicity,
        religion=record.religion,
        hometown=record.hometown,
        residence=record.residence,
        identifying_marks=record.identifying_marks,
        issue_date=issue,
        expiry_date=expiry,
        never_expires=never,
        father=record.father,
        mother=record.mother,
        spouse=record.spouse,
        portrait=document.portrait,
        chain_status=passive.chain,
        chip_check=document.chip_check,
    )
    mismatches = _mrz_mismatches(document.mrz, identity)
    if qr is not None:
        mismatches += qr_mismatches(qr, identity)
    return replace(identity, mismatches=tuple(dict.fromkeys(mismatches)))
