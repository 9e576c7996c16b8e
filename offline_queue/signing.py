"""Device authentication for the provincial contract: each request is signed with the kiosk's
own secret (HMAC-SHA256), so the province knows which kiosk sent it, that nothing was changed,
and that it is not a replay of an earlier request.

The signed text is seven lines — method, request target (path and query exactly as sent), Unix
timestamp, nonce, kiosk id, Idempotency-Key (empty when the request has none) and the hex
SHA-256 of the body — joined by "\\n". The nonce is fresh for every request (every attempt of an
item too), so a captured request cannot be sent again inside the time window, and the
Idempotency-Key cannot be swapped to make a second record. The same code serves the client and
the stand-in server; the contract (contract/openapi.yaml) spells it out so an independent
implementation can check it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

KIOSK_ID_HEADER = "X-Kiosk-Id"
TIMESTAMP_HEADER = "X-Kiosk-Timestamp"
NONCE_HEADER = "X-Kiosk-Nonce"
BODY_SHA256_HEADER = "X-Body-SHA256"
SIGNATURE_HEADER = "X-Kiosk-Signature"
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"

# How far a request's timestamp may stray from the server's clock before it is refused; a
# server remembers nonces for twice this long, so no replay fits in the window.
MAX_CLOCK_SKEW_SECONDS = 300
NONCE_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def new_nonce() -> str:
    """128 random bits as 32 lowercase hex characters."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class SignedRequest:
    """Everything the signature covers."""

    method: str
    target: str
    timestamp: int
    nonce: str
    kiosk_id: str
    idempotency_key: str
    body_hash: str

    def text(self) -> bytes:
        lines = [
            self.method.upper(),
            self.target,
            str(self.timestamp),
            self.nonce,
            self.kiosk_id,
            self.idempotency_key,
            self.body_hash,
        ]
        return "\n".join(lines).encode()


def sign(secret: bytes, request: SignedRequest) -> str:
    return hmac.new(secret, request.text(), hashlib.sha256).hexdigest()


def signature_matches(secret: bytes, signature: str, request: SignedRequest) -> bool:
    """Constant-time comparison, so timing does not leak how much of a forged signature fits."""
    return hmac.compare_digest(sign(secret, request), signature.lower())
