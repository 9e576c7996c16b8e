"""The few DER encodings the security object needs: object identifiers, integers and the
universal tags, so SOD parsing and the demo card's SOD signing speak the same names."""

from __future__ import annotations

from hardware.card_reader.tlv import TlvError, encode

INTEGER = 0x02
OCTET_STRING = 0x04
NULL = 0x05
OID = 0x06
UTF8_STRING = 0x0C
PRINTABLE_STRING = 0x13
SEQUENCE = 0x30
SET = 0x31


def context(number: int, *, constructed: bool = True) -> int:
    return 0xA0 + number if constructed else 0x80 + number


def decode_oid(value: bytes) -> str:
    if not value:
        raise TlvError("empty object identifier")
    first = value[0]
    parts = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    number = 0
    for index, byte in enumerate(value[1:], start=1):
        number = (number << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(number)
            number = 0
        elif index == len(value) - 1:
            raise TlvError("object identifier ends mid-number")
    return ".".join(str(p) for p in parts)


def encode_oid(dotted: str) -> bytes:
    numbers = [int(p) for p in dotted.split(".")]
    body = bytearray([40 * numbers[0] + numbers[1]])
    for number in numbers[2:]:
        chunk = [number & 0x7F]
        number >>= 7
        while number:
            chunk.append(0x80 | (number & 0x7F))
            number >>= 7
        body.extend(reversed(chunk))
    return encode(OID, bytes(body))


def decode_integer(value: bytes) -> int:
    if not value:
        raise TlvError("empty integer")
    return int.from_bytes(value, "big", signed=True)


def encode_integer(number: int) -> bytes:
    length = max(1, (number.bit_length() + 8) // 8)
    return encode(INTEGER, number.to_bytes(length, "big", signed=True))


def sequence(*items: bytes) -> bytes:
    return encode(SEQUENCE, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return encode(SET, b"".join(sorted(items)))


def octet_string(value: bytes) -> bytes:
    return encode(OCTET_STRING, value)


def algorithm(oid: str, *, null_parameters: bool = False) -> bytes:
    return sequence(encode_oid(oid), encode(NULL, b"") if null_parameters else b"")
