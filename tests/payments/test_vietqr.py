"""VietQR payloads checked with an independent EMVCo parser and a published test vector."""

from __future__ import annotations

import pytest

from kiosk.payments.vietqr import (
    Beneficiary,
    PaymentCodeError,
    crc16_ccitt_false,
    payment_reference,
    vietqr_payload,
)
from tests.payments.emvco import EmvFormatError, parse

# A VietQR payload published with its CRC (issue 16): the last four characters are the CRC.
VECTOR = (
    "00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN"
    "5910PHUONG CAC6005HANOI62110307NPS686963045802"
)
ACCOUNT = Beneficiary(bank_bin="970415", account="113366668888", name="UBND XA AN BINH")


def test_the_published_vector_ends_in_its_crc() -> None:
    assert crc16_ccitt_false(VECTOR[:-4]) == "5802"
    parsed = parse(VECTOR)
    assert parsed.crc_ok
    assert parsed.fields["38"]["00"] == "A000000727"  # type: ignore[index]
    assert parsed.fields["38"]["01"] == {"00": "970403", "01": "2112995044604025"}  # type: ignore[index]


def test_crc_reference_value() -> None:
    # The check value every CRC-16/CCITT-FALSE catalogue lists for "123456789".
    assert crc16_ccitt_false("123456789") == "29B1"


@pytest.mark.parametrize("amount", [8_000, 15_000, 50_000, 1_234_567])
def test_payload_parses_to_the_amount_account_and_dossier_code(amount: int) -> None:
    code = "000.00.06.H56-260315-0001"
    parsed = parse(vietqr_payload(ACCOUNT, amount, code))
    assert parsed.crc_ok
    f = parsed.fields
    assert f["00"] == "01" and f["01"] == "12"  # dynamic: the amount is fixed
    assert f["38"] == {
        "00": "A000000727",
        "01": {"00": "970415", "01": "113366668888"},
        "02": "QRIBFTTA",
    }
    assert f["53"] == "704" and f["54"] == str(amount) and f["58"] == "VN"
    assert f["59"] == "UBND XA AN BINH"
    assert f["62"] == {"08": code}


def test_a_flipped_character_breaks_the_crc() -> None:
    payload = vietqr_payload(ACCOUNT, 50_000, "000.00.06.H56-260315-0001")
    tampered = payload.replace("540550000", "540590000", 1)
    assert tampered != payload
    assert not parse(tampered).crc_ok


def test_malformed_payloads_are_refused_by_the_parser() -> None:
    with pytest.raises(EmvFormatError):
        parse("000201010212380")
    with pytest.raises(EmvFormatError):
        parse(VECTOR[:-8] + "6305" + VECTOR[-4:])


def test_long_dossier_codes_lose_only_their_separators() -> None:
    assert payment_reference("G22.39.12.H56-260315-0001") == "G22.39.12.H56-260315-0001"
    assert payment_reference("G22.39.12.H56.X1-260315-0001") == "G223912H56X12603150001"
    with pytest.raises(PaymentCodeError):
        payment_reference("ABCDE.ABCDE.ABCDE.ABCDE-260315-0001")


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"bank_bin": "97041"}, "payments.bad_bank_bin"),
        ({"account": "12 34"}, "payments.bad_account"),
        ({"name": "UBND XÃ AN BÌNH"}, "payments.bad_account_name"),
    ],
)
def test_bad_account_settings_say_what_is_wrong(fields: dict[str, str], key: str) -> None:
    values = {"bank_bin": "970415", "account": "113366668888", "name": "UBND XA AN BINH"} | fields
    with pytest.raises(PaymentCodeError) as raised:
        Beneficiary(**values)
    assert raised.value.message_key == key


def test_no_payment_code_for_nothing_to_pay() -> None:
    with pytest.raises(PaymentCodeError):
        vietqr_payload(ACCOUNT, 0, "000.00.06.H56-260315-0001")
