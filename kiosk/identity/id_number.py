"""The 12-digit personal identification number (số định danh cá nhân): `PPP G YY RRRRRR`.

PPP is the province where the birth was registered (the GSO province codes, 63 before the 2025
merger, of which the 34 current codes are a subset), G the century and sex (0/1 = 1900s
male/female, 2/3 = 2000s, … 8/9 = 2300s), YY the last two digits of the birth year.
"""

from __future__ import annotations

import datetime as dt
import enum
import sqlite3
from contextlib import closing
from functools import lru_cache

from kiosk.admin_units.units import dataset_path
from kiosk.identity.errors import IdentityError


class Sex(enum.Enum):
    MALE = "Nam"
    FEMALE = "Nữ"


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    """Birth-registration province code (3 digits) → province name, old and current units.

    Read straight from the administrative-units dataset: importing the package itself costs
    about 0.4 s (its address parsers), which the kiosk's start must not pay."""
    uri = f"{dataset_path().resolve().as_uri()}?mode=ro&immutable=1"
    codes: dict[str, str] = {}
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        for table in ("admin_units_legacy", "admin_units"):
            rows = conn.execute(f"SELECT DISTINCT provinceCode, province FROM {table}")
            for code, name in rows:
                codes.setdefault(f"{int(code):03d}", name)
    return codes


def birth_century(century_digit: int) -> int:
    return 1900 + (century_digit // 2) * 100


def check_id_number(
    text: str,
    *,
    birth: dt.date | None = None,
    sex: Sex | None = None,
    today: dt.date | None = None,
) -> str:
    """The number if it is a well-formed 12-digit ID consistent with `birth` and `sex`."""
    number = text.strip()
    if len(number) != 12 or not number.isascii() or not number.isdigit():
        raise IdentityError("identity.id_not_12_digits")
    if number[:3] not in province_codes():
        raise IdentityError("identity.id_bad_province")
    digit = int(number[3])
    year = birth_century(digit) + int(number[4:6])
    if today is not None and year > today.year:
        raise IdentityError("identity.id_bad_birth_year")
    if birth is not None and birth.year != year:
        raise IdentityError("identity.id_birth_mismatch")
    if sex is not None and (sex is Sex.FEMALE) != bool(digit % 2):
        raise IdentityError("identity.id_sex_mismatch")
    return number
