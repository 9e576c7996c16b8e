"""DG13, the Vietnamese record: every field, the family items, and tolerance of the header
bytes different card generations put before item 1.

The layouts are built as bytes from what public open-source readers report of real cards
(`6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { 30 { INTEGER n, value }… } } }`), not from the
demo card's builder."""

from __future__ import annotations

import random

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
    _item(15, tlv.encode(der.PRINTABLE_STRING, b"012345678")),
    _item(16, _utf8("0A1B2C3D4E5F6071")),
]
ISO_10646_UTF8 = "1.0.10646.1.0.8"


def _real_layout(items: list[bytes]) -> bytes:
    """The real cards' container: a versioned SEQUENCE naming UTF-8, the items in a SET."""
    inner = der.sequence(
        der.encode_integer(1), der.encode_oid(ISO_10646_UTF8), tlv.encode(der.SET, b"".join(items))
    )
    return tlv.encode(0x6D, inner)


def test_real_card_layout_gives_every_item() -> None:
    data = _real_layout(ITEMS)
    assert 16 <= data.index(ITEMS[0]) <= 22  # "about 19 header bytes", as public readers report
    record = parse_dg13(data)
    assert record.id_number == "001190012345"
    assert record.full_name == "Trần Thị Thu Hà"
    assert (record.birth_date, record.sex) == ("15/03/1990", "Nữ")
    assert (record.father, record.mother) == ("Trần Văn Bình", "Lê Thị Hoa")
    assert record.old_id_number == "012345678"
    assert record.reference_code == "0A1B2C3D4E5F6071"
    assert record.unknown_items == {}


@pytest.mark.parametrize(
    ("other", "expected"),
    [("012345678", "012345678"), ("001090001234", "001090001234"), ("", ""), ("12AB", "")],
)
def test_other_document_number_is_an_old_id_of_9_or_12_digits(other: str, expected: str) -> None:
    items = [*ITEMS[:6], _item(15, _utf8(other))]
    assert parse_dg13(_real_layout(items)).old_id_number == expected


def test_item_16_is_not_taken_for_an_old_id() -> None:
    items = [ITEMS[0], _item(16, _utf8("012345678"))]
    record = parse_dg13(_real_layout(items))
    assert (record.old_id_number, record.reference_code) == ("", "")


@pytest.mark.parametrize("seed", range(40))
def test_fuzzed_real_layouts(seed: int) -> None:
    """Shuffled items, extra header objects, unknown items and a SEQUENCE or SET container:
    every item still comes out by its index."""
    rng = random.Random(seed)
    items = list(ITEMS)
    rng.shuffle(items)
    items.insert(rng.randrange(len(items) + 1), _item(rng.randrange(20, 30), _utf8("mới")))
    container = rng.choice([der.SET, der.SEQUENCE])
    header_objects = [
        der.encode_integer(rng.randrange(1, 4)),
        der.encode_oid(ISO_10646_UTF8),
        der.octet_string(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 6)))),
        tlv.encode(0x04, b"\x30\x03\x02\x01\x05"),  # an item-shaped value inside a header
    ]
    header = b"".join(rng.sample(header_objects, rng.randrange(1, len(header_objects) + 1)))
    inner = tlv.encode(container, b"".join(items))
    outer = rng.choice([der.sequence(header, inner), header + inner])
    record = parse_dg13(tlv.encode(0x6D, outer))
    assert record.id_number == "001190012345"
    assert record.full_name == "Trần Thị Thu Hà"
    assert (record.father, record.mother) == ("Trần Văn Bình", "Lê Thị Hoa")
    assert record.old_id_number == "012345678"
    assert record.reference_code == "0A1B2C3D4E5F6071"


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
