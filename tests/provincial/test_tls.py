"""TLS on the link: the client verifies the province's certificate, and can show its own when the
province asks for one. Certificates are made here with `cryptography`."""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from offline_queue.client import ProvincialClient, TransientError, TransientFailure
from offline_queue.standin.embedded import start_standin
from offline_queue.standin.server import server_tls_context


def _issue(
    subject: str,
    issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None,
    *,
    ca: bool = False,
    server: bool = False,
):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    issuer_name, issuer_key = issuer or (name, key)
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    elif not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
        )
    return name, key, builder.sign(issuer_key, hashes.SHA256())


def _write(folder: Path, stem: str, key, cert) -> tuple[str, str]:
    cert_path, key_path = folder / f"{stem}.crt", folder / f"{stem}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> dict[str, tuple[str, str]]:
    folder = tmp_path_factory.mktemp("pki")
    ca_name, ca_key, ca_cert = _issue("Test province CA", None, ca=True)
    files = {"ca": _write(folder, "ca", ca_key, ca_cert)}
    _, server_key, server_cert = _issue("127.0.0.1", (ca_name, ca_key), server=True)
    files["server"] = _write(folder, "server", server_key, server_cert)
    _, kiosk_key, kiosk_cert = _issue("kiosk-01", (ca_name, ca_key))
    files["kiosk"] = _write(folder, "kiosk", kiosk_key, kiosk_cert)
    return files


@pytest.fixture
def tls_standin(tmp_path, pki):
    cert, key = pki["server"]
    standin = start_standin(
        tmp_path / "tls.sqlite", tls=server_tls_context(cert, key, client_ca_file=pki["ca"][0])
    )
    yield standin
    standin.stop()


def test_an_unknown_certificate_authority_is_refused(tls_standin, pki):
    client = ProvincialClient(tls_standin.client_settings(client_cert=pki["kiosk"]))

    with pytest.raises(TransientError) as failure:
        client.queue_status()

    assert failure.value.reason == TransientFailure.TLS


def test_the_province_ca_and_the_kiosk_certificate_open_the_link(tls_standin, pki):
    client = ProvincialClient(
        tls_standin.client_settings(verify=pki["ca"][0], client_cert=pki["kiosk"])
    )

    assert tls_standin.url.startswith("https://127.0.0.1:")
    assert client.queue_status() == {}


def test_without_a_kiosk_certificate_the_province_closes_the_door(tls_standin, pki):
    client = ProvincialClient(tls_standin.client_settings(verify=pki["ca"][0]))

    with pytest.raises(TransientError) as failure:
        client.queue_status()

    assert failure.value.reason in (TransientFailure.TLS, TransientFailure.CONNECTION)
