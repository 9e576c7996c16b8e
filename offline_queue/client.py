"""Client for the provincial system's HTTP contract (`offline_queue/contract/openapi.yaml`).

Every failure ends as one of two exceptions, so the uploader always knows what to do:
`TransientError` (try again later, after `retry_after` if the server said so) or `PermanentError`
(the province refused this item: never retry, quarantine it). A broken or hostile server —
wrong JSON, wrong types, endless or huge bodies, cut connections — can cause neither a crash nor
an unbounded read. Requests are signed with the kiosk's secret (see `offline_queue.signing`).

One client per thread: a `requests.Session` is not meant to be shared across threads.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import re
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
import urllib3
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
)
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from foundation.errors import UserFacingError
from offline_queue.contract.ids import ITEM_ID_PATTERN
from offline_queue.signing import (
    BODY_SHA256_HEADER,
    IDEMPOTENCY_KEY_HEADER,
    KIOSK_ID_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignedRequest,
    body_sha256,
    new_nonce,
    sign,
)

API_PREFIX = "/v1"
KIOSK_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_DIGEST_PATTERN = re.compile(r"^(?:sha256:)?([0-9a-fA-F]{64})$")
_REASON_PATTERN = re.compile(r"^[a-z0-9_]{1,64}$")
RETRY_AFTER_CEILING = 3600.0
MIN_SECRET_BYTES = 16
CONFIRMATION_BATCH = 200
_CHUNK = 64 * 1024
_DOWNLOAD_CHUNK = 1024 * 1024
# What requests, urllib3 and http.client raise when the network or the peer misbehaves.
_NETWORK_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
)


@dataclass(frozen=True)
class ClientSettings:
    base_url: str
    kiosk_id: str
    secret: bytes = field(repr=False)
    connect_timeout: float = 3.0
    read_timeout: float = 10.0
    # True, False (tests on plain http only) or the path of a CA bundle for the province's TLS.
    verify: bool | str = True
    # (certificate file, key file) when the province authenticates kiosks by certificate too.
    client_cert: tuple[str, str] | None = None
    max_response_bytes: int = 1_000_000
    # The whole exchange — connect, request, status line and headers, body — so a server that
    # trickles one byte per read, headers included, cannot hold us forever. (A release file's
    # body is exempt: it may be large; its connect and headers are not.)
    total_timeout: float = 60.0
    # An explicit proxy; environment proxy variables are ignored on purpose (see ProvincialClient).
    proxy: str | None = None

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must be an http(s) URL, not {self.base_url!r}")
        if not KIOSK_ID_PATTERN.match(self.kiosk_id):
            raise ValueError(f"kiosk_id {self.kiosk_id!r} must be 1–32 of A–Z a–z 0–9 _ -")
        if len(self.secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the kiosk secret must be at least {MIN_SECRET_BYTES} bytes")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")
        if self.max_response_bytes < 1024:
            raise ValueError("max_response_bytes must be at least 1024")


class TransientFailure(StrEnum):
    """Why an exchange failed in a way that a later attempt may fix."""

    TIMEOUT = "timeout"
    CONNECTION = "connection"
    TLS = "tls"
    SERVER_ERROR = "server_error"
    RATE_LIMITED = "rate_limited"
    MALFORMED_REPLY = "malformed_reply"
    RESPONSE_TOO_LARGE = "response_too_large"
    UNEXPECTED_STATUS = "unexpected_status"
    WRONG_RECEIPT = "wrong_receipt"


class ProvincialError(UserFacingError):
    """Anything the link to the province raises; `message_key` is for the technician screen."""

    message_key = "provincial.error.unknown"


class TransientError(ProvincialError):
    """Network down, timeout, reset, 5xx, 408, 429 or a malformed reply: try again later."""

    def __init__(
        self,
        reason: TransientFailure,
        detail: str = "",
        *,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(f"provincial.error.{reason}", detail)
        self.reason = reason
        # Seconds the server asked us to wait (Retry-After), clamped to [0, 3600].
        self.retry_after = retry_after
        self.status = status


class PermanentError(ProvincialError):
    """The province refused the request (4xx other than 408/429): never retry, quarantine.

    `status` is the HTTP status, or 0 when the client refused the request before sending it
    (an id or digest that the contract does not allow). `reason` is the server's short code.
    """

    message_key = "provincial.error.rejected"

    def __init__(self, status: int, reason: str, detail: str = "") -> None:
        super().__init__(detail=f"{status} {reason}: {detail}" if detail else f"{status} {reason}")
        self.status = status
        self.reason = reason
        self.detail = detail


class AuthenticationError(PermanentError):
    """401/403: the province does not accept this kiosk (secret, certificate or clock).

    It concerns the kiosk rather than the item, so an uploader may pause instead of
    quarantining item after item.
    """

    message_key = "provincial.error.authentication"


class NotFoundError(PermanentError):
    """404 on a lookup: the province knows no such dossier."""

    message_key = "provincial.error.not_found"


class InvalidRequestError(PermanentError):
    """Refused locally (status 0): the id, code or day cannot be sent under the contract."""

    message_key = "provincial.error.invalid_request"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(0, reason, detail)


@dataclass(frozen=True)
class Receipt:
    kind: str
    item_id: str
    receipt_id: str
    received_at: str
    duplicate: bool


@dataclass(frozen=True)
class StatusStep:
    code: int
    name: str
    at: datetime


@dataclass(frozen=True)
class DossierPayment:
    """The fee the province has recorded as paid, and its e-receipt (biên lai điện tử)."""

    amount_vnd: int
    paid_at: datetime
    receipt_number: str


@dataclass(frozen=True)
class DossierStatus:
    dossier_code: str
    timeline: tuple[StatusStep, ...]
    payment: DossierPayment | None = None  # None: nothing paid yet (or nothing to pay)
    fee_due_vnd: int | None = None  # still to pay; None when not known

    @property
    def current(self) -> StatusStep:
        return self.timeline[-1]


class _Reply(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _ReceiptReply(_Reply):
    kind: StrictStr
    item_id: StrictStr
    receipt_id: StrictStr = Field(min_length=1, max_length=128)
    received_at: AwareDatetime
    duplicate: StrictBool


class _StepReply(_Reply):
    code: StrictInt = Field(ge=1, le=99)
    name: StrictStr = Field(min_length=1, max_length=200)
    at: AwareDatetime


class _PaymentReply(_Reply):
    amount_vnd: StrictInt = Field(ge=0, le=10**12)
    paid_at: AwareDatetime
    receipt_number: StrictStr = Field(min_length=1, max_length=64)


class _StatusReply(_Reply):
    dossier_code: StrictStr
    timeline: list[_StepReply] = Field(min_length=1, max_length=500)
    payment: _PaymentReply | None = None
    fee_due_vnd: StrictInt | None = Field(None, ge=0, le=10**12)

    @field_validator("timeline")
    @classmethod
    def _in_order(cls, steps: list[_StepReply]) -> list[_StepReply]:
        if any(later.at < earlier.at for earlier, later in pairwise(steps)):
            raise ValueError("timeline is not in time order")
        return steps


class _RangeReply(_Reply):
    day: date
    first: StrictInt = Field(ge=1, le=9999)
    last: StrictInt = Field(ge=1, le=9999)


class _QueueReply(_Reply):
    services: dict[StrictStr, StrictInt] = Field(max_length=500)

    @field_validator("services")
    @classmethod
    def _not_negative(cls, services: dict[str, int]) -> dict[str, int]:
        if any(count < 0 for count in services.values()):
            raise ValueError("people waiting cannot be negative")
        return services


class _ConfirmationsReply(_Reply):
    items: dict[StrictStr, StrictStr]


class _ProblemReply(_Reply):
    code: StrictStr | None = None
    detail: StrictStr | None = None


_ReplyT = TypeVar("_ReplyT", bound=_Reply)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date), clamped to
    [0, 3600]; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), RETRY_AFTER_CEILING)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    wait = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(wait, 0.0), RETRY_AFTER_CEILING)


def content_digest(hex_digest: str) -> str:
    """RFC 9530 `Content-Digest` value for a hex SHA-256 digest."""
    return f"sha-256=:{base64.b64encode(bytes.fromhex(hex_digest)).decode()}:"


def _checked_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not ITEM_ID_PATTERN.match(value):
        raise InvalidRequestError(f"invalid_{what}", f"{what} {value!r} is not allowed")
    return value


def _checked_digest(digest: str) -> str:
    match = _DIGEST_PATTERN.match(digest) if isinstance(digest, str) else None
    if not match:
        raise InvalidRequestError("invalid_digest", "digest must be a hex SHA-256")
    return match.group(1).lower()


def _problem(content: bytes, status: int) -> tuple[str, str]:
    """The short reason code and detail of an RFC 9457 problem body, tolerating any junk."""
    reason, detail = f"http_{status}", ""
    try:
        problem = _ProblemReply.model_validate_json(content)
    except ValidationError:
        return reason, detail
    if problem.code and _REASON_PATTERN.match(problem.code):
        reason = problem.code
    return reason, (problem.detail or "")[:300]


# How often an expired deadline looks again for a socket to cut (one may be connecting).
_DEADLINE_RECHECK_S = 0.05
_exchange_deadline = threading.local()


class _Deadline:
    """One exchange's time limit. `requests` bounds each read, never the whole: a server that
    sends a header byte every few seconds keeps it waiting for ever. When time is up, a
    watchdog thread shuts the exchange's sockets down, which ends any read at once."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self.expired = False

    def __enter__(self) -> _Deadline:
        _exchange_deadline.current = self
        threading.Thread(target=self._watch, name="http-deadline", daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        _exchange_deadline.current = None

    def raise_if_expired(self) -> None:
        if self.expired:
            raise TransientError(TransientFailure.TIMEOUT, "no whole reply within the time limit")

    def watch(self, connection: Any) -> None:
        with self._lock:
            self._connections.append(connection)

    def _watch(self) -> None:
        if self._done.wait(self._seconds):
            return
        self.expired = True
        while True:
            with self._lock:
                for connection in self._connections:
                    sock = getattr(connection, "sock", None)
                    if sock is not None:
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_RDWR)
            if self._done.wait(_DEADLINE_RECHECK_S):
                return


