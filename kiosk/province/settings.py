"""The `[provincial]` and `[outbox]` settings, as the kiosk's configuration reads them. Through
the door too, so nothing in `kiosk/` but this package names `offline_queue`."""

from offline_queue.config import ProvincialSettings
from offline_queue.outbox.config import OutboxSettings

__all__ = ["OutboxSettings", "ProvincialSettings"]
