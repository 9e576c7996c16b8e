"""Ticket ranges, queue status, heartbeats and confirmations against the stand-in."""

from __future__ import annotations

import json

import pytest
import requests

from offline_queue.client import PermanentError, ProvincialClient, TransientError
from offline_queue.standin.embedded import start_standin


@pytest.fixture
def two_kiosks(tmp_path):
    standin = start_standin(
        tmp_path / "centre.sqlite",
        ticket_block=4000,
        secrets={"kiosk-01": b"1" * 32, "kiosk-02": b"2" * 32, "kiosk-03": b"3" * 32},
    )
    clients = [
        ProvincialClient(standin.client_settings(k)) for k in ("kiosk-01", "kiosk-02", "kiosk-03")
    ]
    yield standin, clients
    standin.stop()


def test_kiosks_of_a_centre_get_disjoint_ticket_ranges_that_last_the_day(two_kiosks):
    _, (first, second, third) = two_kiosks

    ranges = [first.ticket_range("2026-11-23"), second.ticket_range("2026-11-23")]

    assert ranges == [(1, 4000), (4001, 8000)]
    assert first.ticket_range("2026-11-23") == (1, 4000)
    assert second.ticket_range("2026-11-24") == (1, 4000)
    with pytest.raises(PermanentError) as none_left:
        third.ticket_range("2026-11-23")
    assert (none_left.value.status, none_left.value.reason) == (409, "no_range_left")


def test_queue_status_counts_issued_tickets_minus_called_ones(standin, client):
    standin.store.set_waiting("ho-tich", 5)
    events = [
        ("ho-tich", 1, "issued"),
        ("ho-tich", 2, "issued"),
        ("ho-tich", 1, "called"),
        ("chung-thuc", 1, "issued"),
        ("chung-thuc", 1, "served"),
        ("chung-thuc", 2, "no_show"),
    ]
    for n, (service, number, event) in enumerate(events):
        record = {"service_id": service, "number": number, "event": event}
        client.submit_ticket_record(f"t-{n}", json.dumps(record).encode())
    client.submit_ticket_record("t-odd", b'{"note": "no service here"}')

    assert client.queue_status() == {"ho-tich": 6, "chung-thuc": 0}


def test_heartbeats_are_recorded_per_kiosk(standin, client):
    client.heartbeat(b'{"queue_depth": 3, "app_version": "0.1.0"}')
    client.heartbeat(b'{"queue_depth": 0}')

    assert standin.store.heartbeats("kiosk-01") == 2
    with pytest.raises(PermanentError) as refused:
        client.heartbeat(b"not json")
    assert refused.value.reason == "invalid_json"


def test_confirmations_follow_processing(standin, client, make_dossier):
    dossier = make_dossier(1)
    standin.assign_scenario(dossier.code, "normal")
    client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
    client.submit_rating("rating-1", b'{"answers": {"1": 5}}')
    ids = [dossier.dossier_id, "rating-1", "never-sent"]

    before = client.confirmations(ids)
    standin.clock.advance(30 * 60)
    after = client.confirmations(ids)

    assert before == {"rating-1": "processed"}  # a dossier waits for a clerk (status 2)
    assert after == {dossier.dossier_id: "processed", "rating-1": "processed"}


def test_confirmations_are_asked_in_batches(standin, client):
    for n in range(3):
        client.submit_rating(f"r-{n}", b"{}")
    ids = [f"r-{n}" for n in range(3)] + [f"unknown-{n}" for n in range(600)]

    assert client.confirmations(ids) == {f"r-{n}": "processed" for n in range(3)}


def test_faults_can_be_armed_over_the_admin_api(standin, client, make_dossier):
    dossier = make_dossier(1)

    armed = requests.post(
        f"{standin.url}/admin/faults",
        timeout=5,
        json={"kind": "server_error", "status": 502, "times": 1},
    )
    with pytest.raises(TransientError) as failure:
        client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
    listing = requests.get(f"{standin.url}/admin/faults", timeout=5).json()
    bad = requests.post(f"{standin.url}/admin/faults", json={"kind": "meteor"}, timeout=5)
    received = requests.get(f"{standin.url}/admin/received/dossier", timeout=5).json()

    assert armed.status_code == 201
    assert failure.value.status == 502
    assert listing == {"armed": [], "met": {"server_error": 1}}
    assert bad.status_code == 400
    assert received == {"items": []}