def _watched(connection: Any) -> Any:
    deadline = getattr(_exchange_deadline, "current", None)
    if deadline is not None:
        deadline.watch(connection)
    return connection


class _WatchedHTTPPool(HTTPConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        return _watched(super()._get_conn(timeout))


class _WatchedHTTPSPool(HTTPSConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        return _watched(super()._get_conn(timeout))


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _DeadlineAdapter(HTTPAdapter):
    """Hands every connection an exchange takes from its pools to the exchange's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


class ProvincialClient:
    """Talks to the province for one kiosk.

    The session ignores proxy and certificate settings from the environment (`trust_env`):
    a kiosk's route to the province is its configuration, not whatever a shell exported.
    """

    def __init__(self, settings: ClientSettings, session: requests.Session | None = None) -> None:
        self.settings = settings
        self._session = session or requests.Session()
        if session is None:
            self._session.trust_env = False
        adapter = _DeadlineAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        parts = urlsplit(settings.base_url)
        self._origin = f"{parts.scheme}://{parts.netloc}"
        self._prefix = parts.path.rstrip("/") + API_PREFIX
        # release file bytes that came over the wire, for the update report and the bench
        self.release_bytes_received = 0

    def close(self) -> None:
        self._session.close()

    # -- items the kiosk hands in ---------------------------------------------------------

    def submit_dossier(self, dossier_id: str, body: bytes, digest: str) -> Receipt:
        """Hand in one dossier. `body` is its JSON (files inside as base64); `digest` is the
        hex SHA-256 taken when the dossier was stored, so the province can tell if the bytes
        changed on the way. The dossier id is the idempotency key on every attempt."""
        _checked_id(dossier_id, "dossier_id")
        return self._submit("dossier", "/dossiers", dossier_id, body, _checked_digest(digest))

    def submit_rating(self, rating_id: str, body: bytes) -> Receipt:
        _checked_id(rating_id, "rating_id")
        return self._submit("rating", "/ratings", rating_id, body, body_sha256(body))

    def submit_ticket_record(self, record_id: str, body: bytes) -> Receipt:
        _checked_id(record_id, "record_id")
        return self._submit("ticket_record", "/ticket-records", record_id, body, body_sha256(body))

    def submit_notice(self, notice_id: str, body: bytes) -> Receipt:
        _checked_id(notice_id, "notice_id")
        return self._submit("notice", "/notices", notice_id, body, body_sha256(body))

    def heartbeat(self, body: bytes) -> None:
        self._call("POST", "/heartbeats", body)

    # -- releases -------------------------------------------------------------------------

    def latest_release(self, channel: str) -> bytes | None:
        """The signed release document of `channel` as the province serves it (the kiosk
        checks its signature), or None when the province has published none."""
        try:
            return self._call("GET", f"/releases/{quote(channel, safe='')}/latest")
        except PermanentError as exc:
            if exc.status == 404:
                return None
            raise

    def latest_config_bundle(self) -> bytes | None:
        """The province's signed configuration bundle for this kiosk (the kiosk checks the
        signature), or None when there is none."""
        try:
            return self._call("GET", "/config-bundles/latest")
        except PermanentError as exc:
            if exc.status == 404:
                return None
            raise

    def download_release_file(
        self, sha256: str, partial: Path, size: int, packed: bool = False
    ) -> None:
        """Bring `partial` to the published file's `size` bytes, asking only for what it lacks
        (`Range`), so a cut transfer resumes where it stopped. Raises TransientError when the
        transfer breaks (what arrived stays); the caller checks the hash. `packed`: fetch the
        gzip copy the manifest names instead (`size` is then its size); the caller unpacks."""
        _checked_digest(sha256)
        have = partial.stat().st_size if partial.exists() else 0
        if have > size:
            partial.unlink()
            have = 0
        if have == size:
            partial.touch()  # an empty file is complete without asking
            return
        target = f"{self._prefix}/release-files/{sha256}{'.gz' if packed else ''}"
        headers = self._signed_headers("GET", target, b"", "")
        headers["Accept"] = "application/octet-stream"
        if have:
            headers["Range"] = f"bytes={have}-"
        # Bounded up to the headers; the file itself may take longer than one exchange.
        with _Deadline(self.settings.total_timeout) as deadline:
            response = self._request("GET", target, b"", headers, deadline)
        if deadline.expired:
            response.close()
            deadline.raise_if_expired()
        try:
            if response.status_code not in (200, 206):
                content = self._read_capped(response, None)
                raise self._failure(response.status_code, response.headers, content)
            start = _range_start(response) if response.status_code == 206 else 0
            if start not in (have, 0):
                raise TransientError(TransientFailure.MALFORMED_REPLY, "another byte range")
            self._stream_into(response, partial, start, size)
        finally:
            response.close()

    def _stream_into(
        self, response: requests.Response, partial: Path, start: int, size: int
    ) -> None:
        """Write the reply's body into `partial` from `start`, fsynced even when it breaks
        off, counting what came over the wire in `release_bytes_received`."""
        with partial.open("r+b" if partial.exists() else "wb") as out:
            out.seek(start)
            out.truncate()
            written = start
            try:
                while chunk := response.raw.read1(_DOWNLOAD_CHUNK, decode_content=True):
                    self.release_bytes_received += len(chunk)
                    written += len(chunk)
                    if written > size:
                        raise TransientError(TransientFailure.RESPONSE_TOO_LARGE, "over size")
                    out.write(chunk)
            except _NETWORK_ERRORS as exc:
                raise _network_failure(exc) from exc
            finally:
                out.flush()
                os.fsync(out.fileno())
        if written < size:
            raise TransientError(TransientFailure.CONNECTION, f"cut at {written} of {size}")

    # -- lookups --------------------------------------------------------------------------

    def dossier_status(self, dossier_code: str) -> DossierStatus:
        """The dossier's timeline of national status codes; NotFoundError if unknown."""
        _checked_id(dossier_code, "dossier_code")
        try:
            content = self._call("GET", f"/dossiers/{quote(dossier_code, safe='')}/status")
        except PermanentError as exc:
            if exc.status == 404:
                raise NotFoundError(exc.status, exc.reason, exc.detail) from exc
            raise
        reply = self._parse(content, _StatusReply)
        if reply.dossier_code != dossier_code:
            raise TransientError(TransientFailure.WRONG_RECEIPT, "status of another dossier")
        steps = tuple(StatusStep(step.code, step.name, step.at) for step in reply.timeline)
        paid = reply.payment
        payment = (
            DossierPayment(paid.amount_vnd, paid.paid_at, paid.receipt_number) if paid else None
        )
        return DossierStatus(reply.dossier_code, steps, payment, reply.fee_due_vnd)

    def ticket_range(self, day: str) -> tuple[int, int]:
        """The ticket numbers (first, last) this kiosk may hand out on `day` (YYYY-MM-DD)."""
        try:
            wanted = date.fromisoformat(day)
        except (TypeError, ValueError) as exc:
            raise InvalidRequestError("invalid_day", f"{day!r} is not YYYY-MM-DD") from exc
        reply = self._parse(self._call("GET", f"/ticket-ranges/{wanted.isoformat()}"), _RangeReply)
        if reply.day != wanted or reply.first > reply.last:
            raise TransientError(TransientFailure.MALFORMED_REPLY, "wrong day or backwards")
        return reply.first, reply.last

    def queue_status(self) -> dict[str, int]:
        """People waiting per service id, as the centre's queue system counts them."""
        return dict(self._parse(self._call("GET", "/queue-status"), _QueueReply).services)

    def confirmations(self, item_ids: list[str]) -> dict[str, str]:
        """`{item_id: "processed"}` for the items the province confirms it has processed;
        items not (yet) processed are left out. Only confirmed items may be wiped."""
        confirmed: dict[str, str] = {}
        for start in range(0, len(item_ids), CONFIRMATION_BATCH):
            batch = [
                _checked_id(i, "item_id") for i in item_ids[start : start + CONFIRMATION_BATCH]
            ]
            body = _json_bytes({"item_ids": batch})
            reply = self._parse(self._call("POST", "/confirmations", body), _ConfirmationsReply)
            asked = set(batch)
            confirmed.update(
                {
                    item: "processed"
                    for item, state in reply.items.items()
                    if item in asked and state == "processed"
                }
            )
        return confirmed

    # -- the exchange ---------------------------------------------------------------------

    def _submit(self, kind: str, path: str, item_id: str, body: bytes, digest: str) -> Receipt:
        headers = {IDEMPOTENCY_KEY_HEADER: item_id, "Content-Digest": content_digest(digest)}
        reply = self._parse(self._call("POST", path, body, headers), _ReceiptReply)
        # A receipt for anything but this item must never mark this item as delivered.
        if reply.kind != kind or reply.item_id != item_id:
            raise TransientError(
                TransientFailure.WRONG_RECEIPT,
                f"asked for {kind} {item_id}, got {reply.kind} {reply.item_id}",
            )
        return Receipt(
            kind=reply.kind,
            item_id=reply.item_id,
            receipt_id=reply.receipt_id,
            received_at=reply.received_at.isoformat(),
            duplicate=reply.duplicate,
        )

    def _call(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        extra_headers: Mapping[str, str] | None = None,
    ) -> bytes:
        status, headers, content = self._exchange(
            method, self._prefix + path, body, extra_headers or {}
        )
        if 200 <= status < 300:
            return content
        raise self._failure(status, headers, content)

    @staticmethod
    def _failure(status: int, headers: Mapping[str, str], content: bytes) -> ProvincialError:
        """The exception for a reply that is not a success."""
        retry_after = parse_retry_after(headers.get("Retry-After"))
        if status == 429:
            return TransientError(
                TransientFailure.RATE_LIMITED, retry_after=retry_after, status=status
            )
        if status == 408 or status >= 500:
            return TransientError(
                TransientFailure.SERVER_ERROR,
                f"HTTP {status}",
                retry_after=retry_after,
                status=status,
            )
        if 400 <= status < 500:
            reason, detail = _problem(content, status)
            error = AuthenticationError if status in (401, 403) else PermanentError
            return error(status, reason, detail)
        # 1xx/3xx: redirects are not followed, so a signature never travels to another host.
        return TransientError(TransientFailure.UNEXPECTED_STATUS, f"HTTP {status}", status=status)

    def _signed_headers(
        self, method: str, target: str, body: bytes, idempotency_key: str
    ) -> dict[str, str]:
        signed = SignedRequest(
            method=method,
            target=target,
            timestamp=int(time.time()),
            nonce=new_nonce(),
            kiosk_id=self.settings.kiosk_id,
            idempotency_key=idempotency_key,
            body_hash=body_sha256(body),
        )
        return {
            KIOSK_ID_HEADER: signed.kiosk_id,
            TIMESTAMP_HEADER: str(signed.timestamp),
            NONCE_HEADER: signed.nonce,
            BODY_SHA256_HEADER: signed.body_hash,
            SIGNATURE_HEADER: sign(self.settings.secret, signed),
            "Accept": "application/json",
            # Compressed replies could inflate past the size cap before we can count them.
            "Accept-Encoding": "identity",
        }

    def _exchange(
        self, method: str, target: str, body: bytes, extra_headers: Mapping[str, str]
    ) -> tuple[int, Mapping[str, str], bytes]:
        headers = self._signed_headers(
            method, target, body, extra_headers.get(IDEMPOTENCY_KEY_HEADER, "")
        )
        if body:
            headers["Content-Type"] = "application/json"
        headers.update(extra_headers)
        with _Deadline(self.settings.total_timeout) as deadline:
            response = self._request(method, target, body, headers, deadline)
            try:
                content = self._read_capped(response, deadline)
            finally:
                response.close()
        # A cut socket can also look like headers or a body that simply ended.
        deadline.raise_if_expired()
        return response.status_code, response.headers, content

    def _request(
        self,
        method: str,
        target: str,
        body: bytes,
        headers: Mapping[str, str],
        deadline: _Deadline,
    ) -> requests.Response:
        """Send and read the status line and headers; the body is left to stream."""
        settings = self.settings
        proxies = {"http": settings.proxy, "https": settings.proxy} if settings.proxy else None
        try:
            return self._session.request(
                method,
                self._origin + target,
                data=body if method != "GET" else None,
                headers=headers,
                timeout=(settings.connect_timeout, settings.read_timeout),
                verify=settings.verify,
                cert=settings.client_cert,
                stream=True,
                allow_redirects=False,
                proxies=proxies,
            )
        except _NETWORK_ERRORS as exc:
            raise _failure_within(deadline, exc) from exc

    def _read_capped(self, response: requests.Response, deadline: _Deadline | None) -> bytes:
        cap = self.settings.max_response_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise TransientError(TransientFailure.RESPONSE_TOO_LARGE, f"{declared} bytes declared")
        chunks: list[bytes] = []
        total = 0
        try:
            # read1 returns whatever has arrived; the deadline cuts a trickle short.
            while chunk := response.raw.read1(_CHUNK, decode_content=True):
                total += len(chunk)
                if total > cap:
                    raise TransientError(TransientFailure.RESPONSE_TOO_LARGE, f"over {cap} bytes")
                chunks.append(chunk)
        except _NETWORK_ERRORS as exc:  # a cut or garbled body is "try later" too
            raise _failure_within(deadline, exc) from exc
        return b"".join(chunks)

    @staticmethod
    def _parse(content: bytes, model: type[_ReplyT]) -> _ReplyT:
        try:
            return model.model_validate_json(content)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "reply"
            raise TransientError(
                TransientFailure.MALFORMED_REPLY, f"{where}: {first['msg']}"
            ) from exc


def _failure_within(deadline: _Deadline | None, exc: BaseException) -> TransientError:
    """A socket the deadline cut shows up as a reset or an early end: report the timeout."""
    if deadline is not None and deadline.expired:
        return TransientError(TransientFailure.TIMEOUT, "no whole reply within the time limit")
    return _network_failure(exc)


def _network_failure(exc: BaseException) -> TransientError:
    if isinstance(exc, requests.exceptions.SSLError):
        return TransientError(TransientFailure.TLS, str(exc)[:300])
    if isinstance(exc, requests.Timeout | urllib3.exceptions.TimeoutError | TimeoutError):
        return TransientError(TransientFailure.TIMEOUT, type(exc).__name__)
    return TransientError(TransientFailure.CONNECTION, type(exc).__name__)


def _range_start(response: requests.Response) -> int:
    match = re.match(r"^bytes (\d+)-\d+/\d+$", response.headers.get("Content-Range", ""))
    if not match:
        raise TransientError(TransientFailure.MALFORMED_REPLY, "206 without a Content-Range")
    return int(match.group(1))


def _json_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
