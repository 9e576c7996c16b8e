"""Device authentication: the stand-in takes only requests signed with the kiosk's own secret,
over the exact method, target, time, nonce, idempotency key and body; everything else, and a
replay of a request it already took, is refused and nothing stored."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

import pytest
import requests

from offline_queue.client import AuthenticationError, ProvincialClient
from offline_queue.signing import SignedRequest, sign
from offline_queue.standin.embedded import start_standin

SECRET = bytes(range(32))


def signed_headers(
    secret: bytes,
    kiosk_id: str,
    method: str,
    target: str,
    body: bytes,
    timestamp: int | None = None,
    idempotency_key: str = "",
    nonce: str | None = None,
) -> dict[str, str]:
    """The contract's signing rule, written out again from openapi.yaml (not from our code)."""
    stamp = int(time.time()) if timestamp is None else timestamp
    nonce = secrets.token_hex(16) if nonce is None else nonce
    body_hash = hashlib.sha256(body).hexdigest()
    lines = [method, target, str(stamp), nonce, kiosk_id, idempotency_key, body_hash]
    text = "\n".join(lines).encode()
    return {
        "X-Kiosk-Id": kiosk_id,
        "X-Kiosk-Timestamp": str(stamp),
        "X-Kiosk-Nonce": nonce,
        "X-Body-SHA256": body_hash,
        "X-Kiosk-Signature": hmac.new(secret, text, hashlib.sha256).hexdigest(),
    }


def intake_headers(body: bytes, item_id: str) -> dict[str, str]:
    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    return {
        "Idempotency-Key": item_id,
        "Content-Digest": f"sha-256=:{digest}:",
        "Content-Type": "application/json",
    }


def test_our_signer_follows_the_written_rule():
    nonce = "0123456789abcdef0123456789abcdef"
    expected = signed_headers(
        SECRET, "kiosk-01", "POST", "/v1/dossiers", b"{}", 1_700_000_000, "d-7", nonce
    )

    ours = sign(
        SECRET,
        SignedRequest(
            "post",
            "/v1/dossiers",
            1_700_000_000,
            nonce,
            "kiosk-01",
            "d-7",
            hashlib.sha256(b"{}").hexdigest(),
        ),
    )

    assert ours == expected["X-Kiosk-Signature"]


def test_a_correctly_signed_request_by_hand_is_taken(standin):
    secret = standin.province.secrets["kiosk-01"]
    body = b'{"dossier_code": "X-1"}'
    headers = signed_headers(secret, "kiosk-01", "POST", "/v1/dossiers", body, None, "d-1")

    reply = requests.post(
        f"{standin.url}/v1/dossiers",
        data=body,
        timeout=5,
        headers={**headers, **intake_headers(body, "d-1")},
    )

    assert reply.status_code == 201
    assert reply.json()["item_id"] == "d-1"


def _post(standin, headers: dict[str, str], body: bytes) -> requests.Response:
    return requests.post(f"{standin.url}/v1/dossiers", data=body, timeout=5, headers=headers)


def test_a_replayed_request_is_refused_and_stores_nothing_more(standin):
    secret = standin.province.secrets["kiosk-01"]
    body = b'{"dossier_code": "X-9"}'
    captured = {
        **signed_headers(secret, "kiosk-01", "POST", "/v1/dossiers", body, None, "d-9"),
        **intake_headers(body, "d-9"),
    }
    assert _post(standin, captured, body).status_code == 201

    replay = _post(standin, captured, body)

    assert replay.status_code == 401
    assert replay.json()["code"] == "replayed_request"
    assert standin.store.deliveries("dossier") == {"stored": 1}


def test_a_captured_request_sent_with_another_idempotency_key_is_refused(standin):
    secret = standin.province.secrets["kiosk-01"]
    body = b'{"dossier_code": "X-10"}'
    signed = signed_headers(secret, "kiosk-01", "POST", "/v1/dossiers", body, None, "d-10")
    assert _post(standin, {**signed, **intake_headers(body, "d-10")}, body).status_code == 201

    # The attacker changes the key (and so the nonce check cannot be the only guard).
    signed["X-Kiosk-Nonce"] = secrets.token_hex(16)
    rekeyed = _post(standin, {**signed, **intake_headers(body, "d-10-bis")}, body)

    assert rekeyed.status_code == 401
    assert rekeyed.json()["code"] == "bad_signature"
    assert [item.item_id for item in standin.store.items("dossier")] == ["d-10"]


