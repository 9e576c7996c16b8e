"""The stand-in province's behaviour behind the contract: checks each kiosk's signature, takes
in dossiers, ratings and ticket records once each, and answers lookups — independent of HTTP
so that the server module only deals with sockets and faults."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from offline_queue.contract.ids import ITEM_ID_PATTERN
from offline_queue.contract.statuses import dossier_status_codes
from offline_queue.signing import (
    IDEMPOTENCY_KEY_HEADER,
    KIOSK_ID_HEADER,
    MAX_CLOCK_SKEW_SECONDS,
    NONCE_HEADER,
    NONCE_PATTERN,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignedRequest,
    body_sha256,
    signature_matches,
)
from offline_queue.standin.clock import SimulatedClock
from offline_queue.standin.store import DigestConflict, StandinStore, StoredItem
from offline_queue.standin.timelines import scenario_for, scenarios

if TYPE_CHECKING:
    from offline_queue.standin.releases import ReleaseShelf

_CONTENT_DIGEST = re.compile(r"(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):\s*(?:,|$)")
MAX_CONFIRMATION_IDS = 500


@dataclass(frozen=True)
class ApiReply:
    status: int
    payload: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # bytes sent as they are (a release document or file) instead of `payload` as JSON
    raw: bytes | None = None
    content_type: str = "application/json"

    @property
    def is_problem(self) -> bool:
        return self.status >= 400


def problem(status: int, code: str, detail: str) -> ApiReply:
    """An RFC 9457 problem reply; `code` is the short reason the client reports."""
    return ApiReply(
        status,
        {
            "type": "about:blank",
            "status": status,
            "code": code,
            "title": code.replace("_", " "),
            "detail": detail,
        },
    )


@dataclass(frozen=True)
class ApiRequest:
    method: str
    target: str  # path and query exactly as received: the signature covers it
    path: str  # decoded path, for routing
    headers: Mapping[str, str]
    body: bytes


_Handler = Callable[["StandinProvince", ApiRequest, str, re.Match[str]], ApiReply]


class StandinProvince:
    def __init__(
        self,
        store: StandinStore,
        clock: SimulatedClock,
        secrets: Mapping[str, bytes],
        *,
        ticket_block: int = 500,
        confirm_after: timedelta = timedelta(0),
        releases: ReleaseShelf | None = None,
        operator_token: str | None = None,
    ) -> None:
        self.store = store
        # the province's own dashboard reads the fleet's heartbeats with this bearer token
        self.operator_token = operator_token
        # what `scripts/build-release --publish` wrote; None = this province publishes none
        self.releases = releases
        self.clock = clock
        self.secrets = dict(secrets)
        self.ticket_block = ticket_block
        # Ratings and ticket records count as processed this long after they arrive; dossiers
        # once a clerk has acted on them (status past 1 Mới đăng ký).
        self.confirm_after = confirm_after

    def handle(self, request: ApiRequest, *, again: bool = False) -> ApiReply:
        """`again`: the same request handled a second time inside the server (the duplicate
        fault), which the replay check must not take for a replay."""
        if request.path.startswith("/v1/fleet/"):
            return self._fleet(request)
        kiosk_id_or_problem = self._authenticate(request, again)
        if isinstance(kiosk_id_or_problem, ApiReply):
            return kiosk_id_or_problem
        for method, pattern, handler in _ROUTES:
            match = pattern.match(request.path)
            if match and method == request.method:
                return handler(self, request, kiosk_id_or_problem, match)
        if any(pattern.match(request.path) for _, pattern, _ in _ROUTES):
            return problem(405, "method_not_allowed", f"{request.method} is not used here")
        return problem(404, "no_such_endpoint", request.path)

    def _authenticate(self, request: ApiRequest, again: bool) -> str | ApiReply:
        headers = request.headers
        kiosk_id = headers.get(KIOSK_ID_HEADER, "")
        signature = headers.get(SIGNATURE_HEADER, "")
        stamp = headers.get(TIMESTAMP_HEADER, "")
        nonce = headers.get(NONCE_HEADER, "")
        if not (kiosk_id and signature and stamp.isdigit() and NONCE_PATTERN.match(nonce)):
            return problem(401, "missing_signature", "the request is not signed")
        secret = self.secrets.get(kiosk_id)
        if secret is None:
            return problem(401, "unknown_kiosk", f"no kiosk {kiosk_id!r} here")
        now = time.time()
        if abs(now - int(stamp)) > MAX_CLOCK_SKEW_SECONDS:
            return problem(401, "clock_skew", "the kiosk's clock is too far from ours")
        signed = SignedRequest(
            method=request.method,
            target=request.target,
            timestamp=int(stamp),
            nonce=nonce,
            kiosk_id=kiosk_id,
            idempotency_key=headers.get(IDEMPOTENCY_KEY_HEADER, ""),
            body_hash=body_sha256(request.body),
        )
        if not signature_matches(secret, signature, signed):
            return problem(401, "bad_signature", "the signature does not match")
        # Checked after the signature, so nobody can fill the cache with forged nonces.
        if not again and not self.store.remember_nonce(
            kiosk_id, nonce, now, 2 * MAX_CLOCK_SKEW_SECONDS
        ):
            return problem(401, "replayed_request", "this signed request was already received")
        return kiosk_id

    # -- intake ---------------------------------------------------------------------------

    def _intake(self, kind: str, request: ApiRequest, kiosk_id: str) -> ApiReply:
        item_id = request.headers.get(IDEMPOTENCY_KEY_HEADER, "")
        if not ITEM_ID_PATTERN.match(item_id):
            return problem(400, "invalid_idempotency_key", "Idempotency-Key is missing or bad")
        declared = _declared_sha256(request.headers.get("Content-Digest", ""))
        if declared is None:
            return problem(400, "missing_digest", "Content-Digest with sha-256 is required")
        digest = body_sha256(request.body)
        if declared != digest:
            return problem(400, "digest_mismatch", "the body does not match its digest")
        document = _json_object(request.body)
        if document is None:
            return problem(400, "invalid_json", "the body must be a JSON object in UTF-8")
        dossier_code = None
        scenario = None
        if kind == "dossier":
            dossier_code = document.get("dossier_code", item_id)
            if not isinstance(dossier_code, str) or not ITEM_ID_PATTERN.match(dossier_code):
                return problem(422, "invalid_dossier_code", "dossier_code is not a valid code")
            scenario = scenario_for(item_id).name
        try:
            item, repeat = self.store.take_in(
                kind,
                item_id,
                kiosk_id,
                digest,
                request.body.decode(),
                self.clock.now(),
                dossier_code,
                scenario,
            )
        except DigestConflict:
            return problem(
                409, "digest_conflict", f"{kind} {item_id} was already received with other content"
            )
        return ApiReply(200 if repeat else 201, _receipt(item, repeat))

    def _dossiers(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        return self._intake("dossier", request, kiosk_id)

    def _ratings(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        return self._intake("rating", request, kiosk_id)

    def _ticket_records(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        return self._intake("ticket_record", request, kiosk_id)

    def _notices(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        return self._intake("notice", request, kiosk_id)

    def _heartbeat(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        if _json_object(request.body) is None:
            return problem(400, "invalid_json", "the body must be a JSON object in UTF-8")
        self.store.record_heartbeat(kiosk_id, request.body.decode(), self.clock.now())
        return ApiReply(204)

    # -- lookups --------------------------------------------------------------------------

    def timeline(self, dossier: StoredItem) -> list[dict[str, Any]]:
        code = dossier.dossier_code or dossier.item_id
        name = self.store.scenario_override(code) or dossier.scenario or "normal"
        names = dossier_status_codes()
        return [
            {"code": status, "name": names[status].name, "at": at.isoformat()}
            for status, at in scenarios()[name].reached(dossier.received_at, self.clock.now())
        ]

    def _status(self, request: ApiRequest, kiosk_id: str, match: re.Match[str]) -> ApiReply:
        code = match["code"]
        dossier = self.store.dossier(code)
        if dossier is None:
            return problem(404, "unknown_dossier", f"no dossier {code}")
        body: dict[str, Any] = {"dossier_code": code, "timeline": self.timeline(dossier)}
        paid = self.store.payment(code)
        if paid is not None:
            amount, at, number = paid
            body["payment"] = {"amount_vnd": amount, "paid_at": at, "receipt_number": number}
        due = self.fee_due(dossier)
        if due is not None:
            body["fee_due_vnd"] = max(due - (paid[0] if paid else 0), 0)
        return ApiReply(200, body)

    def fee_due(self, dossier: StoredItem) -> int | None:
        """The fees the kiosk worked out and sent with the dossier (`fees.due_vnd`); None when
        it sent none (an amount the counter states) or the body is sealed by an earlier run."""
        raw = self.store.body("dossier", dossier.item_id)
        document = _json_object(raw) if raw else None
        fees = document.get("fees") if document else None
        due = fees.get("due_vnd") if isinstance(fees, dict) else None
        return due if isinstance(due, int) and not isinstance(due, bool) and due >= 0 else None

    def mark_paid(self, dossier_code: str, amount_vnd: int) -> str:
        """What the treasury would report once the citizen's transfer arrives: the fee paid now,
        with an e-receipt number (mẫu 01BLP-style series + sequence). Returns the number.
        Over HTTP: `PUT /admin/payments/{code}` on the stand-in's loopback address."""
        number = f"BLDT-{self.clock.now():%y}-{zlib.crc32(dossier_code.encode()) % 10**7:07d}"
        self.store.record_payment(dossier_code, amount_vnd, self.clock.now().isoformat(), number)
        return number

    def _ticket_range(self, request: ApiRequest, kiosk_id: str, match: re.Match[str]) -> ApiReply:
        try:
            day = date.fromisoformat(match["day"]).isoformat()
        except ValueError:
            return problem(400, "invalid_day", "the day must be YYYY-MM-DD")
        numbers = self.store.ticket_range(day, kiosk_id, self.ticket_block)
        if numbers is None:
            return problem(409, "no_range_left", f"every ticket number of {day} is taken")
        return ApiReply(200, {"day": day, "first": numbers[0], "last": numbers[1]})

    def _queue(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        return ApiReply(200, {"services": self.store.waiting(), "at": self.clock.now().isoformat()})

    def _confirmations(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        document = _json_object(request.body)
        ids = document.get("item_ids") if document else None
        if (
            not isinstance(ids, list)
            or len(ids) > MAX_CONFIRMATION_IDS
            or not all(isinstance(i, str) and ITEM_ID_PATTERN.match(i) for i in ids)
        ):
            return problem(
                400,
                "invalid_item_ids",
                f"item_ids must be a list of at most {MAX_CONFIRMATION_IDS} ids",
            )
        items = {
            item.item_id: self.processing_state(item)
            for item in (self.store.find(ids) if ids else [])
            if item.kiosk_id == kiosk_id
        }
        return ApiReply(200, {"items": items})

    def _latest_release(self, request: ApiRequest, kiosk_id: str, match: re.Match[str]) -> ApiReply:
        document = self.releases.latest(match["channel"]) if self.releases else None
        if document is None:
            return problem(404, "no_release", f"no release on channel {match['channel']}")
        return ApiReply(200, raw=document)

    def _release_file(self, request: ApiRequest, kiosk_id: str, match: re.Match[str]) -> ApiReply:
        if self.releases is None:
            return problem(404, "no_such_file", "this province publishes no releases")
        return self.releases.file_reply(match["name"], request.headers.get("Range"))

    def _config_bundle(self, request: ApiRequest, kiosk_id: str, _: re.Match[str]) -> ApiReply:
        document = self.releases.config_bundle(kiosk_id) if self.releases else None
        if document is None:
            return problem(404, "no_config_bundle", "no configuration bundle for this kiosk")
        return ApiReply(200, raw=document)

    # -- the province's dashboard ---------------------------------------------------------

    def _fleet(self, request: ApiRequest) -> ApiReply:
        given = request.headers.get("Authorization", "")
        expected = f"Bearer {self.operator_token}" if self.operator_token else None
        if expected is None or not hmac.compare_digest(given.encode(), expected.encode()):
            return problem(401, "operator_only", "the dashboard's bearer token is needed")
        for method, pattern, handler in _FLEET_ROUTES:
            match = pattern.match(request.path)
            if match and method == request.method:
                return handler(self, request, "", match)
        return problem(404, "no_such_endpoint", f"{request.method} {request.path}")

    def _all_heartbeats(self, request: ApiRequest, _: str, match: re.Match[str]) -> ApiReply:
        return ApiReply(200, {"kiosks": self.store.latest_heartbeats()})

    def _one_heartbeat(self, request: ApiRequest, _: str, match: re.Match[str]) -> ApiReply:
        found = self.store.latest_heartbeats(match["kiosk"])
        if not found:
            return problem(404, "unknown_kiosk", f"no heartbeat from {match['kiosk']}")
        return ApiReply(200, found[0])

    def processing_state(self, item: StoredItem) -> str:
        if item.kind == "dossier":
            return "processed" if self.timeline(item)[-1]["code"] != 1 else "received"
        due = item.received_at + self.confirm_after
        return "processed" if self.clock.now() >= due else "received"


def _declared_sha256(header: str) -> str | None:
    match = _CONTENT_DIGEST.search(header)
    if not match:
        return None
    try:
        raw = base64.b64decode(match.group(1), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw.hex() if len(raw) == 32 else None


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        document = json.loads(body.decode())
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return document if isinstance(document, dict) else None


def _receipt(item: StoredItem, repeat: bool) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "item_id": item.item_id,
        "receipt_id": item.receipt_id,
        "received_at": item.received_at.isoformat(),
        "duplicate": repeat,
    }


_ROUTES: list[tuple[str, re.Pattern[str], _Handler]] = [
    ("POST", re.compile(r"^/v1/dossiers$"), StandinProvince._dossiers),
    ("POST", re.compile(r"^/v1/ratings$"), StandinProvince._ratings),
    ("POST", re.compile(r"^/v1/ticket-records$"), StandinProvince._ticket_records),
    ("POST", re.compile(r"^/v1/notices$"), StandinProvince._notices),
    ("POST", re.compile(r"^/v1/heartbeats$"), StandinProvince._heartbeat),
    (
        "GET",
        re.compile(r"^/v1/dossiers/(?P<code>[A-Za-z0-9._:-]{1,128})/status$"),
        StandinProvince._status,
    ),
    ("GET", re.compile(r"^/v1/ticket-ranges/(?P<day>[0-9-]{10})$"), StandinProvince._ticket_range),
    ("GET", re.compile(r"^/v1/queue-status$"), StandinProvince._queue),
    ("GET", re.compile(r"^/v1/config-bundles/latest$"), StandinProvince._config_bundle),
    ("POST", re.compile(r"^/v1/confirmations$"), StandinProvince._confirmations),
    (
        "GET",
        re.compile(r"^/v1/releases/(?P<channel>[a-z0-9-]{1,32})/latest$"),
        StandinProvince._latest_release,
    ),
    (
        "GET",
        re.compile(r"^/v1/release-files/(?P<name>[0-9a-f]{64}|[0-9a-f]{64}\.gz)$"),
        StandinProvince._release_file,
    ),
]
# the province's own dashboard: operator token instead of a kiosk signature
_FLEET_ROUTES: list[tuple[str, re.Pattern[str], _Handler]] = [
    ("GET", re.compile(r"^/v1/fleet/heartbeats$"), StandinProvince._all_heartbeats),
    (
        "GET",
        re.compile(r"^/v1/fleet/heartbeats/(?P<kiosk>[A-Za-z0-9_-]{1,32})$"),
        StandinProvince._one_heartbeat,
    ),
]
