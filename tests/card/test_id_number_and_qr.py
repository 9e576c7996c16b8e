"""The 12-digit ID number and the card's QR: valid input parses, malformed or hostile input gets
its own translated message and yields nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.i18n import catalogue
from kiosk.identity import IdentityError, Sex, check_id_number, parse_card_qr

TODAY = dt.date(2026, 11, 23)
QR = (
    "001190012345|012345678|Trần Thị Thu Hà|15031990|Nữ|"
    "Số 12 phố Tràng Tiền, Hoàn Kiếm, Hà Nội|01072021"
)


def _problem(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(IdentityError) as caught:
        call()
    key = caught.value.message_key
    assert key in catalogue(), f"{key} has no translation"
    return key


@pytest.mark.parametrize(
    ("number", "birth", "sex"),
    [
        ("001190012345", dt.date(1990, 3, 15), Sex.FEMALE),
        ("079300123456", dt.date(2000, 8, 10), Sex.FEMALE),
        ("096085000001", dt.date(1985, 1, 1), Sex.MALE),
        ("037204000123", dt.date(2004, 5, 6), Sex.MALE),
    ],
)
def test_valid_numbers(number: str, birth: dt.date, sex: Sex) -> None:
    assert check_id_number(number, birth=birth, sex=sex, today=TODAY) == number


@pytest.mark.parametrize(
    ("number", "kwargs", "key"),
    [
        ("00119001234", {}, "identity.id_not_12_digits"),
        ("0011900123456", {}, "identity.id_not_12_digits"),
        ("00119001234a", {}, "identity.id_not_12_digits"),
        ("００１１９００１２３４５", {}, "identity.id_not_12_digits"),  # full-width digits
        ("003190012345", {}, "identity.id_bad_province"),  # 003 was never a province code
        ("099190012345", {}, "identity.id_bad_province"),
        ("001290012345", {}, "identity.id_bad_birth_year"),  # born 2090
        ("001190012345", {"birth": dt.date(1991, 3, 15)}, "identity.id_birth_mismatch"),
        ("001190012345", {"birth": dt.date(2090, 3, 15)}, "identity.id_birth_mismatch"),
        ("001190012345", {"sex": Sex.MALE}, "identity.id_sex_mismatch"),
    ],
)
def test_invalid_numbers(number: str, kwargs: dict, key: str) -> None:
    assert _problem(lambda: check_id_number(number, today=TODAY, **kwargs)) == key


def test_qr_of_a_2021_card() -> None:
    qr = parse_card_qr(QR, today=TODAY)
    assert qr.id_number == "001190012345" and qr.old_id_number == "012345678"
    assert qr.full_name == "Trần Thị Thu Hà"
    assert qr.birth_date == dt.date(1990, 3, 15) and qr.sex is Sex.FEMALE
    assert qr.issue_date == dt.date(2021, 7, 1)
    assert "Hoàn Kiếm" in qr.address


def test_qr_of_a_2024_card_with_extra_empty_fields_and_no_old_id() -> None:
    text = "079300123456||Lê Thị Mai Anh|10082000|Nữ|Quận 1, TP Hồ Chí Minh|20072023||||"
    qr = parse_card_qr(text, today=TODAY)
    assert qr.old_id_number == "" and qr.issue_date == dt.date(2023, 7, 20)


def test_qr_in_decomposed_unicode_and_as_bytes() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", QR).encode("utf-8")
    assert parse_card_qr(decomposed, today=TODAY).full_name == "Trần Thị Thu Hà"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ("001190012345|012345678|Trần Thị Thu Hà|15031990|Nữ|Hà Nội", "identity.qr_too_few_fields"),
        ("|".join(["x"] * 40), "identity.qr_too_many_fields"),
        ("", "identity.qr_too_few_fields"),
        (QR.replace("15031990", "31021990"), "identity.qr_bad_birth_date"),
        (QR.replace("15031990", "1503199"), "identity.qr_bad_birth_date"),
        (QR.replace("15031990", "15032090"), "identity.qr_bad_birth_date"),
        (QR.replace("01072021", "01071989"), "identity.qr_bad_issue_date"),
        (QR.replace("01072021", "01072027"), "identity.qr_bad_issue_date"),
        (QR.replace("|Nữ|", "|Female|"), "identity.qr_bad_sex"),
        (QR.replace("|Nữ|", "|Nam|"), "identity.id_sex_mismatch"),
        (QR.replace("15031990", "15031991"), "identity.id_birth_mismatch"),
        (QR.replace("012345678", "01234"), "identity.qr_bad_old_id"),
        (QR.replace("Trần Thị Thu Hà", "Trần Thị <script>"), "identity.qr_bad_name"),
        (QR.replace("Trần Thị Thu Hà", "Hà 123"), "identity.qr_bad_name"),
        (QR.replace("Trần Thị Thu Hà", "A" * 101), "identity.qr_bad_name"),
        (QR.replace("Hoàn Kiếm", "x" * 400), "identity.qr_bad_address"),
        (QR.replace("Hoàn Kiếm", "Hoàn\x00Kiếm"), "identity.qr_control_characters"),
        (QR.replace("Hoàn Kiếm", "Hoàn\u202eKiếm"), "identity.qr_control_characters"),
        (QR.replace("Hoàn Kiếm", "Hoàn\x1b[2JKiếm"), "identity.qr_control_characters"),
        ("A" * 5000, "identity.qr_too_long"),
        (b"\xff\xfe" + QR.encode("utf-16-le"), "identity.qr_not_utf8"),
        (QR.encode("cp1258", errors="replace"), "identity.qr_not_utf8"),
        (b"x" * 100_000, "identity.qr_too_long"),
    ],
)
def test_hostile_or_malformed_qr_is_refused(data: str | bytes, key: str) -> None:
    assert _problem(lambda: parse_card_qr(data, today=TODAY)) == key


def test_qr_repr_reveals_nothing() -> None:
    text = repr(parse_card_qr(QR, today=TODAY))
    assert "001190012345" not in text and "Trần" not in text
