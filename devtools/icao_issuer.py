"""A throw-away issuer for `devtools.icao_card`: a CSCA, a Document Signer it certifies, and
EF.SOD — the LDS security object (ICAO 9303-10 §4.6.2) signed as CMS SignedData (RFC 5652) with
the signed attributes 9303-10 requires. Written from those texts, not from the kiosk's code."""

from __future__ import annotations

import datetime as dt
import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from devtools.icao_card import integer, oid, tlv

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"


def _sequence(*parts: bytes) -> bytes:
    return tlv(0x30, b"".join(parts))


def _set(*parts: bytes) -> bytes:
    return tlv(0x31, b"".join(sorted(parts)))  # DER orders a SET OF by encoding


class Issuer:
    def __init__(self, country: str = "VN") -> None:
        now = dt.datetime.now(dt.UTC)
        self._csca_key = ec.generate_private_key(ec.SECP384R1())
        self._signer_key = ec.generate_private_key(ec.SECP256R1())

        def name(common: str) -> x509.Name:
            return x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                    x509.NameAttribute(NameOID.COMMON_NAME, common),
                ]
            )

        self.csca = (
            x509.CertificateBuilder()
            .subject_name(name("Test CSCA"))
            .issuer_name(name("Test CSCA"))
            .public_key(self._csca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(self._csca_key, hashes.SHA384())
        )
        self.document_signer = (
            x509.CertificateBuilder()
            .subject_name(name("Test Document Signer"))
            .issuer_name(self.csca.subject)
            .public_key(self._signer_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .sign(self._csca_key, hashes.SHA384())
        )

    def csca_pem(self) -> bytes:
        return self.csca.public_bytes(serialization.Encoding.PEM)

    def build_sod(self, groups: dict[int, bytes]) -> bytes:
        algorithm = _sequence(oid(OID_SHA256))
        hashes_list = [
            _sequence(integer(number), tlv(0x04, hashlib.sha256(content).digest()))
            for number, content in sorted(groups.items())
        ]
        lds = _sequence(integer(0), algorithm, _sequence(*hashes_list))
        attributes = [
            _sequence(oid(OID_CONTENT_TYPE), _set(oid(OID_LDS_SECURITY_OBJECT))),
            _sequence(oid(OID_MESSAGE_DIGEST), _set(tlv(0x04, hashlib.sha256(lds).digest()))),
        ]
        signed_attributes = _set(*attributes)  # what the signature covers, tagged as a SET
        signature = self._signer_key.sign(signed_attributes, ec.ECDSA(hashes.SHA256()))
        signer_id = _sequence(
            self.document_signer.issuer.public_bytes(),
            integer(self.document_signer.serial_number),
        )
        signer_info = _sequence(
            integer(1),
            signer_id,
            algorithm,
            b"\xa0" + signed_attributes[1:],  # [0] IMPLICIT in the SignerInfo
            _sequence(oid(OID_ECDSA_SHA256)),
            tlv(0x04, signature),
        )
        certificate = self.document_signer.public_bytes(serialization.Encoding.DER)
        signed_data = _sequence(
            integer(3),
            _set(algorithm),
            _sequence(oid(OID_LDS_SECURITY_OBJECT), tlv(0xA0, tlv(0x04, lds))),
            tlv(0xA0, certificate),
            _set(signer_info),
        )
        content_info = _sequence(oid(OID_SIGNED_DATA), tlv(0xA0, signed_data))
        return tlv(0x77, content_info)
