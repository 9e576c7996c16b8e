"""Every fault of the stand-in, met by the real client on 127.0.0.1: a retry loop that reuses the
dossier id as idempotency key ends with exactly one record per dossier."""

from __future__ import annotations

import uuid

import pytest

from offline_queue.client import PermanentError, ProvincialClient, TransientError, TransientFailure
from offline_queue.standin.faults import Fault, FaultKind

# (fault, what the client reports, whether the first attempt had already been stored)
FAULTS = {
    "503": (
        Fault(FaultKind.SERVER_ERROR, times=2, status=503),
        TransientFailure.SERVER_ERROR,
        False,
    ),
    "500 after storing": (
        Fault(FaultKind.SERVER_ERROR, status=500, after_store=True),
        TransientFailure.SERVER_ERROR,
        True,
    ),
    "429 seconds": (
        Fault(FaultKind.RATE_LIMITED, retry_after=7),
        TransientFailure.RATE_LIMITED,
        False,
    ),
    "429 http-date": (
        Fault(FaultKind.RATE_LIMITED, retry_after=120, retry_after_format="http-date"),
        TransientFailure.RATE_LIMITED,
        False,
    ),
    "hang": (Fault(FaultKind.HANG, hang_seconds=10), TransientFailure.TIMEOUT, False),
    "reset": (Fault(FaultKind.RESET), TransientFailure.CONNECTION, False),
    "drop mid request": (
        Fault(FaultKind.DROP_MID_BODY, during="request"),
        TransientFailure.CONNECTION,
        False,
    ),
    "drop mid reply": (
        Fault(FaultKind.DROP_MID_BODY, during="response"),
        TransientFailure.CONNECTION,
        True,
    ),
    "accepted, reply lost": (
        Fault(FaultKind.RESPONSE_LOST, times=3),
        TransientFailure.CONNECTION,
        True,
    ),
}


@pytest.mark.parametrize("name", FAULTS)
def test_fault_ends_with_one_record_per_dossier(name, standin, client, make_dossier, deliver):
    fault, reported, stored_first = FAULTS[name]
    dossiers = [make_dossier(n) for n in range(1, 4)]
    standin.arm(fault)

    deliveries = [deliver(client, dossier) for dossier in dossiers]

    assert standin.faults.met[fault.kind] == fault.times
    assert [f.reason for f in deliveries[0].failures] == [reported] * fault.times
    for dossier, delivery in zip(dossiers, deliveries, strict=True):
        assert standin.store.count_by_code(dossier.code) == 1
        stored = standin.store.get("dossier", dossier.dossier_id)
        assert stored.digest == dossier.digest
        assert standin.store.body("dossier", dossier.dossier_id) == dossier.body
        assert delivery.receipt.receipt_id == stored.receipt_id
    # A dossier the server had kept before the failure comes back as a repeat, same receipt.
    assert deliveries[0].receipt.duplicate is stored_first
    outcomes = standin.store.deliveries("dossier", dossiers[0].dossier_id)
    assert outcomes.get("stored") == 1
    assert outcomes.get("repeat", 0) == (fault.times if stored_first else 0)


def test_retry_after_is_read_in_both_forms(standin, client, make_dossier, deliver):
    standin.arm(Fault(FaultKind.RATE_LIMITED, retry_after=7))
    standin.arm(Fault(FaultKind.RATE_LIMITED, retry_after=120, retry_after_format="http-date"))
    standin.arm(Fault(FaultKind.SERVER_ERROR, status=503, retry_after=30))

    failures = deliver(client, make_dossier(1)).failures

    assert failures[0].retry_after == 7
    # An HTTP-date has one-second resolution and the clock moves on while it travels.
    assert 115 <= failures[1].retry_after <= 120
    assert failures[2].retry_after == 30


def test_duplicate_delivery_by_a_proxy_keeps_one_record(standin, client, make_dossier, deliver):
    dossier = make_dossier(1)
    standin.arm(Fault(FaultKind.DUPLICATE))

    delivery = deliver(client, dossier)

    assert delivery.attempts == 1
    assert delivery.receipt.duplicate is True  # the second copy was the one answered
    assert standin.store.deliveries("dossier", dossier.dossier_id) == {"stored": 1, "repeat": 1}
    assert standin.store.count_by_code(dossier.code) == 1


