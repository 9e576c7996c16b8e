"""The uploader against the stand-in province on 127.0.0.1, through the real client."""

from __future__ import annotations

import random
import secrets
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from offline_queue import uploader as uploader_module
from offline_queue.client import ClientSettings, ProvincialClient
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import ItemState, Outbox, OutboxSettings
from offline_queue.outbox.retention import Wiper
from offline_queue.standin.embedded import EmbeddedStandin, start_standin
from offline_queue.standin.faults import Fault, FaultKind
from offline_queue.uploader import Backoff, NetworkState, Uploader
from tests.outbox.support import ManualClock, dossier_data, make_scans


class LongestWait(random.Random):
    """Backoff's jitter always at its ceiling, so a test knows how long the link waits."""

    def uniform(self, a: float, b: float) -> float:
        return b


def run_until(uploader: Uploader, done: Callable[[], bool], limit_s: float = 20.0) -> None:
    """Drive the uploader step by step until `done()`; the limit only guards against a hang."""
    give_up = time.monotonic() + limit_s
    while not done():
        if time.monotonic() > give_up:
            raise AssertionError(f"not done after {limit_s} s: {uploader.snapshot()}")
        if not uploader.run_once():
            time.sleep(0.01)


def delivered(outbox: Outbox) -> int:
    counts = outbox.counts()
    return counts.acked + counts.processed + counts.wiped


def client_for(standin: EmbeddedStandin, **overrides: object) -> ProvincialClient:
    options = {"connect_timeout": 1.0, "read_timeout": 2.0, "total_timeout": 5.0, **overrides}
    return ProvincialClient(standin.client_settings(**options))


def stored_digests(standin: EmbeddedStandin, kind: str) -> dict[str, str]:
    return {item.item_id: item.digest for item in standin.store.items(kind)}


def test_backoff_is_full_jitter_under_a_growing_ceiling_and_clamps_retry_after() -> None:
    backoff = Backoff(base_s=2.0, cap_s=60.0, rng=random.Random(7))
    for failures, ceiling in [(1, 2.0), (2, 4.0), (3, 8.0), (6, 60.0), (500, 60.0)]:
        waits = [backoff.delay(failures) for _ in range(2000)]
        assert all(0.0 <= w <= ceiling for w in waits)
        assert min(waits) < ceiling * 0.05 and max(waits) > ceiling * 0.95
    assert backoff.after(3, retry_after=7.0) == 7.0
    # The province's Retry-After is honoured up to the contract's hour, past our own cap.
    assert backoff.after(3, retry_after=900.0) == 900.0
    assert backoff.after(3, retry_after=7200.0) == 3600.0
    assert backoff.after(3, retry_after=-5.0) == 0.0


class CountingJitter(random.Random):
    """Counts the draws and returns them in turn from a fixed list."""

    def __init__(self, fractions: list[float]) -> None:
        super().__init__(0)
        self.fractions = fractions
        self.draws = 0

    def uniform(self, a: float, b: float) -> float:
        fraction = self.fractions[self.draws % len(self.fractions)]
        self.draws += 1
        return a + (b - a) * fraction


def test_one_failure_is_one_jitter_draw_for_the_item_and_the_link(
    tmp_path: Path, keystore: FileKeyStore, standin: EmbeddedStandin, clock: ManualClock
) -> None:
    """Two draws, waiting for the later, made the mean wait 2/3 of the ceiling, not 1/2."""
    settings = OutboxSettings(disk_reserve_mb=0, backoff_base_seconds=8, backoff_cap_seconds=60)
    outbox = Outbox.open(settings, tmp_path, keystore, clock=clock)
    outbox.enqueue_rating("R-1", {"level": 1})
    standin.arm(Fault(FaultKind.SERVER_ERROR, status=500, item_id="R-1"))
    jitter = CountingJitter([0.25, 0.9])
    client = client_for(standin)
    uploader = Uploader(outbox, client, clock=clock, rng=jitter)

    assert uploader.run_once()

    assert jitter.draws == 1
    assert outbox.item("R-1").next_attempt_at == pytest.approx(clock() + 2.0)  # 0.25 × 8 s
    assert uploader.snapshot().retry_at == pytest.approx(clock() + 2.0)
    outbox.close()
    client.close()