def test_the_replay_memory_outlives_a_restart_of_the_stand_in(tmp_path):
    standin = start_standin(tmp_path / "replay.sqlite", secrets={"kiosk-01": SECRET})
    body = b"{}"
    captured = signed_headers(SECRET, "kiosk-01", "POST", "/v1/heartbeats", body)
    url = f"{standin.url}/v1/heartbeats"
    assert requests.post(url, data=body, headers=captured, timeout=5).status_code == 204
    standin.stop()
    standin = start_standin(tmp_path / "replay.sqlite", secrets={"kiosk-01": SECRET})
    try:
        url = f"{standin.url}/v1/heartbeats"
        replay = requests.post(url, data=body, headers=captured, timeout=5)
    finally:
        standin.stop()

    assert replay.status_code == 401
    assert replay.json()["code"] == "replayed_request"


def test_every_attempt_of_the_client_carries_a_fresh_nonce(standin, make_dossier):
    client = ProvincialClient(standin.client_settings())
    dossier = make_dossier(3)

    first = client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
    again = client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)

    assert again.duplicate and again.receipt_id == first.receipt_id


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        ("wrong secret", "bad_signature"),
        ("changed body", "bad_signature"),
        ("other path", "bad_signature"),
        ("other method", "bad_signature"),
        ("unknown kiosk", "unknown_kiosk"),
        ("stale timestamp", "clock_skew"),
        ("no signature", "missing_signature"),
        ("no nonce", "missing_signature"),
        ("other idempotency key", "bad_signature"),
    ],
)
def test_tampered_requests_are_refused_and_not_stored(tamper, code, standin):
    secret = standin.province.secrets["kiosk-01"]
    body = b'{"dossier_code": "X-2"}'
    sent_body = b'{"dossier_code": "X-3"}' if tamper == "changed body" else body
    headers = signed_headers(
        b"not the kiosk's secret!" if tamper == "wrong secret" else secret,
        "kiosk-99" if tamper == "unknown kiosk" else "kiosk-01",
        "PUT" if tamper == "other method" else "POST",
        "/v1/ratings" if tamper == "other path" else "/v1/dossiers",
        body,
        int(time.time()) - 3600 if tamper == "stale timestamp" else None,
        "d-1" if tamper == "other idempotency key" else "d-2",
    )
    if tamper == "no signature":
        del headers["X-Kiosk-Signature"]
    if tamper == "no nonce":
        del headers["X-Kiosk-Nonce"]

    reply = requests.post(
        f"{standin.url}/v1/dossiers",
        data=sent_body,
        timeout=5,
        headers={**headers, **intake_headers(sent_body, "d-2")},
    )

    assert reply.status_code == 401
    assert reply.headers["Content-Type"] == "application/problem+json"
    assert reply.json()["code"] == code
    assert standin.store.items("dossier") == []


def test_the_client_reports_a_wrong_secret_as_an_authentication_error(standin, make_dossier):
    dossier = make_dossier(1)
    stranger = ProvincialClient(standin.client_settings(secret=b"a secret of another kiosk"))

    with pytest.raises(AuthenticationError) as refused:
        stranger.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)

    assert (refused.value.status, refused.value.reason) == (401, "bad_signature")
    assert refused.value.message_key == "provincial.error.authentication"
    assert standin.store.count_by_code(dossier.code) == 0


def test_lookups_are_signed_too(standin):
    reply = requests.get(f"{standin.url}/v1/queue-status", timeout=5)

    assert reply.status_code == 401
    assert reply.json()["code"] == "missing_signature"


def test_a_kiosk_sees_only_its_own_confirmations(tmp_path, make_dossier):
    standin = start_standin(
        tmp_path / "two.sqlite", secrets={"kiosk-01": SECRET, "kiosk-02": SECRET[::-1]}
    )
    try:
        first = ProvincialClient(standin.client_settings("kiosk-01"))
        second = ProvincialClient(standin.client_settings("kiosk-02"))
        dossier = make_dossier(1)
        first.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
        standin.clock.advance(3600)

        assert first.confirmations([dossier.dossier_id]) == {dossier.dossier_id: "processed"}
        assert second.confirmations([dossier.dossier_id]) == {}
    finally:
        standin.stop()
