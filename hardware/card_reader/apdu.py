"""ISO 7816-4 command and response APDUs, short and extended length, both directions
(the reader encodes commands, the virtual card decodes them)."""

from __future__ import annotations

from dataclasses import dataclass

SW_OK = 0x9000
SW_END_OF_FILE = 0x6282  # fewer bytes than asked: the file ends here
SW_AUTH_FAILED = 0x6300
SW_WRONG_LENGTH = 0x6700
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_SM_MISSING = 0x6987
SW_SM_INCORRECT = 0x6988
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_OFFSET = 0x6B00
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00

SHORT_MAX_LE = 256
EXTENDED_MAX_LE = 65536


class ApduFormatError(ValueError):
    """The bytes are not a well-formed command APDU."""


@dataclass(frozen=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    # expected response length; 0 = none expected, 256/65536 = "as much as there is"
    le: int = 0

    @property
    def extended(self) -> bool:
        return len(self.data) > 255 or self.le > SHORT_MAX_LE

    def header(self) -> bytes:
        return bytes([self.cla, self.ins, self.p1, self.p2])

    def encode(self, *, force_extended: bool = False) -> bytes:
        extended = force_extended or self.extended
        out = bytearray(self.header())
        if extended:
            if self.data:
                out += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
            if self.le:
                le = b"" if self.data else b"\x00"
                out += le + (self.le % EXTENDED_MAX_LE).to_bytes(2, "big")
        else:
            if self.data:
                out += bytes([len(self.data)]) + self.data
            if self.le:
                out.append(self.le % SHORT_MAX_LE)
        return bytes(out)

    @classmethod
    def decode(cls, raw: bytes) -> CommandApdu:
        if len(raw) < 4:
            raise ApduFormatError("shorter than a header")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or SHORT_MAX_LE)
        if body[0] != 0:
            lc = body[0]
            if len(body) == 1 + lc:
                return cls(cla, ins, p1, p2, body[1:])
            if len(body) == 2 + lc:
                return cls(cla, ins, p1, p2, body[1:-1], body[-1] or SHORT_MAX_LE)
            raise ApduFormatError("Lc does not match the data")
        if len(body) == 3:
            return cls(cla, ins, p1, p2, le=int.from_bytes(body[1:], "big") or EXTENDED_MAX_LE)
        lc = int.from_bytes(body[1:3], "big")
        rest = body[3:]
        if lc == 0 or len(rest) < lc:
            raise ApduFormatError("extended Lc does not match the data")
        if len(rest) == lc:
            return cls(cla, ins, p1, p2, rest)
        if len(rest) == lc + 2:
            le = int.from_bytes(rest[lc:], "big") or EXTENDED_MAX_LE
            return cls(cla, ins, p1, p2, rest[:lc], le)
        raise ApduFormatError("extended Le has the wrong size")

    @staticmethod
    def uses_extended_length(raw: bytes) -> bool:
        """Whether the encoding (not just the values) is the extended form."""
        return len(raw) >= 7 and raw[4] == 0


@dataclass(frozen=True)
class ResponseApdu:
    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw in (SW_OK, SW_END_OF_FILE)

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @classmethod
    def decode(cls, raw: bytes) -> ResponseApdu:
        if len(raw) < 2:
            raise ApduFormatError("response without a status word")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))
