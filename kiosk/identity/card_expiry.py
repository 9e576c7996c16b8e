"""The card's expiry date — the third part of the BAC key — derived instead of typed.

Law on Identification 2023 art. 21 (as the 2014 Law on Citizen Identification before it): a
card is renewed at 14, 25, 40 and 60; a card issued within the 2 years before one of those
ages stays valid to the next one; so a card issued at 58 or later never expires (key `991231`).
The expiry is the birthday at that age. Offices have not all counted "within 2 years" alike,
so the candidates go most likely first, then the neighbouring readings of the rule.
"""

from __future__ import annotations

import datetime as dt

from hardware.card_reader import NO_EXPIRY, BacKey

RENEWAL_AGES = (14, 25, 40, 60)
GRACE_YEARS = 2
# an issue date this close to the edge of the 2-year window could have been counted either way
_EDGE_DAYS = 45
MAX_CANDIDATES = 5


def birthday(birth: dt.date, age: int) -> dt.date:
    """The day `birth` turns `age` (29 February → 28 February in common years)."""
    year = birth.year + age
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def derive_expiry(birth: dt.date, issue: dt.date) -> dt.date | None:
    """The expiry the rule gives; None when the card never expires."""
    for age in RENEWAL_AGES:
        due = birthday(birth, age)
        if issue < due:
            if issue >= birthday(birth, age - GRACE_YEARS):
                continue  # issued within the grace window: valid to the next age
            return due
    return None


def expiry_candidates(
    birth: dt.date, issue: dt.date | None, today: dt.date
) -> list[dt.date | None]:
    """Expiry dates to try, most likely first (None = never expires)."""
    ordered: list[dt.date | None] = []

    def add(value: dt.date | None) -> None:
        if value not in ordered:
            ordered.append(value)

    dues = [birthday(birth, age) for age in RENEWAL_AGES]
    if issue is not None:
        add(derive_expiry(birth, issue))
        for age in RENEWAL_AGES:
            edge = birthday(birth, age - GRACE_YEARS)
            if abs((issue - edge).days) <= _EDGE_DAYS:
                add(derive_expiry(birth, edge - dt.timedelta(days=1)))
                add(derive_expiry(birth, edge))
        for due in dues:
            if due > issue:
                add(due)
        add(None)
    else:
        for due in dues:
            if due >= today:
                add(due)
        add(None)
        for due in reversed(dues):
            if due < today:
                add(due)
    if birth.month == 2 and birth.day == 29:  # some offices roll 29/02 to 01/03
        for value in list(ordered):
            if value is not None and value.day == 28:
                add(value + dt.timedelta(days=1))
    return ordered[:MAX_CANDIDATES]


def bac_key_candidates(
    id_number: str, birth: dt.date, issue: dt.date | None, today: dt.date
) -> list[BacKey]:
    """BAC keys for the card of `id_number`, the most likely expiry first."""
    document = id_number[-9:]
    born = birth.strftime("%y%m%d")
    return [
        BacKey(document, born, expiry.strftime("%y%m%d") if expiry else NO_EXPIRY)
        for expiry in expiry_candidates(birth, issue, today)
    ]
