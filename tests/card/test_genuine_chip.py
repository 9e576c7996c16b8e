"""The checks that tell a genuine chip from a copy, on answers built here from ISO/IEC 9796-2,
BSI TR-03111 and ICAO 9303-11 (DG14 layouts), not from the reader's code."""

from __future__ import annotations

import hashlib
import os

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

pytest.importorskip("virtualsmartcard.VirtualSmartcard")  # devtools.icao_card is a SmartcardOS

from devtools.icao_card import integer, oid, tlv
from devtools.icao_card_files import OID_PK_ECDH, dg14, dg15
from hardware.card_reader import active_auth, chip_auth


def _iso9796_2_sign(key: rsa.RSAPrivateKey, challenge: bytes, name: str = "sha1") -> bytes:
    """Scheme 1, partial recovery: 6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer, signed raw."""
    numbers = key.private_numbers()
    size = (numbers.public_numbers.n.bit_length() + 7) // 8
    digest_size = hashlib.new(name).digest_size
    trailer = b"\xbc" if name == "sha1" else bytes([{"sha256": 0x34}[name], 0xCC])
    m1 = os.urandom(size - 1 - digest_size - len(trailer))
    representative = b"\x6a" + m1 + hashlib.new(name, m1 + challenge).digest() + trailer
    value = pow(int.from_bytes(representative, "big"), numbers.d, numbers.public_numbers.n)
    return value.to_bytes(size, "big")


@pytest.mark.parametrize("name", ["sha1", "sha256"])
def test_rsa_active_authentication_iso9796_2(name: str) -> None:
    key = rsa.generate_private_key(65537, 1024)
    challenge = os.urandom(8)
    signature = _iso9796_2_sign(key, challenge, name)
    public = key.public_key()
    assert active_auth.verify(public, challenge, signature)
    assert not active_auth.verify(public, os.urandom(8), signature)
    other = rsa.generate_private_key(65537, 1024)
    assert not active_auth.verify(public, challenge, _iso9796_2_sign(other, challenge, name))


def test_ecdsa_active_authentication_with_the_hash_dg14_names() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    challenge = os.urandom(8)
    r, s = decode_dss_signature(key.sign(challenge, ec.ECDSA(hashes.SHA256())))
    plain = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    public = active_auth.public_key(dg15(key))
    assert active_auth.verify(public, challenge, plain, dg14(None))  # DG14 names SHA-256
    assert not active_auth.verify(public, challenge, plain)  # SHA-1 assumed without DG14
    assert not active_auth.verify(
        public, challenge, plain[:-1] + bytes([plain[-1] ^ 1]), dg14(None)
    )


def test_dg14_with_an_explicit_curve_is_recognised() -> None:
    key = ec.generate_private_key(ec.BrainpoolP256R1())
    found = chip_auth.parse_dg14(dg14(key, "3des"))
    assert found is not None
    assert (found.cipher, found.parameter_id, found.key_id) == ("3des", 13, None)
    assert found.point == key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def test_dg14_with_a_named_curve_and_key_ids() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    algorithm = tlv(0x30, oid("1.2.840.10045.2.1") + oid("1.2.840.10045.3.1.7"))
    spki = tlv(0x30, algorithm + tlv(0x03, b"\x00" + point))
    infos = tlv(0x30, oid("0.4.0.127.0.7.2.2.3.2.4") + integer(1) + integer(7))
    infos += tlv(0x30, oid(OID_PK_ECDH) + spki + integer(7))
    found = chip_auth.parse_dg14(tlv(0x6E, tlv(0x31, infos)))
    assert found is not None
    assert (found.cipher, found.key_length, found.parameter_id, found.key_id) == ("aes", 32, 12, 7)


def test_dg14_without_chip_authentication_offers_nothing() -> None:
    assert chip_auth.parse_dg14(dg14(None)) is None
