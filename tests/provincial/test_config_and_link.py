"""The `[provincial]` section, the kiosk secret file and opening the link as configured."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from offline_queue.config import ProvincialSettings
from offline_queue.kiosk_secret import (
    KioskSecretError,
    create_kiosk_secret,
    load_or_create_kiosk_secret,
    read_kiosk_secret,
)
from offline_queue.link import open_provincial_link


def test_the_default_section_is_the_demo_with_an_embedded_stand_in():
    from kiosk.config import load_config

    settings = load_config().provincial

    assert settings.embedded_standin is True
    assert settings.base_url.startswith("https://")
    assert "secret" not in settings.model_dump(exclude={"secret_file"})


@pytest.mark.parametrize(
    "url", ["http://province.example.gov.vn/api", "ftp://127.0.0.1/", "province.example.gov.vn"]
)
def test_dossiers_never_travel_unencrypted_beyond_this_machine(url):
    with pytest.raises(ValidationError, match="base_url"):
        ProvincialSettings(base_url=url)


def test_plain_http_is_allowed_on_loopback_and_settings_carry_over(tmp_path):
    settings = ProvincialSettings(
        base_url="http://127.0.0.1:8765",
        read_timeout_seconds=4,
        ca_bundle="ca.pem",
        client_cert_file="k.crt",
        client_key_file="k.key",
    )

    client_settings = settings.client_settings("kiosk-07", b"k" * 32, tmp_path)

    assert client_settings.base_url == "http://127.0.0.1:8765"
    assert client_settings.read_timeout == 4
    assert client_settings.verify == str(tmp_path / "ca.pem")
    assert client_settings.client_cert == (str(tmp_path / "k.crt"), str(tmp_path / "k.key"))
    assert "kkkk" not in repr(client_settings)


def test_a_certificate_needs_its_key():
    with pytest.raises(ValidationError, match="go together"):
        ProvincialSettings(client_cert_file="k.crt")


def test_the_secret_file_is_private_and_checked(tmp_path):
    path = tmp_path / "keys" / "provincial.secret"

    secret = create_kiosk_secret(path)

    assert os.stat(path).st_mode & 0o777 == 0o600
    assert read_kiosk_secret(path) == secret
    assert load_or_create_kiosk_secret(path) == secret
    with pytest.raises(KioskSecretError, match="already there"):
        create_kiosk_secret(path)
    path.chmod(0o644)
    with pytest.raises(KioskSecretError, match="chmod 600"):
        read_kiosk_secret(path)
    path.chmod(0o600)
    path.write_text("not hex at all\n")
    with pytest.raises(KioskSecretError, match="hex"):
        read_kiosk_secret(path)
    with pytest.raises(KioskSecretError, match="cannot read"):
        read_kiosk_secret(tmp_path / "missing")


def test_the_demo_link_starts_its_own_stand_in(tmp_path):
    link = open_provincial_link(ProvincialSettings(), "kiosk-01", tmp_path)
    try:
        client = link.new_client()
        client.heartbeat(b'{"queue_depth": 0}')

        assert link.client_settings.base_url.startswith("http://127.0.0.1:")
        assert link.standin.store.heartbeats("kiosk-01") == 1
        assert (tmp_path / "standin" / "province.sqlite").exists()
        assert (
            read_kiosk_secret(tmp_path / "keys" / "provincial.secret")
            == link.client_settings.secret
        )
    finally:
        link.close()


def test_a_real_province_needs_a_provisioned_secret(tmp_path):
    settings = ProvincialSettings(embedded_standin=False)

    with pytest.raises(KioskSecretError, match=r"provincial\.secret"):
        open_provincial_link(settings, "kiosk-01", tmp_path)

    create_kiosk_secret(settings.secret_path(tmp_path))
    link = open_provincial_link(settings, "kiosk-01", tmp_path)
    assert link.standin is None
    assert link.client_settings.base_url == settings.base_url
