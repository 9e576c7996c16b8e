"""EF.SOD and passive authentication (ICAO 9303-11 §5.1): the data-group hashes the issuer
signed, the Document Signer's signature over them, and — when a trust list is configured — the
Document Signer certificate checked against the country's CSCA certificates.

The report is honest about what was checked: hashes and signature can be verified with what the
card carries, but without CSCA certificates nobody can say the signer is the real issuer.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from hardware.card_reader import der, tlv
from hardware.card_reader.lds import EFile, LdsError, unwrap_file

log = logging.getLogger(__name__)

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_RSA_PSS = "1.2.840.113549.1.1.10"

HASHES: Mapping[str, str] = {
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
}
# signature algorithm → hash it implies (RSA PKCS#1 v1.5 and ECDSA)
_SIGNATURE_HASHES: Mapping[str, str] = {
    "1.2.840.113549.1.1.5": "sha1",
    "1.2.840.113549.1.1.14": "sha224",
    "1.2.840.113549.1.1.11": "sha256",
    "1.2.840.113549.1.1.12": "sha384",
    "1.2.840.113549.1.1.13": "sha512",
    "1.2.840.10045.4.1": "sha1",
    "1.2.840.10045.4.3.1": "sha224",
    "1.2.840.10045.4.3.2": "sha256",
    "1.2.840.10045.4.3.3": "sha384",
    "1.2.840.10045.4.3.4": "sha512",
}
_CRYPTO_HASHES = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class SodError(LdsError):
    """EF.SOD is not a signed LDS security object the reader can understand."""


@dataclass(frozen=True)
class SecurityObject:
    hash_algorithm: str
    group_hashes: dict[int, bytes]
    econtent: bytes
    signed_attributes: bytes  # DER, retagged as the SET the signature covers
    message_digest: bytes | None
    digest_algorithm: str
    signature_algorithm: str
    signature_parameters: tlv.Tlv | None
    signature: bytes
    signer_certificate: x509.Certificate | None


def _oid_of(node: tlv.Tlv | None) -> str:
    if node is None or node.tag != der.SEQUENCE:
        raise SodError("algorithm identifier missing")
    first = node.children()[0]
    if first.tag != der.OID:
        raise SodError("algorithm identifier without an OID")
    return der.decode_oid(first.value)


def _parse_lds_security_object(econtent: bytes) -> tuple[str, dict[int, bytes]]:
    root, _ = tlv.decode_one(econtent)
    parts = root.children()
    if len(parts) < 3 or parts[0].tag != der.INTEGER:
        raise SodError("LDS security object has too few parts")
    algorithm = HASHES.get(_oid_of(parts[1]))
    if algorithm is None:
        raise SodError("unknown data-group hash algorithm")
    group_hashes: dict[int, bytes] = {}
    for entry in parts[2].children():
        number, value = entry.children()[:2]
        group_hashes[der.decode_integer(number.value)] = value.value
    return algorithm, group_hashes


def _signer_certificate(certificates: tlv.Tlv | None) -> x509.Certificate | None:
    if certificates is None:
        return None
    for child in certificates.children():
        try:
            return x509.load_der_x509_certificate(child.raw)
        except ValueError:
            continue
    return None


def parse_sod(data: bytes) -> SecurityObject:
    outer = unwrap_file(data, EFile.SOD)
    try:
        content_info = outer.children()[0]
        oid, wrapped = content_info.children()[:2]
        if der.decode_oid(oid.value) != OID_SIGNED_DATA:
            raise SodError("EF.SOD is not CMS signed data")
        signed_data = wrapped.children()[0]
        parts = signed_data.children()
        encap = parts[2]
        encap_oid, econtent_wrapper = encap.children()[:2]
        if der.decode_oid(encap_oid.value) != OID_LDS_SECURITY_OBJECT:
            raise SodError("signed content is not an LDS security object")
        econtent = econtent_wrapper.children()[0].value
        certificates = next((p for p in parts[3:] if p.tag == der.context(0)), None)
        signer_infos = next(p for p in reversed(parts) if p.tag == der.SET)
        signer = signer_infos.children()[0].children()
        digest_oid = _oid_of(signer[2])
        attributes = next((p for p in signer if p.tag == der.context(0)), None)
        after_attributes = signer[4:] if attributes is not None else signer[3:]
        signature_algorithm = after_attributes[0]
        signature = after_attributes[1]
        algorithm, group_hashes = _parse_lds_security_object(econtent)
    except (tlv.TlvError, IndexError, StopIteration, ValueError) as exc:
        if isinstance(exc, SodError):
            raise
        raise SodError(f"EF.SOD structure: {exc}") from exc

    message_digest = None
    signed_attributes = b""
    if attributes is not None:
        signed_attributes = bytes([der.SET]) + attributes.raw[1:]
        for attribute in attributes.children():
            attr_oid, values = attribute.children()[:2]
            if der.decode_oid(attr_oid.value) == OID_MESSAGE_DIGEST:
                message_digest = values.children()[0].value
    digest_algorithm = HASHES.get(digest_oid)
    if digest_algorithm is None:
        raise SodError("unknown signer digest algorithm")
    sig_children = signature_algorithm.children()
    return SecurityObject(
        hash_algorithm=algorithm,
        group_hashes=group_hashes,
        econtent=econtent,
        signed_attributes=signed_attributes,
        message_digest=message_digest,
        digest_algorithm=digest_algorithm,
        signature_algorithm=_oid_of(signature_algorithm),
        signature_parameters=sig_children[1] if len(sig_children) > 1 else None,
        signature=signature.value,
        signer_certificate=_signer_certificate(certificates),
    )


class ChainStatus(enum.Enum):
    VERIFIED = "verified"  # the signer certificate chains to a configured CSCA
    NO_TRUST_LIST = "no_trust_list"  # no CSCA certificates configured: cannot be checked
    ISSUER_NOT_TRUSTED = "issuer_not_trusted"  # CSCAs configured, none issued this signer
    NOT_CHECKED = "not_checked"  # the signature itself failed, the chain is moot


@dataclass(frozen=True)
class PassiveAuthResult:
    hash_algorithm: str
    matched_groups: tuple[int, ...]
    mismatched_groups: tuple[int, ...]
    unlisted_groups: tuple[int, ...]  # read from the card but absent from the SOD
    signature_valid: bool
    chain: ChainStatus

    @property
    def data_intact(self) -> bool:
        """Everything read matches what the signer signed."""
        return self.signature_valid and not self.mismatched_groups and not self.unlisted_groups

    @property
    def authentic(self) -> bool:
        return self.data_intact and self.chain is ChainStatus.VERIFIED


def _hash_algorithm(obj: SecurityObject) -> hashes.HashAlgorithm:
    name = _SIGNATURE_HASHES.get(obj.signature_algorithm, obj.digest_algorithm)
    return _CRYPTO_HASHES[name]()


def _pss(obj: SecurityObject) -> tuple[padding.PSS, hashes.HashAlgorithm]:
    """RSASSA-PSS parameters (RFC 4055 defaults: SHA-1, salt 20) and the hash they name."""
    hash_name, salt = "sha1", 20
    params = obj.signature_parameters
    if params is not None and params.tag == der.SEQUENCE:
        for item in params.children():
            if item.tag == der.context(0):
                hash_name = HASHES.get(_oid_of(item.children()[0]), hash_name)
            elif item.tag == der.context(2):
                salt = der.decode_integer(item.children()[0].value)
    algorithm = _CRYPTO_HASHES[hash_name]()
    return padding.PSS(mgf=padding.MGF1(algorithm), salt_length=salt), algorithm


def _ecdsa_signature(signature: bytes) -> bytes:
    """ECDSA signatures come DER-encoded, or as plain r‖s from some issuers."""
    try:
        node, end = tlv.decode_one(signature)
        if node.tag == der.SEQUENCE and end == len(signature):
            return signature
    except tlv.TlvError:
        pass
    half = len(signature) // 2
    r, s = signature[:half], signature[half:]
    return encode_dss_signature(int.from_bytes(r, "big"), int.from_bytes(s, "big"))


def verify_signature(obj: SecurityObject) -> bool:
    """The Document Signer's signature over the signed attributes, and the content digest."""
    certificate = obj.signer_certificate
    if certificate is None or not obj.signed_attributes or obj.message_digest is None:
        return False
    content_digest = hashlib.new(obj.digest_algorithm, obj.econtent).digest()
    if not hmac.compare_digest(content_digest, obj.message_digest):
        return False
    key = certificate.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            if obj.signature_algorithm == OID_RSA_PSS:
                pss, algorithm = _pss(obj)
                key.verify(obj.signature, obj.signed_attributes, pss, algorithm)
            else:
                key.verify(
                    obj.signature, obj.signed_attributes, padding.PKCS1v15(), _hash_algorithm(obj)
                )
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(
                _ecdsa_signature(obj.signature),
                obj.signed_attributes,
                ec.ECDSA(_hash_algorithm(obj)),
            )
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError):
        return False
    return True


