"""The kiosk's one door to the provincial one-stop system. Everything in `kiosk/` and `ui/` that
reaches the province — handing in a dossier or a rating, recording a ticket, looking a dossier
up, the heartbeat, a notice for the staff — goes through `Province`; nothing else there names
`offline_queue`.

Each hand-in stores its item in the encrypted outbox and wakes the uploader, which sends it when
the link allows. The province opens on its own thread (the link, the embedded stand-in in the
demo, the outbox's start-up sweep), so the home screen never waits for it. One "not ready yet"
policy for every caller: wait up to `READY_WAIT_S` for it to open, then `ProvinceNotReady`.
What that means is each caller's choice: a dossier or a rating tells the citizen, a lookup
answers "offline", a report (ticket record, heartbeat, notice) is logged and dropped.

Every method blocks (disk, network) except the reports, which are queued in order on the door's
own thread so a printed ticket never waits for an fsync: call the others from a worker.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hardware.device import HealthReport
from kiosk.errors import message_key_of
from kiosk.province.lookup import DossierLookup, find_dossier
from kiosk.province.notices import Notice, NoticeKind

if TYPE_CHECKING:  # loaded by open_province, on the door's own thread
    from kiosk.config import KioskConfig
    from kiosk.province.queue_status import QueueStatusCache
    from offline_queue.client import ProvincialClient
    from offline_queue.link import ProvincialLink
    from offline_queue.outbox.model import QueueCounts, Scan
    from offline_queue.outbox.retention import Wiper
    from offline_queue.outbox.store import Outbox
    from offline_queue.uploader import Uploader

log = logging.getLogger(__name__)

STARTING = "provincial.starting"  # not open yet, nothing has failed
ASSISTANCE_WAIT_S = 4.0  # how long a citizen's call for staff may wait to reach the province
ASSISTANCE_POLL_S = 0.05


@dataclass(frozen=True)
class Assistance:
    """A citizen's call for staff: the notice stored, and whether the province has it yet."""

    notice: Notice
    delivered: bool


class ProvinceNotReady(Exception):
    """The province did not open in time (still starting, or not provisioned)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        # STARTING, or the message key of what stopped it opening (a type name if it had none)
        self.problem = problem


@dataclass
class OpenProvince:
    """The parts behind the door once open. Tests and benches may reach in; kiosk code uses
    the door's methods."""

    link: ProvincialLink
    outbox: Outbox
    uploader: Uploader
    wiper: Wiper
    queue_status: QueueStatusCache

    def check_health(self) -> HealthReport:
        """Worker thread only (reads the outbox): network, queue depth, and the items a person
        must look at — quarantined, or unconfirmed by the province for too long."""
        snap = self.uploader.snapshot()
        counts = snap.counts
        alerts = self.outbox.alerts(limit=50)
        details: dict[str, Any] = {
            "network": snap.network.value,
            "waiting": counts.waiting,
            "quarantined": counts.quarantined,
            "error": snap.last_error_key,
        }
        text = (
            f"Network {snap.network.value}; {counts.waiting} waiting to send, "
            f"{counts.acked} sent awaiting confirmation, {counts.quarantined} quarantined"
        )
        notices = self.outbox.notices()
        # Translation keys with their values; the technician screen puts them into words.
        details["notices"] = [
            (notice.message_key, {"detail": notice.detail, "where": notice.where})
            for notice in notices
        ]
        if snap.storage_error_key:
            details["notices"].append((snap.storage_error_key, {}))
        # The kiosk key on the data disk is a warning to read, not a fault to fix now.
        faults = [n for n in notices if n.message_key != "outbox.key.on_data_disk"]
        ok = (
            snap.running
            and not alerts
            and not faults
            and not snap.storage_error_key
            and snap.network != "offline"
        )
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


