"""The small codecs: TD1 MRZ with every check digit, BER-TLV, DER OIDs and APDU encodings."""

from __future__ import annotations

import pytest

from hardware.card_reader import der, tlv
from hardware.card_reader.apdu import ApduFormatError, CommandApdu, ResponseApdu
from hardware.card_reader.mrz import MrzError, check_digit, format_td1, parse_td1

VN_MRZ = format_td1(
    id_number="001190012345",
    birth="900315",
    sex="F",
    expiry="300315",
    surname="TRAN",
    given_names="THI THU HA",
)


def test_check_digit_of_icao_examples() -> None:
    assert check_digit("L898902C<") == "3"
    assert check_digit("690806") == "1"
    assert check_digit("940623") == "6"


def test_vietnamese_td1_round_trip() -> None:
    lines = VN_MRZ.split("\n")
    assert lines[0] == "IDVNM1900123457001190012345<<8"
    assert all(len(line) == 30 for line in lines)
    mrz = parse_td1(VN_MRZ)
    assert mrz.document_number == "190012345"
    assert mrz.id_number == "001190012345"
    assert (mrz.birth, mrz.sex, mrz.expiry, mrz.nationality) == ("900315", "F", "300315", "VNM")
    assert mrz.name == "TRAN THI THU HA"


@pytest.mark.parametrize(
    ("position", "what"),
    [
        (14, "document number"),
        (29, "12-digit ID"),
        (30 + 6, "birth date"),
        (30 + 14, "expiry date"),
        (30 + 29, "whole MRZ"),
    ],
)
def test_every_check_digit_is_verified(position: int, what: str) -> None:
    flat = VN_MRZ.replace("\n", "")
    wrong = "0" if flat[position] != "0" else "1"
    broken = flat[:position] + wrong + flat[position + 1 :]
    with pytest.raises(MrzError, match=what):
        parse_td1(broken)


def test_mrz_of_the_wrong_size_or_alphabet_is_refused() -> None:
    with pytest.raises(MrzError):
        parse_td1(VN_MRZ[:-1])
    with pytest.raises(MrzError):
        parse_td1(VN_MRZ.replace("TRAN", "TRÂN"))


def test_tlv_decodes_nested_and_long_lengths() -> None:
    inner = tlv.encode(0x5F1F, b"x" * 300)
    outer = tlv.encode(0x61, inner)
    node, end = tlv.decode_one(outer)
    assert end == len(outer) and node.tag == 0x61 and node.constructed
    assert node.child(0x5F1F).value == b"x" * 300
    assert tlv.total_length(outer[:6]) == len(outer)


@pytest.mark.parametrize("raw", ["6105", "61", "1F", "6184FFFFFFFF00", "7F"])
def test_tlv_refuses_truncated_or_absurd_input(raw: str) -> None:
    with pytest.raises(tlv.TlvError):
        tlv.decode_all(bytes.fromhex(raw))


def test_oid_round_trip() -> None:
    for oid in ("2.23.136.1.1.1", "1.2.840.113549.1.7.2", "2.16.840.1.101.3.4.2.1"):
        node, _ = tlv.decode_one(der.encode_oid(oid))
        assert der.decode_oid(node.value) == oid


@pytest.mark.parametrize(
    "command",
    [
        CommandApdu(0x00, 0x84, 0, 0, le=8),
        CommandApdu(0x00, 0xA4, 4, 0x0C, bytes.fromhex("A0000002471001")),
        CommandApdu(0x00, 0x82, 0, 0, bytes(40), le=40),
        CommandApdu(0x0C, 0xB0, 0x81, 0, bytes(13), le=65536),
        CommandApdu(0x00, 0xB0, 0, 0, le=4096),
        CommandApdu(0x00, 0xD6, 0, 0, bytes(300)),
        CommandApdu(0x00, 0xB0, 0, 0, le=256),
    ],
)
def test_apdu_encode_decode_round_trip(command: CommandApdu) -> None:
    raw = command.encode()
    assert CommandApdu.decode(raw) == command
    assert CommandApdu.uses_extended_length(raw) == command.extended


def test_malformed_apdus_and_responses_are_refused() -> None:
    with pytest.raises(ApduFormatError):
        CommandApdu.decode(bytes.fromhex("00A4"))
    with pytest.raises(ApduFormatError):
        CommandApdu.decode(bytes.fromhex("00A4040C0701"))
    with pytest.raises(ApduFormatError):
        ResponseApdu.decode(b"\x90")
