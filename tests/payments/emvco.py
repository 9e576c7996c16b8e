"""An EMVCo merchant-presented QR parser written from the specification (EMV QRCPS-MPM v1.1,
§4: ID "00"–"99", two-digit length, value; templates 26–51, 62 and 80–99 nest the same format;
the CRC field 63 comes last and covers everything before its own value), independent of the
kiosk's encoder. The CRC comes from the `crc` package's CRC-16/IBM-3740 (= CCITT-FALSE)."""

from __future__ import annotations

from dataclasses import dataclass

from crc import Calculator, Crc16

TEMPLATES = {f"{n:02d}" for n in [*range(26, 52), 62, 64, *range(80, 100)]}


class EmvFormatError(ValueError):
    pass


@dataclass
class MerchantQr:
    fields: dict[str, str | dict[str, str | dict[str, str]]]
    crc_ok: bool


def _tlv(text: str, nested: bool) -> dict:
    out: dict = {}
    i = 0
    while i < len(text):
        if i + 4 > len(text):
            raise EmvFormatError(f"truncated header at {i}")
        tag, length = text[i : i + 2], text[i + 2 : i + 4]
        if not (tag.isdigit() and length.isdigit()):
            raise EmvFormatError(f"non-numeric header {tag}{length!r} at {i}")
        value = text[i + 4 : i + 4 + int(length)]
        if len(value) != int(length):
            raise EmvFormatError(f"field {tag} shorter than its length")
        if tag in out:
            raise EmvFormatError(f"field {tag} repeated")
        out[tag] = _tlv(value, True) if nested and tag in TEMPLATES else value
        i += 4 + int(length)
    return out


def parse(payload: str) -> MerchantQr:
    if not payload.startswith("000201"):
        raise EmvFormatError("payload format indicator 00 must come first and be 01")
    if payload[-8:-4] != "6304":
        raise EmvFormatError("CRC field 63 must come last with length 04")
    top = _tlv(payload, False)
    fields = {tag: (_tlv(value, True) if tag in TEMPLATES else value) for tag, value in top.items()}
    # Inside template 38 (NAPAS), field 01 is itself a template (bank BIN + account).
    napas = fields.get("38")
    if isinstance(napas, dict) and isinstance(napas.get("01"), str):
        napas["01"] = _tlv(napas["01"], False)
    expected = Calculator(Crc16.IBM_3740).checksum(payload[:-4].encode("utf-8"))
    return MerchantQr(fields=fields, crc_ok=f"{expected:04X}" == payload[-4:].upper())
