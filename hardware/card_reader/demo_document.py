"""Builds the files of a demo Vietnamese ID card — EF.COM, DG1, DG2, DG13 and an EF.SOD signed
by a freshly generated demo CSCA and Document Signer — for the virtual card, the simulator and
the tests. The people are fictional; nothing here is ever a real citizen's data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw

from hardware.card_reader import der, tlv
from hardware.card_reader.bac import NO_EXPIRY, BacKey
from hardware.card_reader.lds import EFile
from hardware.card_reader.mrz import format_td1
from hardware.card_reader.sod import OID_LDS_SECURITY_OBJECT, OID_MESSAGE_DIGEST, OID_SIGNED_DATA

OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"
OID_RSA_SHA256 = "1.2.840.113549.1.1.11"
OID_RSA_PSS = "1.2.840.113549.1.1.10"
OID_ECDSA_SHA256_PLAIN = "0.4.0.127.0.7.1.1.4.1.3"  # BSI TR-03111 ecdsa-plain-SHA256

SignerAlgorithm = Literal["ecdsa", "rsa", "rsa-pss"]


@dataclass(frozen=True)
class DemoCitizen:
    id_number: str
    full_name: str
    birth: dt.date
    sex: Literal["Nam", "Nữ"]
    issue: dt.date
    expiry: dt.date | None  # None: the card never expires
    nationality: str = "Việt Nam"
    ethnicity: str = "Kinh"
    religion: str = "Không"
    hometown: str = "Xã Đông Anh, Thành phố Hà Nội"
    residence: str = "Số 12 phố Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội"
    identifying_marks: str = "Nốt ruồi C:2cm trên trước mày phải"
    father: str = "Trần Văn Bình"
    mother: str = "Lê Thị Hoa"
    spouse: str = ""
    old_id_number: str = "012345678"
    reference_code: str = "3A41F09C2D7B6E18"  # DG13 item 16: 16 hex digits, meaning unknown

    def __repr__(self) -> str:
        return "DemoCitizen(<fictional>)"

    @property
    def mrz_expiry(self) -> str:
        return self.expiry.strftime("%y%m%d") if self.expiry else NO_EXPIRY

    def bac_key(self) -> BacKey:
        return BacKey(self.id_number[-9:], self.birth.strftime("%y%m%d"), self.mrz_expiry)

    def qr_text(self) -> str:
        """What the QR on the card's front says (2021 layout, seven fields)."""
        return "|".join(
            (
                self.id_number,
                self.old_id_number,
                self.full_name,
                self.birth.strftime("%d%m%Y"),
                self.sex,
                self.residence,
                self.issue.strftime("%d%m%Y"),
            )
        )


def demo_citizen() -> DemoCitizen:
    """The kiosk's demo card: a fictional woman born in Hà Nội in 1990, card valid to 2030."""
    return DemoCitizen(
        id_number="001190012345",
        full_name="Trần Thị Thu Hà",
        birth=dt.date(1990, 3, 15),
        sex="Nữ",
        issue=dt.date(2021, 7, 1),
        expiry=dt.date(2030, 3, 15),
        spouse="Nguyễn Văn Nam",
    )


def second_citizen(full_name: str) -> DemoCitizen:
    """A second fictional card beside the demo's (a man born in 1988, another number and
    address), for a declaration two people make: the other parent, the partner in a marriage."""
    return DemoCitizen(
        id_number="001088012346",
        full_name=full_name,
        birth=dt.date(1988, 6, 2),
        sex="Nam",
        issue=dt.date(2021, 7, 1),
        expiry=dt.date(2028, 6, 2),
        residence="Số 5 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội",
    )