def test_every_kind_reaches_the_province_once_with_its_digest(
    outbox: Outbox, standin: EmbeddedStandin, client: ProvincialClient
) -> None:
    dossiers = [
        outbox.enqueue_dossier(
            f"000.00.06.H56-261123-{n:04d}", dossier_data(n), make_scans(2, 20_000, seed=n)
        )
        for n in range(3)
    ]
    rating = outbox.enqueue_rating("rating-1", {"level": 1, "counter": "3"})
    record = outbox.enqueue_ticket_record("ticket-1", {"number": "A012", "event": "issued"})
    outbox.enqueue_heartbeat({"kiosk": "kiosk-01", "printer": "ok"})
    uploader = Uploader(outbox, client)

    run_until(uploader, lambda: outbox.counts().waiting == 0)

    assert stored_digests(standin, "dossier") == {d.id: d.digest for d in dossiers}
    assert stored_digests(standin, "rating") == {rating.id: rating.digest}
    assert stored_digests(standin, "ticket_record") == {record.id: record.digest}
    assert standin.store.heartbeats("kiosk-01") == 1
    counts = outbox.counts()
    assert counts.acked + counts.processed == 5 and len(outbox.items()) == 5  # no heartbeat
    assert not uploader.run_once()  # nothing left to do; the snapshot catches up
    snapshot = uploader.snapshot()
    assert snapshot.network is NetworkState.ONLINE and snapshot.counts.waiting == 0


def test_processed_items_are_wiped_after_retention_and_not_before(
    tmp_path: Path,
    keystore: FileKeyStore,
    standin: EmbeddedStandin,
    client: ProvincialClient,
    clock: ManualClock,
) -> None:
    settings = OutboxSettings(disk_reserve_mb=0, retention_hours=1, confirm_interval_seconds=0.01)
    outbox = Outbox.open(settings, tmp_path, keystore, clock=clock)
    outbox.enqueue_dossier("D-1", dossier_data(), make_scans(2, 1000))
    uploader = Uploader(outbox, client, clock=clock)
    run_until(uploader, lambda: delivered(outbox) == 1)
    wiper = Wiper(outbox)
    # The stand-in counts a dossier processed once a clerk took it in (30 simulated minutes).
    standin.clock.advance(3600)

    def confirmed() -> bool:
        clock.advance(1)
        return outbox.counts().processed == 1

    run_until(uploader, confirmed)
    assert wiper.run_once() == 0
    clock.advance(3600)
    assert wiper.run_once() == 1
    assert outbox.item("D-1").state is ItemState.WIPED
    assert list((tmp_path / "outbox" / "scans").iterdir()) == []
    outbox.close()


def test_a_refused_item_is_quarantined_with_its_data_and_the_rest_flows(
    outbox: Outbox, standin: EmbeddedStandin, client: ProvincialClient
) -> None:
    standin.arm(Fault(FaultKind.POISON, times=None, item_id="D-poison", status=422))
    outbox.enqueue_dossier("D-poison", dossier_data(), make_scans(1, 1000))
    for n in range(3):
        outbox.enqueue_dossier(f"D-{n}", dossier_data(n), make_scans(1, 1000, seed=n))
    uploader = Uploader(outbox, client)

    run_until(uploader, lambda: outbox.counts().waiting == 0)

    poison = outbox.item("D-poison")
    assert poison.state is ItemState.QUARANTINED and "422" in poison.quarantine_reason
    assert poison.attempts == 1
    assert sorted(stored_digests(standin, "dossier")) == ["D-0", "D-1", "D-2"]
    assert [a.item_id for a in outbox.alerts()] == ["D-poison"]
    # Kept whole: once the province can take it, a technician re-queues it and it arrives.
    standin.faults.clear()
    assert outbox.requeue("D-poison")
    run_until(uploader, lambda: delivered(outbox) == 4)
    assert stored_digests(standin, "dossier")["D-poison"] == poison.digest


