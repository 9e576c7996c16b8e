"""Device authentication for the provincial contract: each request is signed with the kiosk's
own secret (HMAC-SHA256), so the province knows which kiosk sent it and that nothing was changed.

The signed text is five lines — method, request target (path and query exactly as sent), Unix
timestamp, kiosk id and the hex SHA-256 of the body — joined by "\\n". The same function serves
the client and the stand-in server; the contract (contract/openapi.yaml) spells it out so an
independent implementation can check it.
"""

from __future__ import annotations

import hashlib
import hmac

KIOSK_ID_HEADER = "X-Kiosk-Id"
TIMESTAMP_HEADER = "X-Kiosk-Timestamp"
BODY_SHA256_HEADER = "X-Body-SHA256"
SIGNATURE_HEADER = "X-Kiosk-Signature"

# How far a request's timestamp may stray from the server's clock before it is refused.
MAX_CLOCK_SKEW_SECONDS = 300


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def signing_text(method: str, target: str, timestamp: int, kiosk_id: str, body_hash: str) -> bytes:
    return "\n".join([method.upper(), target, str(timestamp), kiosk_id, body_hash]).encode()


def sign(
    secret: bytes, method: str, target: str, timestamp: int, kiosk_id: str, body_hash: str
) -> str:
    text = signing_text(method, target, timestamp, kiosk_id, body_hash)
    return hmac.new(secret, text, hashlib.sha256).hexdigest()


def signature_matches(
    secret: bytes,
    signature: str,
    method: str,
    target: str,
    timestamp: int,
    kiosk_id: str,
    body_hash: str,
) -> bool:
    """Constant-time comparison, so timing does not leak how much of a forged signature fits."""
    expected = sign(secret, method, target, timestamp, kiosk_id, body_hash)
    return hmac.compare_digest(expected, signature.lower())
