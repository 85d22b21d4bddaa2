"""Webhook delivery: HMAC-signed bodies, retries with exponential backoff.

A receiver checks `X-Borderwatch-Signature` = "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body)
with the timestamp of `X-Borderwatch-Timestamp`, and refuses stale timestamps (see `verify_signature`).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

import httpx

__all__ = ["DeliveryResult", "backoff_seconds", "post_signed", "sign", "signed_headers", "verify_signature"]

SIGNATURE_HEADER = "X-Borderwatch-Signature"
TIMESTAMP_HEADER = "X-Borderwatch-Timestamp"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def signed_headers(secret: str, body: bytes, delivery_id: int, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {
        "Content-Type": "application/json",
        "User-Agent": "borderwatch-webhook/1",
        "X-Borderwatch-Delivery": str(delivery_id),
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }


def verify_signature(
    secret: str, body: bytes, timestamp: str, signature: str, tolerance_s: float = 300, now: float | None = None
) -> bool:
    """For receivers: the signature matches and the timestamp is recent (replays are refused)."""
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - stamp) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, stamp, body), signature)


def backoff_seconds(attempt: int, base: float = 1.0, cap: float = 300.0) -> float:
    """Wait before try `attempt + 1` after `attempt` failed tries: 1 s, 2 s, 4 s, ... up to `cap`."""
    return float(min(cap, base * 2 ** max(0, attempt - 1)))


@dataclass(frozen=True)
class DeliveryResult:
    ok: bool
    status_code: int | None
    error: str | None
    ms: float


async def post_signed(
    client: httpx.AsyncClient, url: str, secret: str, body: bytes, delivery_id: int, timeout: float = 10.0
) -> DeliveryResult:
    """One try: POST the body with its signature; a 2xx answer is a delivery."""
    started = time.perf_counter()
    try:
        response = await client.post(
            url, content=body, headers=signed_headers(secret, body, delivery_id), timeout=timeout
        )
    except httpx.HTTPError as exc:
        return DeliveryResult(False, None, f"{type(exc).__name__}: {exc}"[:500], _ms(started))
    ok = 200 <= response.status_code < 300
    return DeliveryResult(ok, response.status_code, None if ok else f"HTTP {response.status_code}", _ms(started))


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
