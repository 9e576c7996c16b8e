"""Settings of the link to the provincial system as the configuration file states them
(section `[provincial]`). Paths are relative to the kiosk's data folder unless absolute.

The kiosk's signing secret is never here: only the path of its file (see kiosk_secret.py).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

if TYPE_CHECKING:  # the client brings requests; reading settings at start-up must not
    from offline_queue.client import ClientSettings


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ProvincialSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # The province's kiosk API (the part before /v1). Ignored while embedded_standin is on.
    base_url: str = "https://province.example.gov.vn/kiosk-api"
    # File holding this kiosk's hex secret, mode 0600; the province holds the same secret.
    secret_file: str = "keys/provincial.secret"
    connect_timeout_seconds: float = Field(3.0, gt=0, le=60)
    read_timeout_seconds: float = Field(10.0, gt=0, le=300)
    # The whole exchange, including a reply that arrives byte by byte.
    total_timeout_seconds: float = Field(60.0, gt=0, le=3600)
    max_response_bytes: int = Field(1_000_000, ge=1024, le=100_000_000)
    # "" = the system's trusted certificates; else a CA bundle file for the province's server.
    ca_bundle: str = ""
    # A client certificate and key, when the province authenticates kiosks by certificate.
    client_cert_file: str = ""
    client_key_file: str = ""
    proxy: str = ""
    # Demo: run a stand-in province inside the kiosk on 127.0.0.1 and talk to it.
    embedded_standin: bool = True
    standin_db: str = "standin/province.sqlite"
    # Simulated seconds per real second at the stand-in, so demo timelines visibly move.
    standin_speed: float = Field(600.0, gt=0, le=1_000_000)

    @field_validator("base_url")
    @classmethod
    def _https_unless_loopback(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL such as https://province.example/kiosk-api")
        if parts.scheme == "http" and not _is_loopback(parts.hostname):
            raise ValueError("must use https: dossiers never travel unencrypted")
        return value

    @model_validator(mode="after")
    def _certificate_pair(self) -> ProvincialSettings:
        if bool(self.client_cert_file) != bool(self.client_key_file):
            raise ValueError("client_cert_file and client_key_file go together")
        return self

    def secret_path(self, data_dir: Path) -> Path:
        return data_dir / self.secret_file

    def standin_db_path(self, data_dir: Path) -> Path:
        return data_dir / self.standin_db

    def client_settings(
        self, kiosk_id: str, secret: bytes, data_dir: Path, base_url: str | None = None
    ) -> ClientSettings:
        """Settings for ProvincialClient; `base_url` overrides (the embedded stand-in's URL)."""
        from offline_queue.client import ClientSettings

        cert = None
        if self.client_cert_file:
            cert = (str(data_dir / self.client_cert_file), str(data_dir / self.client_key_file))
        return ClientSettings(
            base_url=base_url or self.base_url,
            kiosk_id=kiosk_id,
            secret=secret,
            connect_timeout=self.connect_timeout_seconds,
            read_timeout=self.read_timeout_seconds,
            total_timeout=self.total_timeout_seconds,
            verify=str(data_dir / self.ca_bundle) if self.ca_bundle else True,
            client_cert=cert,
            max_response_bytes=self.max_response_bytes,
            proxy=self.proxy or None,
        )