def test_server_errors_hangs_resets_and_cut_bodies_end_with_one_record_each(
    outbox: Outbox, standin: EmbeddedStandin
) -> None:
    faults = [
        Fault(FaultKind.SERVER_ERROR, status=500, item_id="D-0"),
        Fault(FaultKind.SERVER_ERROR, status=502, after_store=True, item_id="D-1"),
        Fault(FaultKind.HANG, hang_seconds=5, item_id="D-2"),
        Fault(FaultKind.RESET, item_id="D-3"),
        Fault(FaultKind.DROP_MID_BODY, during="request", item_id="D-4"),
        Fault(FaultKind.DROP_MID_BODY, during="response", item_id="D-5"),
        Fault(FaultKind.RESPONSE_LOST, item_id="D-6"),
        Fault(FaultKind.DUPLICATE, item_id="D-7"),
    ]
    for n, fault in enumerate(faults):
        standin.arm(fault)
        outbox.enqueue_dossier(f"D-{n}", dossier_data(n), make_scans(1, 5000, seed=n))
    client = client_for(standin, read_timeout=0.3)
    uploader = Uploader(outbox, client)

    run_until(uploader, lambda: delivered(outbox) == len(faults))

    digests = stored_digests(standin, "dossier")
    assert digests == {item.id: item.digest for item in outbox.items()}
    for n in range(len(faults)):
        assert standin.store.count_by_code(f"D-{n}") == 1
    assert {n: outbox.item(f"D-{n}").attempts for n in range(len(faults))} == {
        0: 2,
        1: 2,
        2: 2,
        3: 2,
        4: 2,
        5: 2,
        6: 2,
        7: 1,
    }
    # Accepted but the answer lost: the retry under the same key was recognised as a repeat.
    assert standin.store.deliveries("dossier", "D-6") == {"stored": 1, "repeat": 1}
    client.close()


def test_retry_after_sets_when_the_item_is_next_tried(
    tmp_path: Path,
    keystore: FileKeyStore,
    standin: EmbeddedStandin,
    client: ProvincialClient,
    clock: ManualClock,
) -> None:
    settings = OutboxSettings(disk_reserve_mb=0, backoff_base_seconds=1, backoff_cap_seconds=60)
    outbox = Outbox.open(settings, tmp_path, keystore, clock=clock)
    outbox.enqueue_rating("R-1", {"level": 1})
    outbox.enqueue_rating("R-2", {"level": 1})
    standin.arm(Fault(FaultKind.RATE_LIMITED, retry_after=7, item_id="R-1"))
    standin.arm(Fault(FaultKind.RATE_LIMITED, retry_after=900, item_id="R-2"))
    uploader = Uploader(outbox, client, clock=clock)

    assert uploader.run_once()
    assert outbox.item("R-1").next_attempt_at == pytest.approx(clock() + 7)
    snapshot = uploader.snapshot()
    assert snapshot.network is NetworkState.DEGRADED
    assert snapshot.last_error_key == "provincial.error.rate_limited"
    # The whole link waits as asked, not only that item…
    assert not uploader.run_once()
    # …until a technician says "send now".
    uploader.retry_now()
    assert uploader.run_once() and outbox.item("R-1").state is not ItemState.PENDING
    assert uploader.run_once()
    # As asked, though longer than our own cap: the contract allows up to an hour.
    assert outbox.item("R-2").next_attempt_at == pytest.approx(clock() + 900)
    outbox.close()


def test_the_same_key_is_used_after_a_restart(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore, standin: EmbeddedStandin
) -> None:
    standin.arm(Fault(FaultKind.RESPONSE_LOST, item_id="D-1"))
    outbox = Outbox.open(settings, tmp_path, keystore)
    item = outbox.enqueue_dossier("D-1", dossier_data(), make_scans(2, 3000))
    first = client_for(standin)
    assert Uploader(outbox, first).run_once()
    assert outbox.item("D-1").state is ItemState.PENDING
    first.close()
    outbox.close()

    reopened = Outbox.open(settings, tmp_path, keystore)
    second = client_for(standin)
    run_until(Uploader(reopened, second), lambda: delivered(reopened) == 1)
    assert standin.store.deliveries("dossier", "D-1") == {"stored": 1, "repeat": 1}
    assert stored_digests(standin, "dossier") == {"D-1": item.digest}
    second.close()
    reopened.close()


