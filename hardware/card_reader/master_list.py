"""ICAO master lists (9303-12 §9): a CMS SignedData whose content is
`CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }`. The kiosk takes
the CSCA certificates out of it; each Document Signer is still checked against them."""

from __future__ import annotations

from cryptography import x509

from hardware.card_reader import der, tlv

OID_CSCA_MASTER_LIST = "2.23.136.1.1.2"


class MasterListError(ValueError):
    """The file is not an ICAO CSCA master list."""


def csca_certificates(data: bytes) -> list[x509.Certificate]:
    try:
        content_info, _ = tlv.decode_one(data)
        wrapped = content_info.children()[1]
        signed_data = wrapped.children()[0]
        encap = signed_data.children()[2]
        oid, econtent = encap.children()[:2]
        if der.decode_oid(oid.value) != OID_CSCA_MASTER_LIST:
            raise MasterListError("signed content is not a CSCA master list")
        master_list, _ = tlv.decode_one(econtent.children()[0].value)
        cert_list = master_list.children()[1]
    except (tlv.TlvError, IndexError) as exc:
        raise MasterListError(f"not a master list: {exc}") from exc
    certificates = []
    for node in cert_list.children():
        try:
            certificates.append(x509.load_der_x509_certificate(node.raw))
        except ValueError:
            continue  # one unreadable entry does not void the others
    return certificates
