"""EF.SOD passive authentication (hashes, signature, CSCA chain — honestly reported) and the
other LDS files: EF.COM, DG1 and the DG2 portrait in JPEG and JPEG 2000."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from PIL import Image

from hardware.card_reader import der, tlv
from hardware.card_reader.demo_document import (
    CardFaults,
    DemoCitizen,
    DemoSigner,
    build_card_files,
    build_dg2,
)
from hardware.card_reader.lds import EFile, ImageFormat, LdsError, parse_dg1, parse_dg2
from hardware.card_reader.sod import (
    ChainStatus,
    SodError,
    TrustList,
    parse_sod,
    passive_authentication,
)


def _groups(files: dict[EFile, bytes]) -> dict[int, bytes]:
    return {f.group: data for f, data in files.items() if f.group}


@pytest.mark.parametrize("algorithm", ["ecdsa", "rsa", "rsa-pss"])
def test_signed_card_verifies_up_to_the_csca(citizen: DemoCitizen, algorithm: str) -> None:
    signer = DemoSigner.generate(algorithm)  # type: ignore[arg-type]
    files = build_card_files(citizen, signer)
    sod = parse_sod(files[EFile.SOD])
    result = passive_authentication(sod, _groups(files), TrustList([signer.csca_certificate]))
    assert result.matched_groups == (1, 2, 13)
    assert result.signature_valid and result.data_intact
    assert result.chain is ChainStatus.VERIFIED and result.authentic


def test_without_a_trust_list_the_chain_is_reported_unchecked(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    files = build_card_files(citizen, signer)
    result = passive_authentication(parse_sod(files[EFile.SOD]), _groups(files), TrustList())
    assert result.data_intact
    assert result.chain is ChainStatus.NO_TRUST_LIST
    assert not result.authentic


def test_a_foreign_csca_does_not_vouch_for_the_signer(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    files = build_card_files(citizen, signer)
    stranger = DemoSigner.generate("ecdsa").csca_certificate
    result = passive_authentication(
        parse_sod(files[EFile.SOD]), _groups(files), TrustList([stranger])
    )
    assert result.chain is ChainStatus.ISSUER_NOT_TRUSTED


def test_trust_list_loads_pem_and_der_files_and_skips_junk(
    tmp_path: Path, signer: DemoSigner
) -> None:
    from cryptography.hazmat.primitives import serialization

    (tmp_path / "a.pem").write_bytes(signer.csca_pem())
    (tmp_path / "b.cer").write_bytes(
        signer.csca_certificate.public_bytes(serialization.Encoding.DER)
    )
    (tmp_path / "junk.crt").write_bytes(b"not a certificate")
    (tmp_path / "notes.txt").write_text("ignored")
    assert len(TrustList.from_folder(tmp_path).certificates) == 2
    assert TrustList.from_folder(tmp_path / "missing").certificates == []


def test_tampered_data_group_is_caught(citizen: DemoCitizen, signer: DemoSigner) -> None:
    files = build_card_files(citizen, signer, CardFaults(tampered_dg13=True))
    result = passive_authentication(
        parse_sod(files[EFile.SOD]), _groups(files), TrustList([signer.csca_certificate])
    )
    assert result.mismatched_groups == (13,)
    assert not result.data_intact


def test_forged_signature_is_caught(citizen: DemoCitizen, signer: DemoSigner) -> None:
    files = build_card_files(citizen, signer)
    sod = bytearray(files[EFile.SOD])
    sod[-5] ^= 0x01  # inside the signature value, the last field of the SOD
    result = passive_authentication(parse_sod(bytes(sod)), _groups(files), TrustList())
    assert not result.signature_valid
    assert result.chain is ChainStatus.NOT_CHECKED
    assert not result.data_intact


def test_data_group_missing_from_the_sod_is_not_trusted(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    files = build_card_files(citizen, signer)
    groups = _groups(files) | {14: b"\x6e\x00"}
    result = passive_authentication(parse_sod(files[EFile.SOD]), groups, TrustList())
    assert result.unlisted_groups == (14,) and not result.data_intact


@pytest.mark.parametrize("raw", [b"\x77\x03\x30\x01\x00", b"\x77\x00", b"\x60\x00", b"\x77"])
def test_malformed_sod_is_an_error(raw: bytes) -> None:
    with pytest.raises(LdsError):
        parse_sod(raw)
    assert issubclass(SodError, LdsError)


def test_dg1(citizen: DemoCitizen, signer: DemoSigner) -> None:
    files = build_card_files(citizen, signer)
    mrz = parse_dg1(files[EFile.DG1])
    assert mrz.id_number == citizen.id_number and mrz.name == "TRAN THI THU HA"


@pytest.mark.parametrize(
    ("kind", "expected"), [("jpeg", ImageFormat.JPEG), ("jpeg2000", ImageFormat.JPEG2000)]
)
def test_portrait_is_found_and_decodes(kind: str, expected: ImageFormat) -> None:
    import io

    portrait = parse_dg2(build_dg2(kind))  # type: ignore[arg-type]
    assert portrait.format is expected
    assert (portrait.width, portrait.height) == (240, 320)
    with Image.open(io.BytesIO(portrait.data)) as image:
        assert image.size == (240, 320)


def test_portrait_that_is_not_an_image_is_refused() -> None:
    record = b"FAC\x00010\x00" + bytes(6) + bytes(32) + b"GIF89a"
    dg2 = tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x7F60, tlv.encode(0x5F2E, record))))
    with pytest.raises(LdsError):
        parse_dg2(dg2)


def _master_list(*certificates: bytes) -> bytes:
    """An ICAO CSCA master list (9303-12 §9) shaped from the standard: ContentInfo → SignedData
    → encapsulated CscaMasterList { version 0, SET OF Certificate }. Signer infos are left empty:
    the kiosk takes the certificates, each Document Signer is still checked against them."""

    def node(tag: int, *parts: bytes) -> bytes:
        return tlv.encode(tag, b"".join(parts))

    master = node(der.SEQUENCE, der.encode_integer(0), node(der.SET, *certificates))
    encapsulated = node(
        der.SEQUENCE,
        der.encode_oid("2.23.136.1.1.2"),
        node(0xA0, der.octet_string(master)),
    )
    signed = node(
        der.SEQUENCE,
        der.encode_integer(3),
        node(der.SET, der.algorithm("2.16.840.1.101.3.4.2.1")),
        encapsulated,
        node(der.SET),
    )
    return node(der.SEQUENCE, der.encode_oid("1.2.840.113549.1.7.2"), node(0xA0, signed))


def test_trust_list_from_an_icao_master_list(
    citizen: DemoCitizen, signer: DemoSigner, tmp_path: Path
) -> None:
    stranger = DemoSigner.generate().csca_certificate
    encoded = [
        c.public_bytes(serialization.Encoding.DER) for c in (stranger, signer.csca_certificate)
    ]
    path = tmp_path / "VN_MasterList.ml"
    path.write_bytes(_master_list(*encoded))
    trust = TrustList.from_path(path)
    assert len(trust.certificates) == 2
    files = build_card_files(citizen, signer)
    result = passive_authentication(parse_sod(files[EFile.SOD]), _groups(files), trust)
    assert result.chain is ChainStatus.VERIFIED
    # a master list inside the CSCA folder counts too; a file that is none is skipped
    (tmp_path / "junk.ml").write_bytes(b"\x30\x03\x02\x01\x00")
    assert len(TrustList.from_path(tmp_path).certificates) == 2
    assert TrustList.from_path(tmp_path / "junk.ml").certificates == []
