"""Fixtures for the provincial link: a real stand-in on 127.0.0.1 (ephemeral port), a client
signed as its kiosk, dossier bodies, and a plain retry loop that reuses the idempotency key."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from offline_queue.client import ProvincialClient, Receipt, TransientError
from offline_queue.standin.embedded import EmbeddedStandin, start_standin


@pytest.fixture
def standin(tmp_path) -> Iterator[EmbeddedStandin]:
    handle = start_standin(tmp_path / "standin.sqlite")
    yield handle
    handle.stop()


@pytest.fixture
def client(standin: EmbeddedStandin) -> Iterator[ProvincialClient]:
    # Short timeouts: the hang fault must end a test in well under a second.
    provincial = ProvincialClient(standin.client_settings(connect_timeout=1.0, read_timeout=0.5))
    yield provincial
    provincial.close()


@dataclass(frozen=True)
class Dossier:
    dossier_id: str
    code: str
    body: bytes
    digest: str


@pytest.fixture
def make_dossier() -> Callable[[int], Dossier]:
    """Dossier n: a body shaped like the kiosk's (form data, one scanned file as base64)."""

    def make(n: int, scan_bytes: int = 360) -> Dossier:
        code = f"000.00.06.H56-261123-{n:04d}"
        scan = bytes(range(256)) * max(1, scan_bytes // 256)
        document = {
            "dossier_code": code,
            "procedure_code": "1.001193",
            "applicant": {"full_name": "Nguyễn Thị Hoà", "phone": "0912345678"},
            "files": [
                {
                    "name": "don.pdf",
                    "content_type": "application/pdf",
                    "data_base64": base64.b64encode(scan).decode(),
                }
            ],
        }
        body = json.dumps(document, ensure_ascii=False).encode()
        return Dossier(f"dossier-{n:04d}", code, body, hashlib.sha256(body).hexdigest())

    return make


@dataclass
class Delivery:
    receipt: Receipt | None = None
    failures: list[TransientError] = field(default_factory=list)

    @property
    def attempts(self) -> int:
        return len(self.failures) + (1 if self.receipt else 0)


@pytest.fixture
def deliver() -> Callable[..., Delivery]:
    """Send a dossier until it is received, the same key on every attempt; no sleeping, so
    Retry-After values are recorded rather than waited for."""

    def send(client: ProvincialClient, dossier: Dossier, attempts: int = 10) -> Delivery:
        delivery = Delivery()
        for _ in range(attempts):
            try:
                delivery.receipt = client.submit_dossier(
                    dossier.dossier_id, dossier.body, dossier.digest
                )
                return delivery
            except TransientError as failure:
                delivery.failures.append(failure)
        raise AssertionError(f"not delivered in {attempts} attempts: {delivery.failures}")

    return send
