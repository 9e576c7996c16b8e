"""PACE (ICAO 9303-11 §4.4) with the generic mapping on the standard elliptic curves, the
reader's side: EF.CardAccess tells which protocol and curve the chip offers; the password is
the MRZ (document number, birth, expiry) or the CAN (on a Vietnamese card: the last 6 digits
of the ID number); the outcome is 3DES or AES secure-messaging keys.

Curve arithmetic (the mapping adds two points) comes from `ecdsa`; ciphers from `cryptography`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from ecdsa import curves as ec_curves
from ecdsa.ellipticcurve import INFINITY, Point, PointJacobi

from hardware.card_reader import aes_crypto, der, des_crypto, tlv
from hardware.card_reader.apdu import SW_OK, CommandApdu, ResponseApdu
from hardware.card_reader.bac import BacKey, SessionKeys
from hardware.card_reader.lds import LdsError

ID_PACE = "0.4.0.127.0.7.2.2.4"
# ECDH generic mapping: the last arc names the cipher and key length
_ECDH_GM = {
    f"{ID_PACE}.2.1": ("3des", 16),
    f"{ID_PACE}.2.2": ("aes", 16),
    f"{ID_PACE}.2.3": ("aes", 24),
    f"{ID_PACE}.2.4": ("aes", 32),
}
# standardized domain parameters (9303-11 table 6) that are elliptic curves
STANDARD_CURVES = {
    8: ec_curves.NIST192p,
    9: ec_curves.BRAINPOOLP192r1,
    10: ec_curves.NIST224p,
    11: ec_curves.BRAINPOOLP224r1,
    12: ec_curves.NIST256p,
    13: ec_curves.BRAINPOOLP256r1,
    14: ec_curves.BRAINPOOLP320r1,
    15: ec_curves.NIST384p,
    16: ec_curves.BRAINPOOLP384r1,
    17: ec_curves.BRAINPOOLP512r1,
    18: ec_curves.NIST521p,
}
KEY_MRZ = 0x01
KEY_CAN = 0x02
_KDF_ENC, _KDF_MAC, _KDF_PI = 1, 2, 3


class PaceError(Exception):
    """The chip broke the protocol (a malformed answer, a point off the curve, a bad token)."""


class PaceRefused(Exception):
    """The chip refused the password: the token did not match (the key is wrong)."""


class PaceUnavailable(Exception):
    """The chip does not take PACE with these parameters (the reader falls back to BAC)."""


@dataclass(frozen=True)
class PaceInfo:
    protocol: str
    version: int
    parameter_id: int | None

    @property
    def supported(self) -> bool:
        return self.protocol in _ECDH_GM and self.parameter_id in STANDARD_CURVES

    @property
    def cipher(self) -> str:
        return _ECDH_GM[self.protocol][0]

    @property
    def key_length(self) -> int:
        return _ECDH_GM[self.protocol][1]


def parse_card_access(data: bytes) -> list[PaceInfo]:
    """The PACEInfos of EF.CardAccess (a SET OF SecurityInfo); other infos are skipped."""
    try:
        root, _ = tlv.decode_one(data)
        if root.tag != der.SET:
            raise LdsError("EF.CardAccess is not a SET of security infos")
        found = []
        for info in root.children():
            parts = info.children() if info.tag == der.SEQUENCE else []
            if len(parts) < 2 or parts[0].tag != der.OID or parts[1].tag != der.INTEGER:
                continue
            protocol = der.decode_oid(parts[0].value)
            if not protocol.startswith(ID_PACE + "."):
                continue
            parameter = None
            if len(parts) > 2 and parts[2].tag == der.INTEGER:
                parameter = der.decode_integer(parts[2].value)
            found.append(PaceInfo(protocol, der.decode_integer(parts[1].value), parameter))
        return found
    except tlv.TlvError as exc:
        raise LdsError(f"EF.CardAccess: {exc}") from exc


@dataclass(frozen=True)
class PacePassword:
    """What the citizen's card gives to open PACE; its repr hides it."""

    reference: int  # KEY_MRZ or KEY_CAN
    secret: bytes  # K: SHA-1 of the MRZ information, or the CAN's digits

    def __repr__(self) -> str:
        return f"PacePassword({'CAN' if self.reference == KEY_CAN else 'MRZ'}, <hidden>)"

    @classmethod
    def from_can(cls, can: str) -> PacePassword:
        if not (can.isascii() and can.isdigit() and len(can) == 6):
            raise ValueError("a CAN is 6 digits")
        return cls(KEY_CAN, can.encode("ascii"))

    @classmethod
    def from_mrz(cls, key: BacKey) -> PacePassword:
        return cls(KEY_MRZ, hashlib.sha1(key.mrz_information().encode("ascii")).digest())


