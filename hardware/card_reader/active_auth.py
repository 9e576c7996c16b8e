"""Active Authentication (ICAO 9303-11 §6.1): the chip signs the reader's random challenge with
a private key that cannot be copied out of it; the public key is in DG15, which the issuer
signed. A clone made of copied files cannot answer. RSA answers use ISO/IEC 9796-2 scheme 1
(message recovery), EC answers plain ECDSA (r‖s) with the hash DG14 names (default SHA-1).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from hardware.card_reader import der, tlv
from hardware.card_reader.lds import EFile, LdsError, unwrap_file

OID_ACTIVE_AUTH = "2.23.136.1.1.5"
_ECDSA_HASHES = {
    "0.4.0.127.0.7.1.1.4.1.1": hashes.SHA1,
    "0.4.0.127.0.7.1.1.4.1.2": hashes.SHA224,
    "0.4.0.127.0.7.1.1.4.1.3": hashes.SHA256,
    "0.4.0.127.0.7.1.1.4.1.4": hashes.SHA384,
    "0.4.0.127.0.7.1.1.4.1.5": hashes.SHA512,
}
# ISO/IEC 9796-2 trailer: BC = SHA-1 implied; otherwise xxCC with the hash identifier xx
_TRAILER_HASHES = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}


def public_key(dg15: bytes) -> rsa.RSAPublicKey | ec.EllipticCurvePublicKey:
    outer = unwrap_file(dg15, EFile.DG15)
    try:
        key = serialization.load_der_public_key(outer.value)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise LdsError(f"DG15 holds no usable public key: {exc}") from exc
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey):
        raise LdsError("DG15 key is neither RSA nor EC")
    return key


def ecdsa_hash(dg14: bytes | None) -> hashes.HashAlgorithm:
    """The signature algorithm DG14's ActiveAuthenticationInfo names (SHA-1 when absent)."""
    if dg14:
        try:
            outer = unwrap_file(dg14, EFile.DG14)
            infos = outer.children()[0].children()
            for info in infos:
                parts = info.children()
                if parts and der.decode_oid(parts[0].value) == OID_ACTIVE_AUTH and len(parts) > 2:
                    return _ECDSA_HASHES.get(der.decode_oid(parts[2].value), hashes.SHA1)()
        except (tlv.TlvError, IndexError):
            pass
    return hashes.SHA1()


def _rsa_recovered(key: rsa.RSAPublicKey, challenge: bytes, signature: bytes) -> bool:
    numbers = key.public_numbers()
    size = (numbers.n.bit_length() + 7) // 8
    value = pow(int.from_bytes(signature, "big"), numbers.e, numbers.n)
    if value % 16 != 12:  # ISO 9796-2 allows the signer to answer n - f; take the other root
        value = numbers.n - value
    recovered = value.to_bytes(size, "big")
    if recovered[0] & 0xC0 != 0x40 or recovered[0] & 0x0F != 0x0A:
        return False
    if recovered[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif recovered[-1] == 0xCC and recovered[-2] in _TRAILER_HASHES:
        name, trailer = _TRAILER_HASHES[recovered[-2]], 2
    else:
        return False
    digest_size = hashlib.new(name).digest_size
    message = recovered[1 : -(digest_size + trailer)]
    digest = recovered[-(digest_size + trailer) : -trailer]
    expected = hashlib.new(name, message + challenge).digest()
    return hmac.compare_digest(digest, expected)


def verify(
    key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey,
    challenge: bytes,
    signature: bytes,
    dg14: bytes | None = None,
) -> bool:
    """Whether `signature` is the chip's answer to `challenge` under the DG15 key."""
    if isinstance(key, rsa.RSAPublicKey):
        return _rsa_recovered(key, challenge, signature)
    half = len(signature) // 2
    if not signature or len(signature) % 2:
        return False
    r = int.from_bytes(signature[:half], "big")
    s = int.from_bytes(signature[half:], "big")
    try:
        key.verify(encode_dss_signature(r, s), challenge, ec.ECDSA(ecdsa_hash(dg14)))
    except (InvalidSignature, ValueError):
        return False
    return True
