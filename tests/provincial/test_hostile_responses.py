"""A broken or hostile server — wrong JSON, wrong types, huge, endless or cut replies, a receipt
for the wrong item — makes the client raise a clean TransientError or PermanentError, never
crash, never read without bound. The bad server is a raw socket in this file."""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator

import pytest

from offline_queue.client import (
    ClientSettings,
    PermanentError,
    ProvincialClient,
    TransientError,
    TransientFailure,
)

BODY = b'{"dossier_code": "000.00.06.H56-261123-0001"}'
DIGEST = hashlib.sha256(BODY).hexdigest()
Script = Callable[[bytes], Iterable[bytes | float]]  # bytes to send, or seconds to pause


class BadServer:
    """Answers every request with what `script` yields, then closes the connection."""

    def __init__(self) -> None:
        self.script: Script = lambda request: [b""]
        self.requests: list[bytes] = []
        self.sent = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            conn, _ = self._listener.accept()
            with conn:
                if self._stop.is_set():
                    return
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ),
            0,
        )
        while len(body) < length:
            body += conn.recv(65536)
        self.requests.append(head)
        try:
            for piece in self.script(head):
                if isinstance(piece, float):
                    time.sleep(piece)
                else:
                    conn.sendall(piece)
                    self.sent += len(piece)
        except OSError:
            pass  # the client hung up, as it should when it has seen enough

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        socket.create_connection(self._listener.getsockname()).close()  # wakes accept()
        self._thread.join()
        self._listener.close()


