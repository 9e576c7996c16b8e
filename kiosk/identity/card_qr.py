"""The QR on the front of the chip ID card:
`ID12|oldID9|Full name|ddmmyyyy|Nam/Nữ|address|issue ddmmyyyy`, parsed by position.

2024 cards append empty fields (11 in all have been seen), so 7 or more are accepted. Anything
malformed or hostile — too few fields, bad dates, control characters, huge or non-UTF-8 input —
is refused with its own message, and nothing of it is kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from kiosk.identity.errors import IdentityError
from kiosk.identity.id_number import Sex, check_id_number

MAX_QR_CHARACTERS = 1000  # a real card's QR holds about 150
MIN_FIELDS = 7
MAX_FIELDS = 16
MAX_NAME = 100
MAX_ADDRESS = 300
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*$")


@dataclass(frozen=True)
class CardQr:
    id_number: str
    old_id_number: str
    full_name: str
    birth_date: dt.date
    sex: Sex
    address: str
    issue_date: dt.date

    def __repr__(self) -> str:
        return "CardQr(<hidden>)"


def parse_compact_date(text: str, problem: str) -> dt.date:
    """`ddmmyyyy` as the QR writes dates."""
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise IdentityError(problem)
    try:
        return dt.date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError as exc:
        raise IdentityError(problem) from exc


def parse_sex(text: str, problem: str) -> Sex:
    normalized = unicodedata.normalize("NFC", text.strip()).casefold()
    for sex in Sex:
        if normalized == sex.value.casefold():
            return sex
    raise IdentityError(problem)


def _decode(data: str | bytes) -> str:
    if isinstance(data, bytes):
        if len(data) > 4 * MAX_QR_CHARACTERS:
            raise IdentityError("identity.qr_too_long")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IdentityError("identity.qr_not_utf8") from exc
    if len(data) > MAX_QR_CHARACTERS:
        raise IdentityError("identity.qr_too_long")
    text = unicodedata.normalize("NFC", data).strip().lstrip("\ufeff")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text):
        raise IdentityError("identity.qr_control_characters")
    return text


def parse_card_qr(data: str | bytes, *, today: dt.date) -> CardQr:
    text = _decode(data)
    fields = [f.strip() for f in text.split("|")]
    if len(fields) < MIN_FIELDS:
        raise IdentityError("identity.qr_too_few_fields")
    if len(fields) > MAX_FIELDS:
        raise IdentityError("identity.qr_too_many_fields")
    id_text, old_id, name, birth_text, sex_text, address, issue_text = fields[:MIN_FIELDS]

    birth = parse_compact_date(birth_text, "identity.qr_bad_birth_date")
    if birth > today or birth.year < 1900:
        raise IdentityError("identity.qr_bad_birth_date")
    issue = parse_compact_date(issue_text, "identity.qr_bad_issue_date")
    if issue > today or issue < birth:
        raise IdentityError("identity.qr_bad_issue_date")
    sex = parse_sex(sex_text, "identity.qr_bad_sex")
    number = check_id_number(id_text, birth=birth, sex=sex, today=today)
    if old_id and not (old_id.isascii() and old_id.isdigit() and len(old_id) in (9, 12)):
        raise IdentityError("identity.qr_bad_old_id")
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME or not _NAME.match(name):
        raise IdentityError("identity.qr_bad_name")
    address = " ".join(address.split())
    if len(address) > MAX_ADDRESS:
        raise IdentityError("identity.qr_bad_address")
    return CardQr(number, old_id, name, birth, sex, address, issue)
