"""Chip Authentication (ICAO 9303-11 §6.2), elliptic-curve version: the reader agrees a new
secure-messaging key with the chip's static key from DG14 (which the issuer signed). Only the
chip that holds the private half can answer under the new keys, so a copy of the files on
another chip fails at the very next command.

DG14's key may name its curve or spell the curve out (explicit parameters, as many issuers
do); an explicit curve is recognised by its prime and order among the standard ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hardware.card_reader import der, pace, tlv
from hardware.card_reader.apdu import SW_OK, CommandApdu, ResponseApdu
from hardware.card_reader.bac import SessionKeys
from hardware.card_reader.lds import EFile, LdsError, unwrap_file

ID_CA_ECDH = "0.4.0.127.0.7.2.2.3.2"
_CIPHERS = {
    f"{ID_CA_ECDH}.1": ("3des", 16),
    f"{ID_CA_ECDH}.2": ("aes", 16),
    f"{ID_CA_ECDH}.3": ("aes", 24),
    f"{ID_CA_ECDH}.4": ("aes", 32),
}
ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
ID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
_NAMED_CURVES = {
    "1.2.840.10045.3.1.7": 12,  # NIST P-256 (prime256v1)
    "1.3.132.0.34": 15,  # NIST P-384
    "1.3.132.0.35": 18,  # NIST P-521
    "1.3.36.3.3.2.8.1.1.7": 13,  # brainpoolP256r1
    "1.3.36.3.3.2.8.1.1.9": 14,  # brainpoolP320r1
    "1.3.36.3.3.2.8.1.1.11": 16,  # brainpoolP384r1
    "1.3.36.3.3.2.8.1.1.13": 17,  # brainpoolP512r1
}


class ChipAuthFailed(Exception):
    """The chip refused Chip Authentication."""


@dataclass(frozen=True)
class ChipAuthKey:
    protocol: str
    key_id: int | None
    parameter_id: int  # standardized domain parameters (pace.STANDARD_CURVES)
    point: bytes  # the chip's static public key, uncompressed

    @property
    def cipher(self) -> str:
        return _CIPHERS[self.protocol][0]

    @property
    def key_length(self) -> int:
        return _CIPHERS[self.protocol][1]


def _curve_of(parameters: tlv.Tlv) -> int | None:
    if parameters.tag == der.OID:
        return _NAMED_CURVES.get(der.decode_oid(parameters.value))
    if parameters.tag != der.SEQUENCE:
        return None
    parts = parameters.children()  # version, fieldID, curve, base, order[, cofactor]
    prime = der.decode_integer(parts[1].children()[1].value)
    order = der.decode_integer(parts[4].value)
    for number, curve in pace.STANDARD_CURVES.items():
        if curve.curve.p() == prime and curve.order == order:
            return number
    return None


def _public_key(spki: tlv.Tlv) -> tuple[int, bytes] | None:
    algorithm, key = spki.children()[:2]
    fields = algorithm.children()
    if der.decode_oid(fields[0].value) not in (ID_EC_PUBLIC_KEY, ID_PK_ECDH) or len(fields) < 2:
        return None
    curve = _curve_of(fields[1])
    if curve is None or key.tag != 0x03:
        return None
    return curve, key.value[1:]  # a BIT STRING opens with its count of unused bits


def parse_dg14(data: bytes) -> ChipAuthKey | None:
    """The EC Chip Authentication key DG14 offers with a protocol the reader speaks, if any."""
    outer = unwrap_file(data, EFile.DG14)
    protocols: dict[int | None, str] = {}
    keys: dict[int | None, tuple[int, bytes]] = {}
    try:
        for info in outer.children()[0].children():
            parts = info.children()
            if not parts or parts[0].tag != der.OID:
                continue
            oid = der.decode_oid(parts[0].value)
            extra = [p for p in parts[2:] if p.tag == der.INTEGER]
            key_id = der.decode_integer(extra[0].value) if extra else None
            if oid in _CIPHERS:
                protocols[key_id] = oid
            elif oid == ID_PK_ECDH and len(parts) > 1:
                found = _public_key(parts[1])
                if found is not None:
                    keys[key_id] = found
    except (tlv.TlvError, IndexError, ValueError) as exc:
        raise LdsError(f"DG14: {exc}") from exc
    for key_id, (curve, point) in keys.items():
        protocol = protocols.get(key_id) or protocols.get(None)
        if protocol is None and len(protocols) == 1:
            protocol = next(iter(protocols.values()))
        if protocol is not None:
            return ChipAuthKey(protocol, key_id, curve, point)
    return None


Transmit = Callable[[CommandApdu], ResponseApdu]


def establish(
    transmit: Transmit, key: ChipAuthKey, *, scalar: pace.Scalar = pace.random_scalar
) -> SessionKeys:
    """Send the reader's ephemeral key under the current secure messaging; the new keys.

    3DES uses MSE:Set KAT; AES uses MSE:Set AT and GENERAL AUTHENTICATE (§6.2.4).
    """
    curve = pace.STANDARD_CURVES[key.parameter_id]
    chip = pace.decode_point(key.point, curve)
    ephemeral = scalar(curve.order)
    public = pace.encode_point(curve.generator * ephemeral, curve)
    key_ref = tlv.encode(0x84, bytes([key.key_id])) if key.key_id is not None else b""
    if key.cipher == "3des":
        answer = transmit(CommandApdu(0x00, 0x22, 0x41, 0xA6, tlv.encode(0x91, public) + key_ref))
    else:
        oid = der.encode_oid(key.protocol)[2:]
        answer = transmit(CommandApdu(0x00, 0x22, 0x41, 0xA4, tlv.encode(0x80, oid) + key_ref))
        if answer.sw == SW_OK:
            data = tlv.encode(0x7C, tlv.encode(0x80, public))
            answer = transmit(CommandApdu(0x00, 0x86, 0x00, 0x00, data, le=256))
    if answer.sw != SW_OK:
        raise ChipAuthFailed(f"Chip Authentication answered {answer.sw:04X}")
    shared = (chip * ephemeral).x().to_bytes((curve.curve.p().bit_length() + 7) // 8, "big")
    return SessionKeys(
        encryption=pace.kdf(shared, 1, key.cipher, key.key_length),
        mac=pace.kdf(shared, 2, key.cipher, key.key_length),
        ssc=0,
        cipher=key.cipher,
    )