def kdf(secret: bytes, counter: int, cipher: str, length: int) -> bytes:
    """9303-11 §9.7.1: SHA-1 for 3DES and AES-128, SHA-256 for longer AES keys."""
    if cipher == "3des":
        return des_crypto.derive_key(secret, counter)
    digest = hashlib.sha1 if length == 16 else hashlib.sha256
    return digest(secret + counter.to_bytes(4, "big")).digest()[:length]


def _field_bytes(curve: ec_curves.Curve) -> int:
    return (curve.curve.p().bit_length() + 7) // 8


def encode_point(point: Point | PointJacobi, curve: ec_curves.Curve) -> bytes:
    size = _field_bytes(curve)
    return b"\x04" + point.x().to_bytes(size, "big") + point.y().to_bytes(size, "big")


def decode_point(data: bytes, curve: ec_curves.Curve) -> PointJacobi:
    size = _field_bytes(curve)
    if len(data) != 1 + 2 * size or data[0] != 0x04:
        raise PaceError("public key is not an uncompressed point")
    x = int.from_bytes(data[1 : 1 + size], "big")
    y = int.from_bytes(data[1 + size :], "big")
    if not curve.curve.contains_point(x, y):
        raise PaceError("public key is not on the curve")
    # Jacobian coordinates multiply about four times faster than affine ones
    return PointJacobi.from_affine(Point(curve.curve, x, y, curve.order))


def map_generator(curve: ec_curves.Curve, nonce: bytes, shared: Point | PointJacobi) -> PointJacobi:
    """Generic mapping (§4.4.3.3.1): Ĝ = s·G + H, H the ECDH point of the mapping keys."""
    mapped = curve.generator * int.from_bytes(nonce, "big") + shared
    if mapped == INFINITY:
        raise PaceError("the mapped generator is the point at infinity")
    return PointJacobi.from_affine(Point(curve.curve, mapped.x(), mapped.y(), curve.order))


def authentication_token(info: PaceInfo, mac_key: bytes, point: bytes) -> bytes:
    """T = MAC(KS_MAC, public key data object 7F49 {06 OID, 86 point}) (§4.4.3.4)."""
    oid = der.encode_oid(info.protocol)
    data = tlv.encode(0x7F49, oid + tlv.encode(0x86, point))
    if info.cipher == "aes":
        return aes_crypto.cmac8(mac_key, data)
    return des_crypto.retail_mac(mac_key, des_crypto.pad(data))


def decrypt_nonce(info: PaceInfo, password: PacePassword, encrypted: bytes) -> bytes:
    key = kdf(password.secret, _KDF_PI, info.cipher, info.key_length)
    try:
        if info.cipher == "aes":
            return aes_crypto.decrypt(key, encrypted)
        return des_crypto.decrypt(key, encrypted)
    except ValueError as exc:
        raise PaceError("encrypted nonce is not whole blocks") from exc


Transmit = Callable[[CommandApdu], ResponseApdu]
Scalar = Callable[[int], int]  # order → a private key in [1, order)


def random_scalar(order: int) -> int:
    return 1 + secrets.randbelow(order - 1)


