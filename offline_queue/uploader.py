"""Hands the outbox's items to the province in the background, one at a time, for as long as
it takes.

Each item keeps its own idempotency key (its id) and its own backoff, so one item the province
refuses or chokes on never holds up the rest; a refusal (4xx) sets the item aside in quarantine
with its data, never retried by itself. Failures of the link as a whole (network down, 5xx, 429)
also slow the whole uploader down, so a thousand queued items do not hammer a province that is
struggling. The UI reads a snapshot that never touches the disk or the network.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from offline_queue.client import (
    RETRY_AFTER_CEILING,
    AuthenticationError,
    PermanentError,
    Receipt,
    TransientError,
    TransientFailure,
)
from offline_queue.outbox import ItemCorruptedError, ItemKind, Lease, Outbox, QueueCounts
from offline_queue.outbox.trouble import Trouble

log = logging.getLogger(__name__)

# How often an idle or waiting uploader looks at the queue when nobody wakes it.
IDLE_POLL_SECONDS = 1.0
# How often the snapshot's queue counts are refreshed while items flow.
COUNTS_REFRESH_SECONDS = 0.5
# Received items asked about per confirmation request.
CONFIRM_PAGE = 500
_OFFLINE_FAILURES = (TransientFailure.CONNECTION, TransientFailure.TIMEOUT, TransientFailure.TLS)


def _network_state(exc: TransientError) -> NetworkState:
    return NetworkState.OFFLINE if exc.reason in _OFFLINE_FAILURES else NetworkState.DEGRADED


class ProvincialLink(Protocol):
    """The part of `offline_queue.client.ProvincialClient` the uploader uses."""

    def submit_dossier(self, dossier_id: str, body: bytes, digest: str) -> Receipt: ...

    def submit_rating(self, rating_id: str, body: bytes) -> Receipt: ...

    def submit_ticket_record(self, record_id: str, body: bytes) -> Receipt: ...

    def submit_notice(self, notice_id: str, body: bytes) -> Receipt: ...

    def heartbeat(self, body: bytes) -> None: ...

    def confirmations(self, item_ids: list[str]) -> dict[str, str]: ...


class NetworkState(StrEnum):
    UNKNOWN = "unknown"  # nothing tried yet
    ONLINE = "online"  # the last exchange worked
    DEGRADED = "degraded"  # the province answers, but with errors (5xx, 429, bad replies)
    OFFLINE = "offline"  # no connection, timeout or TLS failure
    REFUSED = "refused"  # the province does not accept this kiosk (401/403)


@dataclass(frozen=True)
class UploaderSnapshot:
    """For the status bar and the technician screen; `error_key` is a translation key."""

    running: bool
    network: NetworkState
    counts: QueueCounts
    last_success_at: float | None = None
    last_error_key: str | None = None
    # Wall-clock time before which the whole link waits after failures (None: not waiting).
    retry_at: float | None = None
    # Translation key while the outbox's own storage fails (disk full, I/O error), else None.
    storage_error_key: str | None = None


class Backoff:
    """Full-jitter exponential backoff: one random wait in [0, min(cap, base · 2^(n−1))], so many
    kiosks coming back online at once do not retry in step (mean: half the ceiling)."""

    def __init__(self, base_s: float, cap_s: float, rng: random.Random | None = None) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self._rng = rng or random.Random()

    def delay(self, failures: int) -> float:
        ceiling = min(self.cap_s, self.base_s * 2 ** min(max(failures - 1, 0), 32))
        return self._rng.uniform(0.0, ceiling)

    def after(self, failures: int, retry_after: float | None) -> float:
        """The server's Retry-After when it gave one, up to the contract's limit of an hour
        (the cap bounds our own guesses, not the province's request), else a jittered
        backoff."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), RETRY_AFTER_CEILING)
        return self.delay(failures)


class Uploader:
    """`Uploader(outbox, client).start()`; `stop()` waits for the item in flight. The client
    is used from the uploader's thread only."""

    def __init__(
        self,
        outbox: Outbox,
        client: ProvincialLink,
        *,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        settings = outbox.settings
        self._outbox = outbox
        self._client = client
        self._clock = clock
        self._backoff = Backoff(settings.backoff_base_seconds, settings.backoff_cap_seconds, rng)
        self._confirm_every = settings.confirm_interval_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._link_failures = 0
        self._link_wait_until = 0.0
        self._next_confirm_at = 0.0
        self._confirm_after = ""
        self._counts_at = 0.0
        self._trouble = Trouble("the outbox uploader", log)
        self._snapshot_lock = threading.Lock()
        self._snapshot = UploaderSnapshot(False, NetworkState.UNKNOWN, outbox.counts())

    # -- life -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-uploader", daemon=True)
        self._thread.start()
        self._update(running=True)

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop after the current exchange; False if it was still running after `timeout`.
        An item cut off mid-send keeps its lease and is sent again after it expires."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                return False
        self._update(running=False)
        return True

    def wake(self) -> None:
        """Look at the queue now (after an enqueue) rather than at the next poll."""
        self._wake.set()

    def retry_now(self) -> None:
        """Technician ("send now", e.g. after fixing the network): forget every wait and try
        at once. Single writes of floats and ints, so safe from another thread."""
        self._outbox.make_all_due()
        self._link_failures = 0
        self._link_wait_until = 0.0
        self._update(retry_at=None)
        self._wake.set()

    def snapshot(self) -> UploaderSnapshot:
        with self._snapshot_lock:
            return self._snapshot

    # -- work -----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            # Cleared before looking, so a wake() during the step is not lost.
            self._wake.clear()
            try:
                worked = self.run_once()
            except Exception as exc:  # the uploader outlives any failure, without spinning
                wait = self._trouble.failed(exc)
                self._update(storage_error_key=self._trouble.message_key)
                self._stop.wait(wait)
                continue
            if self._trouble.failures:
                self._trouble.recovered()
                self._update(storage_error_key=None)
            if not worked:
                self._sleep()

    def run_once(self) -> bool:
        """Send one due item and, when due, ask which acknowledged items are processed.
        Returns whether there was anything to do. Tests call this directly."""
        now_mono = time.monotonic()
        worked = False
        if now_mono >= self._link_wait_until:
            worked = self._send_next()
            if self._clock() >= self._next_confirm_at:
                worked = self._confirm() or worked
        # Kept fresh while the link waits too: the queue grows while the network is down.
        if not worked or now_mono - self._counts_at >= COUNTS_REFRESH_SECONDS:
            self._counts_at = now_mono
            self._update(counts=self._outbox.counts())
        return worked

    def _sleep(self) -> None:
        """Until the link may try again or the next item is due, but at most a poll interval,
        so the snapshot's queue counts stay fresh."""
        wait = IDLE_POLL_SECONDS
        link_wait = self._link_wait_until - time.monotonic()
        if link_wait > 0:
            wait = min(wait, link_wait)
        else:
            due = self._outbox.next_due_at()
            if due is not None:
                wait = min(wait, max(due - self._clock(), 0.0))
        if wait > 0:
            self._wake.wait(wait)

    def _send_next(self) -> bool:
        lease = self._outbox.claim_next()
        if lease is None:
            return False
        try:
            body = self._outbox.load_body(lease)
        except ItemCorruptedError as exc:
            self._outbox.quarantine(lease.item_id, f"corrupted: {exc.detail}")
            return True
        try:
            receipt_id = self._deliver(lease, body)
        except AuthenticationError as exc:
            # About the kiosk, not the item: wait and alert instead of quarantining everything.
            self._link_failed(lease, exc, NetworkState.REFUSED, exc.message_key, None)
        except PermanentError as exc:
            self._outbox.quarantine(lease.item_id, f"refused: {exc}")
            self._update(network=NetworkState.ONLINE, last_error_key=exc.message_key)
        except TransientError as exc:
            self._link_failed(lease, exc, _network_state(exc), exc.message_key, exc.retry_after)
        except Exception as exc:  # an unforeseen failure is retried, not fatal
            log.exception("sending %s %s failed unexpectedly", lease.kind, lease.item_id)
            self._link_failed(lease, exc, NetworkState.DEGRADED, "outbox.error.unexpected", None)
        else:
            self._outbox.mark_acked(lease, receipt_id)
            self._link_failures = 0
            self._link_wait_until = 0.0
            self._update(
                network=NetworkState.ONLINE,
                last_success_at=self._clock(),
                last_error_key=None,
                retry_at=None,
            )
        return True

    def _deliver(self, lease: Lease, body: bytes) -> str:
        """Send with the item's own id as idempotency key; returns the receipt id."""
        client = self._client
        if lease.kind is ItemKind.DOSSIER:
            return client.submit_dossier(lease.item_id, body, lease.digest).receipt_id
        if lease.kind is ItemKind.RATING:
            return client.submit_rating(lease.item_id, body).receipt_id
        if lease.kind is ItemKind.TICKET_RECORD:
            return client.submit_ticket_record(lease.item_id, body).receipt_id
        if lease.kind is ItemKind.NOTICE:
            return client.submit_notice(lease.item_id, body).receipt_id
        client.heartbeat(body)
        return ""

    def _link_failed(
        self,
        lease: Lease,
        exc: Exception,
        state: NetworkState,
        error_key: str,
        retry_after: float | None,
    ) -> None:
        self._link_failures += 1
        # One full-jitter draw for the item and the link alike: drawing twice and waiting for
        # the later of the two would skew every wait towards the ceiling.
        wait = self._backoff.after(max(lease.attempts, self._link_failures), retry_after)
        self._outbox.retry_later(lease, wait, f"{type(exc).__name__}: {exc}")
        self._link_wait_until = time.monotonic() + wait
        log.info(
            "sending %s %s failed (%s); link waits %.1f s", lease.kind, lease.item_id, exc, wait
        )
        self._update(network=state, last_error_key=error_key, retry_at=self._clock() + wait)

    def _confirm(self) -> bool:
        self._next_confirm_at = self._clock() + self._confirm_every
        waiting = self._outbox.awaiting_confirmation(CONFIRM_PAGE, after=self._confirm_after)
        # Next time, the page after this one; after the last page, from the start again.
        self._confirm_after = waiting[-1] if len(waiting) == CONFIRM_PAGE else ""
        if not waiting:
            return False
        try:
            confirmed = self._client.confirmations(waiting)
        except TransientError as exc:
            log.info("asking for confirmations failed: %s", exc)
            self._update(network=_network_state(exc), last_error_key=exc.message_key)
            return False
        except PermanentError as exc:
            log.warning("the province refused a confirmation request: %s", exc)
            self._update(last_error_key=exc.message_key)
            return False
        self._update(network=NetworkState.ONLINE)
        processed = [item_id for item_id, state in confirmed.items() if state == "processed"]
        return self._outbox.mark_processed(processed) > 0

    def _update(self, **changes: object) -> None:
        with self._snapshot_lock:
            self._snapshot = replace(self._snapshot, **changes)  # type: ignore[arg-type]
