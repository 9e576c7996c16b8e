"""Dossier codes typed or read from a receipt's QR: the real shape is accepted, everything else
gets its own clear message and nothing is sent."""

from __future__ import annotations

import json

import pytest

from kiosk.dossiers.code import DossierCodeError, code_from_qr, parse_dossier_code
from kiosk.i18n import translate

CODE = "000.00.06.H56-231027-0361"


@pytest.mark.parametrize(
    "typed",
    [
        CODE,
        "  000.00.06.h56-231027-0361 ",
        "G22.39.10.H01-250701-0001",
        "000.00.00.H00-240229-9999",
    ],
)
def test_real_codes_are_accepted_in_capitals(typed: str) -> None:
    assert parse_dossier_code(typed) == typed.strip().upper()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "follow.code.empty"),
        ("   ", "follow.code.empty"),
        ("0361", "follow.code.shape"),
        ("000.00.06.H56-231027-361", "follow.code.shape"),
        ("000.00.06.H56 231027 0361", "follow.code.shape"),
        ("000.00.06.H56-231027-0000", "follow.code.shape"),
        ("000.00.06.H56-231327-0361", "follow.code.day"),
        ("000.00.06.H56-230229-0361", "follow.code.day"),
        ("000.00.06.Ạ56-231027-0361", "follow.code.shape"),
        ("../../admin-231027-0361", "follow.code.shape"),
        (CODE + "-0001", "follow.code.shape"),
        ("0" * 5000, "follow.code.shape"),
        ("000.00.06.H56-231027-0361; DROP TABLE", "follow.code.shape"),
    ],
)
def test_bad_codes_say_why(typed: str, key: str) -> None:
    with pytest.raises(DossierCodeError) as caught:
        parse_dossier_code(typed)
    assert caught.value.message_key == key
    assert translate(key, "vi") != key and translate(key, "en") != key


@pytest.mark.parametrize(
    "payload",
    [
        CODE,
        f"{CODE}|1.001193|001090012345|Giấy tiếp nhận hồ sơ|Một cửa điện tử|27/10/2023 09:15",
        f"Mã hồ sơ: {CODE}\nThủ tục: 1.001193",
        json.dumps({"dossier_code": CODE, "procedure_code": "1.001193"}),
        json.dumps({"maHoSo": CODE.lower()}),
    ],
)
def test_a_receipt_qr_gives_its_code(payload: str) -> None:
    assert code_from_qr(payload.encode()) == CODE


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (
            "001090012345|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|01072021".encode(),
            "follow.qr.id_card",
        ),
        (b"https://dichvucong.gov.vn/p/home", "follow.qr.not_receipt"),
        (b"\xff\xfe\x00garbage", "follow.qr.not_receipt"),
        (b"", "follow.qr.not_receipt"),
        (f"{CODE}|000.00.06.H56-231027-0362".encode(), "follow.qr.not_receipt"),
        (json.dumps({"note": CODE}).encode(), "follow.qr.not_receipt"),
        (b"{" * 100_000, "follow.qr.not_receipt"),
        (("[" * 5000 + "]" * 5000).encode()[:1999], "follow.qr.not_receipt"),
        (CODE.encode() + b" " * 3000, "follow.qr.not_receipt"),
    ],
)
def test_a_qr_that_is_not_a_receipt_says_so(raw: bytes, key: str) -> None:
    with pytest.raises(DossierCodeError) as caught:
        code_from_qr(raw)
    assert caught.value.message_key == key