def test_offline_items_wait_and_go_once_the_province_is_back(
    tmp_path: Path, keystore: FileKeyStore
) -> None:
    outbox = Outbox.open(
        OutboxSettings(backoff_base_seconds=2, disk_reserve_mb=0), tmp_path, keystore
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outbox.enqueue_rating("R-1", {"level": 1})
    outbox.enqueue_rating("R-2", {"level": 2})
    secret = secrets.token_bytes(32)
    client = ProvincialClient(
        ClientSettings(
            base_url=f"http://127.0.0.1:{port}",
            kiosk_id="kiosk-01",
            secret=secret,
            connect_timeout=1.0,
            read_timeout=2.0,
        )
    )
    # Waits at their ceiling (2 s), so the link is still waiting when the test looks.
    uploader = Uploader(outbox, client, rng=LongestWait())

    assert uploader.run_once()
    snapshot = uploader.snapshot()
    assert snapshot.network is NetworkState.OFFLINE
    assert snapshot.last_error_key == "provincial.error.connection"
    assert outbox.counts().pending == 2 and outbox.item("R-1").attempts == 1
    # While the link waits, new items queue up and the snapshot shows them.
    outbox.enqueue_rating("R-3", {"level": 3})
    assert not uploader.run_once()
    assert uploader.snapshot().counts.waiting == 3
    assert uploader.snapshot().retry_at is not None

    back = start_standin(tmp_path / "back.db", port=port, secrets={"kiosk-01": secret})
    uploader.retry_now()
    try:
        run_until(uploader, lambda: delivered(outbox) == 3)
        assert uploader.snapshot().network is NetworkState.ONLINE
        assert uploader.snapshot().retry_at is None
        assert sorted(stored_digests(back, "rating")) == ["R-1", "R-2", "R-3"]
    finally:
        back.stop()
        client.close()
        outbox.close()


def test_a_kiosk_the_province_refuses_pauses_without_quarantining(
    outbox: Outbox, standin: EmbeddedStandin
) -> None:
    client = client_for(standin, secret=b"not the kiosk's secret at all")
    outbox.enqueue_rating("R-1", {"level": 1})
    uploader = Uploader(outbox, client)

    assert uploader.run_once()

    assert uploader.snapshot().network is NetworkState.REFUSED
    assert outbox.item("R-1").state is ItemState.PENDING
    assert outbox.counts().quarantined == 0
    client.close()


def test_a_corrupted_item_is_quarantined_and_the_rest_is_sent(
    tmp_path: Path, outbox: Outbox, standin: EmbeddedStandin, client: ProvincialClient
) -> None:
    outbox.enqueue_dossier("D-bad", dossier_data(), make_scans(1, 2000))
    victim = next((tmp_path / "outbox" / "scans").iterdir())
    outbox.enqueue_dossier("D-good", dossier_data(1), make_scans(1, 2000, seed=1))
    damaged = bytearray(victim.read_bytes())
    damaged[-5] ^= 0xFF
    victim.write_bytes(bytes(damaged))
    uploader = Uploader(outbox, client)

    run_until(uploader, lambda: outbox.counts().waiting == 0)

    bad = outbox.item("D-bad")
    assert bad.state is ItemState.QUARANTINED and bad.quarantine_reason.startswith("corrupted")
    assert victim.exists()
    assert sorted(stored_digests(standin, "dossier")) == ["D-good"]


def test_the_thread_drains_the_queue_and_stops_cleanly(
    outbox: Outbox, standin: EmbeddedStandin, client: ProvincialClient
) -> None:
    uploader = Uploader(outbox, client)
    uploader.start()
    assert uploader.snapshot().running
    for n in range(10):
        outbox.enqueue_rating(f"R-{n}", {"level": n % 5 + 1})
    uploader.wake()
    give_up = time.monotonic() + 20
    while delivered(outbox) < 10 and time.monotonic() < give_up:
        time.sleep(0.02)
    assert uploader.stop(timeout=10)
    assert not uploader.snapshot().running
    assert len(stored_digests(standin, "rating")) == 10


def test_confirmations_page_through_a_backlog_the_province_is_slow_on(
    tmp_path: Path, keystore: FileKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At real speed the stand-in takes 30 minutes to take a dossier in, ratings at once.
    standin = start_standin(tmp_path / "slow.db")
    client = client_for(standin)
    settings = OutboxSettings(disk_reserve_mb=0, confirm_interval_seconds=0.01)
    outbox = Outbox.open(settings, tmp_path, keystore)
    monkeypatch.setattr(uploader_module, "CONFIRM_PAGE", 2)
    for n in range(3):
        outbox.enqueue_dossier(f"A-{n}", dossier_data(n), make_scans(1, 100, seed=n))
    outbox.enqueue_rating("Z-0", {"level": 4})
    outbox.enqueue_rating("Z-1", {"level": 5})
    uploader = Uploader(outbox, client)
    try:
        run_until(uploader, lambda: outbox.counts().processed == 2)
        assert {i.id for i in outbox.items([ItemState.ACKED])} == {"A-0", "A-1", "A-2"}
    finally:
        client.close()
        standin.stop()
        outbox.close()
