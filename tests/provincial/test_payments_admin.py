"""The treasury's report of a paid fee, through the stand-in's loopback admin endpoint over
HTTP, and what the kiosk then reads in the dossier's status: the payment and what is still due
of the fees the kiosk sent with the dossier."""

from __future__ import annotations

import hashlib
import json

import requests

from offline_queue.client import ProvincialClient

CODE = "000.00.06.H56-261203-0007"


def send(client: ProvincialClient, code: str, fees: object) -> None:
    document = {"dossier_code": code, "procedure_code": "2.000635", "fees": fees, "files": []}
    body = json.dumps(document, ensure_ascii=False).encode()
    client.submit_dossier(f"dossier-{code[-4:]}", body, hashlib.sha256(body).hexdigest())


def pay(standin_url: str, code: str, amount: object) -> requests.Response:
    return requests.put(
        f"{standin_url}/admin/payments/{code}", json={"amount_vnd": amount}, timeout=5
    )


def test_a_fee_reported_paid_over_http_moves_the_due_amount(standin, client) -> None:
    send(client, CODE, {"due_vnd": 24_000, "lines": []})
    before = client.dossier_status(CODE)
    assert before.payment is None and before.fee_due_vnd == 24_000

    part = pay(standin.url, CODE, 16_000)  # two copies' worth by transfer, the rest later
    assert part.status_code == 200
    assert client.dossier_status(CODE).fee_due_vnd == 8_000
    whole = pay(standin.url, CODE, 24_000)
    status = client.dossier_status(CODE)
    assert status.payment is not None and status.payment.amount_vnd == 24_000
    assert status.payment.receipt_number == whole.json()["receipt_number"]
    assert status.fee_due_vnd == 0


def test_the_endpoint_refuses_what_no_treasury_would_report(standin, client) -> None:
    send(client, CODE, {"due_vnd": 8_000})
    assert pay(standin.url, "000.00.06.H56-261203-9999", 8_000).status_code == 404
    for amount in (0, -8_000, "8000", 8000.5, True, None):
        reply = pay(standin.url, CODE, amount)
        assert (reply.status_code, reply.json()["code"]) == (400, "bad_admin_request"), amount
    assert client.dossier_status(CODE).payment is None


def test_without_a_known_amount_nothing_is_said_to_be_due(standin, client) -> None:
    """A council-set charge the counter states: the kiosk sends no due amount."""
    send(client, CODE, {"lines": [{"name": "Lệ phí", "amount_vnd": None}]})
    assert client.dossier_status(CODE).fee_due_vnd is None
    send(client, "000.00.06.H56-261203-0008", "not an object")
    assert client.dossier_status("000.00.06.H56-261203-0008").fee_due_vnd is None
