"""Webhook delivery in the server: due deliveries are claimed from the store, POSTed signed, and logged.

Failures are retried with exponential backoff (1 s, 2 s, 4 s, ... at most 5 minutes apart) up to
`webhook_max_attempts` tries; each try is a row of the delivery log.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import UTC, datetime

import httpx

from ..settings import Settings
from ..store import Store
from ..zones import backoff_seconds, post_signed

__all__ = ["WebhookDeliverer"]

log = logging.getLogger("borderwatch.api")


class WebhookDeliverer:
    def __init__(self, store: Store, settings: Settings, poll_s: float = 1.0, backoff_base_s: float = 1.0) -> None:
        self._store = store
        self._max_attempts = settings.webhook_max_attempts
        self._timeout_s = settings.webhook_timeout_s
        self._poll_s = poll_s
        self._backoff_base_s = backoff_base_s
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def nudge(self) -> None:
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def run(self, once: bool = False) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        async with httpx.AsyncClient(follow_redirects=False, trust_env=False) as client:
            while True:
                try:
                    done = await self.deliver_due(client)
                except Exception:  # the database briefly locked or gone: try again at the next poll
                    log.exception("webhooks: delivery round failed")
                    done = 0
                if once and done == 0:
                    return
                if done:
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), await self._wait_s())
                self._wake.clear()

    async def _wait_s(self) -> float:
        due = await asyncio.to_thread(self._store.next_delivery_due)
        if due is None:
            return self._poll_s
        ahead = (due - datetime.now(UTC).replace(tzinfo=None)).total_seconds()
        return min(self._poll_s, max(0.01, ahead))

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        """Try every due delivery once, concurrently; how many were tried."""
        jobs = await asyncio.to_thread(self._store.claim_deliveries, 20, self._timeout_s + 30)
        await asyncio.gather(*(self._deliver(client, job) for job in jobs))
        return len(jobs)

    async def _deliver(self, client: httpx.AsyncClient, job: dict) -> None:  # type: ignore[type-arg]
        body = json.dumps({"type": "alert", "alert": job["alert"]}, ensure_ascii=False).encode("utf-8")
        result = await post_signed(client, job["url"], job["secret"], body, job["id"], self._timeout_s)
        tries = job["attempts"] + 1
        retry_in = None if result.ok or tries >= self._max_attempts else backoff_seconds(tries, self._backoff_base_s)
        if not result.ok:
            log.warning("webhook %s: try %d failed (%s)", job["url"], tries, result.error)
        await asyncio.to_thread(
            self._store.record_delivery_attempt,
            job["id"],
            result.ok,
            result.status_code,
            result.error,
            result.ms,
            retry_in,
        )
