"""The eMRTD files (ICAO 9303-10 LDS 1.7) the kiosk reads: their identifiers and the parsing of
DG1 (MRZ) and DG2 (portrait). (EF.COM is not read: each data group is asked for, and a missing one
answers "file not found" at no extra cost.)"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from hardware.card_reader import tlv
from hardware.card_reader.mrz import Td1Mrz, parse_td1

EMRTD_AID = bytes.fromhex("A0000002471001")


class LdsError(ValueError):
    """A file whose structure is not what ICAO 9303-10 describes."""


class EFile(enum.Enum):
    """Elementary files: (file id, short file id, outer tag, data-group number)."""

    COM = (0x011E, 0x1E, 0x60, 0)
    DG1 = (0x0101, 0x01, 0x61, 1)
    DG2 = (0x0102, 0x02, 0x75, 2)
    DG13 = (0x010D, 0x0D, 0x6D, 13)
    DG14 = (0x010E, 0x0E, 0x6E, 14)
    DG15 = (0x010F, 0x0F, 0x6F, 15)
    SOD = (0x011D, 0x1D, 0x77, 0)

    @property
    def fid(self) -> int:
        return self.value[0]

    @property
    def sfi(self) -> int:
        return self.value[1]

    @property
    def tag(self) -> int:
        return self.value[2]

    @property
    def group(self) -> int:
        return self.value[3]


def unwrap_file(data: bytes, expected: EFile) -> tlv.Tlv:
    """The outer TLV of a file, checked to carry the tag the file must have."""
    try:
        outer, _ = tlv.decode_one(data)
    except tlv.TlvError as exc:
        raise LdsError(f"{expected.name} is not a TLV: {exc}") from exc
    if outer.tag != expected.tag:
        raise LdsError(f"{expected.name} starts with tag {outer.tag:X}")
    return outer


def parse_dg1(data: bytes) -> Td1Mrz:
    outer = unwrap_file(data, EFile.DG1)
    try:
        mrz = outer.child(0x5F1F)
    except tlv.TlvError as exc:
        raise LdsError(f"DG1 content: {exc}") from exc
    if mrz is None:
        raise LdsError("DG1 has no MRZ")
    try:
        return parse_td1(mrz.value.decode("ascii"))
    except UnicodeDecodeError as exc:
        raise LdsError("MRZ is not ASCII") from exc


class ImageFormat(enum.Enum):
    JPEG = "image/jpeg"
    JPEG2000 = "image/jp2"


@dataclass(frozen=True)
class Portrait:
    format: ImageFormat
    data: bytes
    width: int
    height: int

    def __repr__(self) -> str:
        return f"Portrait({self.format.name}, {self.width}x{self.height}, {len(self.data)} B)"


_JPEG_SOI = b"\xff\xd8\xff"
_JP2_BOX = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K_CODESTREAM = b"\xff\x4f\xff\x51"
# ISO/IEC 19794-5: general header 14 bytes, facial information 20, feature point 8, image
# information 12
_FACE_HEADER = 14
_FACE_INFO = 20
_FEATURE_POINT = 8
_IMAGE_INFO = 12


def _find_biometric_block(node: tlv.Tlv) -> bytes | None:
    for child in node.children():
        if child.tag in (0x5F2E, 0x7F2E):
            return child.value
        if child.constructed:
            found = _find_biometric_block(child)
            if found is not None:
                return found
    return None


def parse_dg2(data: bytes) -> Portrait:
    """The first face image of DG2, JPEG or JPEG 2000, located through its ISO 19794-5 record."""
    outer = unwrap_file(data, EFile.DG2)
    try:
        block = _find_biometric_block(outer)
    except tlv.TlvError as exc:
        raise LdsError(f"DG2 content: {exc}") from exc
    if block is None:
        raise LdsError("DG2 has no biometric data block")
    if block[:4] != b"FAC\x00":
        raise LdsError("DG2 face record lacks its FAC header")
    pos = _FACE_HEADER
    if len(block) < pos + _FACE_INFO + _IMAGE_INFO:
        raise LdsError("DG2 face record is truncated")
    points = int.from_bytes(block[pos + 4 : pos + 6], "big")
    pos += _FACE_INFO + points * _FEATURE_POINT
    info = block[pos : pos + _IMAGE_INFO]
    if len(info) < _IMAGE_INFO:
        raise LdsError("DG2 face record is truncated")
    width = int.from_bytes(info[2:4], "big")
    height = int.from_bytes(info[4:6], "big")
    image = block[pos + _IMAGE_INFO :]
    if image.startswith(_JPEG_SOI):
        kind = ImageFormat.JPEG
    elif image.startswith(_JP2_BOX) or image.startswith(_J2K_CODESTREAM):
        kind = ImageFormat.JPEG2000
    else:
        raise LdsError("DG2 image is neither JPEG nor JPEG 2000")
    return Portrait(kind, image, width, height)