# -- MRZ and data groups --------------------------------------------------------------------
def mrz_name(text: str) -> str:
    """Upper-case ASCII as the MRZ writes Vietnamese names (Đ → D, marks dropped)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return "".join(c if c.isalpha() and c.isascii() else " " for c in stripped.upper())


def build_dg1(citizen: DemoCitizen) -> bytes:
    surname, _, given = mrz_name(citizen.full_name).partition(" ")
    mrz = format_td1(
        id_number=citizen.id_number,
        birth=citizen.birth.strftime("%y%m%d"),
        sex="F" if citizen.sex == "Nữ" else "M",
        expiry=citizen.mrz_expiry,
        surname=surname,
        given_names=given.strip(),
    ).replace("\n", "")
    return tlv.encode(0x61, tlv.encode(0x5F1F, mrz.encode("ascii")))


def _item(index: int, *values: bytes) -> bytes:
    return der.sequence(der.encode_integer(index), *values)


def _text(value: str) -> bytes:
    return tlv.encode(der.UTF8_STRING, value.encode("utf-8"))


def build_dg13(citizen: DemoCitizen) -> bytes:
    """DG13 as the cards lay it out, with header bytes before item 1 and the parents nested."""
    expiry = citizen.expiry.strftime("%d/%m/%Y") if citizen.expiry else "Không thời hạn"
    simple = [
        citizen.id_number,
        citizen.full_name,
        citizen.birth.strftime("%d/%m/%Y"),
        citizen.sex,
        citizen.nationality,
        citizen.ethnicity,
        citizen.religion,
        citizen.hometown,
        citizen.residence,
        citizen.identifying_marks,
        citizen.issue.strftime("%d/%m/%Y"),
        expiry,
    ]
    items = [_item(i, _text(value)) for i, value in enumerate(simple, start=1)]
    items.append(
        _item(13, der.sequence(_text(citizen.father)), der.sequence(_text(citizen.mother)))
    )
    items.append(_item(14, _text(citizen.spouse)))
    items.append(_item(15, _text(citizen.old_id_number)))
    items.append(_item(16, _text(citizen.reference_code)))
    # the layout public readers report from real cards: a versioned SEQUENCE naming ISO 10646
    # (UTF-8), the items in a SET in index order (not DER-sorted)
    body = der.sequence(
        der.encode_integer(1),
        der.encode_oid("1.0.10646.1.0.8"),
        tlv.encode(der.SET, b"".join(items)),
    )
    return tlv.encode(EFile.DG13.tag, body)


def portrait_image(kind: Literal["jpeg", "jpeg2000"] = "jpeg") -> tuple[bytes, int, int]:
    """A drawn stand-in portrait (no real face), encoded as the card would carry it."""
    width, height = 240, 320
    image = Image.new("RGB", (width, height), (214, 228, 240))
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 50, 180, 200), fill=(236, 200, 170), outline=(120, 90, 70), width=3)
    draw.rectangle((40, 230, 200, 320), fill=(40, 70, 120))
    draw.ellipse((92, 105, 108, 121), fill=(40, 30, 30))
    draw.ellipse((132, 105, 148, 121), fill=(40, 30, 30))
    draw.arc((95, 140, 145, 175), start=20, end=160, fill=(120, 50, 50), width=3)
    out = io.BytesIO()
    image.save(out, format="JPEG2000" if kind == "jpeg2000" else "JPEG", quality=80)
    return out.getvalue(), width, height


def build_dg2(kind: Literal["jpeg", "jpeg2000"] = "jpeg") -> bytes:
    image, width, height = portrait_image(kind)
    image_info = bytes([1, 1 if kind == "jpeg2000" else 0]) + width.to_bytes(2, "big")
    image_info += height.to_bytes(2, "big") + bytes([1, 2, 0, 0, 0, 0])
    # facial information after its length: no feature points, unspecified gender/eyes/pose
    face_info = bytes(16)
    record_body = (20 + 12 + len(image)).to_bytes(4, "big") + face_info + image_info + image
    record = b"FAC\x00010\x00" + (14 + len(record_body)).to_bytes(4, "big") + b"\x00\x01"
    record += record_body
    header = tlv.encode(
        0xA1,
        tlv.encode(0x80, b"\x01\x01")
        + tlv.encode(0x87, b"\x01\x01")
        + tlv.encode(0x88, b"\x00\x08"),
    )
    template = tlv.encode(0x7F60, header + tlv.encode(0x5F2E, record))
    return tlv.encode(EFile.DG2.tag, tlv.encode(0x7F61, der.encode_integer(1) + template))


def build_com(groups: list[EFile]) -> bytes:
    body = tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000")
    body += tlv.encode(0x5C, bytes(g.tag for g in groups))
    return tlv.encode(EFile.COM.tag, body)


# -- the signer -----------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoSigner:
    """A demo country signing CA and the Document Signer it issued."""

    csca_certificate: x509.Certificate
    signer_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    signer_certificate: x509.Certificate
    algorithm: SignerAlgorithm

    @classmethod
    def generate(cls, algorithm: SignerAlgorithm = "ecdsa") -> DemoSigner:
        def new_key() -> ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey:
            if algorithm == "ecdsa":
                return ec.generate_private_key(ec.SECP256R1())
            return rsa.generate_private_key(public_exponent=65537, key_size=2048)

        def name(common: str) -> x509.Name:
            return x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kiosk demo (not a real issuer)"),
                    x509.NameAttribute(NameOID.COMMON_NAME, common),
                ]
            )

        now = dt.datetime.now(dt.UTC)
        csca_key, signer_key = new_key(), new_key()
        csca_name = name("Demo CSCA")
        csca = (
            x509.CertificateBuilder()
            .subject_name(csca_name)
            .issuer_name(csca_name)
            .public_key(csca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(csca_key, hashes.SHA256())
        )
        signer = (
            x509.CertificateBuilder()
            .subject_name(name("Demo Document Signer"))
            .issuer_name(csca_name)
            .public_key(signer_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .sign(csca_key, hashes.SHA256())
        )
        return cls(csca, signer_key, signer, algorithm)

    def csca_pem(self) -> bytes:
        return self.csca_certificate.public_bytes(serialization.Encoding.PEM)

    def _sign(self, data: bytes) -> tuple[bytes, bytes]:
        """(signature algorithm identifier, signature) over `data`."""
        key = self.signer_key
        if isinstance(key, ec.EllipticCurvePrivateKey):
            return der.algorithm(OID_ECDSA_SHA256), key.sign(data, ec.ECDSA(hashes.SHA256()))
        if self.algorithm == "rsa-pss":
            params = der.sequence(
                tlv.encode(der.context(0), der.algorithm(OID_SHA256, null_parameters=True)),
                tlv.encode(
                    der.context(1),
                    der.sequence(
                        der.encode_oid("1.2.840.113549.1.1.8"),
                        der.algorithm(OID_SHA256, null_parameters=True),
                    ),
                ),
                tlv.encode(der.context(2), der.encode_integer(32)),
            )
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
            identifier = der.sequence(der.encode_oid(OID_RSA_PSS), params)
            return identifier, key.sign(data, pss, hashes.SHA256())
        signature = key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return der.algorithm(OID_RSA_SHA256, null_parameters=True), signature

    def build_sod(self, groups: dict[int, bytes]) -> bytes:
        hashes_list = [
            der.sequence(der.encode_integer(n), der.octet_string(hashlib.sha256(c).digest()))
            for n, c in sorted(groups.items())
        ]
        lds_object = der.sequence(
            der.encode_integer(0), der.algorithm(OID_SHA256), der.sequence(*hashes_list)
        )
        attributes = [
            der.sequence(
                der.encode_oid(OID_CONTENT_TYPE),
                der.set_of(der.encode_oid(OID_LDS_SECURITY_OBJECT)),
            ),
            der.sequence(
                der.encode_oid(OID_MESSAGE_DIGEST),
                der.set_of(der.octet_string(hashlib.sha256(lds_object).digest())),
            ),
        ]
        signed_attributes = der.set_of(*attributes)
        signature_algorithm, signature = self._sign(signed_attributes)
        certificate = self.signer_certificate
        issuer_and_serial = der.sequence(
            certificate.issuer.public_bytes(), der.encode_integer(certificate.serial_number)
        )
        signer_info = der.sequence(
            der.encode_integer(1),
            issuer_and_serial,
            der.algorithm(OID_SHA256),
            # the same attributes, [0] IMPLICIT in place of the SET tag the signature covers
            tlv.encode(der.context(0), tlv.decode_one(signed_attributes)[0].value),
            signature_algorithm,
            der.octet_string(signature),
        )
        signed_data = der.sequence(
            der.encode_integer(3),
            der.set_of(der.algorithm(OID_SHA256)),
            der.sequence(
                der.encode_oid(OID_LDS_SECURITY_OBJECT),
                tlv.encode(der.context(0), der.octet_string(lds_object)),
            ),
            tlv.encode(der.context(0), certificate.public_bytes(serialization.Encoding.DER)),
            der.set_of(signer_info),
        )
        content_info = der.sequence(
            der.encode_oid(OID_SIGNED_DATA), tlv.encode(der.context(0), signed_data)
        )
        return tlv.encode(EFile.SOD.tag, content_info)


# -- the whole card -------------------------------------------------------------------------
@dataclass(frozen=True)
class CardFaults:
    """Ways a demo card can be wrong, for tests and the simulator's fault modes."""

    tampered_dg13: bool = False  # DG13 changed after signing: its hash no longer matches
    malformed_dg13: bool = False  # DG13 signed as issued, but holds no readable record
    portrait: Literal["jpeg", "jpeg2000", "none"] = "jpeg"