def reply(status: str, body: bytes, *headers: str, length: int | None = None) -> bytes:
    lines = [
        f"HTTP/1.1 {status}",
        "Content-Type: application/json",
        "Connection: close",
        f"Content-Length: {len(body) if length is None else length}",
        *headers,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def receipt(**changes: object) -> bytes:
    document = {
        "kind": "dossier",
        "item_id": "d-1",
        "receipt_id": "R-1",
        "received_at": "2026-11-23T09:00:00+07:00",
        "duplicate": False,
        **changes,
    }
    return json.dumps(document).encode()


@pytest.fixture
def bad_server() -> Iterator[BadServer]:
    server = BadServer()
    yield server
    server.stop()


@pytest.fixture
def bad_client(bad_server: BadServer) -> ProvincialClient:
    return ProvincialClient(
        ClientSettings(
            base_url=bad_server.url,
            kiosk_id="kiosk-01",
            secret=b"s" * 32,
            connect_timeout=1.0,
            read_timeout=0.5,
            total_timeout=1.5,
            max_response_bytes=64 * 1024,
        )
    )


def submit(client: ProvincialClient) -> object:
    return client.submit_dossier("d-1", BODY, DIGEST)


# Compressed once: compressing inside the server's reply made a loaded machine answer after
# the client's read timeout, so the case failed as a timeout rather than as a bomb.
GZIP_BOMB = gzip.compress(b" " * 50_000_000)

SUBMIT_CASES = {
    "not JSON": (
        lambda r: [reply("201 Created", b"<html>Welcome</html>")],
        TransientFailure.MALFORMED_REPLY,
    ),
    "JSON array": (
        lambda r: [reply("201 Created", b"[1, 2, 3]")],
        TransientFailure.MALFORMED_REPLY,
    ),
    "wrong types": (
        lambda r: [reply("201 Created", receipt(duplicate="no", receipt_id=7))],
        TransientFailure.MALFORMED_REPLY,
    ),
    "missing field": (
        lambda r: [reply("201 Created", b'{"kind": "dossier"}')],
        TransientFailure.MALFORMED_REPLY,
    ),
    "naive time": (
        lambda r: [reply("201 Created", receipt(received_at="2026-11-23T09:00"))],
        TransientFailure.MALFORMED_REPLY,
    ),
    "receipt for another item": (
        lambda r: [reply("201 Created", receipt(item_id="d-2"))],
        TransientFailure.WRONG_RECEIPT,
    ),
    "receipt of another kind": (
        lambda r: [reply("201 Created", receipt(kind="rating"))],
        TransientFailure.WRONG_RECEIPT,
    ),
    "deep nesting": (
        lambda r: [reply("201 Created", b"[" * 200_000 + b"]" * 200_000)],
        TransientFailure.RESPONSE_TOO_LARGE,
    ),
    "nesting under the cap": (
        lambda r: [reply("201 Created", b"[" * 30_000 + b"]" * 30_000)],
        TransientFailure.MALFORMED_REPLY,
    ),
    "huge declared body": (
        lambda r: [reply("201 Created", b"{}", length=10**12)],
        TransientFailure.RESPONSE_TOO_LARGE,
    ),
    "huge streamed body": (
        lambda r: [b"HTTP/1.1 201 Created\r\nConnection: close\r\n\r\n", *([b"x" * 65536] * 200)],
        TransientFailure.RESPONSE_TOO_LARGE,
    ),
    "gzip bomb": (
        lambda r: [reply("201 Created", GZIP_BOMB, "Content-Encoding: gzip")],
        TransientFailure.RESPONSE_TOO_LARGE,
    ),
    "cut body": (
        lambda r: [reply("201 Created", receipt()[:20], length=200)],
        TransientFailure.CONNECTION,
    ),
    "garbage status line": (lambda r: [b"HELLO THERE\r\n\r\n"], TransientFailure.CONNECTION),
    "silence then close": (lambda r: [b""], TransientFailure.CONNECTION),
    "slow start": (lambda r: [1.0, reply("201 Created", receipt())], TransientFailure.TIMEOUT),
    "trickle": (
        lambda r: [
            b"HTTP/1.1 201 Created\r\nContent-Length: 40\r\n\r\n",
            *[piece for _ in range(40) for piece in (0.1, b" ")],
        ],
        TransientFailure.TIMEOUT,
    ),
    "redirect": (
        lambda r: [reply("307 Temporary Redirect", b"", "Location: http://evil/")],
        TransientFailure.UNEXPECTED_STATUS,
    ),
    "server error": (lambda r: [reply("500 Oops", b"\x00\xff")], TransientFailure.SERVER_ERROR),
    "request timeout": (
        lambda r: [reply("408 Request Timeout", b"")],
        TransientFailure.SERVER_ERROR,
    ),
}


@pytest.mark.parametrize("case", SUBMIT_CASES)
def test_hostile_reply_to_a_submission_is_a_clean_transient_error(case, bad_server, bad_client):
    script, reason = SUBMIT_CASES[case]
    bad_server.script = script

    with pytest.raises(TransientError) as failure:
        submit(bad_client)

    assert failure.value.reason == reason
    assert failure.value.message_key == f"provincial.error.{reason}"


@pytest.mark.parametrize("piece", [b"X-Pad: 1\r\n", b"X"], ids=["header lines", "bytes"])
def test_a_server_trickling_its_headers_is_abandoned_at_the_deadline(bad_server, bad_client, piece):
    """Each piece comes well within the read timeout, so only a deadline over the whole
    exchange (headers included) ends it; the issue asks for the deadline + 1 s at most."""
    bad_server.script = lambda r: [
        b"HTTP/1.1 201 Created\r\n",
        *[step for _ in range(300) for step in (0.1, piece)],
    ]
    started = time.monotonic()

    with pytest.raises(TransientError) as failure:
        submit(bad_client)

    waited = time.monotonic() - started
    assert failure.value.reason == TransientFailure.TIMEOUT
    assert waited < bad_client.settings.total_timeout + 1.0, f"waited {waited:.1f} s"


def test_a_huge_reply_is_not_read_to_the_end(bad_server, bad_client):
    bad_server.script = SUBMIT_CASES["huge streamed body"][0]

    with pytest.raises(TransientError):
        submit(bad_client)

    assert len(bad_server.requests) == 1  # and the redirect case never follows anything
    assert bad_server.sent < 200 * 65536


def test_a_redirect_is_not_followed(bad_server, bad_client):
    bad_server.script = SUBMIT_CASES["redirect"][0]

    with pytest.raises(TransientError):
        submit(bad_client)

    assert len(bad_server.requests) == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Retry-After: 42", 42.0),
        ("Retry-After: 9999999", 3600.0),
        ("Retry-After: Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("Retry-After: Fri, 31 Dec 9999 23:59:59 GMT", 3600.0),
        ("Retry-After: soon", None),
        ("Retry-After: -5", None),
    ],
)
def test_retry_after_is_clamped_and_junk_ignored(header, expected, bad_server, bad_client):
    bad_server.script = lambda r: [reply("429 Too Many Requests", b"", header)]

    with pytest.raises(TransientError) as failure:
        submit(bad_client)

    assert failure.value.reason == TransientFailure.RATE_LIMITED
    assert failure.value.retry_after == expected


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"code": "poison", "detail": "field x"}', "poison"),
        (b'{"code": "<script>alert(1)</script>"}', "http_400"),
        (b'{"code": 5}', "http_400"),
        (b"\xff\xfe not json", "http_400"),
        (b"", "http_400"),
    ],
)
def test_a_refusal_with_any_body_is_a_permanent_error(body, reason, bad_server, bad_client):
    bad_server.script = lambda r: [reply("400 Bad Request", body)]

    with pytest.raises(PermanentError) as refused:
        submit(bad_client)

    assert (refused.value.status, refused.value.reason) == (400, reason)


