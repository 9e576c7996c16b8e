"""BER-TLV as ICAO 9303 files and CMS structures use it: decode a run of TLVs, encode one.

Decoding is strict about lengths (a length running past the data is an error, never truncated
silently) because the same code reads files from a card that may have been tampered with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class TlvError(ValueError):
    """The bytes are not well-formed BER-TLV."""


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    # the whole encoding (tag, length and value) as read; DER signatures are computed over it
    raw: bytes

    @property
    def constructed(self) -> bool:
        first = self.tag
        while first > 0xFF:
            first >>= 8
        return bool(first & 0x20)

    def children(self) -> list[Tlv]:
        return decode_all(self.value)

    def child(self, tag: int) -> Tlv | None:
        return next((c for c in self.children() if c.tag == tag), None)


def _read_tag(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise TlvError("tag missing")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise TlvError("tag runs past the data")
            tag = (tag << 8) | data[pos]
            pos += 1
            if not data[pos - 1] & 0x80:
                break
            if tag > 0xFFFFFF:
                raise TlvError("tag longer than 3 bytes")
    return tag, pos


def read_length(data: bytes, pos: int) -> tuple[int, int]:
    """The length field at `pos`: (length, position after the field)."""
    if pos >= len(data):
        raise TlvError("length missing")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    count = first & 0x7F
    if count == 0 or count > 3:
        raise TlvError("unsupported length form")
    if pos + count > len(data):
        raise TlvError("length runs past the data")
    return int.from_bytes(data[pos : pos + count], "big"), pos + count


def decode_one(data: bytes, pos: int = 0) -> tuple[Tlv, int]:
    """The TLV starting at `pos` and the position just after it."""
    start = pos
    tag, pos = _read_tag(data, pos)
    length, pos = read_length(data, pos)
    end = pos + length
    if end > len(data):
        raise TlvError(f"value of tag {tag:X} runs past the data")
    return Tlv(tag, bytes(data[pos:end]), bytes(data[start:end])), end


def iter_tlv(data: bytes) -> Iterator[Tlv]:
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF) and all(b == data[pos] for b in data[pos:]):
            return  # trailing padding some cards leave after the last object
        item, pos = decode_one(data, pos)
        yield item


def decode_all(data: bytes) -> list[Tlv]:
    return list(iter_tlv(data))


def total_length(header: bytes) -> int:
    """Length of the whole TLV whose first bytes are `header` (enough for tag and length)."""
    _, pos = _read_tag(header, 0)
    length, pos = read_length(header, pos)
    return pos + length


def encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def encode(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    return tag_bytes + encode_length(len(value)) + value
