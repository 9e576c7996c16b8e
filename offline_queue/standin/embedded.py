"""Start a stand-in province inside this process: for the kiosk's demo configuration and for
tests (the uploader's tests reuse it), on 127.0.0.1 and an ephemeral port by default."""

from __future__ import annotations

import secrets as random_secrets
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from offline_queue.client import ClientSettings
from offline_queue.standin.server import ProvincialStandin

DEMO_KIOSK_ID = "kiosk-01"


class EmbeddedStandin(ProvincialStandin):
    """A running stand-in (`.url`, `.faults`, `.clock`, `.store`, `.stop()`) that can also
    hand out client settings for the kiosks it knows."""

    def client_settings(self, kiosk_id: str = DEMO_KIOSK_ID, **overrides: Any) -> ClientSettings:
        settings = ClientSettings(
            base_url=self.url, kiosk_id=kiosk_id, secret=self.province.secrets[kiosk_id]
        )
        return replace(settings, **overrides)


def start_standin(
    db_path: Path | str, port: int = 0, secrets: Mapping[str, bytes] | None = None, **options: Any
) -> EmbeddedStandin:
    """Serve from a daemon thread until `.stop()`. Without `secrets`, knows one kiosk,
    `kiosk-01`, with a fresh random secret. `options` go to ProvincialStandin (clock,
    ticket_block, confirm_after, tls, host)."""
    known = dict(secrets) if secrets else {DEMO_KIOSK_ID: random_secrets.token_bytes(32)}
    standin = EmbeddedStandin(db_path, known, port=port, **options)
    standin.start()
    return standin
