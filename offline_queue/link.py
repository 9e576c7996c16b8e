"""Opens the kiosk's link to the province as configured: reads the kiosk secret and, in the
demo configuration, starts the embedded stand-in province on 127.0.0.1 first. The stand-in's
code is imported only then: a kiosk linked to the real province never loads it.

    link = open_provincial_link(config.provincial, config.centre.kiosk_id, data_dir())
    client = link.new_client()          # one per worker thread
    ...
    link.close()                        # at shutdown: stops the embedded stand-in
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from offline_queue.client import ClientSettings, ProvincialClient
from offline_queue.config import ProvincialSettings
from offline_queue.kiosk_secret import load_or_create_kiosk_secret, read_kiosk_secret

if TYPE_CHECKING:  # imported only when the embedded stand-in is switched on
    from offline_queue.standin.embedded import EmbeddedStandin

log = logging.getLogger(__name__)


@dataclass
class ProvincialLink:
    client_settings: ClientSettings
    standin: EmbeddedStandin | None = None

    def new_client(self) -> ProvincialClient:
        return ProvincialClient(self.client_settings)

    def close(self) -> None:
        if self.standin is not None:
            self.standin.stop()
            self.standin = None


def open_provincial_link(
    settings: ProvincialSettings, kiosk_id: str, data_dir: Path
) -> ProvincialLink:
    """Raises KioskSecretError (with the file named) when a real province is configured and
    the secret file is missing or unusable; the demo creates its own secret."""
    secret_path = settings.secret_path(data_dir)
    if not settings.embedded_standin:
        secret = read_kiosk_secret(secret_path)
        return ProvincialLink(settings.client_settings(kiosk_id, secret, data_dir))
    from offline_queue.standin.clock import SimulatedClock
    from offline_queue.standin.embedded import start_standin

    secret = load_or_create_kiosk_secret(secret_path)
    db_path = settings.standin_db_path(data_dir)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    standin = start_standin(
        db_path, secrets={kiosk_id: secret}, clock=SimulatedClock(speed=settings.standin_speed)
    )
    log.warning("DEMO: dossiers go to the embedded stand-in on %s, not to a province", standin.url)
    client_settings = settings.client_settings(kiosk_id, secret, data_dir, base_url=standin.url)
    return ProvincialLink(client_settings, standin)