class Province:
    """`Province(config, data, now)`: starts opening at once, on its own thread; with
    `opens_later`, once `start_opening()` is called (the kiosk calls it after the home screen's
    first frame, so the link's, the outbox's and the stand-in's imports and sweeps do not compete
    with the first paint on a two-core kiosk)."""

    READY_WAIT_S = 20.0

    def __init__(
        self,
        config: KioskConfig,
        data: Path,
        now: Callable[[], datetime],
        opener: Callable[[KioskConfig, Path], OpenProvince] | None = None,
        opens_later: bool = False,
    ) -> None:
        self._kiosk_id = config.centre.kiosk_id
        self._now = now
        self._ready = threading.Event()
        self._go = threading.Event()
        self._closing = False
        if not opens_later:
            self._go.set()
        self._open: OpenProvince | None = None
        self._reports = ThreadPoolExecutor(max_workers=1, thread_name_prefix="province-reports")
        self.problem: str | None = None
        threading.Thread(
            target=self._start,
            args=(opener or open_province, config, data),
            name="province-open",
            daemon=True,
        ).start()

    def _start(
        self, opener: Callable[[KioskConfig, Path], OpenProvince], config: KioskConfig, data: Path
    ) -> None:
        self._go.wait()
        try:
            if not self._closing:  # closed before it was told to open: nothing to open
                self._open = opener(config, data)
        except Exception as exc:
            self.problem = message_key_of(exc, type(exc).__name__)
            log.error("the province is not available: %s", exc)
        finally:
            self._ready.set()

    def start_opening(self) -> None:
        self._go.set()

    # -- the one "not ready yet" policy ---------------------------------------------------

    def opened(self, timeout: float | None = READY_WAIT_S) -> OpenProvince | None:
        """The open province, or None if it failed or is not open within `timeout`."""
        self._ready.wait(timeout)
        return self._open

    def wait_ready(self, timeout: float | None = READY_WAIT_S) -> OpenProvince:
        """The open province, or ProvinceNotReady after `timeout`."""
        opened = self.opened(timeout)
        if opened is None:
            raise ProvinceNotReady(self.problem or STARTING)
        return opened

    # -- hand-ins (blocking: call from a worker) ------------------------------------------

    def hand_in_dossier(self, code: str, data: Mapping[str, Any], scans: Sequence[Scan]) -> None:
        """Stored (fsynced) in the outbox when this returns; the outbox's own errors (disk full,
        same code with other content) reach the caller with their message keys."""
        opened = self.wait_ready()
        opened.outbox.enqueue_dossier(code, data, scans)
        opened.uploader.wake()

    def hand_in_rating(self, rating_id: str, body: Mapping[str, Any]) -> None:
        opened = self.wait_ready()
        opened.outbox.enqueue_rating(rating_id, body)
        opened.uploader.wake()

    # -- reports (queued in order; never block the caller) --------------------------------

    def record_ticket(self, record_id: str, body: Mapping[str, Any]) -> None:
        """Tell the province a number was issued (it counts people waiting). A full disk or a
        province that never opened loses the record, never the ticket."""
        self._report("ticket record", lambda o: o.outbox.enqueue_ticket_record(record_id, body))

    def send_heartbeat(self, body: Mapping[str, Any]) -> None:
        """The kiosk's latest health for the province's dashboard; an older one still waiting
        is replaced, since only the newest says anything about the kiosk now."""
        self._report("heartbeat", lambda o: o.outbox.enqueue_heartbeat(body))

    def send_notice(self, kind: NoticeKind, details: Mapping[str, str] | None = None) -> Notice:
        """A short message for the centre's staff; returns it (its id names it in the log)."""
        notice = Notice.new(kind, self._now(), self._kiosk_id, dict(details or {}))
        body = notice.body()
        self._report(
            f"notice {notice.kind}", lambda o: o.outbox.enqueue_notice(notice.notice_id, body)
        )
        return notice

    # -- a citizen asks for a member of staff (blocking: call from a worker) ---------------

    def request_assistance(self, screen: str, wait_s: float = ASSISTANCE_WAIT_S) -> Assistance:
        """Store an assistance notice (which screen; no personal data) in the outbox, then give
        the uploader up to `wait_s` to hand it to the province, so the citizen is told the truth:
        staff have it, or it is kept and goes as soon as the link is back. ProvinceNotReady and
        the outbox's own errors reach the caller (the citizen is sent to a counter)."""
        opened = self.wait_ready()
        notice = Notice.new(
            NoticeKind.ASSISTANCE_REQUESTED, self._now(), self._kiosk_id, {"screen": screen}
        )
        opened.outbox.enqueue_notice(notice.notice_id, notice.body())
        opened.uploader.wake()
        deadline = time.monotonic() + wait_s
        while True:
            item = opened.outbox.item(notice.notice_id)
            if item is not None and item.acked_at is not None:
                return Assistance(notice, delivered=True)
            failed = item is not None and item.last_error is not None
            link_waits = (opened.uploader.snapshot().retry_at or 0.0) > time.time()
            if failed or link_waits or time.monotonic() >= deadline:
                return Assistance(notice, delivered=False)  # the link is down or waiting
            time.sleep(ASSISTANCE_POLL_S)

    def _report(self, what: str, store: Callable[[OpenProvince], object]) -> None:
        self._reports.submit(self._store_report, what, store)

    def _store_report(self, what: str, store: Callable[[OpenProvince], object]) -> None:
        try:
            opened = self.wait_ready()
        except ProvinceNotReady as exc:
            log.error("%s not reported: the province is not available (%s)", what, exc.problem)
            return
        try:
            store(opened)
        except Exception:
            log.exception("%s not queued", what)
            return
        opened.uploader.wake()

    # -- lookups --------------------------------------------------------------------------

    def look_up_dossier(self, code: str) -> DossierLookup:
        """Blocking (network): what the province and this kiosk know of a dossier."""
        try:
            opened = self.wait_ready()
        except ProvinceNotReady:
            return find_dossier(code, None, None)
        client = opened.link.new_client()
        try:
            return find_dossier(code, client, opened.outbox)
        finally:
            client.close()

    def people_waiting(self, service_id: str) -> int | None:
        """From the poller's cache, never the network: None when not known lately."""
        opened = self.opened(timeout=0)
        return opened.queue_status.people_waiting(service_id) if opened else None

    # -- the technician -------------------------------------------------------------------

    def check_health(self) -> HealthReport:
        opened = self.opened(timeout=5)
        if opened is not None:
            return opened.check_health()
        if not self._ready.is_set():
            return HealthReport(False, "Still starting")
        return HealthReport(False, f"Not available: {self.problem}")

    def fleet_client(self) -> ProvincialClient:
        """A client of its own for the updater's thread: releases, their files and
        configuration bundles. Raises ProvinceNotReady; the caller closes it."""
        return self.wait_ready().link.new_client()

    def outbox_counts(self) -> QueueCounts | None:
        """Items per state and the oldest waiting item's age, for the heartbeat; None while the
        province is not open. Worker thread only (reads the outbox)."""
        opened = self.opened(timeout=0)
        return opened.outbox.counts() if opened else None

    def send_now(self) -> int:
        """Technician ("send now", after fixing the network): forget every wait and try every
        waiting item at once. Returns how many were waiting."""
        opened = self.wait_ready(timeout=5)
        waiting = opened.outbox.counts().waiting
        opened.uploader.retry_now()
        return waiting

    def requeue_refused(self) -> int:
        """Technician (after fixing what made the province refuse them): send every
        quarantined item again. Returns how many."""
        opened = self.wait_ready(timeout=5)
        requeued = sum(
            opened.outbox.requeue(alert.item_id)
            for alert in opened.outbox.alerts(limit=1000)
            if alert.kind == "quarantined"
        )
        if requeued:
            opened.uploader.wake()
        return requeued

    def close(self) -> None:
        self._closing = not self._go.is_set()
        self._go.set()
        self._reports.shutdown(wait=True)
        opened = self.opened(timeout=30)
        if opened is not None:
            opened.close()


def open_province(config: KioskConfig, data: Path) -> OpenProvince:
    """Raises the link's or the outbox's own errors (each with a `message_key`) when the kiosk
    is not provisioned; the demo configuration provisions itself."""
    from kiosk.province.queue_status import QueueStatusCache
    from offline_queue.crypto import FileKeyStore
    from offline_queue.keysealing import best_sealer
    from offline_queue.link import open_provincial_link
    from offline_queue.outbox.retention import Wiper
    from offline_queue.outbox.store import Outbox
    from offline_queue.uploader import Uploader

    link = open_provincial_link(config.provincial, config.centre.kiosk_id, data)
    try:
        keystore = FileKeyStore(config.outbox.key_path(data), sealer=best_sealer())
        outbox = Outbox.open(config.outbox, data, keystore)
    except BaseException:
        link.close()
        raise
    uploader = Uploader(outbox, link.new_client())
    wiper = Wiper(outbox)
    cache = QueueStatusCache(link.new_client())
    uploader.start()
    wiper.start()
    cache.start()
    return OpenProvince(link, outbox, uploader, wiper, cache)
