"""The files of a Vietnamese chip card for `devtools.icao_card`, laid out as ICAO 9303-10 and
public reports of real cards describe them: DG1 (TD1 MRZ, name cut at 30 characters), DG13 in
the real cards' container, DG14 (security infos naming the Active Authentication algorithm),
DG15 (the chip's public key) and EF.SOD over all of them, with EF.COM.

EF.SOD comes from `devtools.icao_issuer` (a throw-away CSCA and Document Signer, CMS written
from RFC 5652). Only the portrait image is borrowed from the demo card: a drawn face.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from devtools.icao_card import CardSecrets, integer, mrz_check, oid, tlv
from devtools.icao_issuer import Issuer
from hardware.card_reader.demo_document import build_dg2

FID_COM, FID_DG1, FID_DG2, FID_DG13, FID_DG14, FID_DG15, FID_SOD = (
    0x011E,
    0x0101,
    0x0102,
    0x010D,
    0x010E,
    0x010F,
    0x011D,
)
OID_ACTIVE_AUTH = "2.23.136.1.1.5"
OID_ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3"
OID_CA_ECDH = {"3des": "0.4.0.127.0.7.2.2.3.2.1", "aes128": "0.4.0.127.0.7.2.2.3.2.2"}
OID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
OID_PRIME_FIELD = "1.2.840.10045.1.1"


@dataclass(frozen=True)
class Holder:
    id_number: str
    full_name: str
    birth: dt.date
    sex: str  # "Nam" / "Nữ"
    issue: dt.date
    expiry: dt.date | None
    residence: str = "Thôn Đông, Xã Phú Lương, Tỉnh Thái Nguyên"
    hometown: str = "Xã Phú Lương, Tỉnh Thái Nguyên"
    father: str = "Hoàng Văn Sơn"
    mother: str = "Ma Thị Lụa"
    old_id_number: str = ""
    reference: str = "5F0C1D2E3A4B6C7D"

    @property
    def can(self) -> str:
        return self.id_number[-6:]

    @property
    def mrz_expiry(self) -> str:
        return self.expiry.strftime("%y%m%d") if self.expiry else "991231"


def mrz_letters(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(c if c.isascii() and c.isalpha() else " " for c in plain.upper())


def td1(holder: Holder) -> str:
    number = holder.id_number[-9:]
    line1 = f"IDVNM{number}{mrz_check(number)}{holder.id_number}<<{mrz_check(holder.id_number)}"
    birth = holder.birth.strftime("%y%m%d")
    sex = "F" if holder.sex == "Nữ" else "M"
    head = f"{birth}{mrz_check(birth)}{sex}{holder.mrz_expiry}{mrz_check(holder.mrz_expiry)}VNM"
    head = (head + "<" * 29)[:29]
    composite = line1[5:30] + head[0:7] + head[8:15] + head[18:29]
    surname, _, given = mrz_letters(holder.full_name).partition(" ")
    names = f"{surname}<<{'<'.join(given.split())}"
    line3 = (names + "<" * 30)[:30]  # the MRZ keeps 30 characters of a longer name
    return line1 + head + mrz_check(composite) + line3


def dg1(holder: Holder) -> bytes:
    return tlv(0x61, tlv(0x5F1F, td1(holder).encode("ascii")))


def dg13(holder: Holder) -> bytes:
    def text(value: str) -> bytes:
        return tlv(0x0C, value.encode("utf-8"))

    def item(index: int, *values: bytes) -> bytes:
        return tlv(0x30, integer(index) + b"".join(values))

    expiry = holder.expiry.strftime("%d/%m/%Y") if holder.expiry else "Không thời hạn"
    simple = [
        holder.id_number,
        holder.full_name,
        holder.birth.strftime("%d/%m/%Y"),
        holder.sex,
        "Việt Nam",
        "Tày",
        "Không",
        holder.hometown,
        holder.residence,
        "Sẹo chấm C:1cm dưới trước cằm",
        holder.issue.strftime("%d/%m/%Y"),
        expiry,
    ]
    items = [item(i, text(v)) for i, v in enumerate(simple, start=1)]
    items.append(item(13, tlv(0x30, text(holder.father)), tlv(0x30, text(holder.mother))))
    items.append(item(14, text("")))
    items.append(item(15, text(holder.old_id_number)))
    items.append(item(16, text(holder.reference)))
    body = integer(1) + oid("1.0.10646.1.0.8") + tlv(0x31, b"".join(items))
    return tlv(0x6D, tlv(0x30, body))


def explicit_brainpool_p256() -> bytes:
    """ECParameters spelled out (prime, a, b, base point, order, cofactor), as issuers write
    them in DG14 instead of naming the curve."""
    from ecdsa import curves

    c = curves.BRAINPOOLP256r1
    size = 32
    field_id = tlv(0x30, oid(OID_PRIME_FIELD) + integer(c.curve.p()))
    curve = tlv(
        0x30,
        tlv(0x04, c.curve.a().to_bytes(size, "big")) + tlv(0x04, c.curve.b().to_bytes(size, "big")),
    )
    g = c.generator
    base = tlv(0x04, b"\x04" + g.x().to_bytes(size, "big") + g.y().to_bytes(size, "big"))
    return tlv(0x30, integer(1) + field_id + curve + base + integer(c.order) + integer(1))


def dg14(ca_key: ec.EllipticCurvePrivateKey | None, ca_suite: str = "aes128") -> bytes:
    infos = tlv(0x30, oid(OID_ACTIVE_AUTH) + integer(1) + oid(OID_ECDSA_PLAIN_SHA256))
    if ca_key is not None:
        point = ca_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        algorithm = tlv(0x30, oid(OID_EC_PUBLIC_KEY) + explicit_brainpool_p256())
        spki = tlv(0x30, algorithm + tlv(0x03, b"\x00" + point))
        infos += tlv(0x30, oid(OID_CA_ECDH[ca_suite]) + integer(1))
        infos += tlv(0x30, oid(OID_PK_ECDH) + spki)
    return tlv(0x6E, tlv(0x31, infos))


def dg15(key: ec.EllipticCurvePrivateKey) -> bytes:
    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return tlv(0x6F, spki)


def com(tags: bytes) -> bytes:
    return tlv(0x60, tlv(0x5F01, b"0107") + tlv(0x5F36, b"040000") + tlv(0x5C, tags))


@dataclass
class CardContents:
    files: dict[int, bytes]
    secrets: CardSecrets
    aa_key: ec.EllipticCurvePrivateKey | None = field(default=None, repr=False)


def build(
    holder: Holder,
    signer: Issuer,
    *,
    portrait: bool = False,
    active_authentication: bool = True,
    chip_authentication: str | None = None,
    clone_of: ec.EllipticCurvePrivateKey | None = None,
) -> CardContents:
    """The files and secrets of `holder`'s card. `chip_authentication` ("aes128", "3des")
    adds a Chip Authentication key on brainpoolP256r1 to DG14. `clone_of`: the files (DG14 and
    DG15 included) of a card whose chip keys this copy does not have — it uses keys of its own."""
    genuine_key = ec.generate_private_key(ec.SECP256R1())
    genuine_ca = ec.generate_private_key(ec.BrainpoolP256R1()) if chip_authentication else None
    groups = {1: dg1(holder), 13: dg13(holder)}
    if portrait:
        groups[2] = build_dg2()
    if active_authentication:
        groups[14] = dg14(genuine_ca, chip_authentication or "aes128")
        groups[15] = dg15(genuine_key)
    fids = {1: FID_DG1, 2: FID_DG2, 13: FID_DG13, 14: FID_DG14, 15: FID_DG15}
    tags = {1: 0x61, 2: 0x75, 13: 0x6D, 14: 0x6E, 15: 0x6F}
    files = {fids[n]: data for n, data in groups.items()}
    files[FID_SOD] = signer.build_sod(groups)
    files[FID_COM] = com(bytes(tags[n] for n in sorted(groups)))
    chip_key = clone_of if clone_of is not None else genuine_key
    ca_key = genuine_ca
    if clone_of is not None and genuine_ca is not None:
        ca_key = ec.generate_private_key(ec.BrainpoolP256R1())
    secrets = CardSecrets(
        document_number=holder.id_number[-9:],
        birth=holder.birth.strftime("%y%m%d"),
        expiry=holder.mrz_expiry,
        can=holder.can,
        aa_key=chip_key if active_authentication else None,
        ca_key=ca_key if active_authentication else None,
    )
    return CardContents(files, secrets, chip_key)
