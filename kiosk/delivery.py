"""Delivery to the provincial one-stop system: opens the link (starting the embedded stand-in in
the demo configuration), the encrypted outbox with its uploader and wiper, and feeds them what
the kiosk must report — ticket records now, dossiers and ratings as journeys produce them.

Everything that touches the network or the disk runs on the outbox's own threads or the
caller's worker; `people_waiting` answers from a cache a poller keeps fresh, so printing a
ticket never waits for the network.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.device import HealthReport
from kiosk.config import KioskConfig
from kiosk.tickets.service import TicketOutcome

if TYPE_CHECKING:  # loaded by open_delivery, on the delivery's own thread
    from offline_queue.client import ProvincialClient
    from offline_queue.link import ProvincialLink
    from offline_queue.outbox.retention import Wiper
    from offline_queue.outbox.store import Outbox
    from offline_queue.uploader import Uploader

log = logging.getLogger(__name__)

QUEUE_STATUS_EVERY_S = 30.0
QUEUE_STATUS_FRESH_S = 120.0


@dataclass
class QueueStatusCache:
    """People waiting per service as last heard from the province, with when."""

    client: ProvincialClient
    waiting: dict[str, int] = field(default_factory=dict)
    heard_at: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        threading.Thread(target=self._run, name="queue-status", daemon=True).start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.waiting = self.client.queue_status()
                self.heard_at = time.monotonic()
            except Exception as exc:  # offline: the ticket simply goes without the count
                log.info("queue status unavailable: %s", type(exc).__name__)
            self._stop.wait(QUEUE_STATUS_EVERY_S)

    def people_waiting(self, service_id: str) -> int | None:
        if time.monotonic() - self.heard_at > QUEUE_STATUS_FRESH_S:
            return None
        return self.waiting.get(service_id)

    def stop(self) -> None:
        self._stop.set()


@dataclass
class Delivery:
    link: ProvincialLink
    outbox: Outbox
    uploader: Uploader
    wiper: Wiper
    queue_status: QueueStatusCache

    def record_ticket(self, outcome: TicketOutcome) -> None:
        """Tell the province a number was issued (it counts people waiting). Runs on the worker
        that issued the ticket; a full disk loses the record, never the ticket."""
        number = outcome.ticket.number
        record = {
            "service_id": number.service_id,
            "number": number.sequence,
            "label": number.label,
            "event": "issued",
            "priority": number.priority or "",
            "at": number.issued_at.isoformat(),
            "printed": outcome.printed,
        }
        try:
            self.outbox.enqueue_ticket_record(f"ticket-{number.ticket_id}", record)
        except Exception:
            log.exception("ticket record for %s not queued", number.label)
            return
        self.uploader.wake()

    def check_health(self) -> HealthReport:
        """Worker thread only (reads the outbox): network, queue depth, and the items a person
        must look at — quarantined, or unconfirmed by the province for too long."""
        snap = self.uploader.snapshot()
        counts = snap.counts
        alerts = self.outbox.alerts(limit=50)
        details = {
            "network": snap.network.value,
            "waiting": counts.waiting,
            "quarantined": counts.quarantined,
            "error": snap.last_error_key,
        }
        text = (
            f"Network {snap.network.value}; {counts.waiting} waiting to send, "
            f"{counts.acked} sent awaiting confirmation, {counts.quarantined} quarantined"
        )
        ok = snap.running and not alerts and snap.network != "offline"
        if alerts:
            kinds = sorted({alert.kind for alert in alerts})
            text += f"; {len(alerts)} item(s) need attention ({', '.join(kinds)})"
            details["alerts"] = [(alert.kind, alert.item_id) for alert in alerts]
        return HealthReport(ok, text, details)

    def close(self) -> None:
        self.queue_status.stop()
        self.uploader.stop(timeout=5)
        self.wiper.stop()
        self.outbox.close()
        self.link.close()


class BackgroundDelivery:
    """Opens delivery on its own thread so the home screen never waits for the network stack,
    the stand-in or the outbox's start-up sweep. Ticket records wait (on the issuing worker) for
    it to be ready; a kiosk whose link cannot open still issues tickets, and says so."""

    READY_WAIT_S = 20.0

    def __init__(self, config: KioskConfig, data: Path) -> None:
        self._ready = threading.Event()
        self._delivery: Delivery | None = None
        self._records = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ticket-records")
        self.problem: str | None = None
        threading.Thread(
            target=self._open, args=(config, data), name="delivery-start", daemon=True
        ).start()

    def _open(self, config: KioskConfig, data: Path) -> None:
        try:
            self._delivery = open_delivery(config, data)
        except Exception as exc:
            self.problem = getattr(exc, "message_key", None) or type(exc).__name__
            log.error("delivery to the province is not available: %s", exc)
        finally:
            self._ready.set()

    def get(self, timeout: float | None = READY_WAIT_S) -> Delivery | None:
        """The open delivery, or None if it failed or is not ready within `timeout`."""
        self._ready.wait(timeout)
        return self._delivery

    def record_ticket(self, outcome: TicketOutcome) -> None:
        """Queued in order on the records thread: the citizen's number never waits for the
        outbox's fsync."""
        self._records.submit(self._record_ticket, outcome)

    def _record_ticket(self, outcome: TicketOutcome) -> None:
        delivery = self.get()
        if delivery is None:
            log.error("ticket %s not reported: no delivery", outcome.ticket.number.label)
            return
        delivery.record_ticket(outcome)

    def people_waiting(self, service_id: str) -> int | None:
        delivery = self.get(timeout=0)
        return delivery.queue_status.people_waiting(service_id) if delivery else None

    def check_health(self) -> HealthReport:
        delivery = self.get(timeout=5)
        if delivery is not None:
            return delivery.check_health()
        if not self._ready.is_set():
            return HealthReport(False, "Still starting")
        return HealthReport(False, f"Not available: {self.problem}")

    def close(self) -> None:
        self._records.shutdown(wait=True)
        delivery = self.get(timeout=30)
        if delivery is not None:
            delivery.close()


def open_delivery(config: KioskConfig, data: Path) -> Delivery:
    """Raises the link's or the outbox's own errors (each with a `message_key`) when the kiosk
    is not provisioned; the demo configuration provisions itself."""
    from offline_queue.crypto import FileKeyStore
    from offline_queue.link import open_provincial_link
    from offline_queue.outbox.retention import Wiper
    from offline_queue.outbox.store import Outbox
    from offline_queue.uploader import Uploader

    link = open_provincial_link(config.provincial, config.centre.kiosk_id, data)
    try:
        outbox = Outbox.open(config.outbox, data, FileKeyStore(config.outbox.key_path(data)))
    except BaseException:
        link.close()
        raise
    uploader = Uploader(outbox, link.new_client())
    wiper = Wiper(outbox)
    cache = QueueStatusCache(link.new_client())
    uploader.start()
    wiper.start()
    cache.start()
    return Delivery(link, outbox, uploader, wiper, cache)