def _dynamic(response: ResponseApdu, tag: int) -> bytes:
    try:
        outer, _ = tlv.decode_one(response.data)
        inner = outer.child(tag) if outer.tag == 0x7C else None
    except tlv.TlvError as exc:
        raise PaceError(f"GENERAL AUTHENTICATE answer: {exc}") from exc
    if inner is None:
        raise PaceError(f"GENERAL AUTHENTICATE answer lacks tag {tag:02X}")
    return inner.value


def _general_authenticate(transmit: Transmit, tag: int, value: bytes, last: bool) -> ResponseApdu:
    data = tlv.encode(0x7C, tlv.encode(tag, value) if tag else b"")
    return transmit(CommandApdu(0x00 if last else 0x10, 0x86, 0x00, 0x00, data, le=256))


def set_authentication_template(info: PaceInfo, password: PacePassword) -> CommandApdu:
    data = der.encode_oid(info.protocol)[2:]
    body = tlv.encode(0x80, data) + tlv.encode(0x83, bytes([password.reference]))
    if info.parameter_id is not None:
        body += tlv.encode(0x84, bytes([info.parameter_id]))
    return CommandApdu(0x00, 0x22, 0xC1, 0xA4, body)


def establish(
    transmit: Transmit,
    info: PaceInfo,
    password: PacePassword,
    *,
    scalar: Scalar = random_scalar,
) -> SessionKeys:
    """Run PACE over `transmit` (plain APDUs); the session keys, counter at zero.

    Raises `PaceUnavailable` when the chip refuses the parameters, `PaceRefused` when it
    refuses the password, `PaceError` for a broken protocol.
    """
    if not info.supported:
        raise PaceUnavailable(f"unsupported PACE protocol {info.protocol}")
    curve = STANDARD_CURVES[info.parameter_id]  # type: ignore[index]
    answer = transmit(set_authentication_template(info, password))
    if answer.sw != SW_OK:
        raise PaceUnavailable(f"MSE:Set AT answered {answer.sw:04X}")
    answer = _general_authenticate(transmit, 0, b"", last=False)
    if answer.sw != SW_OK:
        raise PaceUnavailable(f"GENERAL AUTHENTICATE (nonce) answered {answer.sw:04X}")
    nonce = decrypt_nonce(info, password, _dynamic(answer, 0x80))

    map_key = scalar(curve.order)
    map_public = encode_point(curve.generator * map_key, curve)
    answer = _general_authenticate(transmit, 0x81, map_public, last=False)
    if answer.sw != SW_OK:
        raise PaceError(f"GENERAL AUTHENTICATE (mapping) answered {answer.sw:04X}")
    chip_map = decode_point(_dynamic(answer, 0x82), curve)
    generator = map_generator(curve, nonce, chip_map * map_key)

    dh_key = scalar(curve.order)
    dh_public = encode_point(generator * dh_key, curve)
    answer = _general_authenticate(transmit, 0x83, dh_public, last=False)
    if answer.sw != SW_OK:
        raise PaceError(f"GENERAL AUTHENTICATE (key agreement) answered {answer.sw:04X}")
    chip_dh_bytes = _dynamic(answer, 0x84)
    if chip_dh_bytes == dh_public:
        raise PaceError("the chip echoed the reader's public key")
    shared_point = decode_point(chip_dh_bytes, curve) * dh_key
    if shared_point == INFINITY:
        raise PaceError("the shared secret is the point at infinity")
    shared = shared_point.x().to_bytes(_field_bytes(curve), "big")
    enc = kdf(shared, _KDF_ENC, info.cipher, info.key_length)
    mac = kdf(shared, _KDF_MAC, info.cipher, info.key_length)

    token = authentication_token(info, mac, chip_dh_bytes)
    answer = _general_authenticate(transmit, 0x85, token, last=True)
    if answer.sw != SW_OK:
        raise PaceRefused(f"the chip refused the token ({answer.sw:04X})")
    expected = authentication_token(info, mac, dh_public)
    if not hmac.compare_digest(_dynamic(answer, 0x86), expected):
        raise PaceError("the chip's token is wrong")
    return SessionKeys(encryption=enc, mac=mac, ssc=0, cipher=info.cipher)