def test_poison_item_is_refused_once_and_does_not_block_the_rest(
    standin, client, make_dossier, deliver
):
    poison, healthy = make_dossier(1), make_dossier(2)
    standin.arm(Fault(FaultKind.POISON, times=None, item_id=poison.dossier_id, status=422))

    with pytest.raises(PermanentError) as refused:
        client.submit_dossier(poison.dossier_id, poison.body, poison.digest)
    delivery = deliver(client, healthy)

    assert (refused.value.status, refused.value.reason) == (422, "poison")
    assert standin.store.count_by_code(poison.code) == 0
    assert delivery.attempts == 1
    assert standin.store.count_by_code(healthy.code) == 1
    # Once the province can take it (a technician re-queued it), it arrives exactly once.
    standin.faults.clear()
    deliver(client, poison)
    assert standin.store.count_by_code(poison.code) == 1


def test_negative_control_a_fresh_key_per_attempt_duplicates(standin, client, make_dossier):
    """Why the key must not change: when the reply to an accepted dossier is lost, a retry
    under a new key is a new dossier to the province."""
    dossier = make_dossier(1)
    standin.arm(Fault(FaultKind.RESPONSE_LOST))

    for _ in range(2):
        try:
            client.submit_dossier(f"attempt-{uuid.uuid4().hex}", dossier.body, dossier.digest)
            break
        except TransientError as failure:
            assert failure.reason == TransientFailure.CONNECTION

    assert standin.store.count_by_code(dossier.code) == 2


def test_changed_content_under_the_same_key_is_a_conflict(standin, client, make_dossier):
    first, other = make_dossier(1), make_dossier(2)
    client.submit_dossier(first.dossier_id, first.body, first.digest)

    with pytest.raises(PermanentError) as conflict:
        client.submit_dossier(first.dossier_id, other.body, other.digest)

    assert (conflict.value.status, conflict.value.reason) == (409, "digest_conflict")
    assert standin.store.body("dossier", first.dossier_id) == first.body


def test_a_body_changed_since_it_was_stored_is_refused(standin, client, make_dossier):
    dossier = make_dossier(1)
    damaged = dossier.body.replace("Hoà".encode(), b"Hoa")

    with pytest.raises(PermanentError) as refused:
        client.submit_dossier(dossier.dossier_id, damaged, dossier.digest)

    assert (refused.value.status, refused.value.reason) == (400, "digest_mismatch")
    assert standin.store.get("dossier", dossier.dossier_id) is None


def test_ratings_and_ticket_records_are_idempotent_too(standin, client):
    standin.arm(Fault(FaultKind.RESPONSE_LOST, path="/v1/ratings"))
    standin.arm(Fault(FaultKind.RESPONSE_LOST, path="/v1/ticket-records"))
    rating = b'{"procedure_code": "1.001193", "answers": {"1": 4, "2": 5}}'
    record = b'{"service_id": "ho-tich", "number": 12, "event": "issued"}'

    for send in (
        lambda: client.submit_rating("rating-1", rating),
        lambda: client.submit_ticket_record("ticket-1", record),
    ):
        with pytest.raises(TransientError) as lost:
            send()
        assert lost.value.reason == TransientFailure.CONNECTION
        assert send().duplicate is True

    assert [i.item_id for i in standin.store.items("rating")] == ["rating-1"]
    assert [i.item_id for i in standin.store.items("ticket_record")] == ["ticket-1"]


@pytest.mark.parametrize(
    "fault",
    [
        Fault(FaultKind.DROP_MID_BODY, during="request"),
        Fault(FaultKind.RESET),
        Fault(FaultKind.RESPONSE_LOST),
    ],
    ids=["drop mid request", "reset", "reply lost"],
)
def test_a_large_dossier_survives_a_cut_connection(fault, standin, make_dossier, deliver):
    dossier = make_dossier(500, scan_bytes=3_000_000)
    standin.arm(fault)
    # Not the fixture's 0.5 s read timeout: on a loaded machine the stand-in may take longer
    # to take in 4 MB, and the failure must be the cut, not a timeout.
    client = ProvincialClient(standin.client_settings(connect_timeout=2.0, read_timeout=15.0))

    delivery = deliver(client, dossier)

    assert [f.reason for f in delivery.failures] == [TransientFailure.CONNECTION]
    assert standin.store.count_by_code(dossier.code) == 1
    assert standin.store.body("dossier", dossier.dossier_id) == dossier.body
