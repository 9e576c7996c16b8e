"""Basic Access Control (ICAO 9303-11 §4.3): the document key from the MRZ fields and the
reader's half of the mutual authentication that yields the secure-messaging session keys."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from hardware.card_reader import des_crypto
from hardware.card_reader.mrz import check_digit

NO_EXPIRY = "991231"  # what a card that never expires carries as its expiry date
_DATE = re.compile(r"^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_NUMBER = re.compile(r"^[0-9A-Z<]{9}$")


class BacError(Exception):
    """The card's authentication answer does not prove it knows the same key."""


@dataclass(frozen=True)
class BacKey:
    """Document number (9 MRZ characters), birth and expiry (YYMMDD): what BAC is keyed on.

    It holds personal data, so its repr says nothing about it.
    """

    document_number: str
    birth: str
    expiry: str

    def __post_init__(self) -> None:
        if not _NUMBER.match(self.document_number):
            raise ValueError("document number must be 9 MRZ characters")
        for value in (self.birth, self.expiry):
            if not _DATE.match(value) and value != NO_EXPIRY:
                raise ValueError("dates must be YYMMDD")

    def __repr__(self) -> str:
        return "BacKey(<hidden>)"

    def mrz_information(self) -> str:
        return "".join(f"{field}{check_digit(field)}" for field in self._fields())

    def _fields(self) -> tuple[str, str, str]:
        return self.document_number, self.birth, self.expiry

    def seed(self) -> bytes:
        return hashlib.sha1(self.mrz_information().encode("ascii")).digest()[:16]

    def encryption_key(self) -> bytes:
        return des_crypto.derive_key(self.seed(), des_crypto.KDF_ENC)

    def mac_key(self) -> bytes:
        return des_crypto.derive_key(self.seed(), des_crypto.KDF_MAC)


@dataclass(frozen=True)
class SessionKeys:
    """Secure-messaging keys and the starting send sequence counter. BAC always gives 3DES;
    PACE gives 3DES or AES (then the counter starts at zero and is 16 bytes wide)."""

    encryption: bytes
    mac: bytes
    ssc: int
    cipher: str = "3des"  # "3des" or "aes"

    def __repr__(self) -> str:
        return "SessionKeys(<hidden>)"


def session_keys(k_ifd: bytes, k_ic: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SessionKeys:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    return SessionKeys(
        encryption=des_crypto.derive_key(seed, des_crypto.KDF_ENC),
        mac=des_crypto.derive_key(seed, des_crypto.KDF_MAC),
        ssc=int.from_bytes(rnd_ic[4:] + rnd_ifd[4:], "big"),
    )


def authentication_request(key: BacKey, rnd_ic: bytes, rnd_ifd: bytes, k_ifd: bytes) -> bytes:
    """The EXTERNAL AUTHENTICATE data: E.IFD ‖ M.IFD."""
    encrypted = des_crypto.encrypt(key.encryption_key(), rnd_ifd + rnd_ic + k_ifd)
    return encrypted + des_crypto.retail_mac(key.mac_key(), des_crypto.pad(encrypted))


def complete_authentication(
    key: BacKey, response: bytes, rnd_ic: bytes, rnd_ifd: bytes, k_ifd: bytes
) -> SessionKeys:
    """Check the card's E.IC ‖ M.IC and derive the session keys from it."""
    if len(response) != 40:
        raise BacError("authentication answer has the wrong length")
    encrypted, mac = response[:32], response[32:]
    expected = des_crypto.retail_mac(key.mac_key(), des_crypto.pad(encrypted))
    if not hmac.compare_digest(mac, expected):
        raise BacError("authentication answer MAC is wrong")
    plain = des_crypto.decrypt(key.encryption_key(), encrypted)
    if plain[:8] != rnd_ic or plain[8:16] != rnd_ifd:
        raise BacError("authentication answer does not echo the challenges")
    return session_keys(k_ifd, plain[16:32], rnd_ic, rnd_ifd)
