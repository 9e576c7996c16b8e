"""DG13, the Vietnamese record: every field, the family items, and tolerance of the header
bytes different card generations put before item 1."""

from __future__ import annotations

import pytest

from hardware.card_reader import der, tlv
from hardware.card_reader.demo_document import DemoCitizen, build_dg13
from hardware.card_reader.dg13 import Dg13Error, parse_dg13
from hardware.card_reader.lds import LdsError


def _item(index: int, *values: bytes) -> bytes:
    return der.sequence(der.encode_integer(index), *values)


def _utf8(text: str) -> bytes:
    return tlv.encode(der.UTF8_STRING, text.encode())


ITEMS = [
    _item(1, _utf8("001190012345")),
    _item(2, _utf8("Trần Thị Thu Hà")),
    _item(3, _utf8("15/03/1990")),
    _item(4, _utf8("Nữ")),
    _item(13, der.sequence(_utf8("Trần Văn Bình")), der.sequence(_utf8("Lê Thị Hoa"))),
    _item(14, _utf8("")),
    _item(16, tlv.encode(der.PRINTABLE_STRING, b"012345678")),
]


def test_demo_record_has_every_field(citizen: DemoCitizen) -> None:
    record = parse_dg13(build_dg13(citizen))
    assert record.id_number == citizen.id_number
    assert record.full_name == "Trần Thị Thu Hà"
    assert (record.birth_date, record.sex) == ("15/03/1990", "Nữ")
    assert (record.nationality, record.ethnicity, record.religion) == ("Việt Nam", "Kinh", "Không")
    assert record.hometown == citizen.hometown and record.residence == citizen.residence
    assert record.identifying_marks == citizen.identifying_marks
    assert (record.issue_date, record.expiry) == ("01/07/2021", "15/03/2030")
    assert (record.father, record.mother) == ("Trần Văn Bình", "Lê Thị Hoa")
    assert record.spouse == "Nguyễn Văn Nam"
    assert record.old_id_number == "012345678"


@pytest.mark.parametrize(
    "header",
    [
        b"",  # items straight after the tag
        der.encode_integer(1) + der.encode_oid("1.3.6.1.4.1.1.2"),  # version + OID
        b"\x01\x02\x03\xfe",  # bytes that are no TLV at all
        der.octet_string(b"\x30\x03\x02\x01\x05"),  # an item-like shape hidden in a header value
    ],
)
@pytest.mark.parametrize("wrap", ["flat", "sequence", "versioned_sequence"])
def test_header_bytes_and_containers_are_tolerated(header: bytes, wrap: str) -> None:
    body = b"".join(ITEMS)
    if wrap == "sequence":
        body = der.sequence(body)
    elif wrap == "versioned_sequence":  # a container that itself starts with INTEGER 1
        body = der.sequence(der.encode_integer(1), body)
    record = parse_dg13(tlv.encode(0x6D, header + body))
    assert record.id_number == "001190012345"
    assert record.full_name == "Trần Thị Thu Hà"
    assert (record.father, record.mother, record.spouse) == ("Trần Văn Bình", "Lê Thị Hoa", "")
    assert record.old_id_number == "012345678"


def test_unknown_items_are_kept_apart() -> None:
    record = parse_dg13(tlv.encode(0x6D, b"".join(ITEMS) + _item(21, _utf8("mới"))))
    assert record.unknown_items == {21: ("mới",)}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        der.encode_integer(1) + b"\x30\x05\x02\x01\x01\x0c\x09",  # item 1 cut short
        _item(2, _utf8("Không có số")),  # no ID item
        _item(1, tlv.encode(der.UTF8_STRING, b"\xff\xfe")),  # not UTF-8
    ],
)
def test_malformed_record_is_an_error(content: bytes) -> None:
    with pytest.raises(Dg13Error):
        parse_dg13(tlv.encode(0x6D, content))


def test_wrong_file_is_refused() -> None:
    with pytest.raises(LdsError):
        parse_dg13(tlv.encode(0x61, b"".join(ITEMS)))
    with pytest.raises(LdsError):
        parse_dg13(b"\x6d\x82\xff")


def test_repr_reveals_no_personal_data(citizen: DemoCitizen) -> None:
    text = repr(parse_dg13(build_dg13(citizen)))
    assert citizen.id_number not in text and "Trần" not in text
