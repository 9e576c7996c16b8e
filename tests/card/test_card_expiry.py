"""The card's expiry from birth and issue dates by the renewal ages 14, 25, 40 and 60, and the
BAC key candidates in the order they are tried."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.identity import bac_key_candidates, derive_expiry, expiry_candidates

D = dt.date
BIRTH = D(1990, 3, 15)
TODAY = D(2026, 11, 23)


@pytest.mark.parametrize(
    ("issue", "expected"),
    [
        (D(2003, 1, 1), D(2015, 3, 15)),  # age 12y9m: within 2 years of 14, runs to 25
        (D(2001, 1, 1), D(2004, 3, 15)),  # age 10: runs to 14
        (D(2010, 1, 1), D(2015, 3, 15)),  # age 19: runs to 25
        (D(2013, 3, 14), D(2015, 3, 15)),  # one day before the window of 25 opens
        (D(2013, 3, 15), D(2030, 3, 15)),  # window opens: valid to 40
        (D(2015, 3, 14), D(2030, 3, 15)),  # the day before turning 25
        (D(2015, 3, 15), D(2030, 3, 15)),  # issued on the 25th birthday: runs to 40
        (D(2021, 7, 1), D(2030, 3, 15)),  # age 31: runs to 40
        (D(2028, 3, 15), D(2050, 3, 15)),  # age 38 exactly: within 2 years of 40 → 60
        (D(2045, 1, 1), D(2050, 3, 15)),  # age 54: runs to 60
        (D(2048, 3, 15), None),  # age 58: never expires
        (D(2055, 1, 1), None),  # age 64: never expires
    ],
)
def test_derive_expiry_by_the_renewal_ages(issue: dt.date, expected: dt.date | None) -> None:
    assert derive_expiry(BIRTH, issue) == expected


def test_leap_day_birthdays_fall_on_28_february() -> None:
    assert derive_expiry(D(2000, 2, 29), D(2018, 1, 1)) == D(2025, 2, 28)
    assert D(2025, 3, 1) in expiry_candidates(D(2000, 2, 29), D(2018, 1, 1), TODAY)


def test_candidates_start_with_the_rule_and_end_with_no_expiry() -> None:
    candidates = expiry_candidates(BIRTH, D(2021, 7, 1), TODAY)
    assert candidates[0] == D(2030, 3, 15)
    assert None in candidates
    assert len(candidates) == len(set(candidates)) <= 5


def test_issue_near_the_window_edge_tries_the_other_reading_second() -> None:
    birth, issue = D(2000, 8, 10), D(2023, 7, 20)  # 3 weeks before the window of 25 opens
    assert expiry_candidates(birth, issue, TODAY)[:2] == [D(2025, 8, 10), D(2040, 8, 10)]


def test_without_an_issue_date_valid_cards_are_tried_before_expired_ones() -> None:
    candidates = expiry_candidates(BIRTH, None, TODAY)
    assert candidates[:3] == [D(2030, 3, 15), D(2050, 3, 15), None]
    assert candidates[3] == D(2015, 3, 15)


def test_bac_keys_use_the_last_nine_digits_and_991231_for_no_expiry() -> None:
    keys = bac_key_candidates("001190012345", BIRTH, D(2049, 1, 1), TODAY)
    assert keys[0].document_number == "190012345"
    assert keys[0].birth == "900315"
    assert keys[0].expiry == "991231"