def build_chip_key_files(chip_key: ec.EllipticCurvePrivateKey) -> dict[EFile, bytes]:
    """DG15 (the chip's Active Authentication public key) and DG14 naming ECDSA with SHA-256."""
    spki = chip_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    info = der.sequence(
        der.encode_oid("2.23.136.1.1.5"),
        der.encode_integer(1),
        der.encode_oid(OID_ECDSA_SHA256_PLAIN),
    )
    return {
        EFile.DG14: tlv.encode(EFile.DG14.tag, tlv.encode(der.SET, info)),
        EFile.DG15: tlv.encode(EFile.DG15.tag, spki),
    }


def build_card_files(
    citizen: DemoCitizen,
    signer: DemoSigner,
    faults: CardFaults = CardFaults(),
    chip_key: ec.EllipticCurvePrivateKey | None = None,
) -> dict[EFile, bytes]:
    """The demo card's files, signed; with `chip_key`, DG14 and DG15 for Active Authentication."""
    dg13 = build_dg13(citizen)
    if faults.malformed_dg13:
        dg13 = tlv.encode(EFile.DG13.tag, der.encode_integer(1) + b"\x30\x05\x02\x01\x01\x0c\x09")
    files = {EFile.DG1: build_dg1(citizen), EFile.DG13: dg13}
    if faults.portrait != "none":
        files[EFile.DG2] = build_dg2(faults.portrait)
    if chip_key is not None:
        files.update(build_chip_key_files(chip_key))
    groups = {f.group: data for f, data in files.items()}
    files[EFile.SOD] = signer.build_sod(groups)
    if faults.tampered_dg13:
        files[EFile.DG13] = build_dg13(replace(citizen, full_name=citizen.full_name + " X"))
    order = [EFile.DG1, EFile.DG2, EFile.DG13, EFile.DG14, EFile.DG15]
    files[EFile.COM] = build_com([f for f in order if f in files])
    return files
