"""The stand-in provincial server: the contract over HTTP/1.1 (stdlib `http.server`, one thread
per connection, keep-alive), the switchable faults of `faults.py`, and loopback-only admin
endpoints to arm faults, move the clock and steer dossier timelines."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
import ssl
import struct
import threading
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from offline_queue.standin.clock import SimulatedClock
from offline_queue.standin.faults import Fault, FaultKind, FaultSwitch
from offline_queue.standin.province import ApiReply, ApiRequest, StandinProvince, problem
from offline_queue.standin.releases import ReleaseShelf
from offline_queue.standin.store import StandinStore
from offline_queue.standin.timelines import scenarios

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "::1", "::ffff:127.0.0.1")
_ADMIN_SCENARIO = re.compile(r"^/admin/scenarios/(?P<code>[A-Za-z0-9._:-]{1,128})$")
_ADMIN_PAYMENT = re.compile(r"^/admin/payments/(?P<code>[A-Za-z0-9._:-]{1,128})$")
_ADMIN_QUEUE = re.compile(r"^/admin/queue/(?P<service>[a-z0-9-]{1,40})$")


class ProvincialStandin:
    """Server, province logic, clock and faults of one stand-in, with a Python API for tests.

    `start()` serves from a daemon thread; `serve_forever()` serves from the caller's thread.
    """

    def __init__(
        self,
        db_path: Path | str,
        secrets: Mapping[str, bytes],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: SimulatedClock | None = None,
        ticket_block: int = 500,
        confirm_after: timedelta = timedelta(0),
        tls: ssl.SSLContext | None = None,
        releases_dir: Path | None = None,
        operator_token: str | None = None,
    ) -> None:
        self.store = StandinStore(db_path)
        self.clock = clock or SimulatedClock()
        self.faults = FaultSwitch()
        self.province = StandinProvince(
            self.store,
            self.clock,
            secrets,
            ticket_block=ticket_block,
            confirm_after=confirm_after,
            releases=ReleaseShelf(releases_dir) if releases_dir else None,
            operator_token=operator_token,
        )
        self.stopping = threading.Event()
        self._server = _Server((host, port), self)
        if tls is not None:
            # Handshakes happen in the connection's own thread, not in the accept loop.
            self._server.socket = tls.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False
            )
        self._tls = tls is not None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        scheme = "https" if self._tls else "http"
        return f"{scheme}://{host}:{port}"

    def start(self) -> ProvincialStandin:
        self._thread = threading.Thread(
            target=self.serve_forever, name="provincial-standin", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        """Stop accepting, end hung replies and idle connections, then close the database."""
        self.stopping.set()
        self._server.shutdown()
        self._server.close_open_connections()
        self._server.server_close()  # joins the connection threads
        if self._thread is not None:
            self._thread.join()
        self.store.close()

    def arm(self, fault: Fault) -> Fault:
        return self.faults.arm(fault)

    def assign_scenario(self, dossier_code: str, scenario: str) -> None:
        if scenario not in scenarios():
            raise ValueError(f"no scenario {scenario!r}; known: {sorted(scenarios())}")
        self.store.override_scenario(dossier_code, scenario)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    def __init__(self, address: tuple[str, int], standin: ProvincialStandin) -> None:
        self.standin = standin
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open.discard(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            for connection in self._open:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s ended badly", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ProvincialStandin-DEMO/1"
    # Idle keep-alive connections close after this long.
    timeout = 30
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and the
        # client's delayed ACK hold every reply back by about 40 ms.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def _handle(self) -> None:
        try:
            self._dispatch()
        except (ConnectionError, TimeoutError, ssl.SSLError):
            self.close_connection = True
        except Exception:
            log.exception("stand-in failed on %s %s", self.command, self.path)
            self.close_connection = True
            with contextlib.suppress(OSError):
                self._send(problem(500, "internal_error", "the stand-in failed"))

    def _dispatch(self) -> None:
        if "Transfer-Encoding" in self.headers:
            self.close_connection = True
            return self._send(problem(411, "length_required", "send a Content-Length"))
        declared = self.headers.get("Content-Length", "0")
        if not declared.isdigit():
            self.close_connection = True
            return self._send(problem(400, "bad_length", "Content-Length is not a number"))
        length = int(declared)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            return self._send(problem(413, "too_large", f"at most {MAX_BODY_BYTES} bytes"))
        path = unquote(urlsplit(self.path).path)
        if path.startswith("/admin/"):
            return self._admin(path, self.rfile.read(length))

        standin = self.server.standin
        fault = standin.faults.take(path, self.headers.get("Idempotency-Key"))
        if fault and fault.kind == FaultKind.DROP_MID_BODY and fault.during == "request":
            self.rfile.read(length // 2)
            return self._reset()
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True
            return None
        if fault and self._fault_before(fault):
            return None

        request = ApiRequest(self.command, self.path, path, self.headers, body)
        reply = standin.province.handle(request)
        if fault and fault.kind == FaultKind.DUPLICATE:
            reply = standin.province.handle(request, again=True)
        if fault and self._fault_after(fault, reply):
            return None
        return self._send(reply)

    def _fault_before(self, fault: Fault) -> bool:
        """Faults that strike before the province sees the request; True when one did."""
        if fault.kind == FaultKind.RESET:
            self._reset()
        elif fault.kind == FaultKind.HANG:
            self.server.standin.stopping.wait(fault.hang_seconds)
            self.close_connection = True
        elif fault.kind == FaultKind.RATE_LIMITED:
            self._send(
                problem(429, "rate_limited", "too many requests"),
                {"Retry-After": _retry_after(fault)},
            )
        elif fault.kind == FaultKind.SERVER_ERROR and not fault.after_store:
            self._send(
                problem(fault.status or 503, "server_error", "simulated failure"),
                {"Retry-After": _retry_after(fault)} if (fault.status or 503) == 503 else {},
            )
        elif fault.kind == FaultKind.POISON:
            self._send(problem(fault.status or 422, "poison", "the province cannot take this"))
        else:
            return False
        return True

    def _fault_after(self, fault: Fault, reply: ApiReply) -> bool:
        """Faults that strike after the province handled the request; True when one did."""
        if fault.kind == FaultKind.RESPONSE_LOST:
            self._reset()
        elif fault.kind == FaultKind.SERVER_ERROR and fault.after_store:
            self._send(problem(fault.status or 500, "server_error", "failed after storing"))
        elif fault.kind == FaultKind.DROP_MID_BODY:
            self._send(reply, cut=True)
        else:
            return False
        return True

    def _reset(self) -> None:
        """Abort the connection with a TCP RST, as a crashed peer or a middlebox would."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()

    def _send(
        self, reply: ApiReply, extra: Mapping[str, str] | None = None, cut: bool = False
    ) -> None:
        if reply.raw is not None:
            body, kind = reply.raw, reply.content_type
        else:
            body = (
                b""
                if reply.payload is None
                else json.dumps(reply.payload, ensure_ascii=False).encode()
            )
            kind = "application/problem+json" if reply.is_problem else "application/json"
        self.send_response(reply.status)
        if body:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**reply.headers, **(extra or {})}.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if cut:
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            return self._reset()
        self.wfile.write(body)
        return None

    # -- admin ------------------------------------------------------------------------------

    def _admin(self, path: str, body: bytes) -> None:
        if self.client_address[0] not in LOOPBACK:
            return self._send(problem(403, "loopback_only", "admin endpoints are local only"))
        try:
            data = json.loads(body) if body else {}
            if not isinstance(data, dict):
                raise TypeError("the body must be a JSON object")
            reply = self._admin_reply(path, data)
        except (ValueError, TypeError, KeyError) as exc:
            reply = problem(400, "bad_admin_request", str(exc))
        return self._send(reply)

    def _admin_reply(self, path: str, data: dict[str, Any]) -> ApiReply:
        standin = self.server.standin
        method = self.command
        if path == "/admin/faults" and method == "GET":
            return ApiReply(
                200,
                {
                    "armed": [f.to_json() for f in standin.faults.armed()],
                    "met": dict(standin.faults.met),
                },
            )
        if path == "/admin/faults" and method == "POST":
            return ApiReply(201, standin.arm(Fault.from_json(data)).to_json())
        if path == "/admin/faults" and method == "DELETE":
            standin.faults.clear()
            return ApiReply(204)
        if path == "/admin/clock" and method in ("GET", "POST"):
            now = standin.clock.advance(float(data.get("advance_seconds", 0)))
            return ApiReply(200, {"now": now.isoformat()})
        if (match := _ADMIN_SCENARIO.match(path)) and method == "PUT":
            standin.assign_scenario(match["code"], str(data["scenario"]))
            return ApiReply(204)
        if (match := _ADMIN_PAYMENT.match(path)) and method == "PUT":
            return self._admin_payment(match["code"], data)
        if (match := _ADMIN_QUEUE.match(path)) and method == "PUT":
            waiting = data["waiting"]
            if not isinstance(waiting, int) or waiting < 0:
                raise ValueError("waiting must be a whole number ≥ 0")
            standin.store.set_waiting(match["service"], waiting)
            return ApiReply(204)
        if path.startswith("/admin/received/") and method == "GET":
            kind = path.removeprefix("/admin/received/")
            return ApiReply(
                200,
                {
                    "items": [
                        {
                            "item_id": i.item_id,
                            "kiosk_id": i.kiosk_id,
                            "digest": i.digest,
                            "receipt_id": i.receipt_id,
                            "dossier_code": i.dossier_code,
                        }
                        for i in standin.store.items(kind)
                    ]
                },
            )
        return problem(404, "no_such_endpoint", path)

    def _admin_payment(self, code: str, data: dict[str, Any]) -> ApiReply:
        """The treasury reports the fees paid so far, `{"amount_vnd": n}`: the e-receipt."""
        standin = self.server.standin
        amount = data["amount_vnd"]
        if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= 10**12:
            raise ValueError("amount_vnd must be a whole number of đồng > 0")
        if standin.store.dossier(code) is None:
            return problem(404, "unknown_dossier", f"no dossier {code}")
        number = standin.province.mark_paid(code, amount)
        return ApiReply(200, {"dossier_code": code, "receipt_number": number})


def _retry_after(fault: Fault) -> str:
    if fault.retry_after_format == "http-date":
        when = datetime.now(UTC) + timedelta(seconds=fault.retry_after)
        return format_datetime(when, usegmt=True)
    return str(round(fault.retry_after))


def server_tls_context(
    cert_file: str, key_file: str, client_ca_file: str | None = None
) -> ssl.SSLContext:
    """TLS for the stand-in; with `client_ca_file`, kiosks must show a certificate it signed."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert_file, key_file)
    if client_ca_file:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca_file)
    return context