LOOKUP_CASES = {
    "timeline out of order": (
        lambda c: c.dossier_status("X-1"),
        {
            "dossier_code": "X-1",
            "timeline": [
                {"code": 2, "name": "Được tiếp nhận", "at": "2026-11-23T10:00:00+07:00"},
                {"code": 1, "name": "Mới đăng ký", "at": "2026-11-23T09:00:00+07:00"},
            ],
        },
    ),
    "empty timeline": (lambda c: c.dossier_status("X-1"), {"dossier_code": "X-1", "timeline": []}),
    "status of another dossier": (
        lambda c: c.dossier_status("X-1"),
        {
            "dossier_code": "X-2",
            "timeline": [{"code": 1, "name": "Mới đăng ký", "at": "2026-11-23T09:00:00+07:00"}],
        },
    ),
    "code as text": (
        lambda c: c.dossier_status("X-1"),
        {
            "dossier_code": "X-1",
            "timeline": [{"code": "1", "name": "Mới đăng ký", "at": "2026-11-23T09:00:00+07:00"}],
        },
    ),
    "negative queue": (lambda c: c.queue_status(), {"services": {"ho-tich": -3}}),
    "queue count as float": (lambda c: c.queue_status(), {"services": {"ho-tich": 2.5}}),
    "range backwards": (
        lambda c: c.ticket_range("2026-11-23"),
        {"day": "2026-11-23", "first": 500, "last": 1},
    ),
    "range of another day": (
        lambda c: c.ticket_range("2026-11-23"),
        {"day": "2026-11-24", "first": 1, "last": 500},
    ),
    "range as booleans": (
        lambda c: c.ticket_range("2026-11-23"),
        {"day": "2026-11-23", "first": True, "last": True},
    ),
    "confirmations as list": (lambda c: c.confirmations(["d-1"]), {"items": ["d-1"]}),
}


@pytest.mark.parametrize("case", LOOKUP_CASES)
def test_a_malformed_lookup_reply_is_a_clean_transient_error(case, bad_server, bad_client):
    call, document = LOOKUP_CASES[case]
    bad_server.script = lambda r: [reply("200 OK", json.dumps(document).encode())]

    with pytest.raises(TransientError) as failure:
        call(bad_client)

    assert failure.value.reason in (
        TransientFailure.MALFORMED_REPLY,
        TransientFailure.WRONG_RECEIPT,
    )


def test_confirmations_ignore_items_that_were_not_asked_about(bad_server, bad_client):
    document = {"items": {"d-1": "processed", "d-2": "received", "someone-else": "processed"}}
    bad_server.script = lambda r: [reply("200 OK", json.dumps(document).encode())]

    assert bad_client.confirmations(["d-1", "d-2"]) == {"d-1": "processed"}


def test_nobody_listening_is_a_connection_failure(bad_server):
    port = bad_server.url.rsplit(":", 1)[1]
    bad_server.stop()
    client = ProvincialClient(ClientSettings(f"http://127.0.0.1:{port}", "kiosk-01", b"s" * 32))

    with pytest.raises(TransientError) as failure:
        submit(client)

    assert failure.value.reason == TransientFailure.CONNECTION


@pytest.mark.parametrize(
    ("call", "reason"),
    [
        (lambda c: c.submit_dossier("bad id\n", BODY, DIGEST), "invalid_dossier_id"),
        (lambda c: c.submit_dossier("d-1", BODY, "md5:abc"), "invalid_digest"),
        (lambda c: c.submit_rating("", b"{}"), "invalid_rating_id"),
        (lambda c: c.dossier_status("../admin/faults"), "invalid_dossier_code"),
        (lambda c: c.ticket_range("23/11/2026"), "invalid_day"),
        (lambda c: c.confirmations(["ok", "not ok"]), "invalid_item_id"),
    ],
)
def test_what_the_contract_cannot_carry_is_refused_before_sending(
    call, reason, bad_server, bad_client
):
    with pytest.raises(PermanentError) as refused:
        call(bad_client)

    assert (refused.value.status, refused.value.reason) == (0, reason)
    assert bad_server.requests == []