class TrustList:
    """CSCA certificates from a folder (PEM or DER files) or an ICAO master list file; empty
    when none is configured."""

    def __init__(self, certificates: Iterable[x509.Certificate] = ()) -> None:
        self.certificates = list(certificates)

    @classmethod
    def from_path(cls, path: Path | None) -> TrustList:
        if path is None:
            return cls()
        if path.is_file():
            from hardware.card_reader.master_list import MasterListError, csca_certificates

            try:
                return cls(csca_certificates(path.read_bytes()))
            except (OSError, MasterListError) as exc:
                log.warning("trust list %s unreadable: %s", path.name, exc)
                return cls()
        return cls.from_folder(path)

    @classmethod
    def from_folder(cls, folder: Path | None) -> TrustList:
        if folder is None or not folder.is_dir():
            return cls()
        found: list[x509.Certificate] = []
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == ".ml":
                found.extend(cls.from_path(path).certificates)
                continue
            if path.suffix.lower() not in (".pem", ".crt", ".cer", ".der"):
                continue
            raw = path.read_bytes()
            try:
                if b"-----BEGIN CERTIFICATE-----" in raw:
                    found.extend(x509.load_pem_x509_certificates(raw))
                else:
                    found.append(x509.load_der_x509_certificate(raw))
            except ValueError:
                log.warning("CSCA folder: %s is not a certificate, skipped", path.name)
        return cls(found)

    def chain_status(self, signer: x509.Certificate) -> ChainStatus:
        if not self.certificates:
            return ChainStatus.NO_TRUST_LIST
        for csca in self.certificates:
            if csca.subject != signer.issuer:
                continue
            try:
                signer.verify_directly_issued_by(csca)
            except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
                continue
            return ChainStatus.VERIFIED
        return ChainStatus.ISSUER_NOT_TRUSTED


def passive_authentication(
    obj: SecurityObject, groups: Mapping[int, bytes], trust: TrustList
) -> PassiveAuthResult:
    """Compare every data group read with its signed hash and check who signed them."""
    matched, mismatched, unlisted = [], [], []
    for number, content in sorted(groups.items()):
        expected = obj.group_hashes.get(number)
        if expected is None:
            unlisted.append(number)
        elif hmac.compare_digest(hashlib.new(obj.hash_algorithm, content).digest(), expected):
            matched.append(number)
        else:
            mismatched.append(number)
    signature_valid = verify_signature(obj)
    if signature_valid and obj.signer_certificate is not None:
        chain = trust.chain_status(obj.signer_certificate)
    else:
        chain = ChainStatus.NOT_CHECKED
    return PassiveAuthResult(
        hash_algorithm=obj.hash_algorithm,
        matched_groups=tuple(matched),
        mismatched_groups=tuple(mismatched),
        unlisted_groups=tuple(unlisted),
        signature_valid=signature_valid,
        chain=chain,
    )
